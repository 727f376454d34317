# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

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

    def test_issue_outcomes_publication_and_telling_back_in_the_pack(self):
        """Decided in the quarter by what came of them, published on “You
        said, we did”, and the people told back, against the report."""
        # Only this test's issues are published or told back.
        self.env["link.community.issue"].search([]).write(
            {
                "public_published": False,
                "public_published_on": False,
                "told_back_decided_on": False,
                "told_back_done_on": False,
            }
        )
        told = self.env["res.partner"].create(
            [{"name": f"Told {n}", "email": f"told{n}@example.org"} for n in range(3)]
        )
        Issue = self.env["link.community.issue"].with_user(self.staff)
        issues = Issue.create(
            [
                {
                    "name": f"Pack {decision}",
                    "decision": decision,
                    "decision_reason": "Why",
                    "plan_workplan_id": self.plan.id,
                    "plan_workstream_id": self.stream.id,
                    "contact_ids": [
                        (0, 0, {"partner_id": partner.id, "tell_back": True})
                        for partner in told
                    ],
                }
                for decision in ("work_plan", "task_group", "no_action", "refer_link")
            ]
        )
        with freeze_time("2026-05-04"):
            issues.with_user(self.steering).action_decide()
            issues.with_user(self.staff).write({"public_summary": "What was said"})
            issues[:2].with_user(self.staff).action_publish()
        with freeze_time("2026-07-02"):
            issues[0].action_id.with_user(self.staff).state = "done"
        Period = self.env["link.monitoring.period"].with_user(self.staff)

        def figures_of(date_from):
            return {
                figure["code"]: figure["value"]
                for figure in Period._link_compute_figures(
                    date_from, date_from + relativedelta(months=3, days=-1)
                )
            }

        figures = figures_of(date(2026, 4, 1))
        report = self.env["link.community.issue.report"].with_user(self.monitor)
        by_decision = {
            group["decision"]: group["issue_count"]
            for group in report.read_group(
                [
                    ("decision_date", ">=", "2026-04-01"),
                    ("decision_date", "<=", "2026-06-30"),
                ],
                ["issue_count:sum"],
                ["decision"],
            )
        }
        for code, decision in (
            ("issues_work_plan", "work_plan"),
            ("issues_task_group", "task_group"),
            ("issues_no_action", "no_action"),
        ):
            with self.subTest(code=code):
                self.assertGreaterEqual(by_decision[decision], 1)
                self.assertEqual(figures[code], by_decision[decision])
        self.assertEqual(figures["issues_published"], 2)
        self.assertEqual(figures["issues_people_told"], 4 * 3, "decided, this quarter")
        figures = figures_of(date(2026, 7, 1))
        self.assertEqual(figures["issues_people_told"], 3, "done, the next quarter")
        self.assertEqual(figures["issues_published"], 0)

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
