# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

STEPS = [
    ("received", "Received from a partner"),
    ("circulated", "Cascaded to members"),
    ("responded", "Responded to by the LINk"),
]


class LinkOpportunityReport(models.Model):
    """Involvement opportunities through the LINk, step by step: received
    from a partner (the day it opens), cascaded to members (the day it was
    first sent), responded to (the day the LINk's response went). One row
    per opportunity and step it reached, dated on that step, so that a
    quarter's pivot counts each step in the quarter it happened. Carries no
    member: how many people it reached is a total."""

    _name = "link.opportunity.report"
    _description = "Opportunities responded to"
    _auto = False
    _order = "date desc"
    _rec_name = "opportunity_id"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.opportunity": [
            "partner_id",
            "kind",
            "date_open",
            "date_circulated",
            "date_responded",
            "response_deadline",
            "state",
        ],
        "link.opportunity.recipient": ["opportunity_id", "date_sent"],
    }

    step = fields.Selection(STEPS, readonly=True)
    date = fields.Date(readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the step, e.g. 2026/27 Q1.",
    )
    opportunity_id = fields.Many2one("link.opportunity", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Offered by", readonly=True)
    opportunity_kind = fields.Selection(
        selection=lambda self: (
            self.env["link.opportunity"]
            ._fields["kind"]
            ._description_selection(self.env)
        ),
        string="Kind of opportunity",
        readonly=True,
    )
    opportunity_count = fields.Integer(
        string="Opportunities", readonly=True, aggregator="sum"
    )
    people_count = fields.Integer(
        string="People reached",
        readonly=True,
        aggregator="sum",
        help="How many people the opportunity was sent to (cascade rows only).",
    )
    on_time_count = fields.Integer(
        string="Responded by the deadline",
        readonly=True,
        aggregator="sum",
        help="Responses sent on or before the partner's deadline (response "
        "rows with a deadline only).",
    )
    late_count = fields.Integer(
        string="Responded late", readonly=True, aggregator="sum"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT o.id * 3 + s.position AS id,
                           s.step::varchar AS step,
                           s.date,
                           %(contract_quarter)s AS contract_quarter,
                           o.id AS opportunity_id,
                           o.partner_id,
                           o.kind::varchar AS opportunity_kind,
                           1 AS opportunity_count,
                           CASE WHEN s.step = 'circulated'
                                THEN (SELECT count(*)
                                        FROM link_opportunity_recipient r
                                       WHERE r.opportunity_id = o.id
                                         AND r.date_sent IS NOT NULL)
                                ELSE 0 END AS people_count,
                           CASE WHEN s.step = 'responded'
                                     AND o.response_deadline IS NOT NULL
                                     AND o.date_responded <= o.response_deadline
                                THEN 1 ELSE 0 END AS on_time_count,
                           CASE WHEN s.step = 'responded'
                                     AND o.response_deadline IS NOT NULL
                                     AND o.date_responded > o.response_deadline
                                THEN 1 ELSE 0 END AS late_count
                      FROM link_opportunity o
                     CROSS JOIN LATERAL (
                           VALUES (0, 'received',
                                   COALESCE(o.date_open, o.create_date::date)),
                                  (1, 'circulated', o.date_circulated),
                                  (2, 'responded',
                                   CASE WHEN o.state = 'responded'
                                        THEN o.date_responded END)
                           ) AS s(position, step, date)
                     WHERE s.date IS NOT NULL
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(SQL("s.date")),
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        """The pack's opportunities section: the monitor's pivot by step
        over the dates, from one grouped read."""
        groups = {
            step: (count, people, on_time, late)
            for step, count, people, on_time, late in self._read_group(
                [("date", ">=", date_from), ("date", "<=", date_to)],
                ["step"],
                [
                    "opportunity_count:sum",
                    "people_count:sum",
                    "on_time_count:sum",
                    "late_count:sum",
                ],
            )
        }
        received, cascaded, responded = (
            groups.get(step, (0, 0, 0, 0)) for step, __ in STEPS
        )
        return [
            (
                "opportunities_received",
                self.env._("Opportunities received from partners"),
                received[0],
            ),
            (
                "opportunities_cascaded",
                self.env._("Opportunities cascaded to members"),
                cascaded[0],
            ),
            (
                "opportunities_people_reached",
                self.env._("People they were sent to"),
                cascaded[1],
            ),
            (
                "opportunities_responded",
                self.env._("Opportunities responded to by the LINk"),
                responded[0],
            ),
            (
                "opportunities_responded_on_time",
                self.env._("Responses sent by the partner's deadline"),
                responded[2],
            ),
            (
                "opportunities_responded_late",
                self.env._("Responses sent after the deadline"),
                responded[3],
            ),
        ]
