# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from .common import LinkCase


class TestContractYear(LinkCase):
    """Quarters, years and "this year" follow the first month of the
    contract year (April by default)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.Period = cls.env["link.monitoring.period"]

    def test_april_is_the_default(self):
        company = self.env["res.company"].create({"name": "Newtown LINk host"})
        self.assertEqual(company.link_contract_start_month, "4")

    def test_april_quarters_and_year(self):
        self.company.link_contract_start_month = "4"
        self.assertEqual(
            self.Period._period_dates("quarter", 2026, 1),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(
            self.Period._period_dates("quarter", 2026, 4),
            (date(2027, 1, 1), date(2027, 3, 31)),
        )
        self.assertEqual(
            self.Period._period_dates("year", 2026),
            (date(2026, 4, 1), date(2027, 3, 31)),
        )
        self.assertEqual(self.Period._period_name("quarter", 2026, 1), "2026/27 Q1")
        self.assertEqual(self.Period._period_name("year", 2026), "Year 2026/27")
        self.assertEqual(
            self.company._link_contract_period(date(2027, 2, 14)),
            (2026, 4, date(2027, 1, 1), date(2027, 3, 31)),
        )
        self.assertEqual(
            self.company._link_contract_period(date(2026, 4, 1), "year"),
            (2026, 1, date(2026, 4, 1), date(2027, 3, 31)),
        )
        self.assertEqual(self.company._link_quarter_label(1), "Q1 (Apr-Jun)")
        self.assertEqual(self.company._link_quarter_label(4), "Q4 (Jan-Mar)")

    def test_january_keeps_calendar_quarters(self):
        self.company.link_contract_start_month = "1"
        self.assertEqual(
            self.Period._period_dates("quarter", 2026, 2),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(
            self.Period._period_dates("year", 2026),
            (date(2026, 1, 1), date(2026, 12, 31)),
        )
        self.assertEqual(self.Period._period_name("quarter", 2026, 1), "2026 Q1")
        self.assertEqual(self.Period._period_name("year", 2026), "Year 2026")
        self.assertEqual(
            self.company._link_contract_period(date(2026, 11, 5)),
            (2026, 4, date(2026, 10, 1), date(2026, 12, 31)),
        )
        self.assertEqual(self.company._link_quarter_label(1), "Q1 (Jan-Mar)")

    @freeze_time("2027-02-14")
    def test_wizard_opens_on_the_current_contract_quarter(self):
        self.company.link_contract_start_month = "4"
        Wizard = self.env["link.monitoring.wizard"].with_user(self.staff)
        wizard = Wizard.create({})
        self.assertEqual((wizard.year, wizard.quarter), (2026, "4"))
        period = wizard._period()
        self.assertEqual(period.name, "2026/27 Q4")
        self.assertEqual(
            (period.date_from, period.date_to), (date(2027, 1, 1), date(2027, 3, 31))
        )
        labels = dict(Wizard._fields["quarter"]._description_selection(Wizard.env))
        self.assertEqual(labels["1"], "Q1 (Apr-Jun)")
        year = Wizard.create({"period_type": "year"})._period()
        self.assertEqual(
            (year.name, year.date_from, year.date_to),
            ("Year 2026/27", date(2026, 4, 1), date(2027, 3, 31)),
        )

    @freeze_time("2027-02-14")
    def test_wizard_with_a_calendar_year(self):
        self.company.link_contract_start_month = "1"
        wizard = self.env["link.monitoring.wizard"].with_user(self.staff).create({})
        self.assertEqual((wizard.year, wizard.quarter), (2027, "1"))

    @freeze_time("2027-02-14 12:00:00")
    def test_volunteer_hours_open_on_this_contract_year(self):
        self.company.link_contract_start_month = "4"
        role = self.env["link.volunteer.role"].create({"name": "Hours role"})
        volunteer = self.env["res.partner"].create(
            {"name": "Hours Volunteer", "link_is_volunteer": True}
        )
        places = {}
        for start in ("2026-03-31 10:00", "2026-04-01 10:00", "2027-03-31 10:00"):
            shift = self.env["link.shift"].create(
                {
                    "name": f"Shift {start}",
                    "role_id": role.id,
                    "date_start": datetime.fromisoformat(start),
                    "date_end": datetime.fromisoformat(start.replace("10:", "12:")),
                    "max_volunteers": 3,
                    "state": "open",
                }
            )
            places[start] = self.env["link.shift.assignment"].create(
                {"shift_id": shift.id, "partner_id": volunteer.id}
            )
        Assignment = self.env["link.shift.assignment"].with_user(self.staff)
        mine = Assignment.browse([p.id for p in places.values()])
        found = Assignment.search(
            [("in_contract_year", "=", True), ("id", "in", mine.ids)]
        )
        self.assertEqual(found, places["2026-04-01 10:00"] | places["2027-03-31 10:00"])
        self.assertEqual(
            Assignment.search(
                [("in_contract_year", "=", False), ("id", "in", mine.ids)]
            ),
            places["2026-03-31 10:00"],
        )
        self.assertEqual(mine.mapped("in_contract_year"), [False, True, True])
        self.assertEqual(
            mine.mapped("contract_quarter"), ["2025/26 Q4", "2026/27 Q1", "2026/27 Q4"]
        )
        self.company.link_contract_start_month = "1"
        self.assertEqual(
            mine.mapped("contract_quarter"), ["2026 Q1", "2026 Q2", "2027 Q1"]
        )
        action = self.env.ref("link_membership.link_shift_assignment_action_hours")
        self.assertIn("search_default_this_contract_year", action.context)
