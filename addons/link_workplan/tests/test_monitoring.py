# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.service.model import get_public_method

from .test_workplan_actions import WorkplanCase


class TestWorkplanMonitoring(WorkplanCase):
    def _period(self, date_from):
        return self.env["link.monitoring.period"].create(
            {
                "name": f"Quarter from {date_from}",
                "date_from": date_from,
                "date_to": date_from + relativedelta(months=3, days=-1),
            }
        )

    def test_pack_figures_equal_pivot_totals_on_demo_data(self):
        action = self.env["link.workplan.action"].search(
            [("deadline_date", "!=", False), ("state", "!=", "cancelled")], limit=1
        )
        self.assertTrue(action, "demo data has actions with deadlines")
        day = action.deadline_date
        period = self._period(day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1))
        period.action_refresh_figures()
        figures = {f.code: f.value for f in period.figure_ids}
        report = self.env["link.workplan.rag.report"].with_user(self.monitor)
        groups = report.read_group(
            [
                ("deadline_date", ">=", period.date_from),
                ("deadline_date", "<=", period.date_to),
                ("state", "!=", "cancelled"),
            ],
            ["action_count:sum"],
            ["rag"],
        )
        total = sum(g["action_count"] for g in groups)
        self.assertGreaterEqual(total, 1)
        self.assertEqual(figures["actions_due"], total)
        for group in groups:
            self.assertEqual(figures[f"actions_{group['rag']}"], group["action_count"])

    def test_issues_by_decision_in_the_pack(self):
        issue = self.env["link.community.issue"].create(
            {"name": "Hospital parking", "level": "local"}
        )
        issue.write(
            {
                "decision": "refer_scrutiny",
                "decision_reason": "Needs the council to act",
                "decision_date": "2026-05-04",
            }
        )
        period = self._period(self.plan.date_start)
        period.action_refresh_figures()
        figures = {f.code: f.value for f in period.figure_ids}
        [pivot] = (
            self.env["link.community.issue.report"]
            .with_user(self.monitor)
            .read_group(
                [
                    ("decision_date", ">=", "2026-04-01"),
                    ("decision_date", "<=", "2026-06-30"),
                    ("decision", "=like", "refer%"),
                ],
                ["issue_count:sum"],
                [],
            )
        )
        self.assertGreaterEqual(pivot["issue_count"], 1)
        self.assertEqual(figures["issues_referred"], pivot["issue_count"])

    def test_steering_comments_in_the_pack(self):
        action = self._action("March 2027")
        Review = self.env["link.rag.review"].with_user(self.steering)
        Review.create(
            {
                "action_id": action.id,
                "status": "amber",
                "date": date(2026, 5, 11),
                "comment": "Waiting for the council's reply",
            }
        )
        Review.create(
            {
                "action_id": action.id,
                "status": "red",
                "date": date(2026, 8, 3),
                "comment": "Slipped over the summer",
            }
        )
        period = self._period(date(2026, 4, 1))
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "link_membership.link_monitoring_period_report", period.ids
        )
        self.assertIn("Waiting for the council&#39;s reply", html.decode())
        self.assertNotIn("Slipped over the summer", html.decode(), "next quarter")
        with self.assertRaises(AccessError, msg="not callable over RPC"):
            get_public_method(period, "_steering_comments")

    def test_monitor_cannot_open_issue_contacts(self):
        with self.assertRaises(AccessError):
            self.env["link.community.issue.contact"].with_user(self.monitor).search([])
        self.assertFalse(
            {"partner_id", "contact_ids"}
            & set(self.env["link.community.issue.report"]._fields)
        )
