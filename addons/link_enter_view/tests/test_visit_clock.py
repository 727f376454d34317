# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import date, datetime, time, timedelta

from odoo import Command

from odoo.addons.link_protocols.tests.test_sla_clock import reference_due

from .common import EnterViewCase


class TestVisitClock(EnterViewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_type = cls.env.ref("link_protocols.link_sla_type_visit_report")
        cls.response_type = cls.env.ref(
            "link_protocols.link_sla_type_provider_response"
        )
        cls.Visit = cls.env["link.ev.visit"].with_context(tracking_disable=True)

    def _visits(self, days, premises=None):
        """Visits at 09:00 UTC (10:00 or 09:00 in London: the same day)."""
        return self.Visit.create(
            [
                {
                    "premises_id": (premises or self.care_home).id,
                    "date_visit": datetime.combine(day, time(9)),
                }
                for day in days
            ]
        )

    def _report_term(self, days, working):
        """Set the protocol's report term (kept once agreed: changed in place)."""
        vals = {"days": days, "working_days": working}
        term = self.protocol._sla_for(self.report_type)
        if term:
            term.write(vals)
        else:
            self.protocol.sla_ids = [
                Command.create({"type_id": self.report_type.id, **vals})
            ]

    def test_due_dates_match_the_day_by_day_reference(self):
        rng = random.Random(2028)
        days = [
            date(2025, 1, 1) + timedelta(days=rng.randrange(4 * 365)) for _ in range(80)
        ]
        days += [
            date(2025, 12, 24),
            date(2026, 4, 3),
            date(2026, 8, 29),
            date(2027, 12, 27),
        ]
        visits = self._visits(days)
        sent = [day + timedelta(days=rng.randint(1, 40)) for day in days]
        for visit, day in zip(visits, sent, strict=True):
            visit.date_report_sent = day
        # No term for the report: the type's default, 20 working days.
        for visit, day, report_sent in zip(visits, days, sent, strict=True):
            with self.subTest(day=day):
                self.assertEqual(visit.report_due_date, reference_due(day, 20, True))
                self.assertEqual(
                    visit.response_due_date, reference_due(report_sent, 20, True)
                )
        for term in ((1, True), (13, False), (37, True), (60, False), (60, True)):
            self._report_term(*term)
            for visit, day in zip(visits, days, strict=True):
                with self.subTest(day=day, term=term):
                    self.assertEqual(visit.report_due_date, reference_due(day, *term))

    def test_no_protocol_uses_the_type_default(self):
        independent = self.env["res.partner"].create(
            {"name": "Independent Care Ltd", "is_company": True}
        )
        home = self.env["res.partner"].create(
            {
                "name": "Independent Home",
                "is_company": True,
                "link_premises_kind": "care_home",
                "link_provider_id": independent.id,
            }
        )
        visit = self._visits([date(2026, 12, 18)], premises=home)
        self.assertFalse(visit.protocol_id)
        # Friday 18 December 2026 + 20 working days, across Christmas.
        self.assertEqual(visit.report_due_date, date(2027, 1, 20))
        # The default is data: ten calendar days for visits from now on.
        self.report_type.write({"default_days": 10, "default_working_days": False})
        later = self._visits([date(2026, 12, 18)], premises=home)
        self.assertEqual(later.report_due_date, date(2026, 12, 28))

    def test_protocol_term_in_calendar_days(self):
        self._report_term(15, False)
        visit = self._visits([date(2026, 12, 18)])
        self.assertEqual(visit.protocol_id, self.protocol)
        self.assertEqual(visit.report_due_date, date(2027, 1, 2))
        # The response keeps the default: no term for it in the protocol.
        visit.date_report_sent = date(2026, 12, 21)
        self.assertEqual(visit.response_due_date, date(2027, 1, 21))

    def test_reminders_follow_the_company_rule(self):
        visit = self._visits([date(2026, 12, 18)])
        visit.date_report_sent = date(2026, 12, 21)
        # Five working days (the company's default) before each due date.
        self.assertEqual(visit.report_reminder_date, date(2027, 1, 13))
        self.assertEqual(visit.response_reminder_date, date(2027, 1, 14))
        self.env.company.link_reminder_working_days = 0
        self.assertFalse(visit.report_reminder_date)
        self.assertFalse(visit.response_reminder_date)

    def test_due_dates_of_a_batch_cost_the_same_queries(self):
        """A changed protocol term recomputes every visit's report due date
        (and what follows from it) in the same queries for 5 visits or 55:
        one calendar read for the batch, one UPDATE per table (and one
        SELECT for each other model on the protocol's clock: referrals and
        complaints, none here)."""
        rng = random.Random(5)
        self._report_term(20, True)
        visits = self.Visit
        for count, days in ((5, 10), (50, 12)):
            visits |= self._visits(
                [
                    date(2026, 1, 5) + timedelta(days=rng.randrange(700))
                    for _ in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(19):
                self._report_term(days, True)
                self.env.flush_all()
            self.assertEqual(
                visits.mapped("report_due_date"),
                [reference_due(day, days, True) for day in visits.mapped("visit_day")],
            )
