# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from odoo.addons.base.models.ir_qweb import QWebException

START = datetime(2031, 3, 3, 10)  # Monday 3 March 2031, 10:00 UTC (GMT)


class CheckinMixin:
    @classmethod
    def _setup_checkin(cls):
        cls.staff = new_test_user(
            cls.env,
            "kiosk_staff",
            groups="base.group_user,link_membership.group_link_staff",
        )
        cls.ann_user = new_test_user(cls.env, "scan_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "scan_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        (cls.ann | cls.ben).write({"link_is_volunteer": True, "tz": "Europe/London"})
        cls.ann.name, cls.ben.name = "Ann Scan", "Ben Scan"
        cls.role = cls.env["link.volunteer.role"].create({"name": "Check-in host"})

    @classmethod
    def _shift(cls, name, start, hours=3):
        shift = (
            cls.env["link.shift"]
            .with_user(cls.staff)
            .create(
                {
                    "name": name,
                    "role_id": cls.role.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=hours),
                    "max_volunteers": 5,
                    "state": "open",
                }
            )
        )
        return shift

    @classmethod
    def _place(cls, shift, partner):
        return (
            cls.env["link.shift.assignment"]
            .with_user(cls.staff)
            .create({"shift_id": shift.id, "partner_id": partner.id})
        )


@tagged("post_install", "-at_install")
class TestShiftCheckinWindow(CheckinMixin, TransactionCase):
    """The rules of checking in, as the volunteer (portal) and the staff at
    the kiosk, at frozen times."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_checkin()
        cls.shift = cls._shift("Drop-in", START)
        cls.other = cls._shift("Other drop-in", START + timedelta(days=1))
        cls.ann_place = cls._place(cls.shift, cls.ann)
        cls.ben_place = cls._place(cls.other, cls.ben)

    def _scan(self, shift, user, action=None, token=None):
        return (
            self.env["link.shift"]
            .with_user(user)
            ._portal_check_in(
                shift.id,
                shift._checkin_token() if token is None else token,
                user.partner_id,
                action,
            )
        )

    def test_window_opens_half_an_hour_before_and_closes_at_the_end(self):
        with freeze_time(START - timedelta(minutes=31)):
            result = self._scan(self.shift, self.ann_user, "in")
            self.assertEqual(result["status"], 409)
            self.assertEqual(
                result["refusal"],
                "Check-in for Drop-in opens at 09:30 on 03/03/2031, half an hour "
                "before it starts.",
            )
            self.assertFalse(self.ann_place.check_in_date)
        with freeze_time(START + timedelta(hours=3)):
            result = self._scan(self.shift, self.ann_user)
            self.assertEqual(result["status"], 403)
            self.assertIn("ended at 13:00 on 03/03/2031", result["refusal"])
            self.assertIsNone(result["offer"])
        with freeze_time(START - timedelta(minutes=30)):
            self.assertEqual(self._scan(self.shift, self.ann_user)["offer"], "in")
            result = self._scan(self.shift, self.ann_user, "in")
            self.assertEqual(result["status"], 200)
            self.assertEqual(
                self.ann_place.check_in_date, START - timedelta(minutes=30)
            )
            self.assertEqual(self.ann_place.attendance_status, "arrived")
            self.assertEqual(result["offer"], "out")
            # Scanning again does not check in twice.
            again = self._scan(self.shift, self.ann_user, "in")
            self.assertEqual(again["status"], 409)
            self.assertIn("checked in at 09:30 on 03/03/2031", again["refusal"])
        with freeze_time(START + timedelta(hours=2, minutes=50)):
            self._scan(self.shift, self.ann_user, "out")
        self.assertEqual(self.ann_place.state, "attended")
        self.assertEqual(self.ann_place.hours, 3.25)  # 09:30 to 12:50, in quarters
        self.assertFalse(self.ann_place.checkout_missing)
        thanks = self.env["mail.mail"].search(
            [("res_id", "=", self.ann_place.id), ("subject", "=like", "Thank you%")]
        )
        self.assertEqual(thanks.recipient_ids, self.ann)

    def test_refusals_for_codes_shifts_and_people(self):
        with freeze_time(START):
            # A code that is not ours, or another shift's code.
            for token in ("0" * 32, self.other._checkin_token(), "", "é" * 32):
                result = self._scan(self.shift, self.ann_user, "in", token=token)
                self.assertEqual(result["status"], 404, token)
                self.assertIn("not a check-in code of ours", result["refusal"])
            missing = (
                self.env["link.shift"]
                .with_user(self.ann_user)
                ._portal_check_in(None, "x", self.ann, "in")
            )
            self.assertEqual(missing["status"], 404)
            # The real code of a shift she has no place on (Ben's).
            result = self._scan(self.other, self.ann_user, "in")
            self.assertEqual(result["status"], 403)
            self.assertIn("You have no place on Other drop-in", result["refusal"])
            self.assertFalse(self.ben_place.check_in_date)
            # On the waiting list only: not booked, so no check-in.
            dora = new_test_user(self.env, "scan_dora", groups="base.group_portal")
            self.shift.max_volunteers = 1
            waiting = self._place(self.shift, dora.partner_id)
            self.assertEqual(waiting.state, "waitlisted")
            result = self._scan(self.shift, dora, "in")
            self.assertEqual(result["status"], 409)
            self.assertIn("is on the waiting list: only confirmed", result["refusal"])
            result = self._scan(self.shift, dora)
            self.assertEqual(result["status"], 403)
            self.assertIsNone(result["offer"])
            self.assertFalse(waiting.check_in_date)
            # Ben checks himself in only: Ann's place stays as it was.
            self.assertEqual(self._scan(self.shift, self.ben_user, "in")["status"], 403)
            self.assertFalse(self.ann_place.check_in_date)
            # A volunteer cannot write the check-in fields directly.
            with self.assertRaises(AccessError):
                self.ann_place.with_user(self.ann_user).write(
                    {"check_in_date": fields.Datetime.now()}
                )

    def test_kiosk_checks_in_and_out_and_marks_no_shows(self):
        carl = self.env["res.partner"].create(
            {"name": "Carl Kiosk", "link_is_volunteer": True}
        )
        carl_place = self._place(self.shift, carl)
        places = (self.ann_place | carl_place).with_user(self.staff)
        self.assertEqual(self.shift.expected_count, 2)
        with freeze_time(START - timedelta(hours=1)), self.assertRaises(UserError):
            places[0].action_check_in()
        with freeze_time(START + timedelta(minutes=5)):
            places[0].action_check_in()
            with self.assertRaises(UserError):
                places[0].action_mark_no_show()  # she came
            places[1].action_mark_no_show()
        self.shift.invalidate_recordset()
        self.assertEqual(
            (
                self.shift.expected_count,
                self.shift.arrived_count,
                self.shift.no_show_count,
            ),
            (0, 1, 1),
        )
        with freeze_time(START + timedelta(hours=1, minutes=5)):
            places[0].action_check_out()
        self.assertEqual(places[0].hours, 1.0)
        self.assertEqual(places[0].state, "attended")
        with self.assertRaises(UserError):
            places[0].action_check_out()
        # A volunteer cannot use the kiosk's buttons.
        with freeze_time(START + timedelta(days=1)), self.assertRaises(AccessError):
            self.ben_place.with_user(self.ben_user).action_check_in()

    def test_cron_closes_and_flags_whoever_is_still_checked_in(self):
        carl = self.env["res.partner"].create(
            {"name": "Carl Late", "link_is_volunteer": True}
        )
        carl_place = self._place(self.shift, carl)
        with freeze_time(START - timedelta(minutes=10)):
            (self.ann_place | carl_place).with_user(self.staff).action_check_in()
        with freeze_time(START + timedelta(hours=1)):
            carl_place.with_user(self.staff).action_check_out()
        # Just after the end: they may still check out themselves.
        with freeze_time(START + timedelta(hours=3, minutes=30)):
            self.env["link.shift"]._cron_link_shifts()
            self.assertEqual(self.ann_place.state, "confirmed")
            self.assertFalse(self.ann_place.checkout_missing)
        with freeze_time(START + timedelta(hours=4, minutes=1)):
            self.env.flush_all()
            with self.assertQueryCount(__system__=20):
                self.env["link.shift"]._cron_link_shifts()
        self.assertEqual(self.ann_place.state, "attended")
        self.assertTrue(self.ann_place.checkout_missing)
        self.assertEqual(self.ann_place.check_out_date, START + timedelta(hours=3))
        self.assertEqual(self.ann_place.hours, 3.25)  # 09:50 to the end, 13:00
        self.assertFalse(carl_place.checkout_missing)
        self.assertEqual(carl_place.hours, 1.25)
        activity = self.shift.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn("did not check out", activity.summary)
        self.assertTrue(activity.user_id.active)
        self.assertFalse(activity.user_id.share)
        # Not flagged twice, no second activity.
        with freeze_time(START + timedelta(hours=6)):
            self.env["link.shift"]._cron_link_shifts()
        self.assertEqual(len(self.shift.activity_ids), 1)

    def test_other_roles_have_no_kiosk(self):
        """The council monitor and the steering group never see who came."""
        for group in ("group_link_monitor", "group_link_steering"):
            user = new_test_user(
                self.env, f"kiosk_{group}", groups=f"link_membership.{group}"
            )
            Place = self.env["link.shift.assignment"].with_user(user)
            self.assertFalse(Place.has_access("read"))
            with self.assertRaises(AccessError), freeze_time(START):
                self.ann_place.with_user(user).action_check_in()
            with self.assertRaisesRegex(QWebException, "not allowed to access"):
                self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                    "link_membership.action_report_link_shift_checkin_poster",
                    self.shift.ids,
                )
        self.assertFalse(self.ann_place.check_in_date)

    def test_poster_shows_the_code_of_the_shift(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            ._render_qweb_html(
                "link_membership.action_report_link_shift_checkin_poster",
                self.shift.ids,
            )[0]
            .decode()
        )
        self.assertIn("Volunteers: check in here", html)
        self.assertIn("Drop-in", html)
        self.assertIn('src="data:image/png;base64,', html)
        self.assertNotEqual(self.shift._checkin_token(), self.other._checkin_token())
        self.assertRegex(self.shift._checkin_token(), r"^[0-9a-f]{32}$")


@tagged("post_install", "-at_install")
class TestShiftCheckinRoute(CheckinMixin, HttpCase):
    """The page the poster's code opens, over HTTP, as the volunteer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_checkin()
        now = fields.Datetime.now().replace(microsecond=0)
        cls.now_shift = cls._shift("Scan now", now - timedelta(minutes=10))
        cls.later_shift = cls._shift("Scan later", now + timedelta(days=2))
        cls.ann_place = cls._place(cls.now_shift, cls.ann)
        cls.ann_later = cls._place(cls.later_shift, cls.ann)

    def _url(self, shift, token=None):
        return f"/my/shifts/{shift.id}/checkin/{token or shift._checkin_token()}"

    def _post(self, url, do, allow_redirects=True):
        page = self.url_open("/my/shifts").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.url_open(
            url, data={"csrf_token": token, "do": do}, allow_redirects=allow_redirects
        )

    def test_scan_check_in_and_out(self):
        self.authenticate("scan_ann", "scan_ann")
        url = self._url(self.now_shift)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Check in", page.text)
        self.assertFalse(self.ann_place.check_in_date)  # opening changes nothing
        response = self._post(url, "in")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You are checked in", response.text)
        self.assertTrue(self.ann_place.check_in_date)
        response = self._post(url, "out")
        self.assertIn("You are checked out", response.text)
        self.assertEqual(self.ann_place.state, "attended")

    def test_refusals_are_pages_never_a_500(self):
        self.authenticate("scan_ann", "scan_ann")
        cases = [
            (self._url(self.now_shift, "0" * 32), 404, "not a check-in code of ours"),
            (
                self._url(self.now_shift, self.later_shift._checkin_token()),
                404,
                "not a check-in code",
            ),
            (f"/my/shifts/99999999999/checkin/{'0' * 32}", 404, "not a check-in code"),
            (f"/my/shifts/abc/checkin/{'0' * 32}", 404, "not a check-in code"),
            (
                f"/my/shifts/{self.now_shift.id}/checkin/%00%C3%A9",
                404,
                "not a check-in code",
            ),
            (self._url(self.later_shift), 403, "Check-in for Scan later opens at"),
        ]
        for url, status, text in cases:
            response = self.url_open(url)
            self.assertEqual(response.status_code, status, url)
            self.assertIn(text, response.text, url)
        # Ben scans Ann's shift: no place of his.
        self.authenticate("scan_ben", "scan_ben")
        response = self._post(self._url(self.now_shift), "in")
        self.assertEqual(response.status_code, 403)
        self.assertIn("You have no place on Scan now", response.text)
        self.assertNotIn("Ann Scan", response.text)
        self.assertFalse(self.ann_place.check_in_date)
        # Not logged in: to the login page, then back.
        self.logout()
        response = self.url_open(self._url(self.now_shift), allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_check_in_queries(self):
        self.authenticate("scan_ann", "scan_ann")
        url = self._url(self.now_shift)
        self.url_open(url)  # warm the caches
        self.env.flush_all()
        with self.assertQueryCount(11):
            page = self.url_open(url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        with self.assertQueryCount(14):
            response = self.url_open(
                url, data={"csrf_token": token, "do": "in"}, allow_redirects=False
            )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(self.ann_place.check_in_date)
