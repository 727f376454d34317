# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common_steering import SteeringCase


@freeze_time("2026-06-12 09:00:00")
class TestDecisionLog(SteeringCase):
    """The decision log: routes and breaches, the rows the suite writes when
    a decision acts, urgent decisions reported to the next meeting, and what
    the annual report reads."""

    def _type(self, code):
        return self.ref(f"link_governance.link_decision_type_{code}")

    def _logged(self, record):
        return self.Decision.search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )

    def test_breach_follows_the_procedure_and_not_its_later_changes(self):
        Decision = self.Decision.with_user(self.staff)
        meeting = self._meeting()
        kept = Decision.create(
            {
                "name": "Visit the care home",
                "type_id": self._type("premises").id,
                "route": "meeting",
                "meeting_id": meeting.id,
            }
        )
        breach = Decision.create(
            {
                "name": "Visit booked by the office",
                "type_id": self._type("premises").id,
                "route": "delegated",
            }
        )
        urgent = Decision.create(
            {
                "name": "Urgent visit",
                "type_id": self._type("premises").id,
                "route": "urgent",
                "urgent_reason": "Residents at risk",
            }
        )
        self.assertEqual(
            (kept.breach, breach.breach, urgent.breach), (False, True, False)
        )
        self.assertEqual(breach.procedure_route, "meeting")
        # The manager changes the procedure: the log keeps what applied.
        self._type("premises").with_user(self.manager).route = "delegated"
        self.assertTrue(breach.breach)
        self.assertEqual(breach.procedure_route, "meeting")
        later = Decision.create(
            {
                "name": "Visit booked after the change",
                "type_id": self._type("premises").id,
                "route": "delegated",
            }
        )
        self.assertFalse(later.breach)
        # Staff record a breach by hand; the steering group may not.
        with self.assertRaisesRegex(AccessError, "Only host staff"):
            kept.with_user(self.steering).breach = True
        kept.with_user(self.staff).write(
            {"breach": True, "breach_explanation": "Not quorate"}
        )
        self.assertTrue(kept.breach)

    def test_route_needs_its_reason_or_meeting(self):
        Decision = self.Decision.with_user(self.steering)
        with self.assertRaisesRegex(ValidationError, "was urgent"):
            Decision.create(
                {"name": "X", "type_id": self._type("other").id, "route": "urgent"}
            )
        with self.assertRaisesRegex(ValidationError, "Choose the meeting"):
            Decision.create(
                {"name": "Y", "type_id": self._type("other").id, "route": "meeting"}
            )

    def test_acting_on_a_decision_logs_it(self):
        # An information request sent: delegated, as the procedure allows.
        request = (
            self.env["link.information.request"]
            .with_user(self.staff)
            .create({"subject": "Waiting times", "partner_id": self.trust.id})
        )
        request.action_send()
        logged = self._logged(request)
        self.assertEqual(logged.type_id, self._type("information_request"))
        self.assertEqual(logged.route, "delegated")
        self.assertEqual(logged.decided_by_user_ids, self.staff)
        self.assertEqual(logged.date, date(2026, 6, 12))
        self.assertFalse(logged.breach)
        # A referral sent by the office alone: the procedure wants a meeting.
        referral = (
            self.env["link.referral"]
            .with_user(self.staff)
            .create({"subject": "Closures", "recipient_id": self.scrutiny.id})
        )
        referral.action_send()
        self.assertTrue(self._logged(referral).breach)
        # Sent urgently between meetings: no breach, reported next time.
        urgent = (
            self.env["link.referral"]
            .with_user(self.staff)
            .create({"subject": "Urgent closure", "recipient_id": self.scrutiny.id})
        )
        urgent.with_context(
            link_decision_urgent_reason="The committee meets tomorrow"
        ).action_send()
        urgent_row = self._logged(urgent)
        self.assertEqual(urgent_row.route, "urgent")
        self.assertFalse(urgent_row.breach)
        meeting = self._meeting(when=datetime(2026, 6, 20, 17, 0))
        meeting.with_user(self.steering).action_fill_agenda()
        self.assertEqual(self._items_about(meeting, urgent_row).kind, "urgent_decision")
        self.assertEqual(meeting.urgent_decision_ids, urgent_row)
        # A visit planned, then its report sent.
        visit = self._visit(when=datetime(2026, 6, 5, 9, 0))
        visit.action_plan()
        planned = self._logged(visit)
        self.assertEqual(planned.type_id, self._type("premises"))
        self.assertTrue(planned.breach, "planned by the office alone")
        visit.sudo().write({"state": "report_drafted", "report_body": "<p>Seen</p>"})
        visit.with_user(self.staff).action_send_report()
        report = self._logged(visit) - planned
        self.assertEqual(report.type_id, self._type("report"))
        self.assertFalse(report.breach)

    def test_issue_decided_outside_a_meeting_is_a_breach_when_it_should_not(self):
        issue = self._issue(name="Care home waits")
        self._decide(issue, "enter_view")
        logged = self._logged(issue)
        self.assertEqual(logged.type_id, self._type("premises"))
        self.assertEqual(logged.route, "delegated")
        self.assertTrue(logged.breach)
        self.assertFalse(issue.meeting_id)
        # The visit it calls for, planned, keeps the decision's route.
        visit = issue.sudo().visit_ids
        self.assertTrue(visit)
        self.assertEqual(len(self._logged(issue)), 1)

    def test_rows_are_never_deleted_and_the_monitor_only_reads(self):
        row = self.Decision.with_user(self.staff).create(
            {
                "name": "Some decision",
                "type_id": self._type("other").id,
                "route": "delegated",
            }
        )
        for user in (self.staff, self.steering, self.monitor):
            with self.assertRaises(UserError):
                row.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            row.with_user(self.manager).unlink()
        self.assertEqual(row.with_user(self.monitor).name, "Some decision")
        with self.assertRaises(AccessError):
            row.with_user(self.monitor).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self._type("other").with_user(self.staff).write({"route": "meeting"})
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self._type("other").with_user(self.manager).unlink()

    def test_annual_summary(self):
        self.env.company.link_decision_procedure = (
            "<p>The steering group decides <b>visits</b>.</p>"
        )
        meeting = self._meeting()
        self.Decision.create(
            [
                {
                    "name": "Take carers into the plan",
                    "type_id": self._type("work_programme").id,
                    "route": "meeting",
                    "meeting_id": meeting.id,
                    "date": date(2025, 6, 10),
                    "lay_involvement": "Proposed by the carers' forum.",
                },
                {
                    "name": "Visit booked by the office",
                    "type_id": self._type("premises").id,
                    "route": "delegated",
                    "date": date(2025, 5, 3),
                    "breach_explanation": "Booked too early",
                },
                {
                    "name": "Last year's decision",
                    "type_id": self._type("other").id,
                    "route": "delegated",
                    "date": date(2025, 3, 31),
                },
            ]
        )
        summary = self.Decision.with_user(self.monitor)._link_annual_summary(
            date(2025, 4, 1), date(2026, 3, 31)
        )
        self.assertEqual(set(summary), {"procedure", "decisions", "breaches"})
        self.assertEqual(summary["procedure"], "The steering group decides *visits*.")
        self.assertEqual(
            summary["decisions"],
            [
                {
                    "date": date(2025, 5, 3),
                    "kind": "Premises to enter and view",
                    "name": "Visit booked by the office",
                    "route": "Delegated to staff",
                    "lay_involvement": "",
                },
                {
                    "date": date(2025, 6, 10),
                    "kind": "Work programme and priorities",
                    "name": "Take carers into the plan",
                    "route": "Steering group meeting",
                    "lay_involvement": "2 lay member(s) and 1 volunteer(s) took "
                    "part. Proposed by the carers' forum.",
                },
            ],
        )
        self.assertEqual(
            summary["breaches"],
            [
                {
                    "date": date(2025, 5, 3),
                    "name": "Visit booked by the office",
                    "explanation": "Booked too early",
                }
            ],
        )
        self.env.company.link_decision_procedure = False
        empty = self.Decision._link_annual_summary(date(2030, 4, 1), date(2031, 3, 31))
        self.assertEqual(empty, {"procedure": "", "decisions": [], "breaches": []})

    def test_decision_log_action_filters_this_contract_year(self):
        menu_action = self.ref("link_governance.link_decision_action")
        action = menu_action.with_user(self.monitor).run()
        self.assertEqual(action["res_model"], "link.decision")
        with self.assertRaises(AccessError):
            menu_action.with_user(self.portal_user).run()
        self.assertEqual(action["context"]["link_contract_year_start"], "2026-04-01")
        self.assertEqual(action["context"]["link_contract_year_end"], "2027-03-31")

    def test_the_manager_sets_the_procedure_in_the_settings(self):
        settings = (
            self.env["link.settings"]
            .with_user(self.manager)
            .create({"link_decision_procedure": "<p>Visits at meetings</p>"})
        )
        settings.execute()
        self.assertIn("Visits at meetings", self.env.company.link_decision_procedure)
        with self.assertRaises(AccessError):
            self.env["link.settings"].with_user(self.staff).create(
                {"link_decision_procedure": "<p>By staff</p>"}
            )
