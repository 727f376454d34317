# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql


class LinkSlaComplianceReport(models.Model):
    """Information requests answered on time or late, by partner organisation
    and quarter: what the council monitors of partner SLA compliance. Carries
    no subject, requester or contact at the partner."""

    _name = "link.sla.compliance.report"
    _description = "Partner SLA compliance report"
    _auto = False
    _order = "date_sent desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
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
    }

    date_sent = fields.Date(string="Sent on", readonly=True)
    date_answered = fields.Date(string="Answered on", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter the request was answered in, e.g. 2026/27 Q1.",
    )
    partner_id = fields.Many2one("res.partner", readonly=True)
    protocol_id = fields.Many2one("link.protocol", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("acknowledged", "Acknowledged"),
            ("extended", "Extended"),
            ("answered", "Answered"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Request status",
        readonly=True,
    )
    request_count = fields.Integer(string="Requests", readonly=True, aggregator="sum")
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
                           r.date_sent,
                           r.date_answered,
                           %(contract_quarter)s AS contract_quarter,
                           r.partner_id,
                           r.protocol_id,
                           r.company_id,
                           r.state,
                           1 AS request_count,
                           CASE WHEN r.state = 'answered' AND r.on_time
                                THEN 1 ELSE 0 END AS on_time_count,
                           CASE WHEN r.state = 'answered'
                                     AND NOT COALESCE(r.on_time, FALSE)
                                THEN 1 ELSE 0 END AS late_count,
                           r.days_taken
                      FROM link_information_request r
                     WHERE r.state != 'draft'
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(
                    SQL("r.date_answered"), SQL("r.company_id")
                ),
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        [[sent]] = self._read_group(
            [("date_sent", ">=", date_from), ("date_sent", "<=", date_to)],
            [],
            ["request_count:sum"],
        )
        [[on_time, late]] = self._read_group(
            [("date_answered", ">=", date_from), ("date_answered", "<=", date_to)],
            [],
            ["on_time_count:sum", "late_count:sum"],
        )
        return [
            ("requests_sent", self.env._("Information requests sent"), sent or 0),
            ("requests_on_time", self.env._("Requests answered on time"), on_time or 0),
            ("requests_late", self.env._("Requests answered late"), late or 0),
        ]
