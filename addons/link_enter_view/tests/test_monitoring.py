# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command
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
            "refused_count",
            "report_sent_count",
            "report_on_time_count",
            "response_requested_count",
            "response_on_time_count",
            "accepted_count",
            "followed_up_count",
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


class TestEnterViewFollowThroughFigures(EnterViewCase):
    """The figures of issue #19 in the pack: reports sent, responses
    requested and received on time, entry refused, recommendations followed
    up; the same as the activity report's totals."""

    MEASURES = (
        "visit_done_count",
        "refused_count",
        "report_sent_count",
        "response_requested_count",
        "response_on_time_count",
        "recommendation_count",
        "accepted_count",
        "followed_up_count",
    )

    def _visit_on(self, day, **vals):
        visit = self.env["link.ev.visit"].create(
            {"premises_id": self.care_home.id, "date_visit": f"{day} 09:00:00"}
        )
        visit.write(vals)
        return visit

    def test_pack_counts_follow_through(self):
        self._visit_on("2029-04-10", state="refused", refusal_reason="No entry")
        self._visit_on(
            "2029-04-17", state="report_sent", date_report_sent=date(2029, 4, 24)
        )
        answered = self._visit_on(
            "2029-05-02",
            state="published",
            date_report_sent=date(2029, 5, 9),
            date_response=date(2029, 5, 20),
            response="<p>Thank you</p>",
        )
        answered.recommendation_ids = [
            Command.create({"name": "One", "status": "accepted"}),
            Command.create({"name": "Two"}),
        ]
        answered.recommendation_ids[0].follow_up_status = "implemented"
        self._visit_on(
            "2029-06-05",
            state="published",
            response_requested=False,
            date_report_sent=date(2029, 6, 8),
        )
        # Outside the quarter, and a draft: not counted.
        self._visit_on("2029-07-02", state="refused", refusal_reason="No entry")
        self._visit_on("2029-05-02")
        period = self.env["link.monitoring.period"].create(
            {
                "name": "Follow-through quarter",
                "date_from": date(2029, 4, 1),
                "date_to": date(2029, 6, 30),
            }
        )
        period.action_refresh_figures()
        figures = {
            f.code: f.value for f in period.figure_ids if f.section == "enter_view"
        }
        self.assertEqual(
            {measure: figures[measure] for measure in self.MEASURES},
            {
                "visit_done_count": 3,
                "refused_count": 1,
                "report_sent_count": 3,
                "response_requested_count": 2,
                "response_on_time_count": 1,
                "recommendation_count": 2,
                "accepted_count": 1,
                "followed_up_count": 1,
            },
        )
        [totals] = (
            self.env["link.ev.activity.report"]
            .with_user(self.monitor)
            .read_group(
                [
                    ("visit_day", ">=", period.date_from),
                    ("visit_day", "<=", period.date_to),
                ],
                [f"{m}:sum" for m in self.MEASURES],
                [],
            )
        )
        for measure in self.MEASURES:
            with self.subTest(measure=measure):
                self.assertEqual(figures[measure], totals[measure])
