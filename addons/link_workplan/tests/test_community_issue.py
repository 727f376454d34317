# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .test_workplan_actions import WorkplanCase


class TestCommunityIssue(WorkplanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        company.link_issue_score_trigger = 15
        company.link_issue_people_trigger = 3
        company.link_issue_steering_user_id = cls.steering
        cls.ada, cls.bo = cls.env["res.partner"].create(
            [{"name": "Ada"}, {"name": "Bo"}]
        )
        cls.urgency = cls.env.ref(
            "link_workplan.link_issue_criterion_urgency"
        )  # weight 2
        cls.vulnerable = cls.env.ref(
            "link_workplan.link_issue_criterion_vulnerable"
        )  # 1.5
        cls.Issue = cls.env["link.community.issue"].with_user(cls.staff)

    def _issue(self, **vals):
        return self.Issue.create({"name": "Wheelchair repairs", **vals})

    def _triggers(self, issue):
        return issue.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("link_workplan.mail_activity_type_link_issue_trigger")
            )
        )

    def test_contacts_and_different_people(self):
        issue = self._issue(
            contact_ids=[
                (0, 0, {"partner_id": self.ada.id}),
                (0, 0, {"partner_id": self.ada.id, "channel": "email"}),
                (0, 0, {"channel": "web"}),
            ]
        )
        self.assertEqual((issue.contact_count, issue.people_count), (3, 2))
        self.env["link.community.issue.contact"].with_user(self.staff).create(
            {"issue_id": issue.id, "channel": "event"}
        )
        self.assertEqual(
            (issue.contact_count, issue.people_count),
            (4, 3),
            "each anonymous contact is one more person",
        )

    def test_weighted_score_and_score_trigger_once(self):
        issue = self._issue(
            score_ids=[(0, 0, {"criterion_id": self.urgency.id, "score": 4})]
        )
        self.assertEqual(issue.score, 8)
        self.assertFalse(issue.triggered)
        line = (
            self.env["link.community.issue.score"]
            .with_user(self.staff)
            .create(
                {"issue_id": issue.id, "criterion_id": self.vulnerable.id, "score": 5}
            )
        )
        self.assertEqual(issue.score, 15.5)
        self.assertTrue(issue.triggered)
        self.assertEqual(self._triggers(issue).user_id, self.steering)
        line.score = 4
        line.score = 5
        self.assertEqual(len(self._triggers(issue)), 1, "asked once")

    def test_people_trigger(self):
        issue = self._issue(
            contact_ids=[
                (0, 0, {"partner_id": self.ada.id}),
                (0, 0, {"partner_id": self.bo.id}),
            ]
        )
        self.assertFalse(issue.triggered)
        issue.write({"contact_ids": [(0, 0, {"channel": "phone"})]})
        self.assertTrue(issue.triggered)
        issue.write({"contact_ids": [(0, 0, {"channel": "phone"})]})
        self.assertEqual(len(self._triggers(issue)), 1)

    def test_taking_an_issue_into_the_work_plan(self):
        issue = self._issue()
        issue.decision = "work_plan"
        with self.assertRaisesRegex(UserError, "Choose the work stream"):
            issue.action_decide()
        issue.plan_workstream_id = self.stream
        issue.with_user(self.steering).action_decide()
        self.assertEqual(issue.state, "decided")
        self.assertEqual(issue.decided_by_id, self.steering)
        self.assertEqual(issue.action_id.workstream_id, self.stream)
        self.assertEqual(issue.action_id.name, "Wheelchair repairs")

    def test_steering_group_triages_from_the_issue_form(self):
        """What the form does for a steering group member: save the decision
        and its reason, then press Record decision; the request to decide is
        done."""
        issue = self._issue(
            score_ids=[
                (0, 0, {"criterion_id": self.urgency.id, "score": 5}),
                (0, 0, {"criterion_id": self.vulnerable.id, "score": 4}),
            ]
        )
        self.assertEqual(len(self._triggers(issue)), 1)
        as_steering = issue.with_user(self.steering)
        as_steering.write(
            {
                "decision": "refer_scrutiny",
                "decision_reason": "A council-wide question for scrutiny.",
            }
        )
        as_steering.action_decide()
        self.assertEqual(
            (issue.state, issue.decided_by_id, issue.decision),
            ("decided", self.steering, "refer_scrutiny"),
        )
        self.assertFalse(self._triggers(issue), "the request to decide is done")
        with self.assertRaises(AccessError):
            issue.with_user(self.monitor).action_decide()

    def test_other_decisions_need_a_reason(self):
        with self.assertRaisesRegex(ValidationError, "Give the reason"):
            self._issue(decision="refer_regulator")
        with self.assertRaisesRegex(UserError, "Choose a decision"):
            self._issue(name="Undecided").action_decide()

    @mute_logger("odoo.sql_db")
    def test_scores_are_from_0_to_5(self):
        issue = self._issue()
        with self.assertRaises(IntegrityError):
            self.env["link.community.issue.score"].create(
                {"issue_id": issue.id, "criterion_id": self.urgency.id, "score": 6}
            )

    def test_monitor_sees_issues_but_not_who_raised_them(self):
        issue = self._issue(contact_ids=[(0, 0, {"partner_id": self.ada.id})])
        self.assertEqual(issue.with_user(self.monitor).people_count, 1)
        with self.assertRaises(AccessError):
            issue.contact_ids.with_user(self.monitor).read(["partner_id"])
        with self.assertRaises(AccessError):
            issue.with_user(self.portal_user).read(["name"])

    def test_counting_does_not_grow_with_issues(self):
        def issues(count):
            records = self.env["link.community.issue"].create(
                [
                    {
                        "name": f"I{i}",
                        "contact_ids": [
                            (0, 0, {"partner_id": self.ada.id}),
                            (0, 0, {"channel": "web"}),
                        ],
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            return records

        issues(1)._compute_counts()  # warm the caches
        for records in (issues(5), issues(50)):
            with self.assertQueryCount(1):
                records._compute_counts()
