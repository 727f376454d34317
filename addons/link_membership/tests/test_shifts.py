# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import VolunteerCase


@freeze_time(VolunteerCase.NOW)
class TestShifts(VolunteerCase):
    def _mails(self, template_xmlid, place):
        template = self.env.ref(template_xmlid)
        return self.env["mail.mail"].search(
            [
                ("model", "=", "link.shift.assignment"),
                ("res_id", "=", place.id),
                ("subject", "=like", template.subject.split("{{")[0] + "%"),
            ]
        )

    def test_places_fill_up_then_waitlist_in_order(self):
        shift = self._shift("2027-03-10 10:00", max_volunteers=2)
        people = [self._volunteer(f"Volunteer {i}") for i in range(4)]
        places = [self._place(shift, person) for person in people]
        self.assertEqual(
            [p.state for p in places],
            ["confirmed", "confirmed", "waitlisted", "waitlisted"],
        )
        self.assertEqual(shift.state, "full")
        self.assertEqual(shift.confirmed_count, 2)
        self.assertEqual(shift.waitlist_count, 2)
        self.assertEqual(places[0].assigned_by_id, self.staff)
        self.assertTrue(
            self._mails("link_membership.mail_template_shift_confirmed", places[0])
        )
        self.assertTrue(
            self._mails("link_membership.mail_template_shift_waitlisted", places[2])
        )
        # A freed place goes to the first on the waiting list, who is told.
        places[1].with_user(self.staff).action_cancel()
        self.assertEqual(places[2].state, "confirmed")
        self.assertEqual(places[3].state, "waitlisted")
        self.assertTrue(
            self._mails("link_membership.mail_template_shift_promoted", places[2])
        )
        self.assertTrue(
            self._mails("link_membership.mail_template_shift_cancelled", places[1])
        )
        self.assertEqual(shift.state, "full")
        # More room: the waiting list moves on by itself.
        shift.with_user(self.staff).max_volunteers = 3
        self.assertEqual(places[3].state, "confirmed")

    def test_staff_cannot_overfill_or_bypass_the_waiting_list(self):
        shift = self._shift("2027-03-10 10:00", max_volunteers=1)
        self._place(shift, self.ann)
        waiting = self._place(shift, self.ben)
        with self.assertRefused(UserError, "0 place"):
            waiting.with_user(self.staff).action_confirm()
        with self.assertRefused(UserError, "0 place"):
            waiting.with_user(self.staff).write({"state": "confirmed"})
        with self.assertRefused(ValidationError, "already has a place"):
            self._place(shift, self.ben)

    def test_overlapping_confirmed_places_are_refused(self):
        morning = self._shift("2027-03-10 09:00", hours=3, name="Morning stall")
        overlapping = self._shift("2027-03-10 11:00", hours=2, name="Lunch stall")
        afterwards = self._shift("2027-03-10 12:00", hours=2, name="Afternoon stall")
        self._place(morning, self.ann)
        with self.assertRefused(ValidationError, "already confirmed on Morning stall"):
            self._place(overlapping, self.ann)
        self.assertEqual(self._place(afterwards, self.ann).state, "confirmed")

    def test_missing_qualifications_are_named(self):
        board = self._shift(
            "2027-03-12 14:00", role=self.board_seat, name="Trust board"
        )
        with self.assertRefused(
            ValidationError,
            r"Ann Volunteer needs DBS check \(enhanced\), Safeguarding adults and "
            r"children valid on 2027-03-12",
        ):
            self._place(board, self.ann)
        Qualification = self.env["link.qualification"]
        Qualification.create(
            {
                "partner_id": self.ann.id,
                "type_id": self.dbs.id,
                "date_obtained": "2026-01-01",
                "evidence": "JVBERi0=",
                "evidence_state": "checked",
            }
        )
        # Expires the day before the shift: does not count.
        Qualification.create(
            {
                "partner_id": self.ann.id,
                "type_id": self.safeguarding.id,
                "date_obtained": "2025-03-11",
            }
        )
        with self.assertRefused(ValidationError, "needs Safeguarding"):
            self._place(board, self.ann)
        Qualification.create(
            {
                "partner_id": self.ann.id,
                "type_id": self.safeguarding.id,
                "date_obtained": "2027-02-01",
            }
        )
        self.assertEqual(self._place(board, self.ann).state, "confirmed")

    def test_promotion_skips_people_who_cannot_take_the_place(self):
        shift = self._shift("2027-03-10 10:00", max_volunteers=1)
        clash = self._shift("2027-03-10 11:00", name="Clashing shift")
        first = self._place(shift, self.ann)
        busy = self._place(shift, self.ben)
        free = self._place(shift, self._volunteer("Cleo Free"))
        self._place(clash, self.ben)
        first.with_user(self.staff).action_cancel()
        self.assertEqual(busy.state, "waitlisted")
        self.assertEqual(free.state, "confirmed")

    def test_cancelling_a_shift_tells_everyone(self):
        shift = self._shift("2027-03-10 10:00", max_volunteers=1)
        confirmed = self._place(shift, self.ann)
        waiting = self._place(shift, self.ben)
        shift.with_user(self.staff).action_cancel()
        self.assertEqual((confirmed | waiting).mapped("state"), ["cancelled"] * 2)
        self.assertFalse(shift.event_id.active)
        self.assertTrue(
            self._mails("link_membership.mail_template_shift_cancelled", waiting)
        )
        with self.assertRefused(UserError, "no one can join"):
            self._place(shift, self._volunteer("Late Comer"))
        with self.assertRefused(UserError, "cancel it instead"):
            shift.with_user(self.staff).unlink()

    def test_shift_has_its_own_calendar_event(self):
        shift = self._shift("2027-03-10 10:00", name="Dover Gateway")
        self.assertEqual(shift.event_id.name, "Dover Gateway")
        self.assertEqual(shift.event_id.start, datetime(2027, 3, 10, 10, 0))
        shift.with_user(self.staff).write({"date_end": "2027-03-10 14:00"})
        self.assertEqual(shift.event_id.stop, datetime(2027, 3, 10, 14, 0))
        self.assertEqual(shift.event_id.user_id, self.manager)

    def test_calendar_follows_cancelling_and_reopening(self):
        shift = self._shift("2027-03-10 10:00", name="Dover Gateway")
        event = shift.event_id
        shift.with_user(self.staff).action_cancel()
        self.assertFalse(event.active)
        shift.with_user(self.staff).write({"name": "Dover Gateway (moved)"})
        self.assertFalse(event.active, "a cancelled shift stays off the calendar")
        shift.with_user(self.staff).action_open()
        self.assertEqual(shift.event_id, event, "the same meeting, shown again")
        self.assertTrue(event.active)
        self.assertEqual(event.name, "Dover Gateway (moved)")
        shift.with_user(self.staff).action_cancel()
        shift.with_user(self.staff).unlink()
        self.assertFalse(event.exists(), "the meeting goes with its shift")

    def test_withdrawal_cut_off(self):
        soon = self._shift("2027-03-02 08:00")  # 23 hours away
        later = self._shift("2027-03-05 08:00")
        place_soon = self._place(soon, self.ann)
        place_later = self._place(later, self.ann)
        with self.assertRefused(UserError, "too late to withdraw"):
            place_soon._withdraw()
        place_later._withdraw()
        self.assertEqual(place_later.state, "cancelled")

    def test_attendance_in_bulk_with_thanks_and_hours(self):
        shift = self._shift("2027-02-20 10:00", hours=2.5)
        ann, ben = self._place(shift, self.ann), self._place(shift, self.ben)
        later = self._place(self._shift("2027-03-20 10:00"), self.ann)
        with self.assertRefused(UserError, "once the shift has started"):
            later.with_user(self.staff).action_mark_attended()
        ann.with_user(self.staff).action_mark_attended()
        ben.with_user(self.staff).action_mark_no_show()
        self.assertEqual(ann.hours, 2.5)
        thanks = self._mails("link_membership.mail_template_shift_thanks", ann)
        self.assertIn("2.5", thanks.body_html)
        hours = (
            self.env["link.shift.assignment"]
            .with_user(self.staff)
            ._read_group(
                [("state", "=", "attended"), ("id", "in", (ann | ben).ids)],
                ["partner_id", "date_start:quarter"],
                ["hours:sum"],
            )
        )
        self.assertEqual(hours, [(self.ann, datetime(2027, 1, 1), 2.5)])

    def test_reminders_and_shortfalls_once(self):
        tomorrow = self._shift("2027-03-02 10:00", min_volunteers=2)
        next_month = self._shift("2027-04-02 10:00", min_volunteers=2)
        place = self._place(tomorrow, self.ann)
        self._place(next_month, self.ann)
        self.assertTrue(tomorrow.is_short)
        self.assertEqual(tomorrow.color, 1)
        Shift = self.env["link.shift"]
        Shift._cron_link_shifts()
        Shift._cron_link_shifts()
        reminders = self._mails("link_membership.mail_template_shift_reminder", place)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(len(tomorrow.activity_ids), 1)
        self.assertEqual(tomorrow.activity_ids.user_id, self.manager)
        self.assertFalse(next_month.activity_ids)
        self._place(tomorrow, self.ben)
        self.assertFalse(tomorrow.is_short)
        with freeze_time("2027-03-02 14:00"):
            Shift._cron_link_shifts()
        self.assertEqual(tomorrow.state, "done")

    def test_volunteers_see_only_their_own_places(self):
        shift = self._shift("2027-03-10 10:00")
        mine = self._place(shift, self.ann)
        theirs = self._place(shift, self.ben)
        Place = self.env["link.shift.assignment"].with_user(self.portal_user)
        self.assertEqual(Place.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_user).read(["partner_id"])
        with self.assertRaises(AccessError):
            Place.create({"shift_id": shift.id, "partner_id": self.ann.id})
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user).write({"hours": 100})
        draft = self._shift("2027-03-11 10:00", state="draft")
        self.assertEqual(
            self.env["link.shift"]
            .with_user(self.portal_user)
            .search([("id", "in", (shift | draft).ids)]),
            shift,
        )
        with self.assertRaises(AccessError):
            self.env["link.shift.assignment"].with_user(self.monitor).search([])


@freeze_time(VolunteerCase.NOW)
class TestShiftSeries(VolunteerCase):
    def _series(self, **vals):
        return (
            self.env["link.shift.series"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Front of house, Dover Gateway",
                    "role_id": self.gateway.id,
                    # 10:00 London time (GMT in March before the 28th).
                    "date_first": "2027-03-02 10:00:00",
                    "duration_hours": 3,
                    **vals,
                }
            )
        )

    def test_weekly_on_given_days_every_two_weeks(self):
        series = self._series(tue=True, thu=True, interval=2, count=4)
        starts = series.shift_ids.sorted("date_start").mapped("date_start")
        self.assertEqual(
            starts,
            [
                datetime(2027, 3, 2, 10),
                datetime(2027, 3, 4, 10),
                # British Summer Time from 28 March: still 10:00 local.
                datetime(2027, 3, 16, 10),
                datetime(2027, 3, 18, 10),
            ],
        )
        self.assertEqual(set(series.shift_ids.mapped("state")), {"open"})

    def test_local_time_kept_across_the_clock_change(self):
        series = self._series(tue=True, end_type="until", date_until="2027-04-06")
        starts = series.shift_ids.sorted("date_start").mapped("date_start")
        self.assertEqual(len(starts), 6)
        self.assertEqual(starts[-1], datetime(2027, 4, 6, 9))  # 10:00 BST

    def test_nth_weekday_of_the_month(self):
        series = self._series(
            rule_type="monthly", month_week="-1", month_weekday="sat", count=3
        )
        days = [
            d.date() for d in series.shift_ids.sorted("date_start").mapped("date_start")
        ]
        self.assertEqual(
            [str(d) for d in days], ["2027-03-27", "2027-04-24", "2027-05-29"]
        )

    def test_bad_rules_are_refused(self):
        with self.assertRefused(ValidationError, "Tick the days"):
            self._series()
        with self.assertRefused(ValidationError, "between 1 and 400"):
            self._series(mon=True, count=1000)

    def test_edit_and_cancel_this_or_following(self):
        series = self._series(tue=True, count=4)
        shifts = series.shift_ids.sorted("date_start")
        shifts[1].with_user(self.staff).write({"max_volunteers": 5})
        self.assertEqual(shifts.mapped("max_volunteers"), [2, 5, 2, 2])
        shifts[2].with_user(self.staff).write(
            {
                "series_update": "following",
                "date_start": shifts[2].date_start.replace(hour=13),
                "date_end": shifts[2].date_end.replace(hour=16),
                "location": "Dover Library",
            }
        )
        self.assertEqual([s.date_start.hour for s in shifts], [10, 10, 13, 13])
        self.assertEqual(
            shifts.mapped("location"), [False, False, "Dover Library", "Dover Library"]
        )
        place = self._place(shifts[3], self.ann)
        shifts[2].with_user(self.staff).action_cancel_following()
        self.assertEqual(
            shifts.mapped("state"), ["open", "open", "cancelled", "cancelled"]
        )
        self.assertEqual(place.state, "cancelled")
