# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVoiceTours(HttpCase):
    """Each person's part of hearing the public, in a real browser, as the
    demo logins of the README (least privileged for the job): the public on
    a phone, host staff, the safeguarding lead, the council monitor."""

    def _demo(self, xmlid):
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if not record:
            self.skipTest(f"{xmlid} needs the demo data")
        return record

    def test_public_shares_an_experience_on_a_phone(self):
        surgery = self._demo("link_voice.premises_millgate_centre")
        started = self.env.cr.now()
        self.browser_size = "375x812"
        self.touch_enabled = True
        self.start_tour("/share-your-experience", "link_voice_public_share_tour")
        feedback = self.env["link.feedback"].search(
            [("channel", "=", "web"), ("create_date", ">=", started)]
        )
        self.assertRecordValues(
            feedback,
            [
                {
                    "premises_id": surgery.id,
                    "service_name": False,
                    "rating": 2,
                    "sentiment": "negative",
                    "postcode": "BF3",
                    "anonymous": True,
                    "publication_state": "unscreened",
                }
            ],
        )

    def test_staff_screen_and_publish(self):
        feedback = self._demo("link_voice.link_feedback_demo_web_surgery")
        staff = self.env.ref("link_membership.res_users_demo_staff")
        self.assertEqual(
            staff.groups_id.filtered(lambda g: g.category_id.name == "LINk"),
            self.env.ref("link_membership.group_link_staff"),
        )
        self.start_tour("/odoo", "link_voice_screening_tour", login="staff")
        self.assertEqual(feedback.publication_state, "published")
        self.assertNotIn("Hollis", feedback.public_text)
        page = self.url_open(f"/what-people-said/{feedback.premises_id.id}")
        self.assertIn("A doctor phoned me back the same day", page.text)
        self.assertNotIn("Peter Quayle", page.text)

    def test_safeguarding_lead_records_a_referral(self):
        concern = self._demo("link_voice.link_safeguarding_concern_demo_pension")
        lead = self.env.ref("link_membership.res_users_demo_safeguarding")
        self.assertEqual(
            lead.groups_id.filtered(lambda g: g.category_id.name == "LINk"),
            self.env.ref("link_membership.group_link_safeguarding")
            | self.env.ref("link_membership.group_link_staff"),
        )
        self.start_tour("/odoo", "link_voice_safeguarding_tour", login="safeguarding")
        self.assertRecordValues(
            concern,
            [
                {
                    "state": "referred",
                    "referral_reference": "ASH-0517",
                    "referred_to_id": self.env.ref(
                        "link_voice.res_partner_safeguarding_hub"
                    ).id,
                }
            ],
        )

    def test_monitor_reads_feedback_trends(self):
        self._demo("link_membership.res_users_demo_monitor")
        self.start_tour("/odoo", "link_voice_monitor_trends_tour", login="monitor")
