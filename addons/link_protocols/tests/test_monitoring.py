# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common import ProtocolCase


class TestSlaMonitoring(ProtocolCase):
    def _quarter_of(self, day):
        start = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
        return start, start + relativedelta(months=3, days=-1)

    def test_pack_figures_equal_pivot_totals_on_demo_data(self):
        answered = self.env["link.information.request"].search(
            [("state", "=", "answered"), ("date_answered", "!=", False)],
            order="date_answered desc",
            limit=1,
        )
        self.assertTrue(answered, "demo data answers some information requests")
        date_from, date_to = self._quarter_of(answered.date_answered)
        period = self.env["link.monitoring.period"].create(
            {
                "name": "SLA quarter",
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        period.action_refresh_figures()
        figures = {
            f.code: f.value for f in period.figure_ids if f.section == "protocols"
        }
        report = self.env["link.sla.compliance.report"].with_user(self.monitor)
        # The report has a row per request and per referral: each kind has
        # its own figures.
        for kind, prefix in (
            ("information_request", "requests"),
            ("referral", "referrals"),
        ):
            [pivot] = report.read_group(
                [
                    ("kind", "=", kind),
                    ("date_answered", ">=", date_from),
                    ("date_answered", "<=", date_to),
                ],
                ["on_time_count:sum", "late_count:sum"],
                [],
            )
            if kind == "information_request":
                self.assertGreaterEqual(pivot["on_time_count"] + pivot["late_count"], 1)
            self.assertEqual(figures[f"{prefix}_on_time"], pivot["on_time_count"] or 0)
            self.assertEqual(figures[f"{prefix}_late"], pivot["late_count"] or 0)
            [sent] = report.read_group(
                [
                    ("kind", "=", kind),
                    ("date_sent", ">=", date_from),
                    ("date_sent", "<=", date_to),
                ],
                ["request_count:sum"],
                [],
            )
            self.assertEqual(figures[f"{prefix}_sent"], sent["request_count"] or 0)

    def test_late_answer_counted_late_by_partner(self):
        request = self.env["link.information.request"].create(
            {"subject": "Waiting times", "partner_id": self.trust.id}
        )
        request.action_send()
        request.write(
            {
                "date_sent": "2026-01-05",
                "date_answered": fields.Date.to_date("2026-03-20"),
                "state": "answered",
            }
        )
        self.env.flush_all()
        groups = (
            self.env["link.sla.compliance.report"]
            .with_user(self.monitor)
            .read_group(
                [
                    ("kind", "=", "information_request"),
                    ("date_answered", ">=", "2026-01-01"),
                    ("date_answered", "<=", "2026-03-31"),
                ],
                ["late_count:sum", "on_time_count:sum"],
                ["partner_id"],
            )
        )
        trust = next(g for g in groups if g["partner_id"][0] == self.trust.id)
        self.assertEqual((trust["late_count"], trust["on_time_count"]), (1, 0))

    def test_monitor_cannot_open_the_partner_lead(self):
        partners = self.env["res.partner"].with_user(self.monitor)
        self.assertEqual(partners.browse(self.trust.id).name, "Test Hospital NHS Trust")
        with self.assertRaises(AccessError):
            partners.browse(self.lead.id).read(["name", "email"])
