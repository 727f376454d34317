# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

from ..models.res_partner import PARTNER_KINDS


class LinkSlaComplianceReport(models.Model):
    """Information requests and referrals answered on time or late, by
    partner organisation and quarter: what the council monitors of partner
    SLA compliance. Carries no subject, requester or contact at the partner.

    One row per information request (id: the request's) and per referral
    (id: minus the referral's), told apart by ``kind``."""

    _name = "link.sla.compliance.report"
    _description = "Partner SLA compliance report"
    _auto = False
    _order = "date_sent desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "res.partner": ["link_partner_kind"],
        "link.information.request": [
            "partner_id",
            "protocol_id",
            "company_id",
            "state",
            "date_sent",
            "date_answered",
            "on_time",
            "days_taken",
        ],
        "link.referral": [
            "recipient_id",
            "recipient_kind",
            "protocol_id",
            "company_id",
            "state",
            "date_sent",
            "date_response",
            "on_time",
            "late",
            "days_taken",
        ],
    }

    kind = fields.Selection(
        [
            ("information_request", "Information request"),
            ("referral", "Referral"),
        ],
        readonly=True,
    )
    date_sent = fields.Date(string="Sent on", readonly=True)
    date_answered = fields.Date(string="Answered on", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter the request was answered in, e.g. 2026/27 Q1.",
    )
    partner_id = fields.Many2one("res.partner", readonly=True)
    partner_kind = fields.Selection(
        PARTNER_KINDS, string="Kind of partner", readonly=True
    )
    protocol_id = fields.Many2one("link.protocol", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("acknowledged", "Acknowledged"),
            ("extended", "Extended"),
            ("answered", "Answered"),
            ("closed", "Closed"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Status",
        readonly=True,
    )
    request_count = fields.Integer(string="Sent", readonly=True, aggregator="sum")
    on_time_count = fields.Integer(
        string="Answered on time", readonly=True, aggregator="sum"
    )
    late_count = fields.Integer(string="Answered late", readonly=True, aggregator="sum")
    days_taken = fields.Integer(
        string="Working days to answer", readonly=True, aggregator="avg"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT r.id AS id,
                           'information_request'::varchar AS kind,
                           r.date_sent,
                           r.date_answered,
                           %(request_quarter)s AS contract_quarter,
                           r.partner_id,
                           p.link_partner_kind AS partner_kind,
                           r.protocol_id,
                           r.company_id,
                           r.state::varchar AS state,
                           1 AS request_count,
                           CASE WHEN r.state = 'answered' AND r.on_time
                                THEN 1 ELSE 0 END AS on_time_count,
                           CASE WHEN r.state = 'answered'
                                     AND NOT COALESCE(r.on_time, FALSE)
                                THEN 1 ELSE 0 END AS late_count,
                           r.days_taken
                      FROM link_information_request r
                      LEFT JOIN res_partner p ON p.id = r.partner_id
                     WHERE r.state != 'draft'
                    UNION ALL
                    SELECT -f.id AS id,
                           'referral'::varchar AS kind,
                           f.date_sent,
                           f.date_response AS date_answered,
                           %(referral_quarter)s AS contract_quarter,
                           f.recipient_id AS partner_id,
                           f.recipient_kind AS partner_kind,
                           f.protocol_id,
                           f.company_id,
                           f.state::varchar AS state,
                           1 AS request_count,
                           CASE WHEN f.date_response IS NOT NULL AND f.on_time
                                THEN 1 ELSE 0 END AS on_time_count,
                           CASE WHEN f.date_response IS NOT NULL AND f.late
                                THEN 1 ELSE 0 END AS late_count,
                           f.days_taken
                      FROM link_referral f
                     WHERE f.state != 'draft'
                )
                """,
                view=SQL.identifier(self._table),
                request_quarter=contract_period_sql(
                    SQL("r.date_answered"), SQL("r.company_id")
                ),
                referral_quarter=contract_period_sql(
                    SQL("f.date_response"), SQL("f.company_id")
                ),
            )
        )

    @api.model
    def _link_counts(self, kind, date_from, date_to):
        """Sent in the dates, and answered on time and late in the dates."""
        [[sent]] = self._read_group(
            [
                ("kind", "=", kind),
                ("date_sent", ">=", date_from),
                ("date_sent", "<=", date_to),
            ],
            [],
            ["request_count:sum"],
        )
        [[on_time, late]] = self._read_group(
            [
                ("kind", "=", kind),
                ("date_answered", ">=", date_from),
                ("date_answered", "<=", date_to),
            ],
            [],
            ["on_time_count:sum", "late_count:sum"],
        )
        return sent or 0, on_time or 0, late or 0

    @api.model
    def _link_figures(self, date_from, date_to):
        sent, on_time, late = self._link_counts(
            "information_request", date_from, date_to
        )
        referred, answered, answered_late = self._link_counts(
            "referral", date_from, date_to
        )
        return [
            ("requests_sent", self.env._("Information requests sent"), sent),
            ("requests_on_time", self.env._("Requests answered on time"), on_time),
            ("requests_late", self.env._("Requests answered late"), late),
            ("referrals_sent", self.env._("Referrals sent"), referred),
            (
                "referrals_on_time",
                self.env._("Referrals answered on time"),
                answered,
            ),
            (
                "referrals_late",
                self.env._("Referrals answered late"),
                answered_late,
            ),
            # Complaints about conduct: counts only, from the complaints.
            *self.env["link.protocol.complaint"]._link_figures(date_from, date_to),
        ]
