# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError

from .common import EnterViewCase


class TestEnterViewMonitoring(EnterViewCase):
    def test_pack_figures_equal_pivot_totals_on_demo_data(self):
        visit = self.env["link.ev.visit"].search(
            [("visit_day", "!=", False), ("state", "not in", ("draft", "cancelled"))],
            order="visit_day desc",
            limit=1,
        )
        self.assertTrue(visit, "demo data has visits")
        day = visit.visit_day
        date_from = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
        period = self.env["link.monitoring.period"].create(
            {
                "name": "Visits quarter",
                "date_from": date_from,
                "date_to": date_from + relativedelta(months=3, days=-1),
            }
        )
        period.action_refresh_figures()
        figures = {
            f.code: f.value for f in period.figure_ids if f.section == "enter_view"
        }
        report = self.env["link.ev.activity.report"].with_user(self.monitor)
        measures = [
            "visit_done_count",
            "report_on_time_count",
            "response_on_time_count",
            "accepted_count",
        ]
        groups = report.read_group(
            [
                ("visit_day", ">=", period.date_from),
                ("visit_day", "<=", period.date_to),
            ],
            [f"{m}:sum" for m in measures],
            ["provider_id"],
        )
        self.assertTrue(groups)
        for measure in measures:
            with self.subTest(measure=measure):
                self.assertEqual(figures[measure], sum(g[measure] for g in groups))

    def test_monitor_cannot_open_representatives_or_notes(self):
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.monitor).browse(self.anna.id).read(
                ["name"]
            )
        for model in ("link.ev.note", "link.ev.declaration", "link.ev.team.member"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.monitor).search([])
