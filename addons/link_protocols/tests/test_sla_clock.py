# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays

from odoo.exceptions import UserError, ValidationError

from .common import ProtocolCase

# England and Wales bank holidays straight from the library, not from the
# calendar: the reference below does not go through Odoo at all.
BANK_HOLIDAYS = set(
    holidays.country_holidays("GB", subdiv="ENG", years=range(2024, 2031))
)


def reference_due(start, days, working):
    """Step day by day: calendar days, or weekdays that are not bank holidays,
    day one being the first such day after the start."""
    if not working:
        return start + timedelta(days=days)
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            counted += 1
    return day


def random_table(seed, count):
    """Starts over 2025-2028 (and the awkward days around bank holidays and
    weekends) with terms of 1 to 60 days, working or calendar."""
    rng = random.Random(seed)
    starts = [
        date(2025, 1, 1) + timedelta(days=rng.randrange(4 * 365)) for _ in range(count)
    ]
    starts += [
        day - timedelta(days=offset)
        for day in sorted(BANK_HOLIDAYS)
        if date(2025, 1, 1) <= day <= date(2028, 12, 31)
        for offset in (0, 1, 3)
    ]
    terms = [(rng.randint(1, 60), rng.random() < 0.6) for _ in starts]
    return starts, terms


class TestSlaClock(ProtocolCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Clock = cls.env["link.sla.clock"]
        cls.Request = (
            cls.env["link.information.request"]
            .with_user(cls.staff)
            .with_context(tracking_disable=True)
        )
        cls.stranger = cls.env["res.partner"].create(
            {"name": "No Protocol Council", "is_company": True}
        )

    def test_engine_matches_the_day_by_day_reference(self):
        starts, terms = random_table(2025, 300)
        dues = self.Clock._due_dates(starts, terms, [self.calendar] * len(starts))
        for start, (days, working), due in zip(starts, terms, dues, strict=True):
            with self.subTest(start=start, days=days, working=working):
                self.assertEqual(due, reference_due(start, days, working))

    def test_requests_match_the_day_by_day_reference(self):
        starts, terms = random_table(17, 200)
        draft = self.env["link.protocol"].create(
            {
                "name": "Terms to measure against",
                "partner_ids": [(6, 0, self.trust.ids)],
                "sla_ids": [
                    (0, 0, {"type_id": self.info_type.id, "days": d, "working_days": w})
                    for d, w in sorted(set(terms))
                ],
            }
        )
        term_of = {(s.days, s.working_days): s for s in draft.sla_ids}
        requests = self.Request.create(
            [
                {
                    "subject": f"R{i}",
                    "partner_id": self.trust.id,
                    "date_sent": start,
                    "sla_id": term_of[term].id,
                }
                for i, (start, term) in enumerate(zip(starts, terms, strict=True))
            ]
        )
        for request, start, (days, working) in zip(
            requests, starts, terms, strict=True
        ):
            with self.subTest(start=start, days=days, working=working):
                self.assertEqual(request.due_date, reference_due(start, days, working))

    def test_a_request_without_a_term_has_no_due_date(self):
        # The information-request type has no default: no protocol, no clock.
        self.assertFalse(self.info_type.default_days)
        request = self.Request.create(
            {
                "subject": "Figures",
                "partner_id": self.stranger.id,
                "date_sent": date(2026, 3, 2),
            }
        )
        self.assertFalse(request.protocol_id)
        self.assertFalse(request.due_date)
        self.assertFalse(request.reminder_date)
        # Nor once its protocol's term is taken off it by hand.
        cleared = self.Request.create(
            {
                "subject": "Figures",
                "partner_id": self.trust.id,
                "date_sent": date(2026, 3, 2),
            }
        )
        self.assertEqual(cleared.due_date, date(2026, 3, 30))
        cleared.sla_id = False
        self.assertFalse(cleared.due_date)

    def test_no_company_calendar_counts_calendar_days(self):
        self.env.company.resource_calendar_id = False
        request = self.Request.create(
            {
                "subject": "Figures",
                "partner_id": self.trust.id,
                "date_sent": date(2026, 12, 18),
            }
        )
        self.assertEqual(request.due_date, date(2027, 1, 7))
        self.assertFalse(request.reminder_date)

    def test_agreed_protocol_is_the_latest_by_date_of_issue(self):
        newer = self.env["link.protocol"].create(
            {
                "name": "Working together, second edition",
                "partner_ids": [(6, 0, (self.trust | self.stranger).ids)],
                "date_issue": "2026-01-01",
                "state": "agreed",
            }
        )
        self.env["link.protocol"].create(
            {
                "name": "Never agreed",
                "partner_ids": [(6, 0, self.trust.ids)],
                "date_issue": "2027-01-01",
            }
        )
        other = self.env["res.partner"].create({"name": "Unbound", "is_company": True})
        self.env.flush_all()
        # One search, then the protocols' partners, whatever the batch.
        for partners in (self.trust, self.trust | self.stranger | other):
            self.env.invalidate_all()
            with self.assertQueryCount(3):
                found = self.env["link.protocol"]._agreed_for_partners(partners)
        self.assertEqual(found, {self.trust.id: newer, self.stranger.id: newer})
        self.assertEqual(
            self.Request.create(
                {"subject": "x", "partner_id": self.trust.id}
            ).protocol_id,
            newer,
        )

    def test_reminder_rule(self):
        self.assertEqual(
            self.Clock._reminder_dates(
                [date(2027, 1, 20), False, date(2026, 9, 1)], self.env.company, 5
            ),
            # Five working days before; across the late summer bank holiday.
            [date(2027, 1, 13), False, date(2026, 8, 24)],
        )
        self.assertEqual(
            self.Clock._reminder_dates([date(2027, 1, 20)], self.env.company, 0),
            [False],
        )
        self.env.company.link_reminder_working_days = 3
        request = self.Request.create(
            {
                "subject": "Figures",
                "partner_id": self.trust.id,
                "date_sent": date(2026, 12, 18),
            }
        )
        self.assertEqual(request.due_date, date(2027, 1, 20))
        self.assertEqual(request.reminder_date, date(2027, 1, 15))
        request.write(
            {"extension_date": date(2027, 2, 1), "extension_reason": "not_available"}
        )
        self.assertEqual(request.reminder_date, date(2027, 1, 27))
        self.env.company.resource_calendar_id = False
        self.assertEqual(
            self.Clock._reminder_dates([date(2027, 1, 20)], self.env.company, 5),
            [False],
        )

    def test_a_long_closure_is_crossed(self):
        closed = self.env["resource.calendar"].create(
            {"name": "Closed two years", "tz": "UTC"}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed",
                "calendar_id": closed.id,
                "date_from": datetime(2026, 1, 1),
                "date_to": datetime(2027, 12, 31, 23, 59, 59),
            }
        )
        # Monday 3 January 2028 is day one: no bank holidays on this calendar.
        self.assertEqual(
            closed._link_add_working_days([date(2026, 3, 2)], 5), [date(2028, 1, 7)]
        )

    def test_a_calendar_without_working_days_is_refused(self):
        closed = self.env["resource.calendar"].create(
            {"name": "Closed for good", "tz": "UTC"}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed",
                "calendar_id": closed.id,
                "date_from": datetime(2020, 1, 1),
                "date_to": datetime(2039, 12, 31, 23, 59, 59),
            }
        )
        with self.assertRaisesRegex(UserError, "no working day within 5 years"):
            closed._link_add_working_days([date(2027, 1, 4)], 20)
        with self.assertRaisesRegex(UserError, "no working day within 5 years"):
            closed._link_add_working_days([date(2027, 1, 4)], -5)

    def test_default_terms_are_data_and_migrated(self):
        ref = self.env.ref
        report = ref("link_protocols.link_sla_type_visit_report")
        response = ref("link_protocols.link_sla_type_provider_response")
        complaint = ref("link_protocols.link_sla_type_complaint")
        self.assertEqual(
            [
                (t.default_days, t.default_working_days)
                for t in (report, response, complaint)
            ],
            [(20, True), (20, True), (5, True)],
        )
        # As on a database installed before the defaults: empty, but one
        # already set by hand is kept.
        (report | response | self.info_type).default_days = 0
        complaint.default_days = 7
        path = Path(__file__).parents[1] / "migrations/18.0.1.3.0/post-migration.py"
        spec = importlib.util.spec_from_file_location("link_protocols_post_1_3", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(
            [t.default_days for t in (report, response, complaint, self.info_type)],
            [20, 20, 7, 0],
        )

    def test_default_days_are_bounded(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 365"):
            self.info_type.default_days = 400
