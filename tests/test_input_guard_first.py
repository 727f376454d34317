# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The input guard runs before the create of a model reads the values: a
refused visit or information request draws no reference number, and a LINk
field another addon adds to res.company is guarded as well."""

from datetime import date, datetime

from odoo.exceptions import ValidationError

from .common import SampleFactory, SuiteCase


class TestInputGuardFirst(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        owner = cls.env["res.partner"].create({"name": "Guard owner"})
        cls.factory = SampleFactory(cls.env, owner)

    def _refused_without_a_number(self, model, vals, regex):
        """The create of ``model`` draws its reference from a sequence (not
        rolled back with the transaction) before super(): a refused record
        must not leave a gap in the numbers."""
        sequence = self.env["ir.sequence"].search([("code", "=", model)])
        self.assertEqual(sequence.implementation, "standard")
        number = sequence.number_next_actual
        count = self.env[model].search_count([])
        with self.assertRaises(ValidationError) as refused:
            self.env[model].create({**self.factory.values(model), **vals})
        self.assertRegex(str(refused.exception), regex)
        sequence.invalidate_recordset()
        self.assertEqual(sequence.number_next_actual, number)
        self.assertEqual(self.env[model].search_count([]), count)

    def test_a_far_visit_date_draws_no_reference(self):
        self._refused_without_a_number(
            "link.ev.visit",
            {"date_visit": datetime(9999, 12, 31, 10)},
            "Visit date.*between 1900 and 2199",
        )

    def test_a_far_request_date_draws_no_reference(self):
        self._refused_without_a_number(
            "link.information.request",
            {"date_sent": date(9999, 12, 31)},
            "Sent on.*between 1900 and 2199",
        )

    def test_a_company_setting_of_another_addon_is_guarded(self):
        company = self.env.company
        days = company.link_reminder_working_days
        with self.assertRaises(ValidationError) as refused:
            company.write({"link_reminder_working_days": 2**40})
        self.assertRegex(str(refused.exception), "not a whole number")
        company.invalidate_recordset()
        self.assertEqual(company.link_reminder_working_days, days)
        with self.assertRaises(ValidationError) as refused:
            self.env["calendar.event"].create(
                {"name": "Meeting", "link_workstream_id": "1"}
            )
        self.assertRegex(str(refused.exception), "not a record LINk knows")
