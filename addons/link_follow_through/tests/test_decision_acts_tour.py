# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDecisionActsTour(HttpCase):
    """In a browser, as the demo steering group member (login `steering`):
    deciding to enter and view a service opens the draft visit, and the host
    officer who logged the issue (demo login `staff`) has it to plan."""

    def test_steering_decision_opens_a_visit(self):
        staff = self.env.ref("link_membership.res_users_demo_staff")
        home = self.env["res.partner"].create(
            {
                "name": "Tour Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
            }
        )
        issue = (
            self.env["link.community.issue"]
            .with_user(staff)
            .create(
                {"name": "Tour visit issue: falls at night", "provider_id": home.id}
            )
        )

        self.start_tour("/odoo", "link_decision_acts_tour", login="steering")

        visit = issue.sudo().visit_ids
        self.assertEqual((visit.premises_id, visit.state), (home, "draft"))
        activity = self.env["mail.activity"].search(
            [("res_model", "=", visit._name), ("res_id", "=", visit.id)]
        )
        self.assertEqual(activity.user_id, staff)
