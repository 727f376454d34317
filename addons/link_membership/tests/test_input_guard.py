# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

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


@freeze_time(VolunteerCase.NOW)
class TestInputGuardEverywhere(VolunteerCase):
    """The guard checks the fields LINk adds to models it does not own, and
    only those, and runs before any create or write override of the model."""

    def test_link_fields_of_contacts_and_companies_are_refused(self):
        Partner = self.env["res.partner"].with_user(self.staff)
        with self.assertRefused(ValidationError, "Joined.*between 1900 and 2199"):
            Partner.create({"name": "Far joiner", "link_join_date": date(9999, 1, 1)})
        self.assertFalse(Partner.search([("name", "=", "Far joiner")]))
        with self.assertRefused(ValidationError, "Membership number.*NUL character"):
            self.ann.with_user(self.staff).write({"link_member_number": "M\x001"})
        self.ann.invalidate_recordset()
        self.assertNotIn("\x00", self.ann.link_member_number or "")
        company = self.env.company
        hours = company.link_shift_reminder_hours
        with self.assertRefused(ValidationError, "reminder.*not a whole number"):
            company.write({"link_shift_reminder_hours": 2**40})
        company.invalidate_recordset()
        self.assertEqual(company.link_shift_reminder_hours, hours)

    def test_fields_of_odoo_are_left_to_odoo(self):
        """A colour past 2**31 reaches PostgreSQL, which refuses it itself."""
        partner = self.env["res.partner"].with_user(self.staff).create({"name": "P"})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.NumericValueOutOfRange),
        ):
            partner.write({"color": 2**40})
            self.env.flush_all()
        guarded = self._guards("res.partner")[0]._link_input_guard
        self.assertIn("link_join_date", guarded)
        self.assertNotIn("date", guarded)
        self.assertNotIn("name", guarded)
        self.assertFalse(self._guards("res.country"))

    def test_the_guard_runs_before_the_model_create(self):
        """link.shift.assignment locks the shift rows named in the values
        before it calls super(): an id past 2**31 must be refused first."""
        with self.assertRefused(ValidationError, "not a record LINk knows"):
            self.env["link.shift.assignment"].with_user(self.staff).create(
                {"shift_id": 2**40, "partner_id": self.ann.id}
            )

    def _guards(self, model):
        return [
            klass
            for klass in type(self.env[model]).__mro__
            if "_link_input_guard" in vars(klass)
        ]

    def test_the_guard_is_first_and_once_after_a_new_setup(self):
        for model in ("res.partner", "res.company", "link.shift", "res.users"):
            with self.subTest(model=model):
                guards = self._guards(model)
                self.assertEqual(len(guards), 1)
                self.assertIs(type(self.env[model]).__bases__[0], guards[0])
        before = self._guards("res.partner")[0]
        self.registry.setup_models(self.env.cr)
        after = self._guards("res.partner")
        self.assertEqual(len(after), 1)
        self.assertIsNot(after[0], before)
        self.assertEqual(after[0]._link_input_guard, before._link_input_guard)
        with self.assertRefused(ValidationError, "Joined.*between 1900 and 2199"):
            self.ann.write({"link_join_date": "2200-01-01"})
