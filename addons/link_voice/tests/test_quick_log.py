# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import Form

from .test_feedback import FeedbackCase


@freeze_time("2027-03-10")
class TestQuickLog(FeedbackCase):
    """The staff quick log: a phone call logged from a small dialog."""

    def test_quick_form_logs_a_call(self):
        with Form(
            self.Feedback.with_context(default_channel="phone"),
            view="link_voice.link_feedback_view_form_quick",
        ) as form:
            self.assertEqual(form.channel, "phone")
            form.premises_id = self.outpatients
            form.sentiment = "negative"
            form.what_bad = "Nobody answers the phone at outpatients."
            form.contact_name = "Ray Caller"
            form.contact_phone = "01632 960 111"
            form.postcode = "zz1 1aa"
        feedback = form.record
        self.assertRecordValues(
            feedback,
            [
                {
                    "channel": "phone",
                    "provider_id": self.trust.id,
                    "sentiment": "negative",
                    "contact_name": "Ray Caller",
                    "postcode": "ZZ1 1AA",
                    "ward_id": self.north.id,
                    "user_id": self.staff.id,
                    "consent_to_contact": False,
                }
            ],
        )

    def test_save_and_new_opens_the_dialog_again(self):
        feedback = self._feedback(channel="gateway", anonymous=True)
        action = feedback.action_quick_log_next()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(feedback.name, action["params"]["message"])
        following = action["params"]["next"]
        self.assertEqual(following["res_model"], "link.feedback")
        self.assertEqual(following["target"], "new")
        self.assertEqual(following["context"], {"default_channel": "gateway"})
        self.assertEqual(
            following["view_id"][0],
            self.env.ref("link_voice.link_feedback_view_form_quick").id,
        )
        self.assertFalse(following.get("res_id"), "a new, empty feedback")
