# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


class CheckinTourCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.volunteer = cls.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        cls.staff_user = cls.env.ref(
            "link_membership.res_users_demo_staff", raise_if_not_found=False
        )
        if not cls.volunteer or not cls.staff_user:
            return
        cls.ada = cls.volunteer.partner_id
        now = fields.Datetime.now().replace(microsecond=0)
        cls.start, cls.end = now - timedelta(minutes=10), now + timedelta(hours=2)
        # Ada's demo places at that time are given up (no double booking).
        cls.env["link.shift.assignment"].search(
            [
                ("partner_id", "=", cls.ada.id),
                ("state", "in", ("waitlisted", "confirmed")),
                ("date_start", "<", cls.end),
                ("date_end", ">", cls.start),
            ]
        ).write({"state": "cancelled"})
        cls.shift = cls.env["link.shift"].create(
            {
                "name": "Evening drop-in, check-in tour",
                "role_id": cls.env.ref(
                    "link_membership.link_volunteer_role_demo_gateway"
                ).id,
                "date_start": cls.start,
                "date_end": cls.end,
                "max_volunteers": 5,
                "state": "open",
            }
        )

    def setUp(self):
        super().setUp()
        if not self.volunteer or not self.staff_user:
            self.skipTest("needs the demo data (the volunteer and staff logins)")


@tagged("post_install", "-at_install")
class TestShiftCheckinPhoneTours(CheckinTourCase):
    """The demo volunteer (Ada, login ``volunteer``) on a phone, 390 x 844."""

    browser_size = "390x844"
    touch_enabled = True

    def test_check_in_and_out_by_scanning_the_poster(self):
        place = self.env["link.shift.assignment"].create(
            {"shift_id": self.shift.id, "partner_id": self.ada.id}
        )
        url = f"/my/shifts/{self.shift.id}/checkin/{self.shift._checkin_token()}"
        self.start_tour(url, "link_shift_checkin_phone_tour", login="volunteer")
        self.env.invalidate_all()
        self.assertTrue(place.check_in_date)
        self.assertTrue(place.check_out_date)
        self.assertEqual(place.state, "attended")

    def test_find_and_add_the_calendar_feed(self):
        self.ada._link_calendar_feed_set(False)
        self.start_tour(
            "/my/shifts", "link_shift_calendar_phone_tour", login="volunteer"
        )
        self.env.invalidate_all()
        self.assertTrue(self.ada.sudo().link_calendar_token)


@tagged("post_install", "-at_install")
class TestShiftKioskTour(CheckinTourCase):
    """The demo staff member (login ``staff``) runs the kiosk of a shift."""

    def test_kiosk(self):
        people = self.env["res.partner"].create(
            [
                {"name": name, "link_is_volunteer": True}
                for name in ("Kim Kiosk", "Lee Kiosk", "Mo Kiosk")
            ]
        )
        kim, lee, mo = self.env["link.shift.assignment"].create(
            [{"shift_id": self.shift.id, "partner_id": p.id} for p in people]
        )
        mo.check_in_date = self.start
        self.start_tour(
            f"/odoo/action-link_membership.link_shift_action/{self.shift.id}",
            "link_shift_kiosk_tour",
            login="staff",
        )
        self.env.invalidate_all()
        self.assertTrue(kim.check_in_date)
        self.assertEqual(kim.attendance_status, "arrived")
        self.assertEqual(lee.state, "no_show")
        self.assertEqual(mo.state, "attended")
        self.assertTrue(mo.check_out_date)
