# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestRepresentationPortal(HttpCase):
    """Two representatives with a portal login: each reaches only their own
    seats and reports back, and files reports back that land where staff
    and the steering group read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna = new_test_user(
            cls.env, "rep_anna", groups="base.group_portal", name="Anna Rep"
        )
        cls.ben = new_test_user(
            cls.env, "rep_ben", groups="base.group_portal", name="Ben Rep"
        )
        cls.staff = new_test_user(
            cls.env, "rep_staff", groups="link_membership.group_link_staff"
        )
        cls.steering = new_test_user(
            cls.env, "rep_steering", groups="link_membership.group_link_steering"
        )
        board = cls.env["res.partner"].create(
            {"name": "Brookfield Care Board", "is_company": True}
        )
        Seat = cls.env["link.representation"].with_user(cls.staff)
        cls.seat_anna = Seat.create(
            {
                "name": "Care board seat of Anna",
                "partner_id": board.id,
                "representative_id": cls.anna.partner_id.id,
                "report_days": 14,
            }
        )
        cls.seat_ben = Seat.create(
            {
                "name": "Scrutiny seat of Ben",
                "partner_id": board.id,
                "representative_id": cls.ben.partner_id.id,
            }
        )
        now = fields.Datetime.now().replace(microsecond=0)
        Event = (
            cls.env["calendar.event"]
            .with_user(cls.staff)
            .with_context(no_mail_to_attendees=True)
        )
        cls.past = cls._meeting(Event, cls.seat_anna, now - timedelta(days=3))
        cls.old = cls._meeting(Event, cls.seat_anna, now - timedelta(days=30))
        cls.coming = cls._meeting(Event, cls.seat_anna, now + timedelta(days=20))
        cls.ben_past = cls._meeting(Event, cls.seat_ben, now - timedelta(days=2))

    @classmethod
    def _meeting(cls, Event, seat, start):
        return Event.create(
            {
                "name": f"Meeting of {seat.name}",
                "link_representation_id": seat.id,
                "start": start,
                "stop": start + timedelta(hours=2),
                "location": "Town Hall",
            }
        )

    def _page(self, login="rep_anna", url="/my/representation"):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _token(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _post(self, seat, files=None, **values):
        page = self._page(url=f"/my/representation/{seat.id}/report")
        data = {
            "csrf_token": self._token(page),
            "meeting": str(self.past.id),
            "attended": "yes",
            "hours": "2.5",
            "summary": "The board agreed the carers strategy.",
            **values,
        }
        return self.url_open(
            f"/my/representation/{seat.id}/report", data=data, files=files
        )

    def _reports(self):
        return self.env["link.representation.report"].search(
            [("representation_id", "in", (self.seat_anna | self.seat_ben).ids)]
        )

    def test_page_shows_my_seats_meetings_and_what_is_due(self):
        page = self._page()
        self.assertIn("Care board seat of Anna", page)
        self.assertNotIn("Scrutiny seat of Ben", page)
        due = (self.past.start.date() + timedelta(days=14)).strftime("%d/%m/%Y")
        self.assertRegex(page, rf"Due by\s*<span>{due}</span>")
        self.assertIn(f"/report?meeting={self.past.id}", page)
        self.assertIn("Was due by", page)  # the old meeting, never reported
        self.assertIn(self.coming.start.strftime("%d/%m/%Y"), page)
        self.assertNotIn(f"meeting={self.coming.id}", page)
        self.assertNotIn(f"meeting={self.ben_past.id}", page)
        self.assertIn("Scrutiny seat of Ben", self._page("rep_ben"))
        for filed in ("abc", "9" * 5000, str(2**40)):
            with self.subTest(filed=filed[:10]):
                self.assertNotIn(
                    "report back is filed",
                    self._page(url=f"/my/representation?filed={filed}"),
                )

    def test_home_tile_counts_my_seats(self):
        self.authenticate("rep_anna", "rep_anna")
        self.assertEqual(
            self.make_jsonrpc_request(
                "/my/counters", {"counters": ["representation_count"]}
            ),
            {"representation_count": 1},
        )
        self.assertIn('href="/my/representation"', self.url_open("/my").text)

    def test_filing_a_report_back(self):
        response = self._post(
            self.seat_anna,
            hours="2,5",
            files={
                "attachment": ("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("your report back is filed", response.text)
        report = self._reports()
        self.assertEqual(len(report), 1)
        self.assertEqual(report.representative_id, self.anna.partner_id)
        self.assertEqual(report.event_id, self.past)
        self.assertEqual(report.date, fields.Date.today())
        self.assertEqual(report.hours, 2.5)
        self.assertTrue(report.attended)
        self.assertIn("carers strategy", report.summary)
        self.assertEqual(report.attachment_ids.name, "minutes.pdf")
        self.assertEqual(report.attachment_ids.res_id, report.id)
        # Its due day and on-time figures, as the monitor's pivot counts them.
        self.assertEqual(
            report.date_report_due, self.past.start.date() + timedelta(days=14)
        )
        self.assertEqual((report.on_time_count, report.late_count), (1, 0))
        self.assertTrue(self.past.link_report_scheduled)
        # Staff and the steering group read it where they read reports back.
        for user in (self.staff, self.steering):
            self.assertEqual(
                self.env["link.representation.report"]
                .with_user(user)
                .search([("id", "=", report.id)])
                .summary,
                report.summary,
            )
        # The meeting is no longer asked for; the report is listed as on time.
        page = self._page()
        self.assertNotIn(f"meeting={self.past.id}", page)
        self.assertIn("on time", page)

    def test_a_late_report_back_counts_late(self):
        self._post(self.seat_anna, meeting=str(self.old.id), attended="no", hours="")
        report = self._reports()
        self.assertFalse(report.attended)
        self.assertEqual(report.hours, 0)
        self.assertEqual((report.on_time_count, report.late_count), (0, 1))

    def test_the_deputy_files_in_their_own_name(self):
        self.seat_ben.deputy_id = self.anna.partner_id
        self._post(self.seat_ben, meeting=str(self.ben_past.id))
        report = self._reports()
        self.assertEqual(report.representative_id, self.anna.partner_id)
        self.assertEqual(report.representation_id, self.seat_ben)
        # Ben does not see the report his deputy filed: his own only.
        self.assertFalse(
            self.env["link.representation.report"]
            .with_user(self.ben)
            .search([("id", "=", report.id)])
        )

    def test_another_seat_or_a_bad_id_is_not_found(self):
        token = self._token(
            self._page(url=f"/my/representation/{self.seat_anna.id}/report")
        )
        for seat_id in (self.seat_ben.id, 999999999, 99999999999):
            with self.subTest(seat=seat_id):
                url = f"/my/representation/{seat_id}/report"
                self.assertEqual(self.url_open(url).status_code, 404)
                response = self.url_open(
                    url, data={"csrf_token": token, "summary": "Forged"}
                )
                self.assertEqual(response.status_code, 404)
        self.assertFalse(self._reports())

    @mute_logger("odoo.http")
    def test_bad_values_are_refused_with_a_message(self):
        self._post(self.seat_anna, meeting=str(self.old.id))  # already reported
        cases = {
            "hours": ({"hours": "two"}, "as a number"),
            "hours_nan": ({"hours": "nan"}, "as a number"),
            "negative": ({"hours": "-1"}, "between 0 and 24"),
            "too_many": ({"hours": "30"}, "between 0 and 24"),
            "meeting": ({"meeting": "abc"}, "from the list"),
            "huge_meeting": ({"meeting": "99999999999"}, "from the list"),
            "endless_meeting": ({"meeting": "9" * 100_000}, "from the list"),
            "endless_hours": ({"hours": "9" * 100_000}, "as a number"),
            "long_summary": ({"summary": "a" * 100_000}, "too long"),
            "other_seat": ({"meeting": str(self.ben_past.id)}, "from the list"),
            "missing": ({"meeting": "999999999"}, "from the list"),
            "future": ({"meeting": str(self.coming.id)}, "not taken place yet"),
            "twice": ({"meeting": str(self.old.id)}, "already filed"),
            "empty": ({"summary": "   "}, "Write what happened"),
            "nul": ({"summary": "\x00"}, "Write what happened"),
        }
        for name, (values, message) in cases.items():
            with self.subTest(case=name):
                response = self._post(self.seat_anna, **values)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("o_link_report_form", response.text)
        self.assertEqual(len(self._reports()), 1)

    @mute_logger("odoo.http")
    def test_json_rpc_reaches_only_my_seats_and_reports(self):
        self._post(self.seat_anna)
        mine = self._reports()
        self.authenticate("rep_anna", "rep_anna")

        def call(model, method, *args):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": list(args), "kwargs": {}},
            )

        found = call("link.representation", "search_read", [], ["name"])
        self.assertEqual([r["id"] for r in found], self.seat_anna.ids)
        found = call("link.representation.report", "search_read", [], ["date"])
        self.assertEqual([r["id"] for r in found], mine.ids)
        refused = [
            ("link.representation", "read", self.seat_ben.ids, ["name"]),
            ("link.representation", "write", self.seat_anna.ids, {"name": "Mine"}),
            (
                "link.representation.report",
                "create",
                {"representation_id": self.seat_anna.id, "summary": "RPC"},
            ),
            ("link.representation.report", "write", mine.ids, {"hours": 9}),
            ("link.representation.report", "unlink", mine.ids),
            (
                "link.representation",
                "_file_report_back",
                self.seat_anna.ids,
                self.anna.partner_id.id,
                False,
                True,
                1.0,
                "RPC",
                [],
            ),
        ]
        for model, method, *args in refused:
            with (
                self.subTest(model=model, method=method),
                self.assertRaises(JsonRpcException),
            ):
                call(model, method, *args)
        self.assertEqual(self._reports(), mine)
        self.assertEqual(mine.hours, 2.5)

    def test_page_takes_the_same_queries_for_more_seats(self):
        self._page()  # warm the caches
        with self.assertQueryCount(PAGE_QUERIES):
            self.url_open("/my/representation")
        board = self.seat_anna.partner_id
        Event = self.env["calendar.event"].with_context(no_mail_to_attendees=True)
        now = fields.Datetime.now().replace(microsecond=0)
        for number in range(3):
            seat = self.seat_anna.copy(
                {"name": f"Extra seat {number}", "partner_id": board.id}
            )
            self._meeting(Event, seat, now - timedelta(days=number + 1))
            self._meeting(Event, seat, now + timedelta(days=number + 1))
        self._post(self.seat_anna)
        self.env.flush_all()
        self.url_open("/my/representation")
        with self.assertQueryCount(PAGE_QUERIES):
            page = self.url_open("/my/representation").text
        self.assertIn("Extra seat 2", page)


PAGE_QUERIES = 12
