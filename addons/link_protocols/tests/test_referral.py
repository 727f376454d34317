# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, time, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase

from .common import ProtocolCase


class ReferralCase(ProtocolCase):
    """A scrutiny committee with a scrutiny officer as its lead; referrals
    made by a host staff member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scrutiny = cls.env["res.partner"].create(
            {
                "name": "Health Scrutiny Sub-Committee",
                "is_company": True,
                "link_partner_kind": "scrutiny",
            }
        )
        cls.officer = cls.env["res.partner"].create(
            {
                "name": "Scrutiny Officer",
                "parent_id": cls.scrutiny.id,
                "email": "scrutiny.officer@council.example",
            }
        )
        cls.scrutiny.link_partner_lead_id = cls.officer
        cls.referral_type = cls.env.ref(
            "link_protocols.link_sla_type_referral_response"
        )
        cls.Referral = cls.env["link.referral"].with_user(cls.staff)

    def _referral(self, recipient=None, **vals):
        return self.Referral.create(
            {
                "subject": "Closure of the minor injuries unit",
                "body": "<p>Raised 41 times this quarter.</p>",
                "recipient_id": (recipient or self.scrutiny).id,
                **vals,
            }
        )

    def _mails(self, referrals):
        return self.env["mail.mail"].search(
            [("model", "=", "link.referral"), ("res_id", "in", referrals.ids)]
        )


class TestReferral(ReferralCase):
    def test_created_with_subject_body_and_recipient_only(self):
        referral = self._referral()
        self.assertRegex(referral.name, r"^REF/\d{4}/\d{4}$")
        self.assertEqual(referral.state, "draft")
        self.assertEqual(referral.user_id, self.staff)
        self.assertEqual(referral.recipient_kind, "scrutiny")
        self.assertEqual(referral.recipient_lead_id, self.officer)
        self.assertFalse(referral.protocol_id, "no protocol with the committee")
        self.assertFalse(referral.response_due_date, "not sent: no clock")

    @freeze_time("2026-03-02")
    def test_send_mails_the_lead_and_follows_the_thread(self):
        referral = self._referral()
        referral.action_send()
        self.assertEqual(referral.state, "sent")
        self.assertEqual(referral.date_sent, date(2026, 3, 2))
        # The default: 20 working days.
        self.assertEqual(referral.response_due_date, date(2026, 3, 30))
        self.assertIn(self.officer, referral.message_partner_ids)
        mail = self._mails(referral)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.officer)
        self.assertIn("Closure of the minor injuries unit", mail.subject)
        self.assertIn(referral.name, mail.subject)
        self.assertIn("30/03/2026", mail.body_html)
        self.assertEqual(mail.state, "outgoing", "through the mail queue")
        mail.send()
        self.assertEqual(mail.state, "sent")
        with self.assertRaisesRegex(UserError, "already sent"):
            referral.action_send()

    def test_without_a_lead_the_body_itself_is_mailed(self):
        self.scrutiny.email = "scrutiny@council.example"
        referral = self._referral(recipient_lead_id=False)
        referral.action_send()
        self.assertEqual(self._mails(referral).recipient_ids, self.scrutiny)

    def test_send_refused_without_an_email(self):
        self.officer.email = False
        referral = self._referral()
        with self.assertRaisesRegex(UserError, "has no email address"):
            referral.action_send()
        self.assertEqual(referral.state, "draft")

    def test_send_in_batch_all_or_none(self):
        regulator = self.env["res.partner"].create(
            {
                "name": "Regulator area team",
                "is_company": True,
                "link_partner_kind": "regulator",
                "email": "area.team@regulator.example",
            }
        )
        silent = self.env["res.partner"].create(
            {"name": "Body without email", "is_company": True}
        )
        referrals = self._referral() | self._referral(regulator)
        with self.assertRaisesRegex(UserError, "Body without email"):
            (referrals | self._referral(silent)).action_send()
        self.assertEqual(set(referrals.mapped("state")), {"draft"})
        referrals.action_send()
        self.assertEqual(set(referrals.mapped("state")), {"sent"})
        self.assertEqual(self._mails(referrals).recipient_ids, self.officer | regulator)

    def test_due_date_skips_english_bank_holidays(self):
        # Friday 19 December 2025: Christmas Day, Boxing Day and New Year's
        # Day are not working days; the 20th working day is 21 January 2026.
        with freeze_time("2025-12-19"):
            referral = self._referral()
            referral.action_send()
        self.assertEqual(referral.date_sent, date(2025, 12, 19))
        self.assertEqual(referral.response_due_date, date(2026, 1, 21))
        planned = self.calendar.plan_days(
            20, datetime.combine(date(2025, 12, 20), time.min), compute_leaves=True
        )
        self.assertEqual(referral.response_due_date, planned.date())
        weekdays = [
            day
            for day in (date(2025, 12, 20) + timedelta(days=n) for n in range(33))
            if day.weekday() < 5
            and day not in (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1))
        ]
        self.assertEqual(weekdays[19], referral.response_due_date)

    def test_the_protocols_own_term_wins_over_the_default(self):
        self.assertEqual(self.referral_type.default_days, 20)
        # The trust's protocol agrees no referral term: the default.
        referral = self._referral(self.trust, date_sent=date(2026, 3, 2))
        self.assertEqual(referral.protocol_id, self.protocol)
        self.assertEqual(referral.response_due_date, date(2026, 3, 30))
        self.protocol.sla_ids = [(0, 0, {"type_id": self.referral_type.id, "days": 10})]
        self.assertEqual(referral.response_due_date, date(2026, 3, 16))
        # A body that is not party to the protocol keeps the default.
        other = self._referral(date_sent=date(2026, 3, 2))
        self.assertFalse(other.protocol_id)
        self.assertEqual(other.response_due_date, date(2026, 3, 30))

    def test_response_close_and_withdraw_rules(self):
        referral = self._referral()
        with self.assertRaisesRegex(UserError, "was sent gets a response"):
            referral.action_record_response()
        with self.assertRaisesRegex(UserError, "Only a referral that was sent"):
            referral.action_close()
        referral.action_send()
        with self.assertRaisesRegex(UserError, "Enter the response"):
            referral.action_record_response()
        referral.response = "<p>Accepted: a review at the next meeting.</p>"
        referral.action_record_response()
        self.assertEqual(referral.state, "answered")
        with self.assertRaisesRegex(UserError, "Only a draft or sent"):
            referral.action_withdraw()
        with self.assertRaisesRegex(UserError, "its outcome"):
            referral.action_close()
        referral.outcome = "Scrutiny review held"
        referral.action_close()
        self.assertEqual(referral.state, "closed")
        self.assertTrue(referral.date_closed)
        withdrawn = self._referral()
        withdrawn.action_send()
        withdrawn.action_withdraw()
        self.assertEqual(withdrawn.state, "withdrawn")

    def test_bad_dates_and_people_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "goes to a body"):
            self._referral(self.officer)
        with self.assertRaisesRegex(ValidationError, "answered before it was sent"):
            self._referral(date_sent=date(2026, 3, 2), date_response=date(2026, 2, 27))

    def test_on_time_and_late(self):
        on_time = self._referral(date_sent=date(2025, 12, 19), state="sent")
        on_time.write({"response": "<p>Yes</p>", "date_response": date(2026, 1, 21)})
        on_time.action_record_response()
        self.assertEqual(
            (on_time.on_time, on_time.late, on_time.days_taken), (True, False, 20)
        )
        late = self._referral(date_sent=date(2025, 12, 19), state="sent")
        late.write({"response": "<p>Yes</p>", "date_response": date(2026, 1, 22)})
        late.action_record_response()
        self.assertEqual((late.on_time, late.late, late.days_taken), (False, True, 21))
        found = self.Referral.search(
            [("late", "=", True), ("id", "in", (on_time | late).ids)]
        )
        self.assertEqual(found, late)

    @freeze_time("2026-04-01")
    def test_overdue_flag_and_search(self):
        overdue = self._referral(date_sent=date(2026, 3, 2), state="sent")
        fresh = self._referral(date_sent=date(2026, 3, 20), state="sent")
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(fresh.is_overdue)
        found = self.Referral.search(
            [("is_overdue", "=", True), ("id", "in", (overdue | fresh).ids)]
        )
        self.assertEqual(found, overdue)

    def test_deleting_a_sent_referral_is_refused(self):
        referral = self._referral()
        referral.action_send()
        with self.assertRaisesRegex(UserError, "withdraw it instead"):
            referral.unlink()
        self.assertTrue(referral.exists())
        self._referral().unlink()

    def test_steering_reads_but_does_not_write(self):
        referral = self._referral()
        as_steering = referral.with_user(self.steering)
        self.assertEqual(as_steering.subject, "Closure of the minor injuries unit")
        with self.assertRaises(AccessError):
            as_steering.write({"subject": "Changed"})
        with self.assertRaises(AccessError):
            self.env["link.referral"].with_user(self.steering).create(
                {"subject": "New", "recipient_id": self.scrutiny.id}
            )

    def test_monitor_reads_no_referral_but_the_compliance_pivot(self):
        referral = self._referral(date_sent=date(2026, 3, 2), state="sent")
        referral.write({"response": "<p>Yes</p>", "date_response": date(2026, 3, 20)})
        referral.action_record_response()
        late = self._referral(date_sent=date(2026, 1, 5), state="sent")
        late.write({"response": "<p>Yes</p>", "date_response": date(2026, 3, 20)})
        late.action_record_response()
        with self.assertRaises(AccessError):
            referral.with_user(self.monitor).read(["subject"])
        with self.assertRaises(AccessError):
            self.env["link.referral"].with_user(self.monitor).search([])
        self.env.flush_all()
        report = self.env["link.sla.compliance.report"].with_user(self.monitor)
        groups = report.read_group(
            [
                ("kind", "=", "referral"),
                ("date_answered", ">=", "2026-01-01"),
                ("date_answered", "<=", "2026-03-31"),
            ],
            ["on_time_count:sum", "late_count:sum"],
            ["partner_kind"],
        )
        scrutiny = next(g for g in groups if g["partner_kind"] == "scrutiny")
        self.assertEqual((scrutiny["on_time_count"], scrutiny["late_count"]), (1, 1))
        # A referral's row has a negative id: no clash with a request's.
        rows = report.search(
            [("kind", "=", "referral"), ("partner_id", "=", self.scrutiny.id)]
        )
        self.assertEqual(sorted(rows.ids), sorted(-r.id for r in referral | late))
        self.assertNotIn("subject", report._fields)


class TestReferralCron(ReferralCase):
    def _sent(self, count, sent):
        return self.env["link.referral"].create(
            [
                {
                    "subject": f"Referral {i}",
                    "recipient_id": self.scrutiny.id,
                    "date_sent": sent,
                    "state": "sent",
                    "user_id": self.staff.id,
                }
                for i in range(count)
            ]
        )

    def _activities(self, referrals):
        return self.env["mail.activity"].search(
            [("res_model", "=", referrals._name), ("res_id", "in", referrals.ids)]
        )

    def test_reminder_then_escalation_exactly_once(self):
        self.env.company.link_escalation_user_id = self.manager
        referrals = self._sent(3, date(2025, 12, 19))  # due 21 January 2026
        Referral = self.env["link.referral"]
        self.assertEqual(set(referrals.mapped("reminder_date")), {date(2026, 1, 14)})
        with freeze_time("2026-01-13"):
            Referral._cron_link_deadlines()
        self.assertFalse(self._activities(referrals), "reminder from 14 January")
        with freeze_time("2026-01-14"):
            Referral._cron_link_deadlines()
            Referral._cron_link_deadlines()
        reminders = self._activities(referrals)
        self.assertEqual(len(reminders), 3)
        self.assertEqual(set(reminders.mapped("user_id")), {self.staff})
        with freeze_time("2026-01-22"):
            Referral._cron_link_deadlines()
            Referral._cron_link_deadlines()
        escalations = self._activities(referrals)
        self.assertFalse(escalations & reminders, "the escalation replaced them")
        self.assertEqual(len(escalations), 3)
        self.assertEqual(set(escalations.mapped("user_id")), {self.manager})
        self.assertEqual(set(escalations.mapped("date_deadline")), {date(2026, 1, 21)})

    def test_escalation_goes_to_the_referrer_without_an_escalation_user(self):
        self.env.company.link_escalation_user_id = False
        referrals = self._sent(1, date(2025, 12, 19))
        with freeze_time("2026-01-22"):
            self.env["link.referral"]._cron_link_deadlines()
        self.assertEqual(self._activities(referrals).user_id, self.staff)

    def test_answered_and_withdrawn_referrals_are_left_alone(self):
        referrals = self._sent(2, date(2025, 12, 19))
        referrals[0].write({"response": "<p>Yes</p>"})
        referrals[0].action_record_response()
        referrals[1].action_withdraw()
        with freeze_time("2026-02-02"):
            self.env["link.referral"]._cron_link_deadlines()
        self.assertFalse(self._activities(referrals))

    def test_cron_queries_do_not_grow_with_referrals(self):
        Referral = self.env["link.referral"]
        self._sent(2, date(2025, 12, 19))
        with freeze_time("2026-01-22"):
            Referral._cron_link_deadlines()  # warm the caches
        self._sent(5, date(2025, 12, 19))
        self.env.flush_all()
        with freeze_time("2026-01-22"), self.assertQueryCount(16):
            Referral._cron_link_deadlines()
        self._sent(50, date(2025, 12, 19))
        self.env.flush_all()
        with freeze_time("2026-01-22"), self.assertQueryCount(16):
            Referral._cron_link_deadlines()


class TestReferralDemo(TransactionCase):
    """The demo data shows every flow, on the demo company's own calendar."""

    def test_demo_referrals_and_complaints(self):
        waiting = self.env.ref(
            "link_protocols.link_referral_demo_regulator", raise_if_not_found=False
        )
        if not waiting:
            self.skipTest("installed without demo data")
        self.assertEqual(waiting.state, "sent")
        self.assertEqual(waiting.recipient_kind, "regulator")
        # Its 20 working days skip at least one bank holiday.
        calendar = waiting.company_id.resource_calendar_id
        start = waiting.date_sent + timedelta(days=1)
        working = calendar._link_working_dates(start, waiting.response_due_date)
        weekdays = [
            start + timedelta(days=n)
            for n in range((waiting.response_due_date - start).days + 1)
            if (start + timedelta(days=n)).weekday() < 5
        ]
        self.assertEqual(len(working), 20)
        self.assertGreater(len(weekdays), len(working))
        answered = self.env.ref("link_protocols.link_referral_demo_scrutiny")
        self.assertEqual(answered.recipient_kind, "scrutiny")
        self.assertTrue(answered.on_time)
        self.assertEqual(answered.state, "closed")
        self.assertTrue(answered.outcome)
        self.assertTrue(
            self.env.ref("link_protocols.link_referral_demo_council_late").late
        )
        resolved = self.env.ref("link_protocols.link_protocol_complaint_demo_resolved")
        self.assertEqual(resolved.state, "resolved")
        self.assertTrue(resolved.acknowledged_on_time)
        received = self.env.ref("link_protocols.link_protocol_complaint_demo_received")
        self.assertEqual(received.state, "received")
        protocol = self.env.ref("link_protocols.link_protocol_demo_statutory")
        self.assertIn(resolved, protocol.review_complaint_ids)
        self.assertIn(received, protocol.review_complaint_ids)
