# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.link_volunteer_reference import LinkReferenceRefused
from .common import NOW, VolunteeringCase

STALL_CRON_QUERIES = 27


@tagged("post_install", "-at_install")
class TestApplication(VolunteeringCase):
    """Becoming a volunteer, as the host staff who run it: references by
    mail, DBS record, induction, approval; reminders at stalled steps."""

    def _answer(self, reference, suitable="yes", **values):
        return reference._from_token(reference.access_token)._submit(
            {"suitable": suitable, "years_known": "4", "comments": "Reliable", **values}
        )

    def test_whole_journey_as_staff(self):
        with freeze_time(NOW):
            application = self._application().with_user(self.staff)
            self.assertRegex(application.name, r"^VA\d{4}$")
            self.assertEqual(len(application.induction_step_ids), 5)
            application.action_request_references()
            self.assertEqual(application.state, "references")
            references = application.reference_ids
            self.assertEqual(set(references.mapped("state")), {"requested"})
            self.assertEqual(len(set(references.mapped("access_token"))), 2)
            # Each referee gets their own link, and nobody else's.
            for reference in references:
                mail = self._mails_to(reference.referee_email)
                self.assertEqual(len(mail), 1)
                self.assertIn("Reference for Zara Applicant", mail.subject)
                self.assertIn(reference.reference_url, mail.body_html)
                other = references - reference
                self.assertNotIn(other.access_token, mail.body_html)
                self.assertIn("volunteers@link.example.org", mail.email_from)
            self._answer(references[0])
            self.assertEqual(application.state, "references")
            self._answer(references[1], suitable="unsure")
            self.assertEqual(application.state, "checks")
            with self.assertRaisesRegex(UserError, "needs a valid DBS check"):
                application.action_approve()
            # The DBS record is the qualification the rosters check.
            action = application.action_record_dbs()
            self.assertEqual(action["res_model"], "link.qualification")
            dbs = (
                self.env["link.qualification"]
                .with_user(self.staff)
                .with_context(**{k: v for k, v in action["context"].items()})
                .create({"date_obtained": NOW.date(), "reference": "001122334455"})
            )
            self.assertEqual(dbs.partner_id, application.partner_id)
            dbs.evidence_state = "checked"
            application.invalidate_recordset(["dbs_ok", "dbs_qualification_id"])
            self.assertTrue(application.dbs_ok)
            self.assertEqual(application.dbs_qualification_id, dbs)
            with self.assertRaisesRegex(UserError, "induction steps still to do"):
                application.action_approve()
            application.induction_step_ids.write({"done": True})
            self.assertTrue(application.induction_done)
            self.assertEqual(application.induction_step_ids.done_by_id, self.staff)
            application.action_approve()
        partner = application.partner_id
        self.assertEqual(application.state, "approved")
        self.assertTrue(partner.link_is_volunteer)
        self.assertEqual(partner.link_membership_type, "participant")
        self.assertTrue(partner.link_member_number)
        self.assertTrue(partner.user_ids)
        self.assertTrue(partner.user_ids.has_group("base.group_portal"))
        welcome = self.env["mail.mail"].search(
            [("recipient_ids", "in", partner.ids), ("subject", "like", "Welcome")]
        )
        self.assertEqual(len(welcome), 1)
        self.assertIn("volunteer page", welcome.body_html)
        welcome.send()
        # Sent, then deleted as the template says (a failure would stay).
        self.assertFalse(welcome.exists())

    def test_a_concern_or_a_no_does_not_count_and_is_flagged(self):
        with freeze_time(NOW):
            application = self._application().with_user(self.staff)
            application.action_request_references()
            first, second = application.reference_ids
            self._answer(first, suitable="no")
            first._from_token(second.access_token)._submit({"decline": "1"})
        self.assertEqual(application.reference_ok_count, 0)
        self.assertEqual(application.state, "references")
        concerns = application.activity_ids.filtered(
            lambda a: "read this reference" in a.summary
        )
        # One activity per reference to read, to the recruiting officer.
        self.assertEqual(len(concerns), 2)
        self.assertEqual(concerns.user_id, self.staff)
        first._notify_concern()
        self.assertEqual(len(application.activity_ids), 2)

    def test_the_form_refuses_a_second_answer_and_an_expired_link(self):
        with freeze_time(NOW):
            application = self._application().with_user(self.staff)
            application.action_request_references()
            first, second = application.reference_ids
            self._answer(first)
            with self.assertRaisesRegex(LinkReferenceRefused, "received"):
                self._answer(first, suitable="no")
        self.assertEqual(first.suitable, "yes")
        with (
            freeze_time(NOW + timedelta(days=31)),
            self.assertRaisesRegex(LinkReferenceRefused, "expired"),
        ):
            self._answer(second)
        self.assertFalse(first._from_token("not-a-token"))
        self.assertFalse(first._from_token("x" * 500))
        self.assertFalse(first._from_token(None))

    def test_bad_answers_are_refused_with_a_message(self):
        with freeze_time(NOW):
            application = self._application().with_user(self.staff)
            application.action_request_references()
            reference = application.reference_ids[0]
            for values, message in (
                ({"suitable": "maybe"}, "good volunteer"),
                ({"years_known": "-3"}, "whole number"),
                ({"years_known": "1e9"}, "whole number"),
                ({"comments": ""}, "Please fill in"),
                ({"comments": "x" * 5000}, "too long"),
            ):
                with self.assertRaisesRegex(UserError, message):
                    self._answer(reference, **values)
        self.assertEqual(reference.state, "requested")

    def test_stalled_steps_remind_the_officer_once_per_step(self):
        with freeze_time(NOW):
            application = self._application()
        Application = self.Application

        stalled = self.env.ref(
            "link_volunteering.mail_activity_type_application_stalled"
        )

        def reminders():
            return application.activity_ids.filtered(
                lambda a: a.activity_type_id == stalled
            )

        with freeze_time(NOW + timedelta(days=4)):
            Application._cron_stalled_steps()
        self.assertFalse(reminders())
        with freeze_time(NOW + timedelta(days=5)):
            Application._cron_stalled_steps()
            Application._cron_stalled_steps()
        self.assertEqual(len(reminders()), 1)
        self.assertIn("ask for the references", reminders().summary)
        self.assertEqual(reminders().user_id, self.staff)
        with freeze_time(NOW + timedelta(days=6)):
            application.with_user(self.staff).action_request_references()
        # Moving on takes the reminder of the step left behind away.
        self.assertFalse(reminders())
        with freeze_time(NOW + timedelta(days=13)):
            Application._cron_stalled_steps()
        # The referees are reminded once, a week after they were asked.
        for reference in application.reference_ids:
            self.assertEqual(
                len(
                    self._mails_to(reference.referee_email).filtered(
                        lambda m: m.subject.startswith("Reminder")
                    )
                ),
                1,
            )
        with freeze_time(NOW + timedelta(days=20)):
            Application._cron_stalled_steps()
            Application._cron_stalled_steps()
        self.assertEqual(len(reminders()), 1)
        self.assertIn("chase the referees", reminders().summary)
        # Decided: the reminders go.
        application.with_user(self.staff).write({"decline_reason": "No references"})
        application.with_user(self.staff).action_decline()
        self.assertFalse(reminders())
        self.assertEqual(set(application.reference_ids.mapped("state")), {"cancelled"})

    def test_reminders_go_to_an_active_internal_user(self):
        with freeze_time(NOW):
            application = self._application()
            application.user_id = self.portal_user
            self.staff.active = False
            self.env.company.link_activity_coordinator_id = self.manager
        with freeze_time(NOW + timedelta(days=5)):
            self.Application._cron_stalled_steps()
        reminder = application.activity_ids
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.manager)

    def test_stall_cron_takes_the_same_queries_for_more_applications(self):
        with freeze_time(NOW):
            self._application("Amy One")
        with freeze_time(NOW + timedelta(days=5)):
            self.Application._cron_stalled_steps()  # warm the caches
        applications = self.Application
        for day, names in (
            (1, ("Bea Two",)),
            (2, ("Cal Three", "Dee Four", "Eda Five")),
        ):
            with freeze_time(NOW + timedelta(days=day)):
                for name in names:
                    applications |= self._application(name)
            self.env.flush_all()
            self.env.invalidate_all()
            with (
                freeze_time(NOW + timedelta(days=day + 5)),
                self.assertQueryCount(STALL_CRON_QUERIES),
            ):
                self.Application._cron_stalled_steps()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.volunteer.application"),
                ("res_id", "in", applications.ids),
                ("summary", "like", "ask for the references"),
            ]
        )
        self.assertEqual(len(activities), 4)
        self.assertEqual(activities.user_id, self.staff)

    def test_who_may_do_what(self):
        application = self._application()
        for user in (self.steering, self.monitor, self.equality_officer):
            with self.assertRaises(AccessError):
                application.with_user(user).read(["partner_id"])
            with self.assertRaises(AccessError):
                self.env["link.volunteer.reference"].with_user(user).search([])
        with self.assertRaises(AccessError):
            application.with_user(self.portal_user).read(["partner_id"])
        with self.assertRaises(AccessError):
            application.with_user(self.staff).unlink()
        with self.assertRaises(AccessError):
            application.reference_ids.with_user(self.staff).unlink()
        with self.assertRaisesRegex(UserError, "instead of deleting it"):
            application.with_user(self.manager).unlink()
        application.with_user(self.staff).action_withdraw()
        application.with_user(self.manager).unlink()
        self.assertFalse(application.exists())
        # The checklist is the manager's to change.
        with self.assertRaises(AccessError):
            self.env["link.induction.item"].with_user(self.staff).create({"name": "X"})
        self.env["link.induction.item"].with_user(self.manager).create({"name": "X"})

    def test_approval_keeps_an_existing_membership_and_login(self):
        with freeze_time(NOW):
            application = self._application(dbs_type_id=False)
            application.partner_id.link_membership_type = "full"
            application.with_user(self.staff).action_skip_references()
            application.references_required = 0
            application.induction_step_ids.write({"done": True})
            application.with_user(self.staff).action_approve()
        self.assertEqual(application.partner_id.link_membership_type, "full")
        users = application.partner_id.user_ids
        self.assertEqual(len(users), 1)
        with self.assertRaisesRegex(UserError, "Only an application in progress"):
            application.with_user(self.staff).action_withdraw()

    def test_an_applicant_who_is_a_contact_already_is_flagged(self):
        member = self.env["res.partner"].create(
            {"name": "Zara Member", "email": "zara@applicant.example"}
        )
        application = self._application().with_user(self.staff)
        self.assertEqual(application.duplicate_partner_ids, member)
        other = self._application("Yan Newcomer").with_user(self.staff)
        self.assertFalse(other.duplicate_partner_ids)
