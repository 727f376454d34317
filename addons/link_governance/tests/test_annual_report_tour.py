# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAnnualReportTour(HttpCase):
    """Host staff, as the demo login `staff`, prepare the annual report in a
    browser: fill it from the work plan, write a stream's narrative and the
    council's funding."""

    def test_staff_prepare_the_annual_report_in_the_browser(self):
        plan = self.env["link.workplan"].create(
            {
                "name": "Tour annual plan",
                "date_start": date(2021, 4, 1),
                "date_end": date(2022, 3, 31),
                "state": "approved",
            }
        )
        stream = self.env["link.workstream"].create(
            {"name": "Tour annual stream", "workplan_id": plan.id}
        )
        report = self.env["link.annual.report"].create({"year": 2021})
        self.start_tour("/odoo", "link_annual_report_tour", login="staff")
        self.assertEqual(report.stream_ids.workstream_id, stream)
        self.assertIn("Waiting times fell by a week.", report.stream_ids.narrative)
        self.assertEqual(report.income_council, 88000)
