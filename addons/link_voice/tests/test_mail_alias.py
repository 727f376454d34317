# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from freezegun import freeze_time

from odoo import fields
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import LinkCase

from ..models.link_feedback import FEEDBACK_TEXT_MAX


class TestMailAlias(LinkCase):
    """Mail to feedback@ goes through Odoo's real mail gateway
    (mail.thread.message_process, as the incoming mail server calls it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias = cls.env.ref("link_voice.mail_alias_feedback")
        cls.domain = cls.env.company.alias_domain_id
        if not cls.domain:
            # The first alias domain of a database takes in every alias
            # without one, ours too (mail.alias.domain.create).
            cls.domain = cls.env["mail.alias.domain"].create(
                {
                    "name": "link-test.example.org",
                    "bounce_alias": "bounce",
                    "catchall_alias": "catchall",
                }
            )
        cls.address = f"feedback@{cls.domain.name}"
        cls.Feedback = cls.env["link.feedback"].with_context(active_test=False)
        cls.known = cls.env["res.partner"].create(
            {"name": "Hana Known", "email": "hana.known@example.org"}
        )

    def _mail(self, body="<p>The waiting room was <b>freezing</b>.</p>", **headers):
        message = EmailMessage()
        message["From"] = headers.pop("From", "Cara Penhallow <cara@example.org>")
        message["To"] = headers.pop("To", self.address)
        message["Subject"] = headers.pop("Subject", "Outpatients")
        message["Date"] = format_datetime(
            headers.pop("Date", datetime.now().astimezone() - timedelta(days=3))
        )
        message["Message-ID"] = headers.pop("Message_ID", make_msgid("link-test"))
        for name, value in headers.items():
            message[name.replace("_", "-")] = value
        message.set_content(body, subtype="html" if body.startswith("<") else "plain")
        return message

    def _acks(self, feedback):
        return self.env["mail.mail"].search(
            [("model", "=", "link.feedback"), ("res_id", "in", feedback.ids)]
        )

    def _process(self, message):
        count = self.Feedback.search_count([])
        thread_id = self.env["mail.thread"].message_process(None, message.as_string())
        return thread_id, self.Feedback.search_count([]) - count

    def test_alias_everyone_under_the_alias_domain(self):
        self.assertEqual(self.alias.alias_contact, "everyone")
        self.assertEqual(self.alias.alias_model_id.model, "link.feedback")
        self.assertEqual(self.alias.alias_domain_id, self.domain)
        self.assertEqual(self.alias.alias_full_name, self.address)

    # Midday: near midnight the day of the mail depends on the time zone.
    @freeze_time("2026-06-10 12:00:00")
    def test_new_mail_is_one_feedback(self):
        thread_id, new = self._process(self._mail())
        self.assertEqual(new, 1)
        feedback = self.Feedback.browse(thread_id)
        self.assertEqual(feedback.channel, "email")
        self.assertEqual(
            feedback.date, fields.Date.today() - timedelta(days=3), "the mail's day"
        )
        self.assertTrue(feedback.name.startswith("FB/"), "a reference, not the subject")
        self.assertEqual(feedback.what_bad, "The waiting room was *freezing*.")
        self.assertFalse(feedback.what_good)
        self.assertEqual(feedback.contact_name, "Cara Penhallow")
        self.assertEqual(feedback.contact_email, "cara@example.org")
        self.assertFalse(feedback.partner_id)
        self.assertFalse(feedback.consent_to_contact, "a mail does not say it")
        self.assertFalse(feedback.anonymous)
        self.assertFalse(feedback.user_id, "nobody logged it: it came by mail")
        message = feedback.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subject, "Outpatients")
        self.assertIn("freezing", message.body)
        ack = self._acks(feedback)
        self.assertEqual(len(ack), 1, "the sender is told the reference")
        self.assertEqual(ack.email_to, "cara@example.org")
        self.assertIn(feedback.name, ack.subject)
        self.assertIn(feedback.name, ack.body_html)
        self.assertIn("'Auto-Submitted': 'auto-replied'", ack.headers)

    def test_known_sender_is_the_person(self):
        thread_id, new = self._process(
            self._mail(From="Hana <Hana.Known@example.org>", Subject="GP")
        )
        self.assertEqual(new, 1)
        feedback = self.Feedback.browse(thread_id)
        self.assertEqual(feedback.partner_id, self.known)
        self.assertFalse(feedback.contact_email or feedback.contact_name)

    def test_replies_thread_on_the_same_feedback(self):
        first = self._mail()
        thread_id, __ = self._process(first)
        feedback = self.Feedback.browse(thread_id)
        ack = self._acks(feedback)
        ack.send()
        self.assertTrue(ack.exists(), "kept once sent, for the replies")
        self.assertEqual(ack.state, "sent")
        # The person answers the acknowledgement.
        reply_thread, new = self._process(
            self._mail(
                body="Also, the lift was broken.",
                Subject=f"Re: {ack.subject}",
                In_Reply_To=ack.message_id,
                References=f"{first['Message-ID']} {ack.message_id}",
            )
        )
        self.assertEqual((reply_thread, new), (feedback.id, 0))
        self.assertIn("lift was broken", feedback.message_ids[0].body)
        # Staff answer from the chatter; the person replies to that answer.
        answer = feedback.with_user(self.staff).message_post(
            body="Thank you, could you tell us the date?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        reply = self._mail(
            body="It was the 3rd of March.",
            Subject="Re: Outpatients",
            In_Reply_To=answer.message_id,
            References=f"{first['Message-ID']} {answer.message_id}",
        )
        reply_thread, new = self._process(reply)
        self.assertEqual((reply_thread, new), (feedback.id, 0))
        self.assertIn("3rd of March", feedback.message_ids[0].body)
        self.assertEqual(
            feedback.what_bad, "The waiting room was *freezing*.", "kept as it came"
        )
        # An out-of-office answer to the same thread lands there too.
        auto, new = self._process(
            self._mail(
                body="I am away until Monday.",
                Subject="Automatic reply: Outpatients",
                In_Reply_To=answer.message_id,
                Auto_Submitted="auto-replied",
            )
        )
        self.assertEqual((auto, new), (feedback.id, 0))
        self.assertEqual(self._acks(feedback), ack, "replies are not acknowledged")

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_bounce_and_auto_reply_make_no_feedback(self):
        bounce = self._mail(
            body="Delivery to the following recipient failed permanently.",
            From="Mail Delivery Subsystem <MAILER-DAEMON@example.org>",
            Subject="Delivery Status Notification (Failure)",
        )
        self.assertEqual(self._process(bounce), (False, 0))
        to_bounce_alias = self._mail(To=f"bounce@{self.domain.name}")
        self.assertEqual(self._process(to_bounce_alias)[1], 0)
        out_of_office = self._mail(
            body="I am out of the office.",
            Subject="Out of office",
            Auto_Submitted="auto-replied",
        )
        self.assertEqual(self._process(out_of_office)[1], 0)
        self.assertEqual(self._process(self._mail(Auto_Submitted="no"))[1], 1)
        self.assertEqual(
            len(self.env["mail.mail"].search([("email_to", "=", "cara@example.org")])),
            1,
            "only the person's own mail is answered",
        )

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_mail_loop_stops(self):
        """Mail's own guard: past the threshold of new records from one
        sender, a sender's mails make no more feedback (known contacts
        too)."""
        self.env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 3)
        for sender in ("robot@example.org", "Hana <hana.known@example.org>"):
            made = [self._process(self._mail(From=sender))[1] for __ in range(5)]
            self.assertEqual(made, [1, 1, 1, 0, 0], sender)

    def test_empty_huge_and_odd_bodies(self):
        only_subject, new = self._process(
            self._mail(body="", Subject="Parking at the hospital")
        )
        self.assertEqual(new, 1)
        self.assertEqual(
            self.Feedback.browse(only_subject).what_bad, "Parking at the hospital"
        )
        nothing, new = self._process(self._mail(body="", Subject=""))
        self.assertEqual(new, 1, "somebody wrote: staff see it, with no text")
        nothing = self.Feedback.browse(nothing)
        self.assertFalse(nothing.what_bad)
        self.assertEqual(nothing.contact_email, "cara@example.org")
        huge, new = self._process(self._mail(body="Waited. " * 20000))
        self.assertEqual(new, 1)
        huge = self.Feedback.browse(huge)
        self.assertLess(len(huge.what_bad), FEEDBACK_TEXT_MAX + 100)
        self.assertIn("read all of it in the messages below", huge.what_bad)
        self.assertGreater(len(huge.message_ids[0].body), 150000, "all of it kept")
        odd, new = self._process(
            self._mail(
                body="Nul\x00 here <script>alert(1)</script>",
                From='"Dr \x07Who" <who@example.org>',
            )
        )
        self.assertEqual(new, 1)
        odd = self.Feedback.browse(odd)
        self.assertNotIn("\x00", odd.what_bad)
        self.assertIn("Nul here", odd.what_bad)
        self.assertEqual(odd.contact_email, "who@example.org")

    # Midday: near midnight the day of the mail depends on the time zone.
    @freeze_time("2026-06-10 12:00:00")
    def test_future_date_is_today(self):
        thread_id, __ = self._process(
            self._mail(Date=datetime.now().astimezone() + timedelta(days=2))
        )
        self.assertEqual(self.Feedback.browse(thread_id).date, fields.Date.today())
