# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..models.link_ical import ical_fold, ical_text

START = datetime(2031, 3, 3, 10)


@tagged("post_install", "-at_install")
class TestShiftCalendarFeed(HttpCase):
    """Ann, a portal volunteer, subscribes to her shifts: a private address,
    one event per place under the same UID whatever changes, cancellations
    that clear the event, an address she can replace or turn off. Ben, another
    volunteer, appears nowhere in her feed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env,
            "feed_staff",
            groups="base.group_user,link_membership.group_link_staff",
        )
        cls.ann_user = new_test_user(cls.env, "feed_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "feed_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        cls.ann.write(
            {"name": "Ann Feed", "link_is_volunteer": True, "email": "ann@example.org"}
        )
        cls.ben.write({"name": "Ben Feed", "link_is_volunteer": True})
        cls.role = cls.env["link.volunteer.role"].create({"name": "Feed host"})
        cls.venue = cls.env["res.partner"].create(
            {"name": "Brookfield library", "is_company": True, "city": "Brookfield"}
        )
        cls.uuid = cls.env["ir.config_parameter"].sudo().get_param("database.uuid")
        Shift = cls.env["link.shift"].with_user(cls.staff)
        cls.shifts = Shift.create(
            [
                {
                    "name": f"Feed shift {day}",
                    "role_id": cls.role.id,
                    "date_start": START + timedelta(days=day),
                    "date_end": START + timedelta(days=day, hours=3),
                    "location_partner_id": cls.venue.id,
                    "description": "<p>Bring the leaflets; ask for Jo.</p>",
                    "max_volunteers": 5,
                    "state": "open",
                }
                for day in range(3)
            ]
        )
        Place = cls.env["link.shift.assignment"].with_user(cls.staff)
        cls.places = Place.create(
            [{"shift_id": shift.id, "partner_id": cls.ann.id} for shift in cls.shifts]
        )
        cls.ben_place = Place.create(
            {"shift_id": cls.shifts[0].id, "partner_id": cls.ben.id}
        )

    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _get_address(self, login="feed_ann", do="new"):
        """The volunteer asks for an address on /my/shifts; the address the
        page then shows."""
        self.authenticate(login, login)
        page = self.url_open("/my/shifts").text
        response = self.url_open(
            "/my/shifts/calendar", data={"csrf_token": self._csrf(page), "do": do}
        )
        self.assertEqual(response.status_code, 200)
        found = re.search(
            r'value="(http[^"]+/link/calendar/[^"]+\.ics)"', response.text
        )
        return found and found.group(1), response.text

    def _feed(self, url):
        """The feed as a calendar app fetches it: no session."""
        self.logout()
        return self.url_open(urlsplit(url).path)

    def _events(self, text):
        """{UID: the text of its VEVENT}, lines unfolded."""
        text = text.replace("\r\n ", "")
        return {
            re.search(r"^UID:(.*)$", block, re.MULTILINE).group(1).strip(): block
            for block in text.split("BEGIN:VEVENT")[1:]
        }

    def test_address_on_the_page_and_the_feed(self):
        page = self._get_address(do="off")[1]
        self.assertIn("Get my calendar address", page)
        url, page = self._get_address()
        self.assertTrue(url)
        self.assertIn("Your calendar address is ready", page)
        self.assertIn("webcal://", page)
        response = self._feed(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"], "text/calendar; charset=utf-8"
        )
        self.assertTrue(response.text.startswith("BEGIN:VCALENDAR\r\n"))
        events = self._events(response.text)
        self.assertEqual(
            set(events),
            {f"link-shift-assignment-{place.id}@{self.uuid}" for place in self.places},
        )
        first = events[f"link-shift-assignment-{self.places[0].id}@{self.uuid}"]
        self.assertIn("SUMMARY:Feed shift 0", first)
        self.assertIn("DTSTART:20310303T100000Z", first)
        self.assertIn("DTEND:20310303T130000Z", first)
        self.assertIn("STATUS:CONFIRMED", first)
        self.assertIn("LOCATION:Brookfield library\\, Brookfield", first)
        self.assertIn("DESCRIPTION:Bring the leaflets\\; ask for Jo.", first)
        # Nothing of Ben, who is on the same shift.
        self.assertNotIn("Ben Feed", response.text)
        self.assertNotIn(str(self.ben_place.id) + "@", response.text)

    def test_changes_keep_the_uid_and_cancellations_clear_the_event(self):
        url = self._get_address()[0]
        uid = f"link-shift-assignment-{self.places[1].id}@{self.uuid}"
        before = self._events(self._feed(url).text)[uid]
        sequence = int(re.search(r"SEQUENCE:(\d+)", before).group(1))
        # Staff move the shift an hour later, in a later transaction (the
        # ORM stamps a change with the time of its transaction).
        self.shifts[1].with_user(self.staff).write(
            {"date_start": START + timedelta(days=1, hours=1)}
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE link_shift SET write_date = write_date + interval '1 hour' "
            "WHERE id = %s",
            [self.shifts[1].id],
        )
        self.env.invalidate_all()
        moved = self._events(self._feed(url).text)[uid]
        self.assertIn("DTSTART:20310304T110000Z", moved)
        self.assertGreater(int(re.search(r"SEQUENCE:(\d+)", moved).group(1)), sequence)
        # Ann withdraws from it: the event stays, cancelled, under its UID.
        self.places[1].with_user(self.staff).action_cancel()
        cancelled = self._events(self._feed(url).text)[uid]
        self.assertIn("STATUS:CANCELLED", cancelled)
        self.assertIn("SUMMARY:Cancelled: Feed shift 1", cancelled)
        # A cancelled shift cancels every place on it.
        self.shifts[2].with_user(self.staff).action_cancel()
        events = self._events(self._feed(url).text)
        self.assertIn(
            "STATUS:CANCELLED",
            events[f"link-shift-assignment-{self.places[2].id}@{self.uuid}"],
        )

    def test_new_address_stops_the_old_one_and_off_stops_all(self):
        old = self._get_address()[0]
        new = self._get_address()[0]
        self.assertNotEqual(old, new)
        response = self._feed(old)
        self.assertEqual(response.status_code, 404)
        self.assertIn("does not work any more", response.text)
        self.assertNotIn("BEGIN:VCALENDAR", response.text)
        self.assertEqual(self._feed(new).status_code, 200)
        page = self._get_address(do="off")[1]
        self.assertIn("Your calendar address is turned off", page)
        self.assertEqual(self._feed(new).status_code, 404)

    def test_bad_addresses_and_values_are_refused_never_a_500(self):
        url = self._get_address()[0]
        token = url.rsplit("/", 1)[1][: -len(".ics")]
        self.logout()
        for bad in (
            "forged" + token[6:],
            token[:-1],
            "x" * 5000,
            "%00" + token,
            token + "%00",
            "%C3%A9" * 20,
            "..%2F..%2Fetc",
        ):
            response = self.url_open(f"/link/calendar/{bad}.ics")
            self.assertEqual(response.status_code, 404, bad)
            self.assertNotIn("BEGIN:VCALENDAR", response.text)
        # Ben's address shows Ben's shift only, never Ann's.
        ben_url = self._get_address("feed_ben")[0]
        ben_feed = self._feed(ben_url).text
        self.assertEqual(
            set(self._events(ben_feed)),
            {f"link-shift-assignment-{self.ben_place.id}@{self.uuid}"},
        )
        # A value the form never sends.
        self.authenticate("feed_ann", "feed_ann")
        page = self.url_open("/my/shifts").text
        response = self.url_open(
            "/my/shifts/calendar", data={"csrf_token": self._csrf(page), "do": "x"}
        )
        self.assertEqual(response.status_code, 400)
        # Not without a session: the public user is sent to log in.
        self.logout()
        response = self.url_open(
            "/my/shifts/calendar", data={"do": "new"}, allow_redirects=False
        )
        self.assertNotEqual(response.status_code, 200)

    def test_the_key_is_hidden_from_every_user(self):
        self.ann._link_calendar_feed_set(True)
        self.ben._link_calendar_feed_set(True)
        for user in (self.ann_user, self.staff):
            with self.assertRaises(AccessError):
                self.ann.with_user(user).read(["link_calendar_token"])
        # Staff see that she has one, and stop it (a lost phone).
        ann = self.ann.with_user(self.staff)
        self.assertTrue(ann.link_calendar_feed_active)
        ann.action_link_calendar_feed_stop()
        self.assertFalse(self.ann.sudo().link_calendar_token)
        # A volunteer cannot stop another's.
        with self.assertRaises(AccessError):
            self.ben.with_user(self.ann_user).action_link_calendar_feed_stop()
        self.assertTrue(self.ben.sudo().link_calendar_token)

    def test_feed_queries_do_not_grow_with_places(self):
        url = urlsplit(self._get_address()[0]).path
        self.logout()
        for count in (10, 100):
            shifts = (
                self.env["link.shift"]
                .with_context(tracking_disable=True)
                .create(
                    [
                        {
                            "name": f"Feed extra {count}-{i}",
                            "role_id": self.role.id,
                            "date_start": START + timedelta(days=10 + i, hours=count),
                            "date_end": START + timedelta(days=10 + i, hours=count + 1),
                            "location_partner_id": self.venue.id,
                            "state": "open",
                        }
                        for i in range(count)
                    ]
                )
            )
            self.env["link.shift.assignment"].create(
                [{"shift_id": shift.id, "partner_id": self.ann.id} for shift in shifts]
            )
            self.env.flush_all()
            self.url_open(url)  # warm the caches
            with self.assertQueryCount(8):
                response = self.url_open(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(
                response.text.count("BEGIN:VEVENT"), 3 + count + (count == 100) * 10
            )

    def test_confirmation_mail_carries_the_place_as_ics(self):
        shift = self.shifts[0]
        carl = self.env["res.partner"].create(
            {
                "name": "Carl Mail",
                "email": "carl@example.org",
                "link_is_volunteer": True,
            }
        )
        place = (
            self.env["link.shift.assignment"]
            .with_user(self.staff)
            .create({"shift_id": shift.id, "partner_id": carl.id})
        )
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "link.shift.assignment"),
                ("res_id", "=", place.id),
                ("subject", "=", "You are booked: Feed shift 0"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, carl)
        self.assertEqual(mail.attachment_ids.mapped("name"), ["shift.ics"])
        self.assertEqual(mail.attachment_ids.mimetype, "text/calendar")
        ics = base64.b64decode(mail.attachment_ids.datas).decode()
        self.assertIn(f"UID:link-shift-assignment-{place.id}@{self.uuid}", ics)
        self.assertIn("STATUS:CONFIRMED", ics)
        mail.send()
        # Withdrawn: the cancellation mail carries the same event, cancelled.
        place.with_user(self.staff).action_cancel()
        cancel = self.env["mail.mail"].search(
            [("res_id", "=", place.id), ("subject", "=like", "Cancelled:%")]
        )
        ics = base64.b64decode(cancel.attachment_ids.datas).decode()
        self.assertIn(f"UID:link-shift-assignment-{place.id}@{self.uuid}", ics)
        self.assertIn("STATUS:CANCELLED", ics)

    def test_ical_text_escapes_and_folds(self):
        self.assertEqual(ical_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
        line = "DESCRIPTION:" + "é" * 60
        folded = ical_fold(line)
        for part in folded.split("\r\n"):
            self.assertLessEqual(len(part.encode()), 75)
        self.assertEqual(folded.replace("\r\n ", ""), line)
