# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ProtocolCase


class ComplaintCase(ProtocolCase):
    """The trust's agreed protocol; the host manager is the LINk's lead for
    complaints (the Development Manager); complaints logged by host staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.link_complaint_lead_id = cls.manager
        cls.complaint_type = cls.env.ref("link_protocols.link_sla_type_complaint")
        cls.ack_type = cls.env.ref(
            "link_protocols.mail_activity_type_link_complaint_ack"
        )
        cls.Complaint = cls.env["link.protocol.complaint"].with_user(cls.staff)

    def _complaint(self, **vals):
        return self.Complaint.create(
            {
                "partner_id": self.trust.id,
                "about": "partner",
                "raised_by": "A LINk representative",
                "description": "<p>Asked to leave the ward.</p>",
                **vals,
            }
        )

    def _activities(self, complaints):
        return self.env["mail.activity"].search(
            [("res_model", "=", complaints._name), ("res_id", "in", complaints.ids)]
        )


class TestProtocolComplaint(ComplaintCase):
    def test_defaults_from_the_partner_and_its_protocol(self):
        complaint = self._complaint(date_received=date(2026, 3, 2))
        self.assertRegex(complaint.name, r"^COMP/\d{4}/\d{4}$")
        self.assertEqual(complaint.protocol_id, self.protocol)
        self.assertEqual(complaint.partner_lead_id, self.lead)
        self.assertEqual(complaint.our_lead_id, self.manager)
        self.assertEqual(complaint.state, "received")
        # The seeded default: 5 working days.
        self.assertEqual(complaint.ack_due_date, date(2026, 3, 9))

    def test_our_lead_falls_back_to_the_partners_then_the_escalation_user(self):
        self.env.company.link_complaint_lead_id = False
        self.env.company.link_escalation_user_id = self.manager
        self.assertEqual(self._complaint().our_lead_id, self.manager)
        self.trust.link_our_lead_id = self.staff
        self.assertEqual(self._complaint().our_lead_id, self.staff)

    @freeze_time("2025-12-19")
    def test_raised_with_both_leads_across_christmas(self):
        complaint = self._complaint()
        self.assertEqual(complaint.date_received, date(2025, 12, 19))
        # Five working days, skipping Christmas Day and Boxing Day.
        self.assertEqual(complaint.ack_due_date, date(2025, 12, 30))
        complaint.action_raise()
        self.assertEqual(complaint.date_raised, date(2025, 12, 19))
        mail = self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.lead)
        self.assertIn(complaint.name, mail.subject)
        self.assertIn("30/12/2025", mail.body_html)
        self.assertIn("Asked to leave the ward", mail.body_html)
        mail.send()
        self.assertEqual(mail.state, "sent")
        self.assertIn(self.lead, complaint.message_partner_ids)
        activity = self._activities(complaint)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.ack_type)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.date_deadline, date(2025, 12, 30))
        with self.assertRaisesRegex(UserError, "already raised"):
            complaint.action_raise()

    def test_raise_refused_without_their_leads_email(self):
        self.lead.email = False
        complaint = self._complaint()
        with self.assertRaisesRegex(UserError, "nominated lead with an email"):
            complaint.action_raise()
        self.assertFalse(complaint.date_raised)
        self.assertFalse(self._activities(complaint))

    def test_the_protocols_own_term_wins(self):
        self.protocol.sla_ids = [(0, 0, {"type_id": self.complaint_type.id, "days": 2})]
        complaint = self._complaint(date_received=date(2026, 3, 2))
        self.assertEqual(complaint.ack_due_date, date(2026, 3, 4))

    def test_acknowledgement_closes_the_activity_and_is_on_time(self):
        with freeze_time("2025-12-19"):
            complaint = self._complaint()
            complaint.action_raise()
        with freeze_time("2025-12-30"):
            complaint.action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        self.assertEqual(complaint.date_acknowledged, date(2025, 12, 30))
        self.assertTrue(complaint.acknowledged_on_time)
        self.assertFalse(self._activities(complaint), "marked done")
        done = complaint.message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.ack_type
        )
        self.assertTrue(done, "the done activity is in the chatter")
        with self.assertRaisesRegex(UserError, "just received"):
            complaint.action_acknowledge()

    def test_late_acknowledgement(self):
        complaint = self._complaint(date_received=date(2025, 12, 19))
        complaint.date_acknowledged = date(2025, 12, 31)
        complaint.action_acknowledge()
        self.assertEqual(complaint.date_acknowledged, date(2025, 12, 31))
        self.assertFalse(complaint.acknowledged_on_time)

    def test_resolving_needs_the_acknowledgement_and_an_outcome(self):
        complaint = self._complaint()
        with self.assertRaisesRegex(UserError, "Acknowledge the complaint before"):
            complaint.action_resolve()
        complaint.action_acknowledge()
        with self.assertRaisesRegex(UserError, "Record the outcome"):
            complaint.action_resolve()
        complaint.outcome = "The ward manager apologised."
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertTrue(complaint.date_resolved)

    def test_the_partner_is_party_to_an_agreed_protocol(self):
        stranger = self.env["res.partner"].create(
            {"name": "Other Trust", "is_company": True}
        )
        with self.assertRaisesRegex(ValidationError, "not a party to the protocol"):
            self._complaint(partner_id=stranger.id, protocol_id=self.protocol.id)
        draft = self.env["link.protocol"].create(
            {"name": "Draft", "partner_ids": [(6, 0, self.trust.ids)]}
        )
        with self.assertRaisesRegex(ValidationError, "not in force"):
            self._complaint(protocol_id=draft.id)

    def test_never_deleted_once_raised(self):
        complaint = self._complaint()
        complaint.action_raise()
        with self.assertRaisesRegex(UserError, "never deleted"):
            complaint.unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            complaint.with_user(self.manager).unlink()
        self.assertTrue(complaint.exists())
        self._complaint().unlink()

    def test_steering_reads_the_monitor_sees_nothing(self):
        complaint = self._complaint()
        as_steering = complaint.with_user(self.steering)
        self.assertEqual(as_steering.raised_by, "A LINk representative")
        with self.assertRaises(AccessError):
            as_steering.write({"outcome": "Changed"})
        with self.assertRaises(AccessError):
            as_steering.action_acknowledge()
        with self.assertRaises(AccessError):
            complaint.with_user(self.monitor).read(["raised_by"])
        # The monitor still reads the protocol, without its complaints.
        protocol = self.protocol.with_user(self.monitor)
        self.assertEqual(protocol.read(["name"])[0]["name"], "Working together")
        with self.assertRaises(AccessError):
            protocol.read(["complaint_count"])
        self.assertEqual(
            self.protocol.with_user(self.steering).read(["complaint_count"])[0][
                "complaint_count"
            ],
            1,
        )


class TestComplaintsFeedTheReview(ComplaintCase):
    def test_listed_for_the_next_review_and_considered_by_the_new_version(self):
        first, second = self._complaint(), self._complaint(about="link")
        protocol = self.protocol.with_user(self.staff)
        self.assertEqual(protocol.complaint_count, 2)
        self.assertEqual(protocol.review_complaint_ids, first | second)
        action = protocol.action_new_version()
        new = self.env["link.protocol"].browse(action["res_id"])
        self.assertEqual((first | second).reviewed_in_protocol_id, new)
        protocol.invalidate_recordset()
        self.assertFalse(protocol.review_complaint_ids)
        self.assertFalse(new.review_complaint_ids)
        # Raised while the new version is drafted: for its next review.
        later = self._complaint()
        new.invalidate_recordset()
        self.assertEqual(new.review_complaint_ids, later)
        with self.assertRaisesRegex(UserError, "Archive the protocol"):
            new.unlink()

    def test_review_reminder_says_how_many_complaints_await(self):
        self.protocol.review_period_months = 12  # review on 1 January 2026
        self._complaint(date_received=date(2025, 11, 3))
        self._complaint(date_received=date(2025, 11, 20))
        other = self.env["link.protocol"].create(
            {
                "name": "Council protocol",
                "partner_ids": [(6, 0, self.trust.ids)],
                "date_issue": "2025-01-10",
                "review_period_months": 12,
                "state": "agreed",
            }
        )
        with freeze_time("2025-12-15"):
            self.env["link.protocol"]._cron_link_review_reminders()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.protocol"),
                ("res_id", "in", (self.protocol | other).ids),
            ]
        )
        notes = {a.res_id: a.note for a in activities}
        self.assertIn("2 complaint(s) about conduct await", notes[self.protocol.id])
        self.assertIn("No complaint", notes[other.id])


class TestComplaintCron(ComplaintCase):
    def _raised(self, count, received):
        complaints = self.env["link.protocol.complaint"].create(
            [
                {
                    "partner_id": self.trust.id,
                    "about": "partner",
                    "date_received": received,
                }
                for _ in range(count)
            ]
        )
        complaints.action_raise()
        return complaints

    def test_escalated_once_in_place_of_the_acknowledgement(self):
        self.env.company.link_escalation_user_id = self.staff
        with freeze_time("2025-12-19"):
            complaints = self._raised(3, date(2025, 12, 19))  # due 30/12
        Complaint = self.env["link.protocol.complaint"]
        with freeze_time("2025-12-30"):
            Complaint._cron_link_complaint_acknowledgements()
        pending = self._activities(complaints)
        self.assertEqual(set(pending.mapped("activity_type_id")), {self.ack_type})
        with freeze_time("2025-12-31"):
            Complaint._cron_link_complaint_acknowledgements()
            Complaint._cron_link_complaint_acknowledgements()
        escalations = self._activities(complaints)
        self.assertEqual(len(escalations), 3, "one per deadline")
        self.assertFalse(escalations & pending)
        self.assertEqual(set(escalations.mapped("user_id")), {self.staff})
        self.assertEqual(set(escalations.mapped("date_deadline")), {date(2025, 12, 30)})
        # Acknowledging closes the escalation too.
        complaints.with_user(self.staff).action_acknowledge()
        self.assertFalse(self._activities(complaints))
        self.assertFalse(any(complaints.mapped("acknowledged_on_time")))

    def test_acknowledged_complaints_are_left_alone(self):
        complaints = self._raised(2, date(2025, 12, 19))
        complaints.action_acknowledge()
        with freeze_time("2026-01-15"):
            self.env["link.protocol.complaint"]._cron_link_complaint_acknowledgements()
        self.assertFalse(self._activities(complaints))

    def test_cron_queries_do_not_grow_with_complaints(self):
        Complaint = self.env["link.protocol.complaint"]
        self._raised(2, date(2025, 12, 19))
        with freeze_time("2026-01-15"):
            Complaint._cron_link_complaint_acknowledgements()  # warm the caches
        self._raised(5, date(2025, 12, 19))
        self.env.flush_all()
        with freeze_time("2026-01-15"), self.assertQueryCount(20):
            Complaint._cron_link_complaint_acknowledgements()
        self._raised(50, date(2025, 12, 19))
        self.env.flush_all()
        with freeze_time("2026-01-15"), self.assertQueryCount(20):
            Complaint._cron_link_complaint_acknowledgements()


class TestFollowThroughFigures(ComplaintCase):
    # The first quarter of 2030: far from the demo data, dated from its
    # install day.
    def test_pack_counts_referrals_and_complaints_in_their_quarter(self):
        scrutiny = self.env["res.partner"].create(
            {
                "name": "Scrutiny",
                "is_company": True,
                "link_partner_kind": "scrutiny",
                "email": "scrutiny@council.example",
            }
        )
        Referral = self.env["link.referral"].with_user(self.staff)
        on_time, late, waiting, later = Referral.create(
            [
                {
                    "subject": f"Referral {i}",
                    "recipient_id": scrutiny.id,
                    "date_sent": sent,
                    "state": "sent",
                }
                for i, sent in enumerate(
                    (
                        date(2030, 1, 7),
                        date(2029, 12, 3),
                        date(2030, 3, 4),
                        date(2030, 4, 1),
                    )
                )
            ]
        )
        on_time.write({"response": "<p>Yes</p>", "date_response": date(2030, 1, 21)})
        late.write({"response": "<p>Yes</p>", "date_response": date(2030, 2, 20)})
        (on_time | late).action_record_response()
        self.assertEqual((on_time.on_time, late.late), (True, True))
        self.assertEqual((waiting | later).mapped("state"), ["sent", "sent"])
        in_quarter = self._complaint(date_received=date(2030, 2, 4))
        in_quarter.date_acknowledged = date(2030, 2, 6)
        late_ack = self._complaint(date_received=date(2030, 3, 4))
        late_ack.date_acknowledged = date(2030, 3, 20)
        # Received last quarter, acknowledged on time in this one (due on
        # 8 January, after New Year's Day).
        last_quarter = self._complaint(date_received=date(2029, 12, 31))
        last_quarter.date_acknowledged = date(2030, 1, 2)
        (in_quarter | late_ack | last_quarter).action_acknowledge()
        self.assertEqual(last_quarter.ack_due_date, date(2030, 1, 8))
        self._complaint(date_received=date(2030, 4, 1))
        period = self.env["link.monitoring.period"].create(
            {"name": "Q1", "date_from": date(2030, 1, 1), "date_to": date(2030, 3, 31)}
        )
        period.action_refresh_figures()
        figures = {
            f.code: (f.value, f.previous_value)
            for f in period.figure_ids
            if f.section == "protocols"
        }
        # (this quarter, the quarter before)
        self.assertEqual(figures["referrals_sent"], (2, 1))
        self.assertEqual(figures["referrals_on_time"], (1, 0))
        self.assertEqual(figures["referrals_late"], (1, 0))
        self.assertEqual(figures["complaints_received"], (2, 1))
        self.assertEqual(figures["complaints_ack_on_time"], (2, 0))
        # Requests keep their own lines.
        self.assertEqual(figures["requests_sent"], (0, 0))
