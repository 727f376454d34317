# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import VolunteerCase


@freeze_time(VolunteerCase.NOW)
class TestInputGuard(VolunteerCase):
    """Values no record can hold are refused by name before they reach a
    computed date or the database; every sensible value still goes in."""

    def _qualification(self, **vals):
        return (
            self.env["link.qualification"]
            .with_user(self.staff)
            .create(
                {
                    "partner_id": self.ann.id,
                    "type_id": self.dbs.id,
                    "date_obtained": date(2026, 1, 5),
                    **vals,
                }
            )
        )

    def test_far_dates_are_refused_by_field_name(self):
        for day in (date(9999, 12, 31), date(1, 1, 1), "2026-13-45", "soon", 7):
            with (
                self.subTest(day=day),
                self.assertRefused(ValidationError, "Obtained on.*between 1900"),
            ):
                self._qualification(date_obtained=day)
        qualification = self._qualification()
        with self.assertRefused(ValidationError, "between 1900 and 2199"):
            qualification.write({"date_obtained": "2200-01-01"})
        with self.assertRefused(ValidationError, "Starts.*between 1900"):
            self._shift(datetime(9999, 12, 31, 10))

    def test_numbers_and_ids_that_cannot_be_stored_are_refused(self):
        shift = self._shift("2027-03-10 10:00:00")
        for number in (2**31, -(2**31) - 1, "three", [3]):
            with (
                self.subTest(number=number),
                self.assertRefused(ValidationError, "not a whole number"),
            ):
                shift.write({"max_volunteers": number})
        with self.assertRefused(ValidationError, "not a number"):
            self.env["link.census.share"].create(
                {"characteristic": "sex", "answer": "sex:female", "share": "half"}
            )
        for ref in (2**31, -1, "1", [self.ann.id]):
            with (
                self.subTest(ref=ref),
                self.assertRefused(ValidationError, "not a record LINk knows"),
            ):
                self._qualification().write({"type_id": ref})
        with self.assertRefused(ValidationError, "NUL character"):
            shift.write({"name": "Gate\x00way"})

    def test_sensible_values_go_in_unchanged(self):
        qualification = self._qualification(date_obtained="1900-01-01")
        self.assertEqual(qualification.date_obtained, date(1900, 1, 1))
        shift = self._shift("2199-12-30 10:00:00", max_volunteers=2**31 - 1)
        self.assertEqual(shift.max_volunteers, 2**31 - 1)
        shift.write({"min_volunteers": 0})
        self.assertEqual(shift.min_volunteers, 0)

    def test_a_validity_is_at_most_fifty_years(self):
        with self.assertRefused(ValidationError, "at most 600 months"):
            self.dbs.validity_months = 601
        self.dbs.validity_months = 600
        qualification = self._qualification(date_obtained="2199-01-01")
        self.assertEqual(qualification.date_expiry, date(2249, 1, 1))
