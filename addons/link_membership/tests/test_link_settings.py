# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LinkCase


# After every addon is loaded: the menu test reads the other addons' menus.
@tagged("post_install", "-at_install")
class TestLinkSettings(LinkCase):
    """LINk > Configuration > Settings: host managers open and save LINk
    settings without Administration rights, and gain nothing else."""

    def test_manager_opens_and_saves_link_settings(self):
        self.assertFalse(self.manager.has_group("base.group_system"))
        Settings = self.env["link.settings"].with_user(self.manager)
        defaults = Settings.default_get(list(Settings.fields_get()))
        self.assertEqual(defaults["company_id"], self.env.company.id)
        settings = Settings.create(
            {
                "link_contract_start_month": "1",
                "link_volunteer_coordinator_id": self.staff.id,
                "link_shift_reminder_hours": 36,
                "link_suppression_threshold": 7,
            }
        )
        self.assertEqual(settings.execute()["tag"], "reload")
        company = self.env.company
        self.assertEqual(company.link_contract_start_month, "1")
        self.assertEqual(company.link_volunteer_coordinator_id, self.staff)
        self.assertEqual(company.link_shift_reminder_hours, 36)
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "link_membership.suppression_threshold"
            ),
            "7",
        )
        reopened = Settings.create({})
        self.assertEqual(reopened.link_contract_start_month, "1")
        self.assertEqual(reopened.link_suppression_threshold, 7)
        reopened.write({"link_shift_shortfall_days": 3})
        self.assertEqual(company.link_shift_shortfall_days, 3)

    def test_the_menu_opens_for_managers_only(self):
        menu = self.env.ref("link_membership.link_settings_menu")
        for user, visible in ((self.manager, True), (self.staff, False)):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)

    def test_staff_and_others_cannot_change_settings(self):
        self.env.company.link_contract_start_month = "4"
        for user in (self.staff, self.steering, self.monitor, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["link.settings"].with_user(user).create(
                    {"link_contract_start_month": "1"}
                )
        self.assertEqual(self.env.company.link_contract_start_month, "4")

    def test_no_administration_powers_through_it(self):
        other = self.env["res.company"].create({"name": "Elsewhere LINk host"})
        settings = (
            self.env["link.settings"]
            .with_user(self.manager)
            .create({"company_id": other.id, "link_local_authority": "Mine"})
        )
        self.assertEqual(settings.company_id, self.env.company)
        self.assertFalse(other.link_local_authority)
        other_manager = self._link_user("link_manager_2", "group_link_manager")
        with self.assertRaises(AccessError):
            settings.with_user(other_manager).write({"link_local_authority": "Theirs"})
        self.assertEqual(self.env.company.link_local_authority, "Mine")
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create({})
        with self.assertRaises(AccessError):
            self.env.company.with_user(self.manager).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].with_user(self.manager).set_param(
                "link_membership.suppression_threshold", "2"
            )
