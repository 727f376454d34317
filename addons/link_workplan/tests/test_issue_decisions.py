# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from .test_workplan_actions import WorkplanCase


class TestIssueDecisions(WorkplanCase):
    """Decisions that act: the steering group decides, and what the decision
    calls for is created on its behalf and linked both ways."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target = cls.env["link.workplan.target"].create(
            {"code": "A", "name": "Identify groups", "workstream_id": cls.stream.id}
        )
        cls.other_stream = cls.env["link.workstream"].create(
            {"name": "Information", "workplan_id": cls.plan.id}
        )
        cls.other_target = cls.env["link.workplan.target"].create(
            {"code": "B", "name": "Map data", "workstream_id": cls.other_stream.id}
        )
        cls.lead = cls.env["res.partner"].create({"name": "Dafydd Lead"})

    def _issue(self, **vals):
        return (
            self.env["link.community.issue"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Sent home without medicines",
                    "description": "<p>Medicines follow days later.</p>",
                    **vals,
                }
            )
        )

    def _smart_button_issues(self, kind, record, user):
        """The issues the smart button of ``record``'s form opens for
        ``user``."""
        window = self.env["ir.actions.act_window"]._for_xml_id(
            f"link_workplan.link_community_issue_action_from_{kind}"
        )
        domain = safe_eval(window["domain"], {"active_id": record.id})
        return self.env["link.community.issue"].with_user(user).search(domain)

    def _decide(self, issue, **vals):
        as_steering = issue.with_user(self.steering)
        as_steering.write(vals)
        as_steering.action_decide()
        return issue

    def test_work_plan_action_with_lead_target_and_deadline(self):
        issue = self._decide(
            self._issue(),
            decision="work_plan",
            plan_workstream_id=self.stream.id,
            action_target_id=self.target.id,
            action_lead_id=self.lead.id,
            action_deadline_text="March 2027",
        )
        action = issue.action_id
        self.assertEqual(len(action), 1)
        self.assertEqual(
            (action.workstream_id, action.target_id, action.lead_id, action.name),
            (self.stream, self.target, self.lead, "Sent home without medicines"),
        )
        self.assertEqual(action.deadline_text, "March 2027")
        self.assertEqual(action.deadline_date, date(2027, 3, 31))
        # Linked both ways, and the action shows the issue.
        self.assertEqual(action.community_issue_ids, issue)
        as_staff = action.with_user(self.staff)
        self.assertEqual(as_staff.community_issue_count, 1)
        self.assertEqual(
            self._smart_button_issues("action", action, self.steering), issue
        )
        self.assertEqual(
            issue.with_user(self.steering).action_open_link_action()["res_id"],
            action.id,
        )
        self.assertEqual((issue.state, issue.decided_by_id), ("decided", self.steering))

    def test_deadline_as_a_date_or_ongoing(self):
        by_date = self._decide(
            self._issue(),
            decision="work_plan",
            plan_workstream_id=self.stream.id,
            action_deadline_date=date(2026, 7, 9),
        )
        self.assertEqual(by_date.action_id.deadline_text, "9 July 2026")
        self.assertEqual(
            (by_date.action_id.deadline_date, by_date.action_id.deadline_precision),
            (date(2026, 7, 9), "day"),
        )
        without = self._decide(
            self._issue(name="No deadline"),
            decision="work_plan",
            plan_workstream_id=self.stream.id,
        )
        self.assertEqual(without.action_id.deadline_precision, "ongoing")

    def test_what_the_work_plan_decision_needs(self):
        issue = self._issue()
        as_steering = issue.with_user(self.steering)
        as_steering.decision = "work_plan"
        with self.assertRaisesRegex(UserError, "Choose the work stream"):
            as_steering.action_decide()
        with self.assertRaisesRegex(ValidationError, "target of the work stream"):
            as_steering.write(
                {
                    "plan_workstream_id": self.stream.id,
                    "action_target_id": self.other_target.id,
                }
            )
        as_steering.write(
            {
                "plan_workstream_id": self.stream.id,
                "action_target_id": self.target.id,
                "action_deadline_text": "soonish",
            }
        )
        with self.assertRaisesRegex(UserError, "Cannot read the action deadline"):
            as_steering.action_decide()
        closed = self.env["link.workplan"].create(
            {
                "name": "2025-26",
                "date_start": date(2025, 4, 1),
                "date_end": date(2026, 3, 31),
                "state": "closed",
            }
        )
        old_stream = self.env["link.workstream"].create(
            {"name": "Old", "workplan_id": closed.id}
        )
        as_steering.write(
            {
                "plan_workstream_id": old_stream.id,
                "action_target_id": False,
                "action_deadline_text": False,
            }
        )
        with self.assertRaisesRegex(UserError, "is closed"):
            as_steering.action_decide()
        # Checked before anything was written or created.
        self.assertEqual(issue.state, "new")
        self.assertFalse(issue.action_id)
        self.assertFalse(
            self.env["link.workplan.action"].search(
                [("name", "=", "Sent home without medicines")]
            )
        )

    def test_task_group_in_the_chosen_plan(self):
        issue = self._decide(
            self._issue(),
            decision="task_group",
            plan_workplan_id=self.plan.id,
        )
        stream = issue.workstream_id
        self.assertEqual(len(stream), 1)
        self.assertEqual(
            (stream.name, stream.workplan_id, stream.category),
            ("Sent home without medicines", self.plan, "task_group"),
        )
        self.assertIn("Medicines follow days later.", stream.aim)
        self.assertEqual(stream.responsible_user_id, self.staff, "who logged it")
        self.assertEqual(stream.community_issue_ids, issue)
        self.assertEqual(stream.with_user(self.steering).community_issue_count, 1)
        self.assertEqual(
            self._smart_button_issues("workstream", stream, self.steering), issue
        )
        self.assertFalse(issue.decision_reason, "acting decisions need no reason")
        with self.assertRaisesRegex(UserError, "archive it"):
            stream.with_user(self.manager).unlink()

    @freeze_time("2026-09-01")
    def test_task_group_in_the_plan_running_today(self):
        running = self.env["link.workplan"].create(
            {
                "name": "Running",
                "date_start": date(2026, 6, 1),
                "date_end": date(2027, 5, 31),
                "state": "approved",
            }
        )
        issue = self._decide(self._issue(), decision="task_group")
        self.assertEqual(issue.workstream_id.workplan_id, running)
        self.assertEqual(issue.plan_workplan_id, running, "the plan is recorded")

    @freeze_time("2045-01-01")
    def test_task_group_needs_a_plan(self):
        issue = self._issue()
        issue.with_user(self.steering).decision = "task_group"
        with self.assertRaisesRegex(UserError, "No approved work plan runs today"):
            issue.with_user(self.steering).action_decide()
        self.plan.state = "closed"
        issue.with_user(self.steering).plan_workplan_id = self.plan
        with self.assertRaisesRegex(UserError, "is closed"):
            issue.with_user(self.steering).action_decide()
        self.assertFalse(issue.workstream_id)
        self.assertEqual(issue.state, "new")

    def test_acting_again_creates_nothing_more(self):
        issue = self._decide(
            self._issue(), decision="work_plan", plan_workstream_id=self.stream.id
        )
        action = issue.action_id
        issue.with_user(self.steering)._link_act_on_decision()
        issue.state = "assessed"
        issue.with_user(self.steering).action_decide()
        self.assertEqual(issue.action_id, action)
        self.assertEqual(
            self.env["link.workplan.action"].search_count(
                [("community_issue_ids", "in", issue.ids)]
            ),
            1,
        )

    def test_refer_and_no_action_still_need_a_reason(self):
        for decision in (
            "refer_link",
            "refer_scrutiny",
            "refer_regulator",
            "no_action",
        ):
            with (
                self.subTest(decision=decision),
                self.assertRaisesRegex(ValidationError, "Give the reason"),
            ):
                self._issue(decision=decision)
        issue = self._decide(
            self._issue(), decision="no_action", decision_reason="National policy"
        )
        self.assertEqual(issue.state, "decided")
        self.assertFalse(issue.action_id or issue.workstream_id)

    def test_steering_decides_but_does_not_edit_the_plan(self):
        with self.assertRaises(AccessError):
            self.env["link.workplan.action"].with_user(self.steering).create(
                {"name": "Direct", "workstream_id": self.stream.id}
            )
        with self.assertRaises(AccessError):
            self.env["link.workstream"].with_user(self.steering).create(
                {"name": "Direct", "workplan_id": self.plan.id}
            )
        issue = self._decide(
            self._issue(), decision="task_group", plan_workplan_id=self.plan.id
        )
        with self.assertRaises(AccessError):
            issue.workstream_id.with_user(self.steering).name = "Renamed"
        with self.assertRaises(AccessError):
            issue.with_user(self.monitor).action_decide()
        # The council monitor reads the issue, not the person leading its action.
        issue.with_user(self.monitor).read(["decision", "workstream_id"])
        with self.assertRaises(AccessError):
            issue.with_user(self.monitor).read(["action_lead_id"])
