# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .test_workplan_actions import WorkplanCase


class BudgetCase(WorkplanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_stream = cls.env["link.workstream"].create(
            {"name": "Monitoring", "workplan_id": cls.plan.id}
        )
        cls.Line = cls.env["link.budget.line"].with_user(cls.staff)
        cls.Cost = cls.env["link.budget.cost"].with_user(cls.staff)

    def _line(self, stream=None, allocated=1000.0, **vals):
        return self.Line.create(
            {
                "workplan_id": self.plan.id,
                "workstream_id": (stream or self.stream).id,
                "name": "Room hire",
                "amount_allocated": allocated,
                **vals,
            }
        )

    def _cost(self, line, amount, day="2026-05-04", approve=True, **vals):
        cost = self.Cost.create(
            {
                "budget_line_id": line.id,
                "name": "Civic Centre",
                "date": day,
                "amount": amount,
                **vals,
            }
        )
        if approve:
            cost.action_approve()
        return cost


class TestBudgetEntry(BudgetCase):
    def test_staff_allocate_book_and_approve(self):
        line = self._line(allocated=500.0)
        with freeze_time("2026-05-05"):
            approved = self._cost(line, 120.25)
            waiting = self._cost(line, 80.0, approve=False)
            declined = self._cost(line, 40.0, approve=False)
            declined.decline_reason = "Paid by the board"
            declined.action_decline()
        self.assertEqual(approved.state, "approved")
        self.assertEqual(approved.decided_by_id, self.staff)
        self.assertEqual(approved.decided_on, date(2026, 5, 5))
        self.assertEqual(declined.state, "declined")
        # Only the approved cost is spent.
        self.assertEqual(line.amount_spent, 120.25)
        self.assertEqual(line.amount_remaining, 379.75)
        self.assertEqual(self.plan.budget_allocated, 500.0)
        self.assertEqual(self.plan.budget_spent, 120.25)
        waiting.action_approve()
        self.assertEqual(line.amount_spent, 200.25)
        self.assertEqual(approved.workstream_id, self.stream)
        self.assertEqual(approved.workplan_id, self.plan)

    def test_decline_needs_a_reason_and_decided_costs_stay(self):
        line = self._line()
        cost = self._cost(line, 10.0, approve=False)
        with self.assertRaises(UserError):
            cost.action_decline()
        self.assertEqual(cost.state, "draft")
        with self.assertRaises(UserError, msg="decided by the buttons only"):
            cost.write({"state": "approved"})
        cost.action_approve()
        with self.assertRaises(UserError, msg="decided once"):
            cost.action_approve()

    def test_validation(self):
        line = self._line()
        with self.assertRaises(ValidationError):
            self._line(allocated=-1.0)
        for amount in (0.0, -5.0):
            with self.assertRaises(ValidationError):
                self._cost(line, amount, approve=False)
        with self.assertRaises(ValidationError) as caught:
            self._cost(line, 5.0, day="2027-04-01", approve=False)
        self.assertIn("01/04/2027", str(caught.exception))
        with self.assertRaises(ValidationError):
            self._cost(line, 5.0, day="2026-03-31", approve=False)
        action = self._action("July 2026")
        with self.assertRaises(ValidationError, msg="action of another stream"):
            self._line(stream=self.other_stream, action_id=action.id)
        other_plan = self.env["link.workplan"].create(
            {
                "name": "2027-28",
                "date_start": date(2027, 4, 1),
                "date_end": date(2028, 3, 31),
            }
        )
        with self.assertRaises(ValidationError, msg="stream of another plan"):
            self.Line.create(
                {
                    "workplan_id": other_plan.id,
                    "workstream_id": self.stream.id,
                    "name": "Wrong plan",
                }
            )
        with_action = self._line(action_id=action.id)
        self.assertEqual(with_action.action_id, action)

    def test_approved_cost_is_locked_until_a_manager_reopens_it(self):
        line = self._line()
        cost = self._cost(line, 100.0)
        with self.assertRaises(UserError):
            cost.amount = 90.0
        cost.name = "Civic Centre, main hall"  # the wording may be put right
        with self.assertRaises(AccessError):
            cost.action_reset_to_draft()
        cost.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(line.amount_spent, 0.0)
        cost.amount = 90.0
        cost.action_approve()
        self.assertEqual(line.amount_spent, 90.0)


class TestBudgetAccess(BudgetCase):
    def test_nobody_deletes_a_decided_cost(self):
        line = self._line()
        approved = self._cost(line, 50.0)
        declined = self._cost(line, 20.0, approve=False, decline_reason="No")
        declined.action_decline()
        draft = self._cost(line, 5.0, approve=False)
        for user in (self.staff, self.manager):
            for cost in (approved, declined):
                with self.assertRaises(UserError):
                    cost.with_user(user).unlink()
        with self.assertRaises(UserError, msg="a line with decided costs stays"):
            line.unlink()
        with self.assertRaises(UserError, msg="and so does its plan"):
            self.plan.with_user(self.manager).unlink()
        draft.unlink()
        self.assertFalse(draft.exists())
        self.assertTrue((approved | declined).exists())
        empty = self._line()
        empty.unlink()
        self.assertFalse(empty.exists())

    def test_monitor_and_steering_read_only(self):
        line = self._line()
        approved = self._cost(line, 50.0)
        waiting = self._cost(line, 20.0, approve=False)
        for user in (self.monitor, self.steering):
            with self.assertRaises(AccessError):
                line.with_user(user).amount_allocated = 1.0
            with self.assertRaises(AccessError):
                self._line().with_user(user).copy()
            with self.assertRaises(AccessError):
                waiting.with_user(user).action_approve()
            with self.assertRaises(AccessError):
                self.env["link.budget.cost"].with_user(user).create(
                    {
                        "budget_line_id": line.id,
                        "name": "x",
                        "date": "2026-05-04",
                        "amount": 1.0,
                    }
                )
        self.assertEqual(line.with_user(self.monitor).amount_spent, 50.0)
        # The monitor reads the money spent, not the claims still waiting.
        seen = (
            self.env["link.budget.cost"]
            .with_user(self.monitor)
            .search([("budget_line_id", "=", line.id)])
        )
        self.assertEqual(seen, approved)
        seen = (
            self.env["link.budget.cost"]
            .with_user(self.steering)
            .search([("budget_line_id", "=", line.id)])
        )
        self.assertEqual(seen, approved | waiting)
        with self.assertRaises(AccessError):
            self.env["link.budget.line"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["link.budget.cost"].with_user(self.equality_officer).search([])

    def test_views_open_for_each_reader(self):
        for user in (self.monitor, self.steering, self.staff):
            for model in ("link.budget.line", "link.budget.cost"):
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views(
                        [(False, kind) for kind in ("list", "form", "pivot", "graph")]
                        + [(False, "search")]
                    )
                )
                self.assertIn("pivot", views["views"])
        form = (
            self.env["link.workplan"]
            .with_user(self.monitor)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="budget_line_ids"', form)


class TestBudgetFigures(BudgetCase):
    def test_summary_and_pack_equal_the_pivots_as_monitor(self):
        line = self._line(allocated=1000.0)
        activity = self._line(
            allocated=250.5, action_id=self._action("July 2026").id, name="Leaflets"
        )
        other = self._line(stream=self.other_stream, allocated=400.0)
        with freeze_time("2026-08-01"):
            self._cost(line, 100.0, day="2026-05-04")  # Q1
            self._cost(activity, 35.45, day="2026-07-02")  # Q2
            self._cost(other, 60.0, day="2026-09-30")  # Q2
            self._cost(other, 999.0, day="2026-08-01", approve=False)
        q2 = (date(2026, 7, 1), date(2026, 9, 30))
        summary = {
            row["workstream"]: row
            for row in self.env["link.budget.line"]._link_budget_summary(*q2)
        }
        self.assertEqual(summary["Active engagement"]["allocated"], 1250.5)
        self.assertEqual(summary["Active engagement"]["spent"], 35.45)
        self.assertEqual(summary["Monitoring"]["allocated"], 400.0)
        self.assertEqual(summary["Monitoring"]["spent"], 60.0)
        names = [r["workstream"] for r in self.Line._link_budget_summary(*q2)]
        self.assertEqual(names, sorted(names))

        Period = self.env["link.monitoring.period"].with_user(self.staff)
        Period.search([("date_from", "=", q2[0])]).sudo().unlink()  # demo
        period = Period.create(
            {"name": "2026-27 Q2", "date_from": q2[0], "date_to": q2[1]}
        )
        period.action_refresh_figures()
        figures = {f.code: f.value for f in period.figure_ids if f.section == "budget"}
        Line = self.env["link.budget.line"].with_user(self.monitor)
        Cost = self.env["link.budget.cost"].with_user(self.monitor)
        # The budget pivot (allocated by work stream) and the costs pivot
        # (approved costs by work stream), with their filters for the dates.
        allocated = Line.read_group(
            [
                ("workplan_id.date_start", "<=", q2[1]),
                ("workplan_id.date_end", ">=", q2[0]),
            ],
            ["amount_allocated:sum"],
            ["workstream_id"],
        )
        spent = Cost.read_group(
            [("state", "=", "approved"), ("date", ">=", q2[0]), ("date", "<=", q2[1])],
            ["amount:sum"],
            ["workstream_id"],
        )
        to_date = Cost.read_group(
            [
                ("state", "=", "approved"),
                ("date", "<=", q2[1]),
                ("workplan_id.date_start", "<=", q2[1]),
                ("workplan_id.date_end", ">=", q2[0]),
            ],
            ["amount:sum"],
            ["workstream_id"],
        )
        for column, groups, measure in (
            ("allocated", allocated, "amount_allocated"),
            ("spent", spent, "amount"),
            ("to_date", to_date, "amount"),
        ):
            self.assertTrue(groups)
            for group in groups:
                code = f"budget_{column}_{group['workstream_id'][0]}"
                self.assertAlmostEqual(figures[code], group[measure], places=2)
            self.assertAlmostEqual(
                figures[f"budget_{column}_total"],
                sum(g[measure] for g in groups),
                places=2,
            )
        self.assertAlmostEqual(figures[f"budget_spent_{self.stream.id}"], 35.45)
        self.assertAlmostEqual(figures[f"budget_to_date_{self.stream.id}"], 135.45)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "link_membership.link_monitoring_period_report", period.ids
            )[0]
            .decode()
        )
        self.assertIn('id="link_monitoring_budget"', html)
        self.assertIn("35.45", html)

    def test_summary_queries_do_not_grow_with_lines(self):
        Line = self.env["link.budget.line"]
        streams = self.env["link.workstream"].create(
            [
                {"name": f"Stream {n:02d}", "workplan_id": self.plan.id}
                for n in range(50)
            ]
        )

        def add(some_streams):
            lines = self.Line.create(
                [
                    {
                        "workplan_id": self.plan.id,
                        "workstream_id": stream.id,
                        "name": "Line",
                        "amount_allocated": 10.0,
                    }
                    for stream in some_streams
                ]
            )
            for line in lines:
                self._cost(line, 1.0, day="2026-05-04")

        dates = (date(2026, 4, 1), date(2026, 6, 30))
        Line._link_budget_summary(*dates)  # warm the caches
        add(streams[:5])
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            five = Line._link_budget_summary(*dates)
        add(streams[5:])
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            fifty = Line._link_budget_summary(*dates)
        self.assertGreaterEqual(len(fifty) - len(five), 45)
