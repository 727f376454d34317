# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .test_feedback import FeedbackCase

LEAD_TYPE = "link_voice.mail_activity_type_link_safeguarding"
ESCALATED_TYPE = "link_voice.mail_activity_type_link_safeguarding_escalated"


@freeze_time("2027-03-10 15:00:00")
class TestSafeguarding(FeedbackCase):
    """A concern flagged on feedback reaches the safeguarding lead with a
    24-hour deadline, escalates to a host manager when missed, records the
    referral and its outcome, and is read only by leads and managers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Only this test's people act on concerns.
        for xmlid in (
            "link_membership.group_link_safeguarding",
            "link_membership.group_link_manager",
        ):
            group = cls.env.ref(xmlid)
            group.users.write({"groups_id": [(3, group.id)]})
        cls.lead = cls._link_user("link_sg_lead", "group_link_safeguarding")
        cls.manager.groups_id = [
            (4, cls.env.ref("link_membership.group_link_manager").id)
        ]
        cls.hub = cls.env["res.partner"].create(
            {"name": "Brookfield Safeguarding Hub", "is_company": True}
        )
        cls.env.company.link_safeguarding_hub_id = False
        cls.said = (
            cls.env["link.feedback"]
            .with_user(cls.staff)
            .create(
                {
                    "channel": "phone",
                    "what_bad": "My neighbour has not been fed by her carers for days.",
                    "anonymous": True,
                }
            )
        )

    def _raise(self, user=None, text="Carers may be neglecting an older woman."):
        wizard = (
            self.env["link.safeguarding.raise"]
            .with_user(user or self.staff)
            .create({"feedback_id": self.said.id, "description": text})
        )
        wizard.action_raise()
        return self.said.sudo().safeguarding_concern_ids.sorted("id")[-1:]

    def _activities(self, concern, xmlid):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "link.safeguarding.concern"),
                    ("res_id", "=", concern.id),
                    ("activity_type_id", "=", self.env.ref(xmlid).id),
                ]
            )
        )

    def test_raised_by_staff_reaches_the_lead_within_24_hours(self):
        concern = self._raise()
        self.assertRecordValues(
            concern,
            [
                {
                    "state": "open",
                    "lead_id": self.lead.id,
                    "raised_by_id": self.staff.id,
                    "date_due": datetime(2027, 3, 11, 15, 0),
                    "escalated": False,
                }
            ],
        )
        self.assertTrue(concern.name.startswith("SG/2027/"))
        activity = self._activities(concern, LEAD_TYPE)
        self.assertEqual(activity.user_id, self.lead)
        self.assertEqual(activity.date_deadline, date(2027, 3, 11))
        self.assertEqual(self.said.safeguarding_state, "open")
        note = self.said.message_ids.filtered(lambda m: concern.name in m.body)
        self.assertEqual(note.author_id, self.staff.partner_id)
        self.assertNotIn("older woman", note.body, "the concern stays with the lead")

    def test_read_only_by_leads_and_managers(self):
        concern = self._raise()
        for user in (self.staff, self.steering, self.monitor, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                concern.with_user(user).read(["description"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.said.with_user(user).read(["safeguarding_concern_ids"])
        for user in (self.lead, self.manager):
            with self.subTest(user=user.login):
                self.assertIn(
                    "older woman", concern.with_user(user).description, user.login
                )
        # Whoever raised it sees only that a concern is open.
        self.assertEqual(self.said.with_user(self.staff).safeguarding_state, "open")

    def test_a_concern_says_what_worries(self):
        for text in ("", "   ", "\x00\x01"):
            with self.subTest(text=text), self.assertRaises(UserError):
                self.said.with_user(self.staff)._raise_safeguarding(text)
        with self.assertRaises(UserError):
            self.said.with_user(self.staff)._raise_safeguarding("x" * 10001)
        self.assertEqual(self.said.safeguarding_state, "none")

    def test_escalates_once_when_missed(self):
        concern = self._raise()
        # Two more, so the query count below holds for a batch.
        others = self._raise(text="Second.") | self._raise(text="Third.")
        with freeze_time("2027-03-11 14:59:00"):
            self.env["link.safeguarding.concern"]._cron_escalate()
        self.assertFalse(concern.escalated, "still within 24 hours")
        with freeze_time("2027-03-11 15:30:00"):
            Concern = self.env["link.safeguarding.concern"]
            with self.assertQueryCount(__system__=22):
                Concern._cron_escalate()
            Concern._cron_escalate()
        self.assertTrue(concern.escalated)
        self.assertTrue(all(others.mapped("escalated")))
        escalation = self._activities(concern, ESCALATED_TYPE)
        self.assertEqual(escalation.user_id, self.manager, "once, to a manager")
        self.assertEqual(escalation.date_deadline, date(2027, 3, 11))
        self.assertTrue(
            concern.message_ids.filtered(lambda m: "24 hours" in (m.body or ""))
        )

    def test_acted_on_in_time_is_not_escalated(self):
        concern = self._raise()
        concern.with_user(self.lead).write({"referred_to_id": self.hub.id})
        concern.with_user(self.lead).action_refer()
        with freeze_time("2027-03-12 09:00:00"):
            self.env["link.safeguarding.concern"]._cron_escalate()
        self.assertFalse(concern.escalated)
        self.assertFalse(self._activities(concern, ESCALATED_TYPE))

    def test_referral_then_outcome_clears_the_feedback(self):
        concern = self._raise().with_user(self.lead)
        with self.assertRaisesRegex(UserError, "Referred to"):
            concern.action_refer()
        concern.write(
            {"referred_to_id": self.hub.id, "referral_reference": "MASH-2027-118"}
        )
        concern.action_refer()
        self.assertEqual(concern.state, "referred")
        self.assertEqual(concern.referral_date, date(2027, 3, 10))
        self.assertFalse(self._activities(concern, LEAD_TYPE), "the activity is done")
        self.assertEqual(self.said.safeguarding_state, "open", "until its outcome")
        with self.assertRaisesRegex(UserError, "outcome"):
            concern.action_close()
        concern.outcome = "The hub visited; a care review was arranged."
        concern.action_close()
        self.assertEqual(concern.state, "closed")
        self.assertEqual(self.said.safeguarding_state, "cleared")
        with self.assertRaisesRegex(UserError, "closed"):
            concern.action_refer()
        # A second concern on the same feedback opens it again.
        self._raise(text="She rang again: no food for two days.")
        self.assertEqual(self.said.safeguarding_state, "open")

    def test_the_usual_hub_is_proposed(self):
        self.env.company.link_safeguarding_hub_id = self.hub
        concern = self._raise().with_user(self.lead)
        self.assertEqual(concern.referred_to_id, self.hub)
        concern.action_refer()
        self.assertEqual(concern.state, "referred")

    def test_never_deleted(self):
        concern = self._raise()
        for user in (self.lead, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                concern.with_user(user).unlink()
        # Not even the administrator, by the model's own rule.
        with self.assertRaisesRegex(UserError, "close it"):
            concern.sudo().unlink()

    def test_no_active_lead_goes_to_a_manager(self):
        self.lead.active = False
        concern = self._raise()
        self.assertEqual(concern.lead_id, self.manager)
        self.assertEqual(self._activities(concern, LEAD_TYPE).user_id, self.manager)

    def test_manager_escalation_never_reaches_someone_who_cannot_read_it(self):
        # The lead is the only manager: the escalation stays with them.
        self.manager.groups_id = [
            (3, self.env.ref("link_membership.group_link_manager").id)
        ]
        lead_manager = new_test_user(
            self.env,
            login="link_sg_lead_manager",
            groups="link_membership.group_link_manager",
        )
        self.lead.active = False
        concern = self._raise()
        self.assertEqual(concern.lead_id, lead_manager)
        with freeze_time("2027-03-12 09:00:00"):
            self.env["link.safeguarding.concern"]._cron_escalate()
        self.assertEqual(
            self._activities(concern, ESCALATED_TYPE).user_id, lead_manager
        )
