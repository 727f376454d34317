# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import ProtocolCase


class TestInformationRequest(ProtocolCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["link.information.request"].with_user(cls.staff)

    def _request(self, **vals):
        return self.Request.create(
            {"subject": "Waiting times", "partner_id": self.trust.id, **vals}
        )

    def test_defaults_come_from_the_partner_and_its_protocol(self):
        request = self._request()
        self.assertEqual(request.partner_lead_id, self.lead)
        self.assertEqual(request.protocol_id, self.protocol)
        self.assertEqual(request.sla_id.days, 20)
        self.assertRegex(request.name, r"^IR/\d{4}/\d{4}$")
        self.assertEqual(request.requester_id, self.staff)

    def test_due_date_counts_working_days_or_calendar_days(self):
        request = self._request(date_sent=date(2026, 12, 18))
        self.assertEqual(request.due_date, date(2027, 1, 20))
        self.protocol.sla_ids.working_days = False
        self.assertEqual(request.due_date, date(2027, 1, 7))

    def test_bad_dates_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "before it was sent"):
            self._request(date_sent=date(2026, 3, 2), due_date=date(2026, 2, 27))
        with self.assertRaisesRegex(ValidationError, "later than"):
            self._request(
                date_sent=date(2026, 3, 2),
                extension_date=date(2026, 3, 20),
                extension_reason="confidentiality",
            )

    @mute_logger("odoo.sql_db")
    def test_response_time_must_be_positive(self):
        with self.assertRaises(IntegrityError):
            self.protocol.sla_ids.days = 0

    def test_answering_needs_a_sent_request(self):
        request = self._request()
        with self.assertRaisesRegex(UserError, "after it has been sent"):
            request.action_answer()

    @freeze_time("2026-03-02")
    def test_send_mails_the_lead_and_follows_the_thread(self):
        request = self._request(request="<p>Figures please</p>")
        request.action_send()
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.date_sent, date(2026, 3, 2))
        self.assertEqual(request.due_date, date(2026, 3, 30))
        self.assertIn(self.lead, request.message_partner_ids)
        sent = request.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("Waiting times", sent.subject)
        self.assertIn(self.lead, sent.partner_ids)
        with self.assertRaisesRegex(UserError, "already sent"):
            request.action_send()

    def test_partner_reply_by_email_lands_in_the_chatter(self):
        request = self._request()
        request.action_send()
        sent = request.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        reply = (
            "From: PPI Lead <ppi@trust.example>\r\n"
            "To: link@example.org\r\n"
            "Subject: Re: Waiting times\r\n"
            f"In-Reply-To: {sent.message_id}\r\n"
            "Message-ID: <reply-1@trust.example>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "The figures are attached.\r\n"
        )
        thread_id = self.env["mail.thread"].message_process(False, reply)
        self.assertEqual(thread_id, request.id)
        self.assertIn("The figures are attached", request.message_ids[0].body)
        self.assertEqual(request.message_ids[0].author_id, self.lead)

    def test_send_needs_a_lead_with_an_email(self):
        self.lead.email = False
        with self.assertRaisesRegex(UserError, "nominated lead"):
            self._request().action_send()

    def test_outcome_on_time_late_and_extended(self):
        on_time = self._request(date_sent=date(2026, 12, 18), state="sent")
        on_time.date_answered = date(2027, 1, 20)
        on_time.action_answer()
        self.assertEqual((on_time.days_taken, on_time.on_time), (20, True))
        self.assertEqual(on_time.on_time_rate, 100.0)
        late = self._request(date_sent=date(2026, 12, 18), state="sent")
        late.date_answered = date(2027, 1, 21)
        late.action_answer()
        self.assertEqual((late.days_taken, late.on_time), (21, False))
        extended = self._request(date_sent=date(2026, 12, 18), state="sent")
        with self.assertRaisesRegex(UserError, "new date agreed"):
            extended.action_extend()
        extended.write(
            {"extension_date": date(2027, 2, 5), "extension_reason": "not_available"}
        )
        extended.action_extend()
        extended.date_answered = date(2027, 2, 4)
        extended.action_answer()
        self.assertTrue(extended.on_time)

    @freeze_time("2027-01-25")
    def test_overdue_flag_and_search(self):
        overdue = self._request(date_sent=date(2026, 12, 18), state="sent")
        fresh = self._request(date_sent=date(2027, 1, 20), state="sent")
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(fresh.is_overdue)
        found = self.Request.search(
            [("is_overdue", "=", True), ("id", "in", (overdue | fresh).ids)]
        )
        self.assertEqual(found, overdue)

    def test_history_is_kept(self):
        request = self._request(date_sent=date(2026, 3, 2), state="sent")
        with self.assertRaisesRegex(UserError, "withdraw it instead"):
            request.unlink()
        request.action_withdraw()
        self.assertEqual(request.state, "withdrawn")
        self._request().unlink()

    def test_monitor_reads_only(self):
        request = self._request()
        self.assertEqual(request.with_user(self.monitor).subject, "Waiting times")
        with self.assertRaises(AccessError):
            request.with_user(self.monitor).write({"subject": "x"})


class TestRequestReport(ProtocolCase):
    def test_report_query_count_is_flat(self):
        Request = self.env["link.information.request"]

        def add(count):
            requests = Request.create(
                [
                    {
                        "subject": f"R{i}",
                        "partner_id": self.trust.id,
                        "state": "sent",
                        "date_sent": date(2026, 1 + i % 12, 5),
                        "date_answered": date(2026, 12, 20),
                    }
                    for i in range(count)
                ]
            )
            requests.action_answer()
            self.env.flush_all()

        def open_pivot(quarter="contract_quarter"):
            self.env.invalidate_all()
            return Request.with_user(self.monitor).read_group(
                [("state", "=", "answered")],
                ["on_time_rate:avg", "days_taken:avg"],
                ["partner_id", quarter],
                lazy=False,
            )

        add(5)
        # The pivot's contract quarter costs what the calendar quarter does.
        for quarter in ("date_sent:quarter", "contract_quarter"):
            open_pivot(quarter)  # warm the access-rights caches
            with self.assertQueryCount(5):
                open_pivot(quarter)
        add(60)
        with self.assertQueryCount(5):
            open_pivot()
        self.env.company.link_contract_start_month = "4"
        self.assertEqual(
            [
                (g["contract_quarter"], g["__count"])
                for g in open_pivot()
                if g["partner_id"][0] == self.trust.id
            ],
            [
                ("2025/26 Q4", 18),
                ("2026/27 Q1", 17),
                ("2026/27 Q2", 15),
                ("2026/27 Q3", 15),
            ],
        )


class TestDeadlineCron(ProtocolCase):
    def _requests(self, count, sent):
        return self.env["link.information.request"].create(
            [
                {
                    "subject": f"Request {i}",
                    "partner_id": self.trust.id,
                    "date_sent": sent,
                    "state": "sent",
                    "requester_id": self.staff.id,
                }
                for i in range(count)
            ]
        )

    def _activities(self, requests):
        return self.env["mail.activity"].search(
            [("res_model", "=", requests._name), ("res_id", "in", requests.ids)]
        )

    def test_reminder_then_escalation_exactly_once(self):
        self.env.company.link_escalation_user_id = self.manager
        requests = self._requests(3, date(2026, 12, 18))  # due 20 January 2027
        Request = self.env["link.information.request"]
        with freeze_time("2027-01-12"):
            Request._cron_link_deadlines()
        self.assertFalse(self._activities(requests), "reminder from 13 January")
        with freeze_time("2027-01-13"):
            Request._cron_link_deadlines()
            Request._cron_link_deadlines()
        reminders = self._activities(requests)
        self.assertEqual(len(reminders), 3)
        self.assertEqual(set(reminders.mapped("user_id")), {self.staff})
        with freeze_time("2027-01-21"):
            Request._cron_link_deadlines()
            Request._cron_link_deadlines()
        # One activity per deadline: the escalation replaced the reminder.
        escalations = self._activities(requests)
        self.assertFalse(escalations & reminders)
        self.assertEqual(len(escalations), 3)
        self.assertEqual(set(escalations.mapped("user_id")), {self.manager})
        self.assertEqual(set(escalations.mapped("date_deadline")), {date(2027, 1, 20)})

    def test_answered_requests_are_left_alone(self):
        requests = self._requests(2, date(2026, 12, 18))
        requests.write({"date_answered": date(2027, 1, 5)})
        requests.action_answer()
        with freeze_time("2027-02-01"):
            self.env["link.information.request"]._cron_link_deadlines()
        self.assertFalse(self._activities(requests))

    def test_cron_queries_do_not_grow_with_requests(self):
        Request = self.env["link.information.request"]
        self._requests(2, date(2026, 12, 18))
        with freeze_time("2027-01-21"):
            Request._cron_link_deadlines()  # warm the caches
        self._requests(5, date(2026, 12, 18))
        self.env.flush_all()
        with freeze_time("2027-01-21"), self.assertQueryCount(20):
            Request._cron_link_deadlines()
        self._requests(50, date(2026, 12, 18))
        self.env.flush_all()
        with freeze_time("2027-01-21"), self.assertQueryCount(20):
            Request._cron_link_deadlines()
