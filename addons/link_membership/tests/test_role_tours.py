# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..models.equality_questions import ANSWER_FIELDS


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    """Each role's daily job in a real browser, as the demo login of that
    role (the demo database of the README's "Try it")."""

    def _demo_login(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        if not user:
            self.skipTest(f"the demo login {login!r} needs the demo data")
        return user

    def test_equality_officer_reads_answers_and_the_report(self):
        officer = self._demo_login("equality")
        self.assertTrue(
            officer.has_group("link_membership.group_link_equality_officer")
        )
        self.start_tour("/odoo", "link_equality_officer_tour", login="equality")

    def test_manager_changes_link_settings(self):
        manager = self._demo_login("manager")
        self.assertFalse(manager.has_group("base.group_system"))
        company = manager.company_id
        company.link_contract_start_month = "4"
        self.start_tour("/odoo", "link_settings_tour", login="manager")
        self.assertEqual(company.link_contract_start_month, "1")

    def test_staff_key_one_answer_and_confirm_the_replacement(self):
        self._demo_login("staff")
        ada = self.env.ref("link_membership.res_partner_demo_member_ada")
        profile = self.env["link.equality.profile"].search(
            [("partner_id", "=", ada.id)]
        )
        before = {name: profile[name] for name in ANSWER_FIELDS}
        # Recording without the confirmation is refused on purpose (logged).
        with mute_logger("odoo.http"):
            self.start_tour(
                f"/odoo/action-link_membership.res_partner_action_link_member/{ada.id}",
                "link_equality_entry_tour",
                login="staff",
            )
        profile.invalidate_recordset()
        self.assertEqual(
            {name: profile[name] for name in ANSWER_FIELDS},
            {**before, "sex": "male"},
        )
