# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import date, datetime, time, timedelta

from odoo.exceptions import UserError

from .common import ProtocolCase


class TestWorkingDays(ProtocolCase):
    def _due(self, start, days):
        return self.calendar._link_add_working_days([start], days)[0]

    def _plan_days(self, start, days):
        """What Odoo's own scheduler says: day one is the first working day
        after the start, so count from the next midnight."""
        begin = datetime.combine(start + timedelta(days=1), time.min)
        return self.calendar.plan_days(days, begin, compute_leaves=True).date()

    def test_statutory_example_across_christmas(self):
        # Friday 18 December 2026, 20 working days: Wednesday 20 January 2027
        # (Christmas Day, Boxing Day observed on the 28th, New Year's Day).
        self.assertEqual(self._due(date(2026, 12, 18), 20), date(2027, 1, 20))

    def test_starts_on_weekends_and_bank_holidays(self):
        self.assertEqual(self._due(date(2026, 12, 19), 20), date(2027, 1, 20))
        self.assertEqual(self._due(date(2026, 12, 20), 20), date(2027, 1, 20))
        # Good Friday 2027 (26 March): Easter Monday is a holiday too.
        self.assertEqual(self._due(date(2027, 3, 26), 1), date(2027, 3, 30))
        self.assertEqual(self._due(date(2027, 3, 25), 1), date(2027, 3, 30))
        # Late summer bank holiday, Monday 31 August 2026.
        self.assertEqual(self._due(date(2026, 8, 28), 1), date(2026, 9, 1))

    def test_agrees_with_plan_days_on_random_and_awkward_dates(self):
        rng = random.Random(2026)
        first = date(2025, 1, 1)
        starts = [first + timedelta(days=rng.randrange(4 * 365)) for _ in range(150)]
        starts += [
            date(2025, 12, 24),
            date(2025, 12, 31),
            date(2026, 4, 2),
            date(2026, 4, 3),
            date(2026, 4, 6),
            date(2026, 12, 25),
            date(2027, 12, 24),
            date(2028, 4, 14),
            date(2026, 5, 2),
            date(2026, 5, 3),
        ]
        for days in (1, 5, 20):
            bulk = self.calendar._link_add_working_days(starts, days)
            for start, due in zip(starts, bulk, strict=True):
                with self.subTest(start=start, days=days):
                    self.assertEqual(due, self._plan_days(start, days))

    def test_days_between_is_the_inverse(self):
        rng = random.Random(7)
        starts = [
            date(2026, 1, 1) + timedelta(days=rng.randrange(700)) for _ in range(100)
        ]
        for days in (1, 3, 20, 41):
            ends = self.calendar._link_add_working_days(starts, days)
            self.assertEqual(
                self.calendar._link_working_days_between(starts, ends),
                [days] * len(starts),
            )
        self.assertEqual(
            self.calendar._link_working_days_between([date(2026, 12, 18)], [None]), [0]
        )

    def test_counting_back(self):
        # Five working days before Wednesday 20 January 2027.
        self.assertEqual(self._due(date(2027, 1, 20), -5), date(2027, 1, 13))
        # One working day before a Monday after a bank holiday weekend.
        self.assertEqual(self._due(date(2026, 9, 1), -1), date(2026, 8, 28))

    def test_bank_holiday_sync_is_idempotent_and_regional(self):
        self.assertFalse(
            self.calendar._link_sync_bank_holidays(range(2024, 2031), "ENG")
        )
        scotland = self.env["resource.calendar"].create(
            {"name": "Edinburgh office", "tz": "Europe/London"}
        )
        scotland._link_sync_bank_holidays([2026], "SCT")
        scottish = self.env["resource.calendar"].browse(scotland.id)
        # 2 January and St Andrew's Day (observed Monday 30 November 2026).
        self.assertEqual(
            scottish._link_working_dates(date(2026, 1, 2), date(2026, 1, 2)), []
        )
        self.assertEqual(
            self.calendar._link_working_dates(date(2026, 1, 2), date(2026, 1, 2)),
            [date(2026, 1, 2)],
        )
        self.assertEqual(
            scottish._link_working_dates(date(2026, 11, 30), date(2026, 11, 30)), []
        )

    def test_calendar_without_working_hours_is_refused(self):
        empty = self.env["resource.calendar"].create(
            {"name": "Nobody works", "attendance_ids": [(5, 0, 0)]}
        )
        with self.assertRaisesRegex(UserError, "no working hours"):
            empty._link_add_working_days([date(2026, 1, 5)], 20)
