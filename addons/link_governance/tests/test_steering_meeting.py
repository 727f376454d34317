# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import (
    WKHTMLTOPDF_LOGGER,
    render_pdfs_offline,
)

from .common_steering import SteeringCase

FILL_AGENDA_QUERIES = 12


@freeze_time("2026-06-12 09:00:00")
# Post-install: issuing the minutes renders their PDF, which asks the running
# server for its styles (at install the server is still loading the modules).
@tagged("post_install", "-at_install")
class TestSteeringMeeting(SteeringCase):
    """A meeting on the calendar, its self-filling agenda, the reviews and
    decisions recorded against it, and its minutes."""

    def test_meeting_is_on_the_calendar_and_kept_in_step(self):
        meeting = self._meeting(decides_work_programme=True, location="Old Library")
        event = meeting.event_id
        self.assertTrue(event)
        self.assertEqual(event.start, datetime(2026, 6, 10, 17, 0))
        self.assertEqual(event.stop, datetime(2026, 6, 10, 19, 0))
        self.assertEqual(event.partner_ids, meeting.attendee_ids)
        self.assertTrue(event.link_decides_work_programme)
        self.assertEqual(event.location, "Old Library")
        meeting.write(
            {
                "start": datetime(2026, 6, 11, 18, 0),
                "duration": 1.5,
                "attendee_ids": [(4, self.anna.id)],
                "decides_work_programme": False,
            }
        )
        self.assertEqual(meeting.event_id, event)
        self.assertEqual(event.start, datetime(2026, 6, 11, 18, 0))
        self.assertEqual(event.stop, datetime(2026, 6, 11, 19, 30))
        self.assertIn(self.anna, event.partner_ids)
        self.assertFalse(event.link_decides_work_programme)

    def test_previous_meeting_is_the_last_held_one(self):
        first = self._meeting(when=datetime(2026, 3, 10, 17, 0), name="March")
        second = self._meeting(when=datetime(2026, 4, 10, 17, 0), name="April")
        june = self._meeting()
        self.assertNotEqual(june.previous_meeting_id, second, "April not held")
        (first | second).with_user(self.steering).action_mark_held()
        june.invalidate_recordset(["previous_meeting_id"])
        self.assertEqual(june.previous_meeting_id, second)
        self.assertEqual(second.previous_meeting_id, first)
        self.assertEqual(
            june._link_agenda_window(), (date(2026, 4, 11), date(2026, 6, 10))
        )

    def test_agenda_fills_with_what_is_due_and_refills_idempotently(self):
        previous = self._meeting(when=datetime(2026, 4, 10, 17, 0), name="April")
        previous.action_mark_held()
        meeting = self._meeting()
        due = self._actions(2, due=date(2026, 6, 10))
        later = self._actions(1, due=date(2026, 6, 11))
        issue = self._issue(name="Governance test issue")
        issue.sudo().triggered = True
        decided = self._issue(name="Decided issue")
        decided.sudo().write({"triggered": True, "state": "decided"})
        Referral = self.env["link.referral"]
        answered = Referral.create(
            {"subject": "Answered", "recipient_id": self.scrutiny.id}
        )
        answered.write({"state": "answered", "date_response": date(2026, 5, 2)})
        before = Referral.create({"subject": "Old", "recipient_id": self.scrutiny.id})
        before.write({"state": "answered", "date_response": date(2026, 4, 10)})
        seat = self.env["link.representation"].create(
            {"name": "Trust board seat", "partner_id": self.trust.id}
        )
        report = self.env["link.representation.report"].create(
            {"representation_id": seat.id, "date": date(2026, 5, 20)}
        )
        complaint = self.env["link.protocol.complaint"].create(
            {
                "partner_id": self.trust.id,
                "about": "partner",
                "raised_by": "A representative",
                "description": "<p>Asked to leave.</p>",
                "date_received": date(2026, 5, 1),
            }
        )
        complaint.write({"state": "resolved", "date_resolved": date(2026, 6, 1)})
        visit = self.env["link.ev.visit"].create(
            {"premises_id": self.care_home.id, "date_visit": "2026-05-01 09:00:00"}
        )
        visit.write({"state": "report_sent", "date_report_sent": date(2026, 5, 15)})
        urgent = self.Decision.create(
            {
                "name": "Urgent referral",
                "type_id": self.ref("link_governance.link_decision_type_referral").id,
                "route": "urgent",
                "urgent_reason": "The committee met first.",
                "date": date(2026, 5, 5),
            }
        )

        as_steering = meeting.with_user(self.steering)
        as_steering.action_fill_agenda()
        expected = {
            "review": due,
            "issue": issue,
            "referral": answered,
            "report_back": report,
            "complaint": complaint,
            "visit_report": visit,
            "urgent_decision": urgent,
        }
        for kind, records in expected.items():
            items = self._items_about(meeting, records)
            self.assertEqual(len(items), len(records), kind)
            self.assertEqual(set(items.mapped("kind")), {kind})
        for records in (later, decided, before):
            self.assertFalse(self._items_about(meeting, records))
        urgent_item = self._items_about(meeting, urgent)
        self.assertEqual(
            urgent_item.name, "Urgent decision of 05/05/2026: Urgent referral"
        )
        self.assertLess(
            urgent_item.sequence, self._items_about(meeting, due)[0].sequence
        )

        # Outcomes and items by hand survive a refill; nothing doubles.
        item = self._items_about(meeting, answered).with_user(self.steering)
        item.write({"outcome": "<p>Noted</p>", "discussed": True})
        manual = (
            self.env["link.steering.agenda.item"]
            .with_user(self.steering)
            .create({"meeting_id": meeting.id, "name": "Any other business"})
        )
        count = len(meeting.agenda_item_ids)
        answered.write({"date_response": date(2026, 4, 1)})  # no longer due
        report.write({"date": date(2026, 4, 1)})  # no longer due, no outcome
        as_steering.action_fill_agenda()
        self.assertEqual(len(meeting.agenda_item_ids), count - 1)
        self.assertTrue(manual.exists())
        self.assertIn("Noted", item.outcome)
        self.assertFalse(self._items_about(meeting, report))

        # The Open button opens the record, with the meeting in the context.
        action = self._items_about(meeting, issue).with_user(self.steering)
        action = action.action_open_record()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("link.community.issue", issue.id)
        )
        self.assertEqual(action["context"]["link_meeting_id"], meeting.id)

    def _fill_queries(self, count):
        meeting = self._meeting(name=f"Meeting {count}")
        self._actions(count)
        meeting.invalidate_model()
        self.env.flush_all()
        queries_before = self.cr.sql_log_count
        meeting.with_user(self.steering).action_fill_agenda()
        self.env.flush_all()
        return meeting, self.cr.sql_log_count - queries_before

    def test_fill_agenda_queries_do_not_grow_with_due_items(self):
        self._fill_queries(0)  # caches warmed
        first, few = self._fill_queries(5)
        self.assertGreaterEqual(len(first.agenda_item_ids), 5)
        second, many = self._fill_queries(45)
        self.assertGreaterEqual(len(second.agenda_item_ids), 50)
        self.assertEqual(few, many)
        # Pinned: the previous meeting, the items there already, one read
        # per kind of source, one insert of the new items.
        self.assertEqual(few, FILL_AGENDA_QUERIES)
        third = self._meeting(name="Pinned")
        self._actions(3)
        third.invalidate_model()
        self.env.flush_all()
        with self.assertQueryCount(FILL_AGENDA_QUERIES):
            third.with_user(self.steering).action_fill_agenda()
            self.env.flush_all()

    def test_review_and_decision_from_the_meeting_are_recorded_against_it(self):
        meeting = self._meeting()
        action = self._actions(1)
        wizard_ctx = {
            **meeting.with_user(self.steering).action_review_work_plan()["context"],
            "default_action_id": action.id,
        }
        wizard = (
            self.env["link.rag.review.wizard"]
            .with_user(self.steering)
            .with_context(**wizard_ctx)
            .create({"status": "amber", "comment": "Waiting for the trust"})
        )
        wizard.action_record()
        review = action.rag_review_ids
        self.assertEqual(review.meeting_id, meeting)
        self.assertEqual(meeting.rag_review_count, 1)

        issue = self._issue(name="Pharmacy closures")
        as_steering = issue.with_user(self.steering).with_context(
            link_meeting_id=meeting.id
        )
        as_steering.write(
            {
                "decision": "refer_scrutiny",
                "refer_to_id": self.scrutiny.id,
                "decision_reason": "A pattern across the borough",
            }
        )
        as_steering.action_decide()
        self.assertEqual(issue.meeting_id, meeting)
        decision = meeting.decision_ids
        self.assertEqual(len(decision), 1)
        self.assertEqual(decision.route, "meeting")
        self.assertEqual(
            decision.type_id, self.ref("link_governance.link_decision_type_referral")
        )
        self.assertEqual((decision.res_model, decision.res_id), (issue._name, issue.id))
        self.assertEqual(decision.decided_by_user_ids, self.steering)
        self.assertEqual(decision.decided_by_partner_ids, meeting.attendee_ids)
        self.assertEqual((decision.lay_member_count, decision.volunteer_count), (2, 1))
        self.assertFalse(decision.breach)
        # The referral the decision calls for keeps its route when sent.
        referral = issue.sudo().referral_ids
        referral.with_user(self.staff).action_send()
        sent = self.Decision.search(
            [("res_model", "=", "link.referral"), ("res_id", "=", referral.id)]
        )
        self.assertEqual((sent.route, sent.meeting_id), ("meeting", meeting))
        self.assertFalse(sent.breach)

    def test_what_each_role_may_not_do(self):
        meeting = self._meeting()
        with self.assertRaises(AccessError):
            self.env["link.steering.meeting"].with_user(self.steering).create(
                {"name": "By steering", "start": datetime(2026, 7, 1, 17, 0)}
            )
        with self.assertRaises(AccessError):
            meeting.with_user(self.steering).unlink()
        # The council monitor reads meetings and the log, never the notes.
        as_monitor = meeting.with_user(self.monitor)
        self.assertEqual(as_monitor.name, "Steering group June")
        with self.assertRaises(AccessError):
            as_monitor.write({"name": "By the monitor"})
        with self.assertRaises(AccessError):
            as_monitor.read(["minutes"])
        # ... and opens the meeting's form and the log's without an error.
        for records in (as_monitor, self.Decision.with_user(self.monitor)):
            views = records.get_views([(False, "form"), (False, "list")])
            names = views["models"][records._name]["fields"]
            self.assertNotIn("minutes", names)
            records.search([], limit=1).web_read({name: {} for name in names})
        with self.assertRaises(AccessError):
            as_monitor.action_fill_agenda()
        with self.assertRaises(AccessError):
            self.Decision.with_user(self.monitor).create(
                {
                    "name": "By the monitor",
                    "type_id": self.ref("link_governance.link_decision_type_other").id,
                    "route": "delegated",
                }
            )
        with self.assertRaises(AccessError):
            meeting.with_user(self.portal_user).read(["name"])
        # A planned meeting may go (it has no history yet).
        planned = self._meeting(name="Cancelled", when=datetime(2026, 7, 1, 17, 0))
        event = planned.event_id
        planned.with_user(self.staff).unlink()
        self.assertFalse(event.exists())

    def test_duration_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "must end after it starts"):
            self._meeting(duration=0)
        self.assertEqual(
            self._meeting().stop - datetime(2026, 6, 10, 17, 0), timedelta(hours=2)
        )


@tagged("post_install", "-at_install")
class TestSteeringMinutes(SteeringCase):
    """Issuing the minutes: the PDF is kept and nothing changes afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        render_pdfs_offline(cls.env)

    def test_mark_held_and_issue_the_minutes(self):
        # Frozen only up to the PDF: wkhtmltopdf runs on the real clock.
        with freeze_time("2026-06-12 09:00:00"):
            meeting = self._meeting(apology_ids=[(4, self.anna.id)])
            item = self.env["link.steering.agenda.item"].create(
                {"meeting_id": meeting.id, "name": "Matters arising"}
            )
            future = self._meeting(when=datetime(2026, 7, 1, 17, 0))
            with self.assertRaisesRegex(UserError, "has not started yet"):
                future.with_user(self.steering).action_mark_held()
            meeting.with_user(self.steering).action_mark_held()
            self.assertEqual(meeting.state, "held")
            with self.assertRaisesRegex(UserError, "agenda itself no longer changes"):
                item.with_user(self.steering).write({"name": "Something else"})
            item.with_user(self.steering).write({"outcome": "<p>Agreed</p>"})
            with self.assertRaises(AccessError):
                meeting.with_user(self.steering).action_issue_minutes()
            decision = self.Decision.with_user(self.steering).create(
                {
                    "name": "Visit the care home",
                    "type_id": self.ref(
                        "link_governance.link_decision_type_premises"
                    ).id,
                    "route": "meeting",
                    "meeting_id": meeting.id,
                }
            )
            html = (
                self.env["ir.actions.report"]
                ._render_qweb_html(
                    "link_governance.action_report_link_steering_minutes", meeting.ids
                )[0]
                .decode()
            )
            self.assertIn("Lay Member Lucy", html)
            self.assertIn("(lay member)", html)
            self.assertIn("(volunteer, lay member)", html)
            self.assertIn(self.anna.name, html)  # apologies
            self.assertIn("Agreed", html)
            self.assertIn("Visit the care home", html)
            self.assertIn("Steering group meeting", html)  # the route

        with mute_logger(WKHTMLTOPDF_LOGGER):
            meeting.with_user(self.staff).action_issue_minutes()
        self.assertEqual(meeting.state, "minutes_issued")
        self.assertEqual(meeting.minutes_issued_on, fields.Date.context_today(meeting))
        attachment = meeting.minutes_attachment_id
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(base64.b64decode(attachment.datas).startswith(b"%PDF"))
        with self.assertRaisesRegex(UserError, "minutes of .* are issued"):
            meeting.with_user(self.staff).write({"name": "Changed"})
        with self.assertRaisesRegex(UserError, "minutes of .* are issued"):
            item.with_user(self.staff).write({"outcome": "<p>Rewritten</p>"})
        with self.assertRaisesRegex(UserError, "its facts no longer change"):
            decision.with_user(self.staff).write({"name": "Rewritten"})
        decision.with_user(self.staff).write({"breach_explanation": "A note"})
        with self.assertRaisesRegex(UserError, "never deleted"):
            meeting.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            decision.with_user(self.manager).unlink()
        meeting.message_post(body="Sent to the members")  # the chatter still works
        with self.assertRaisesRegex(UserError, "issued minutes"):
            attachment.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "issued minutes"):
            attachment.with_user(self.manager).write({"raw": b"%PDF forged"})
        # The council monitor downloads the stored minutes.
        download = meeting.with_user(self.monitor).action_print_minutes()
        self.assertEqual(download["url"], f"/web/content/{attachment.id}?download=true")
        self.assertTrue(attachment.with_user(self.monitor).datas)
