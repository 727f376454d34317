# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .common import ProtocolCase


class RepresentationCase(ProtocolCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["link.representation"].search([]).write({"active": False})
        Partner = cls.env["res.partner"]
        cls.ada = Partner.create({"name": "Ada Member"})
        cls.ben = Partner.create({"name": "Ben Member"})
        cls.Representation = cls.env["link.representation"].with_user(cls.staff)
        cls.Report = cls.env["link.representation.report"].with_user(cls.staff)
        cls.report_type = cls.env.ref(
            "link_protocols.mail_activity_type_link_report_back"
        )

    def _seat(self, **vals):
        return self.Representation.create(
            {
                "name": "Trust board — LINk seat",
                "partner_id": self.trust.id,
                "user_id": self.staff.id,
                **vals,
            }
        )

    def _meeting(self, seat, day, **vals):
        return (
            self.env["calendar.event"]
            .with_user(self.staff)
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Board meeting",
                    "link_representation_id": seat.id,
                    "start": datetime.combine(day, datetime.min.time()).replace(
                        hour=10
                    ),
                    "stop": datetime.combine(day, datetime.min.time()).replace(hour=12),
                    **vals,
                }
            )
        )

    def _report_activities(self, seats):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.representation"),
                ("res_id", "in", seats.ids),
                ("activity_type_id", "=", self.report_type.id),
            ]
        )


class TestRepresentation(RepresentationCase):
    @freeze_time("2026-06-01")
    def test_coverage_needs_cover_and_ending_soon(self):
        covered = self._seat(
            representative_id=self.ada.id,
            date_start=date(2026, 1, 1),
            date_end=date(2027, 12, 31),
        )
        deputy_only = self._seat(deputy_id=self.ben.id)
        empty = self._seat()
        expired = self._seat(
            representative_id=self.ada.id,
            date_start=date(2024, 1, 1),
            date_end=date(2026, 5, 31),
        )
        not_started = self._seat(
            representative_id=self.ada.id, date_start=date(2026, 7, 1)
        )
        ending = self._seat(
            representative_id=self.ben.id,
            date_start=date(2025, 1, 1),
            date_end=date(2026, 7, 31),
        )
        ending_later = self._seat(
            representative_id=self.ben.id, date_end=date(2026, 8, 1)
        )
        all_seats = (
            covered
            | deputy_only
            | empty
            | expired
            | not_started
            | ending
            | ending_later
        )
        needs_cover = empty | expired | not_started
        self.assertEqual(all_seats.filtered("needs_cover"), needs_cover)
        self.assertEqual(
            self.Representation.search([("needs_cover", "=", True)]), needs_cover
        )
        self.assertEqual(
            self.Representation.search([("needs_cover", "=", False)]),
            all_seats - needs_cover,
        )
        self.assertEqual(all_seats.filtered("term_ending_soon"), ending)
        self.assertEqual(
            self.Representation.search([("term_ending_soon", "=", True)]), ending
        )
        with freeze_time("2026-06-02"):
            self.assertEqual(
                self.Representation.search([("term_ending_soon", "=", True)]),
                ending | ending_later,
            )

    def test_meeting_invites_representative_and_deputy(self):
        seat = self._seat(representative_id=self.ada.id, deputy_id=self.ben.id)
        meeting = self._meeting(seat, date(2026, 3, 2))
        self.assertIn(self.ada, meeting.partner_ids)
        self.assertIn(self.ben, meeting.partner_ids)
        self.assertIn(self.staff.partner_id, meeting.partner_ids)
        self.assertEqual(seat.meeting_count, 1)
        chosen = self._meeting(seat, date(2026, 3, 9), partner_ids=[self.lead.id])
        self.assertEqual(chosen.partner_ids, self.lead | self.ada | self.ben)
        action = seat.action_plan_meeting()
        self.assertEqual(action["context"]["default_link_representation_id"], seat.id)

    def test_report_back_activity_once_per_meeting(self):
        seat = self._seat(representative_id=self.ada.id, report_days=14)
        first = self._meeting(seat, date(2026, 3, 2))
        second = self._meeting(seat, date(2026, 3, 16))
        Representation = self.env["link.representation"]
        with freeze_time("2026-03-02 11:00:00"):
            Representation._cron_link_report_back()
        self.assertFalse(self._report_activities(seat), "not before the meeting ends")
        with freeze_time("2026-03-03"):
            Representation._cron_link_report_back()
            Representation._cron_link_report_back()
        activity = self._report_activities(seat)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.link_meeting_id, first)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, date(2026, 3, 16))
        with freeze_time("2026-03-20"):
            Representation._cron_link_report_back()
            Representation._cron_link_report_back()
        activities = self._report_activities(seat)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.link_meeting_id, first | second)

    @freeze_time("2026-03-10")
    def test_no_reminder_for_a_meeting_already_reported(self):
        seat = self._seat()
        meeting = self._meeting(seat, date(2026, 3, 2))
        self.Report.create({"representation_id": seat.id, "event_id": meeting.id})
        self.env["link.representation"]._cron_link_report_back()
        self.assertFalse(self._report_activities(seat))

    def test_archived_seats_get_no_report_back(self):
        seat = self._seat()
        self._meeting(seat, date(2026, 3, 2))
        seat.active = False
        with freeze_time("2026-03-20"):
            self.env["link.representation"]._cron_link_report_back()
        self.assertFalse(self._report_activities(seat.with_context(active_test=False)))

    @freeze_time("2026-03-10")
    def test_recording_a_report_closes_the_activity(self):
        seat = self._seat(representative_id=self.ada.id)
        meeting = self._meeting(seat, date(2026, 3, 2))
        other = self._meeting(seat, date(2026, 3, 5))
        self.env["link.representation"]._cron_link_report_back()
        self.assertEqual(len(self._report_activities(seat)), 2)
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.staff)
            .create({"name": "minutes.txt", "raw": b"Minutes"})
        )
        report = self.Report.create(
            {
                "representation_id": seat.id,
                "event_id": meeting.id,
                "date": date(2026, 3, 9),
                "summary": "<p>Discharge delays discussed.</p>",
                "hours": 3.5,
                "attachment_ids": [(6, 0, attachment.ids)],
            }
        )
        left = self._report_activities(seat)
        self.assertEqual(left.link_meeting_id, other)
        self.assertEqual(report.representative_id, self.ada)
        self.assertEqual(report.attendance_count, 1)
        self.assertEqual(
            (attachment.res_model, attachment.res_id), (report._name, report.id)
        )
        self.assertEqual(seat.report_count, 1)
        done = seat.message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.report_type
        )
        self.assertEqual(len(done), 1)

    @freeze_time("2026-03-10")
    def test_hours_sum_by_body_and_quarter(self):
        seat = self._seat()
        self.Report.create(
            [
                {"representation_id": seat.id, "date": date(2026, 1, 5), "hours": 2},
                {"representation_id": seat.id, "date": date(2026, 2, 5), "hours": 3},
                {
                    "representation_id": seat.id,
                    "date": date(2026, 3, 5),
                    "hours": 0,
                    "attended": False,
                },
            ]
        )
        groups = self.Report.with_user(self.monitor)._read_group(
            [("representation_id", "=", seat.id)],
            ["partner_id", "date:quarter"],
            ["hours:sum", "attendance_count:sum"],
        )
        self.assertEqual(groups, [(self.trust, date(2026, 1, 1), 5.0, 2)])

    @freeze_time("2026-08-10")
    def test_hours_by_contract_quarter(self):
        seat = self._seat()
        reports = self.Report.create(
            [
                {"representation_id": seat.id, "date": date(2026, 3, 5), "hours": 2},
                {"representation_id": seat.id, "date": date(2026, 7, 15), "hours": 3},
            ]
        )
        Report = self.Report.with_user(self.monitor)
        self.assertTrue(
            Report.fields_get(["contract_quarter"])["contract_quarter"]["groupable"]
        )
        domain = [("representation_id", "=", seat.id)]
        self.env.company.link_contract_start_month = "4"
        self.assertEqual(
            Report._read_group(domain, ["contract_quarter"], ["hours:sum"]),
            [("2025/26 Q4", 2.0), ("2026/27 Q2", 3.0)],
        )
        self.assertEqual(
            Report.browse(reports.ids).mapped("contract_quarter"),
            ["2025/26 Q4", "2026/27 Q2"],
        )
        # A new first month shows at once, with no recompute.
        self.env.company.link_contract_start_month = "1"
        self.assertEqual(
            Report._read_group(domain, ["contract_quarter"], ["hours:sum"]),
            [("2026 Q1", 2.0), ("2026 Q3", 3.0)],
        )


class TestRepresentationRefusals(RepresentationCase):
    def test_term_end_before_start(self):
        with self.assertRaisesRegex(ValidationError, "cannot end .* before it starts"):
            self._seat(date_start=date(2026, 3, 2), date_end=date(2026, 3, 1))

    def test_deputy_same_as_representative(self):
        with self.assertRaisesRegex(ValidationError, "both representative and deputy"):
            self._seat(representative_id=self.ada.id, deputy_id=self.ada.id)

    def test_report_days_from_one_to_a_year(self):
        for days in (0, 366):
            with self.assertRaisesRegex(ValidationError, "between 1 and 365 days"):
                self._seat(report_days=days)

    @freeze_time("2026-03-10")
    def test_report_in_the_future(self):
        seat = self._seat()
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self.Report.create(
                {"representation_id": seat.id, "date": date(2026, 3, 11)}
            )

    @freeze_time("2026-03-10")
    def test_negative_hours(self):
        seat = self._seat()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.Report.create({"representation_id": seat.id, "hours": -1})

    @freeze_time("2026-03-10")
    def test_meeting_of_another_seat(self):
        seat = self._seat()
        meeting = self._meeting(self._seat(name="Other seat"), date(2026, 3, 2))
        with self.assertRaisesRegex(ValidationError, "is not a meeting of"):
            self.Report.create({"representation_id": seat.id, "event_id": meeting.id})

    def test_access(self):
        seat = self._seat()
        self.assertEqual(seat.with_user(self.monitor).name, "Trust board — LINk seat")
        self.assertEqual(seat.with_user(self.steering).name, "Trust board — LINk seat")
        with self.assertRaises(AccessError):
            seat.with_user(self.monitor).write({"name": "x"})
        with self.assertRaises(AccessError):
            seat.with_user(self.steering).write({"name": "x"})
        with self.assertRaises(AccessError):
            seat.with_user(self.staff).unlink()
        # A portal user reaches only the seats they sit on and the reports
        # back they filed (test_representation_portal): none here.
        self.assertFalse(
            self.env["link.representation"].with_user(self.portal_user).search([])
        )
        with self.assertRaises(AccessError):
            seat.with_user(self.portal_user).read(["name"])
        report = self.Report.create({"representation_id": seat.id})
        self.assertFalse(
            self.env["link.representation.report"]
            .with_user(self.portal_user)
            .search([])
        )
        with self.assertRaises(AccessError):
            report.with_user(self.portal_user).read(["summary"])
        report.with_user(self.manager).unlink()
        seat.with_user(self.manager).unlink()


class TestReportBackCron(RepresentationCase):
    def _seats_with_meetings(self, count):
        seats = self.env["link.representation"].create(
            [
                {
                    "name": f"Seat {i}",
                    "partner_id": self.trust.id,
                    "user_id": (self.staff | self.manager)[i % 2].id,
                    "representative_id": self.ada.id,
                }
                for i in range(count)
            ]
        )
        self.env["calendar.event"].with_context(no_mail_to_attendees=True).create(
            [
                {
                    "name": f"Meeting {i}",
                    "link_representation_id": seat.id,
                    "start": datetime(2026, 3, 2, 10),
                    "stop": datetime(2026, 3, 2, 12),
                }
                for i, seat in enumerate(seats)
            ]
        )
        self.env.flush_all()
        return seats

    def test_cron_queries_do_not_grow_with_meetings(self):
        Representation = self.env["link.representation"]
        self._seats_with_meetings(2)
        with freeze_time("2026-03-20"):
            Representation._cron_link_report_back()  # warm the caches
        seats = self._seats_with_meetings(3)
        with freeze_time("2026-03-20"), self.assertQueryCount(18):
            Representation._cron_link_report_back()
        seats |= self._seats_with_meetings(30)
        with freeze_time("2026-03-20"), self.assertQueryCount(18):
            Representation._cron_link_report_back()
        self.assertEqual(len(self._report_activities(seats)), 33)


class TestSeatShifts(RepresentationCase):
    def test_a_volunteer_shift_can_serve_a_seat(self):
        seat = self._seat()
        role = self.env["link.volunteer.role"].create({"name": "Seat observer"})
        shift = (
            self.env["link.shift"]
            .with_user(self.staff)
            .create(
                {
                    "role_id": role.id,
                    "date_start": datetime(2026, 6, 1, 14),
                    "date_end": datetime(2026, 6, 1, 16),
                    "served_ref": f"link.representation,{seat.id}",
                }
            )
        )
        self.assertEqual(shift.name, "Seat observer")  # named after its role
        self.assertEqual(shift.served_ref, seat)
