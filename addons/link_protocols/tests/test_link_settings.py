# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.link_membership.tests.common import LinkCase


class TestProtocolSettings(LinkCase):
    """The statutory clocks block of LINk settings, as a host manager
    without Administration rights."""

    def test_manager_sets_the_clocks_and_refreshes_bank_holidays(self):
        calendar = self.env["resource.calendar"].create(
            {"name": "Settings office", "tz": "Europe/London"}
        )
        self.env.company.resource_calendar_id = calendar
        settings = (
            self.env["link.settings"]
            .with_user(self.manager)
            .create(
                {
                    "link_holiday_region": "SCT",
                    "link_reminder_working_days": 3,
                    "link_escalation_user_id": self.manager.id,
                    "link_complaint_lead_id": self.manager.id,
                }
            )
        )
        self.assertEqual(self.env.company.link_holiday_region, "SCT")
        self.assertEqual(self.env.company.link_reminder_working_days, 3)
        self.assertEqual(self.env.company.link_escalation_user_id, self.manager)
        self.assertEqual(self.env.company.link_complaint_lead_id, self.manager)
        settings.action_link_refresh_bank_holidays()
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", calendar.id)]
        )
        self.assertIn("Andrew's Day", " ".join(leaves.mapped("name")))
        with self.assertRaises(AccessError):
            calendar.with_user(self.manager).write({"name": "Renamed"})
