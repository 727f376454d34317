# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import (
    WKHTMLTOPDF_LOGGER,
    render_pdfs_offline,
)

from .common import EnterViewCase


class ReportMailCase(EnterViewCase):
    """The care home of EnterViewCase, commissioned by a council with a
    nominated lead, and the company's statutory recipients."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        render_pdfs_offline(cls.env)
        cls.council = cls.env["res.partner"].create(
            {
                "name": "Test City Council",
                "is_company": True,
                "email": "enquiries@council.example",
            }
        )
        cls.commissioning = cls.env["res.partner"].create(
            {
                "name": "Carol Commissioner",
                "parent_id": cls.council.id,
                "email": "commissioning@council.example",
            }
        )
        cls.council.link_partner_lead_id = cls.commissioning
        cls.care_home.link_commissioner_id = cls.council
        cls.cqc = cls.env["res.partner"].create(
            {"name": "CQC", "is_company": True, "email": "enquiries@cqc.example"}
        )
        cls.no_email = cls.env["res.partner"].create(
            {"name": "Body without email", "is_company": True}
        )
        cls.env.company.link_ev_report_recipient_ids = cls.cqc | cls.no_email
        cls.our_lead = new_test_user(
            cls.env,
            login="ev_our_lead",
            groups="link_membership.group_link_staff",
            name="Olwen Ourlead",
        )
        cls.env.company.link_escalation_user_id = cls.manager

    def _drafted(self, **vals):
        visit = self._visit(**vals)
        visit.write({"state": "report_drafted", "report_body": "<p>Warm lounge.</p>"})
        return visit

    def _mails(self, visits):
        return self.env["mail.mail"].search(
            [("model", "=", "link.ev.visit"), ("res_id", "in", visits.ids)]
        )

    def _send(self, visits):
        """Send as host staff, with the PDF really rendered (Odoo renders
        HTML instead inside tests unless told otherwise)."""
        with mute_logger(WKHTMLTOPDF_LOGGER):
            visits.with_user(self.staff).with_context(
                force_report_rendering=True
            ).action_send_report()


@tagged("post_install", "-at_install")
class TestReportMail(ReportMailCase):
    @freeze_time("2026-06-01")
    def test_report_mailed_as_pdf_to_lead_commissioner_and_recipients(self):
        visit = self._drafted(theme="Mealtimes")
        visit.recommendation_ids = [Command.create({"name": "Print the menu larger"})]
        self.assertEqual(visit.report_copy_ids, self.commissioning | self.cqc)
        self._send(visit)
        self.assertEqual(visit.state, "report_sent")
        mails = self._mails(visit)
        self.assertEqual(len(mails), 1, "one mail for the partners outside the LINk")
        self.assertEqual(mails.recipient_ids, self.lead | self.commissioning | self.cqc)
        self.assertIn(visit.name, mails.subject)
        self.assertIn("Test Care Home", mails.subject)
        self.assertEqual(mails.state, "outgoing", "in the mail queue")
        # The response asked for by 20 working days after Monday 1 June.
        self.assertEqual(visit.response_due_date, date(2026, 6, 29))
        self.assertIn("by <strong>29/06/2026</strong>", mails.body_html)
        self.assertIn("Carol Commissioner, CQC", mails.body_html)
        self.assertNotIn("Body without email", mails.body_html)
        [pdf] = mails.attachment_ids
        self.assertEqual(pdf.mimetype, "application/pdf")
        self.assertTrue(pdf.name.endswith(".pdf"), pdf.name)
        self.assertTrue(pdf.raw.startswith(b"%PDF"))
        # On the visit's chatter, with the PDF.
        message = mails.mail_message_id
        self.assertEqual(message.model, "link.ev.visit")
        self.assertEqual(message.res_id, visit.id)
        self.assertEqual(message.attachment_ids, pdf)
        self.assertEqual(message.author_id, self.staff.partner_id)
        mails.send()
        self.assertEqual(mails.state, "sent")

    def test_report_html_names_what_was_visited_and_the_request(self):
        visit = self._drafted(theme="Mealtimes", purpose="To see lunch served.")
        with freeze_time("2026-06-01"):
            visit.with_user(self.staff).action_send_report()
        report = self.env.ref("link_enter_view.link_ev_visit_report_report")
        html = (
            report.with_user(self.staff)
            ._render_qweb_html(report.report_name, visit.ids)[0]
            .decode()
        )
        for shown in (
            "Mealtimes",
            "To see lunch served.",
            "Warm lounge.",
            "29/06/2026",
        ):
            self.assertIn(shown, html)
        for person in ("Anna Rep", "Ben Rep"):
            self.assertNotIn(person, html)

    def test_no_lead_no_sending_and_says_what_to_set(self):
        visit = self._drafted()
        self.trust.link_partner_lead_id = False
        with self.assertRaisesRegex(
            UserError, "Test Hospital NHS Trust has no nominated lead"
        ):
            visit.with_user(self.staff).action_send_report()
        self.trust.link_partner_lead_id = self.lead
        self.lead.email = False
        with self.assertRaisesRegex(UserError, "PPI Lead.*has no email address"):
            visit.with_user(self.staff).action_send_report()
        self.assertEqual(visit.state, "report_drafted")
        self.assertFalse(self._mails(visit))

    def test_batch_sends_all_or_none(self):
        first, second = self._drafted(), self._drafted()
        other_provider = self.env["res.partner"].create(
            {"name": "Leadless Care Ltd", "is_company": True}
        )
        home = self.env["res.partner"].create(
            {
                "name": "Leadless Home",
                "is_company": True,
                "link_premises_kind": "care_home",
                "link_provider_id": other_provider.id,
            }
        )
        third = self._drafted(premises_id=home.id)
        with self.assertRaisesRegex(UserError, "Leadless Care Ltd"):
            (first | second | third).with_user(self.staff).action_send_report()
        self.assertEqual(
            (first | second | third).mapped("state"), ["report_drafted"] * 3
        )
        (first | second).with_user(self.staff).action_send_report()
        self.assertEqual(len(self._mails(first | second)), 2)
        self.assertEqual(
            set(self._mails(first | second).mapped("res_id")), {first.id, second.id}
        )

    def test_no_response_requested_no_clock_and_publishable_at_once(self):
        visit = self._drafted(response_requested=False)
        with freeze_time("2026-06-01"):
            visit.with_user(self.staff).action_send_report()
        self.assertFalse(visit.response_due_date)
        self.assertFalse(visit.response_reminder_date)
        self.assertEqual(visit.publish_date, date(2026, 6, 1))
        self.assertIn("No response is requested", self._mails(visit).body_html)
        Visit = self.env["link.ev.visit"]
        for day in ("2026-06-25", "2026-07-30"):
            with freeze_time(day):
                Visit._cron_link_deadlines()
        self.assertFalse(visit.activity_ids, "no response reminder nor escalation")
        self.assertFalse(visit.response_late)
        with freeze_time("2026-06-01"):
            visit.with_user(self.staff).action_publish()
        self.assertEqual(visit.state, "published")
        self.assertEqual(visit._public_response_line(), "No response was requested")

    def test_response_requested_clock_across_a_bank_holiday(self):
        """Sent on Friday 22 May 2026: 20 working days, with the Spring bank
        holiday on Monday 25 May, end on Monday 22 June (19 June without)."""
        visit = self._drafted()
        self.assertTrue(visit.response_requested, "requested by default")
        with freeze_time("2026-05-22 15:00"):
            visit.with_user(self.staff).action_send_report()
        self.assertEqual(visit.response_due_date, date(2026, 6, 22))
        self.assertEqual(visit.publish_date, date(2026, 6, 22))
        self.assertIn("22/06/2026", self._mails(visit).body_html)
        with freeze_time("2026-06-22"), self.assertRaisesRegex(UserError, "22/06/2026"):
            visit.with_user(self.staff).action_publish()
        with freeze_time("2026-06-15"):
            self.env["link.ev.visit"]._cron_link_deadlines()
        due = self.env.ref("link_enter_view.mail_activity_type_link_ev_due")
        self.assertEqual(visit.activity_ids.activity_type_id, due)
        with freeze_time("2026-06-23"):
            visit.with_user(self.staff).action_publish()
        self.assertEqual(visit._public_response_line(), "No response by 22/06/2026")

    def test_steering_and_monitor_cannot_send(self):
        visit = self._drafted()
        for user in (self.steering, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                visit.with_user(user).action_send_report()
        self.assertEqual(visit.state, "report_drafted")
        # The monitor reads the visit, never the people it is mailed to.
        self.assertNotIn("report_copy_ids", visit.with_user(self.monitor).fields_get())


@tagged("post_install", "-at_install")
class TestRefusalEscalated(ReportMailCase):
    def _refused(self, **vals):
        visit = self._visit(**vals)
        visit.action_plan()
        visit.refusal_reason = "The manager was away and staff would not let us in."
        with freeze_time("2026-05-22 10:30"):
            visit.with_user(self.staff).action_refuse()
        return visit

    def test_letter_to_the_lead_copied_to_the_commissioner_and_our_lead_acts(self):
        self.trust.link_our_lead_id = self.our_lead
        visit = self._refused(theme="Medication rounds")
        self.assertEqual(visit.state, "refused")
        mails = self._mails(visit)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.lead | self.commissioning)
        self.assertIn("Entry refused", mails.subject)
        self.assertIn("would not let us in", mails.body_html)
        self.assertIn("22/05/2026", mails.body_html)
        self.assertFalse(mails.attachment_ids)
        for person in ("Anna Rep", "Ben Rep"):
            self.assertNotIn(person, mails.body_html)
        refused = self.env.ref("link_enter_view.mail_activity_type_link_ev_refused")
        activity = visit.activity_ids
        self.assertEqual(activity.activity_type_id, refused)
        self.assertEqual(activity.user_id, self.our_lead)
        self.assertEqual(activity.date_deadline, date(2026, 5, 22))
        self.assertTrue(visit.refusal_escalated)
        # Once: escalating again adds nothing.
        visit._escalate_refusal()
        self.assertEqual(visit.activity_ids, activity)
        mails.send()
        self.assertEqual(mails.state, "sent")

    def test_without_our_lead_the_manager_then_the_host_officer(self):
        visit = self._refused()
        self.assertEqual(visit.activity_ids.user_id, self.manager)
        self.env.company.link_escalation_user_id = False
        other = self._refused()
        self.assertEqual(other.activity_ids.user_id, self.staff)

    def test_refusal_recorded_even_without_a_lead_to_write_to(self):
        self.trust.link_partner_lead_id = False
        visit = self._refused()
        self.assertEqual(visit.state, "refused")
        self.assertFalse(self._mails(visit))
        self.assertIn(
            "has no nominated lead", visit.message_ids[:1].body, "says what to set"
        )
        self.assertEqual(len(visit.activity_ids), 1, "still followed up")


@tagged("post_install", "-at_install")
class TestTakeDownAndChildrensSocialCare(ReportMailCase):
    def test_take_down_needs_a_reason_and_can_be_undone(self):
        visit = self._drafted()
        visit.write({"state": "published", "date_published": date(2026, 7, 1)})
        self.assertEqual(visit.public_url, f"/visit-reports/{visit.id}")
        as_staff = visit.with_user(self.staff)
        with self.assertRaisesRegex(UserError, "Write why the report is taken down"):
            as_staff.action_take_down()
        as_staff.takedown_reason = "Names a resident by mistake."
        with freeze_time("2026-07-10"):
            as_staff.action_take_down()
        self.assertTrue(visit.taken_down)
        self.assertEqual(visit.date_taken_down, date(2026, 7, 10))
        self.assertFalse(visit.public_url)
        with self.assertRaisesRegex(UserError, "already taken down"):
            as_staff.action_take_down()
        as_staff.action_put_back()
        self.assertFalse(visit.taken_down)
        self.assertFalse(visit.takedown_reason, "a new take-down gives its reason")
        self.assertEqual(visit.public_url, f"/visit-reports/{visit.id}")
        draft = self._visit()
        with self.assertRaisesRegex(UserError, "Only a published report"):
            draft.with_user(self.staff).action_take_down()
        with self.assertRaises(AccessError):
            visit.with_user(self.monitor).action_put_back()

    def test_no_visit_to_childrens_social_care(self):
        home = self.env["res.partner"].create(
            {
                "name": "Rowan Children's Home",
                "is_company": True,
                "link_premises_kind": "children_social_care",
                "link_provider_id": self.council.id,
            }
        )
        with self.assertRaisesRegex(
            ValidationError, "Rowan Children's Home is a children's social care"
        ):
            self._visit(premises_id=home.id)
        with self.assertRaisesRegex(ValidationError, "no power to enter and view"):
            self.env["link.ev.visit"].with_user(self.staff).create(
                {"premises_id": home.id, "theme": "From a decision"}
            )
        visit = self._visit()
        with self.assertRaisesRegex(ValidationError, "Rowan Children's Home"):
            visit.premises_id = home

    def test_premises_with_a_visit_to_come_cannot_become_childrens_social_care(self):
        draft = self._visit()
        with self.assertRaisesRegex(ValidationError, f"{draft.name}.*Cancel those"):
            self.care_home.link_premises_kind = "children_social_care"
        draft.write({"cancel_reason": "Not ours to visit"})
        draft.with_user(self.staff).action_cancel()
        self.care_home.link_premises_kind = "children_social_care"
        self.assertEqual(draft.premises_kind, "children_social_care")
        with self.assertRaisesRegex(ValidationError, "children's social care"):
            draft.copy()

    def test_a_glue_addon_creates_a_draft_from_the_premises_alone(self):
        visit = self.env["link.ev.visit"].create(
            {
                "premises_id": self.care_home.id,
                "theme": "Raised by the steering group",
                "purpose": "Follow up what people told us.",
            }
        )
        self.assertEqual(visit.state, "draft")
        self.assertEqual(visit.provider_id, self.trust)
        self.assertTrue(visit.response_requested)
        self.assertFalse(visit.response_due_date)

    def test_settings_carry_the_statutory_recipients(self):
        settings = (
            self.env["link.settings"]
            .with_user(self.manager)
            .create({"link_ev_report_recipient_ids": [Command.set(self.council.ids)]})
        )
        self.assertEqual(self.env.company.link_ev_report_recipient_ids, self.council)
        self.assertEqual(settings.link_ev_report_recipient_ids, self.council)
        visit = self._visit()
        self.assertEqual(visit.report_copy_ids, self.commissioning | self.council)
