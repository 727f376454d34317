# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestQuickLogTours(HttpCase):
    """Quick log in a real browser, as the demo logins: host staff on a
    computer, the volunteer (Ada Whitfield, login ``volunteer``) on a phone."""

    def _demo_login(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        if not user:
            self.skipTest(f"the demo login {login!r} needs the demo data")
        return user

    def _logged_by(self, user):
        return self.env["link.feedback"].search(
            [("user_id", "=", user.id), ("create_date", ">=", self.started)]
        )

    def setUp(self):
        super().setUp()
        self.started = self.env.cr.now()

    def test_staff_quick_logs_phone_calls(self):
        staff = self._demo_login("staff")
        self.start_tour("/odoo", "link_voice_quick_log_staff_tour", login="staff")
        first, second = self._logged_by(staff).sorted("id")
        self.assertRecordValues(
            first | second,
            [
                {
                    "channel": "phone",
                    "sentiment": "negative",
                    "anonymous": True,
                    "contact_name": False,
                },
                {
                    "channel": "phone",
                    "sentiment": "positive",
                    "anonymous": False,
                    "contact_name": "Tour Caller",
                },
            ],
        )
        self.assertIn("rings out", first.what_bad)

    def test_volunteer_logs_gateway_feedback_at_phone_width(self):
        volunteer = self._demo_login("volunteer")
        # Sessions made relative to now, so that the tour holds whatever day
        # it runs: one started a moment ago (short, so no demo shift of hers
        # overlaps it) and one she attended yesterday (so her list shows).
        now = fields.Datetime.now().replace(microsecond=0)
        gateway = self.env.ref("link_membership.link_volunteer_role_demo_gateway")
        sessions = self.env["link.shift"].create(
            [
                {
                    "name": name,
                    "role_id": gateway.id,
                    "date_start": start,
                    "date_end": start + timedelta(minutes=40),
                    "max_volunteers": 3,
                    "state": "open",
                }
                for name, start in (
                    ("Dover Gateway, tour session", now - timedelta(minutes=5)),
                    ("Library drop-in, yesterday", now - timedelta(days=1)),
                )
            ]
        )
        self.env["link.shift.assignment"].create(
            [
                {
                    "shift_id": session.id,
                    "partner_id": volunteer.partner_id.id,
                    "state": state,
                }
                for session, state in zip(
                    sessions, ("confirmed", "attended"), strict=True
                )
            ]
        )
        self.browser_size = "375x812"
        self.touch_enabled = True
        self.start_tour("/my", "link_voice_quick_log_portal_tour", login="volunteer")
        feedback = self._logged_by(volunteer)
        self.assertRecordValues(
            feedback,
            [
                {
                    "channel": "gateway",
                    "shift_id": sessions[0].id,
                    "sentiment": "negative",
                    "postcode": "BF2",
                    "anonymous": True,
                }
            ],
        )
        signpost = self.env["link.signpost"].search(
            [("user_id", "=", volunteer.id), ("create_date", ">=", self.started)]
        )
        self.assertRecordValues(
            signpost,
            [{"channel": "gateway", "shift_id": sessions[0].id}],
        )
        self.assertEqual(
            signpost.service_ids,
            self.env.ref("link_voice.res_partner_signpost_citizens_advice"),
        )
