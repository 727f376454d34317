# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tools import SQL

from ..report.contract_period import contract_period_sql
from .common import LinkCase


@freeze_time("2027-04-10")
class TestContractQuarterReports(LinkCase):
    """The reports group by contract quarter (“2026/27 Q2”), computed in the
    view's SQL from the company's first month as it is when read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.members = cls.env["res.partner"].create(
            [
                {
                    "name": f"Quarter member {day}",
                    "link_membership_type": "full",
                    "link_join_date": day,
                }
                for day in ("2026-07-15", "2027-03-15")
            ]
        )
        cls.Report = cls.env["link.membership.report"].with_user(cls.monitor)

    def _quarters(self):
        groups = self.Report._read_group(
            [("id", "in", self.members.ids)],
            ["contract_quarter"],
            ["member_count:sum"],
        )
        return dict(groups)

    def test_april_quarters(self):
        self.company.link_contract_start_month = "4"
        self.assertEqual(self._quarters(), {"2026/27 Q2": 1, "2026/27 Q4": 1})
        rows = self.Report.search_read(
            [("id", "in", self.members.ids)], ["contract_quarter"], order="join_date"
        )
        self.assertEqual(
            [row["contract_quarter"] for row in rows], ["2026/27 Q2", "2026/27 Q4"]
        )

    def test_first_month_change_shows_at_once(self):
        self.company.link_contract_start_month = "4"
        self.assertEqual(self._quarters(), {"2026/27 Q2": 1, "2026/27 Q4": 1})
        # No recompute: the view reads the first month when it is read.
        self.company.link_contract_start_month = "1"
        self.assertEqual(self._quarters(), {"2026 Q3": 1, "2027 Q1": 1})

    def test_monitor_pivot_groups_by_contract_quarter(self):
        self.company.link_contract_start_month = "4"
        self.assertTrue(
            self.Report.fields_get(["contract_quarter"])["contract_quarter"][
                "groupable"
            ]
        )
        groups = self.Report.read_group(
            [("id", "in", self.members.ids)],
            ["member_count:sum"],
            ["contract_quarter"],
            lazy=False,
        )
        self.assertEqual(
            [(g["contract_quarter"], g["member_count"]) for g in groups],
            [("2026/27 Q2", 1), ("2026/27 Q4", 1)],
        )

    def test_sql_label_is_the_python_label(self):
        days = [date(2025, 1, 1) + timedelta(days=13 * n) for n in range(85)]
        days += [date(2026, 3, 31), date(2026, 4, 1), date(2026, 12, 31)]
        day_sql = SQL("d.day")
        company_sql = SQL("%s", self.company.id)
        query = SQL(
            "SELECT d.day, %s, %s FROM unnest(%s::date[]) AS d(day) ORDER BY d.day",
            contract_period_sql(day_sql, company_sql),
            contract_period_sql(day_sql, company_sql, "year"),
            days,
        )
        for month in ("4", "1", "10"):
            self.company.link_contract_start_month = month
            self.env.flush_all()
            self.env.cr.execute(query)
            for day, quarter, year in self.env.cr.fetchall():
                self.assertEqual(
                    (quarter, year),
                    (
                        self.company._link_contract_period_name(day),
                        self.company._link_contract_period_name(day, "year"),
                    ),
                    f"{day} with a contract year starting in month {month}",
                )
        # The labels sort in time order as text.
        self.company.link_contract_start_month = "4"
        self.env.flush_all()
        self.env.cr.execute(query)
        labels = [row[1] for row in self.env.cr.fetchall()]
        self.assertEqual(labels, sorted(labels))

    def test_rows_without_a_company_follow_the_main_company(self):
        main = self.env["res.company"].search([], order="id", limit=1)
        main.link_contract_start_month = "4"
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT %s", contract_period_sql(SQL("%s::date", "2026-07-15")))
        )
        self.assertEqual(self.env.cr.fetchone()[0], "2026/27 Q2")

    def test_same_queries_as_calendar_quarters(self):
        Report = self.Report
        counts = {}
        for groupby in ("join_date:quarter", "contract_quarter"):
            Report.read_group([], ["member_count:sum"], [groupby])  # warm caches
            before = self.env.cr.sql_log_count
            Report.read_group([], ["member_count:sum"], [groupby])
            counts[groupby] = self.env.cr.sql_log_count - before
        # One query each: the first month is read inside the view's query.
        self.assertEqual(counts, {"join_date:quarter": 1, "contract_quarter": 1})
