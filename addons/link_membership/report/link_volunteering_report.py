# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from .contract_period import contract_period_sql


class LinkVolunteeringReport(models.Model):
    """Volunteer hours and shift places filled, by date, ward and role, with
    no volunteer named: the council sees totals only. The hours volunteers
    claimed for work outside a shift (link.hours.claim) count once approved,
    as rows with no place and no role."""

    _name = "link.volunteering.report"
    _description = "Volunteer hours and shifts report"
    _auto = False
    _order = "date desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.shift.assignment": [
            "shift_id",
            "date_start",
            "ward_id",
            "role_id",
            "state",
            "hours",
            "company_id",
        ],
        "link.hours.claim": ["date", "ward_id", "state", "hours", "company_id"],
    }

    date = fields.Date(string="Shift date", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the shift, e.g. 2026/27 Q1.",
    )
    ward_id = fields.Many2one("link.ward", readonly=True)
    role_id = fields.Many2one("link.volunteer.role", readonly=True)
    state = fields.Selection(
        [
            ("waitlisted", "On the waiting list"),
            ("confirmed", "Confirmed"),
            ("attended", "Attended"),
            ("no_show", "Did not come"),
            ("cancelled", "Cancelled"),
            ("claimed", "Hours claimed"),
        ],
        string="Place status",
        readonly=True,
    )
    source = fields.Selection(
        [("shift", "Shift"), ("claim", "Hours claimed")],
        readonly=True,
        help="A place on a shift, or hours claimed for work outside a shift.",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    place_count = fields.Integer(string="Places", readonly=True, aggregator="sum")
    hours_done = fields.Float(
        string="Hours volunteered",
        readonly=True,
        aggregator="sum",
        help="Hours of the places where the volunteer attended, and approved "
        "hours claims.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    -- Even ids for places, odd ids for claims: one id each.
                    SELECT a.id * 2 AS id,
                           a.date_start::date AS date,
                           %(contract_quarter)s AS contract_quarter,
                           a.ward_id,
                           a.role_id,
                           a.state,
                           'shift' AS source,
                           a.company_id,
                           1 AS place_count,
                           CASE WHEN a.state = 'attended'
                                THEN COALESCE(a.hours, 0) ELSE 0 END AS hours_done
                      FROM link_shift_assignment a
                    UNION ALL
                    SELECT c.id * 2 + 1 AS id,
                           c.date AS date,
                           %(claim_quarter)s AS contract_quarter,
                           c.ward_id,
                           NULL::integer AS role_id,
                           'claimed' AS state,
                           'claim' AS source,
                           c.company_id,
                           0 AS place_count,
                           c.hours AS hours_done
                      FROM link_hours_claim c
                     WHERE c.state = 'approved'
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(
                    SQL("a.date_start::date"), SQL("a.company_id")
                ),
                claim_quarter=contract_period_sql(SQL("c.date"), SQL("c.company_id")),
            )
        )

    @api.model
    def _period_domain(self, date_from, date_to):
        return [("date", ">=", date_from), ("date", "<=", date_to)]

    @api.model
    def _link_hours(self, date_from, date_to):
        """The volunteer hours the pack counts in the dates: the pivot's
        "Hours volunteered" over the shifts dated in them."""
        [[hours]] = self._read_group(
            self._period_domain(date_from, date_to), [], ["hours_done:sum"]
        )
        return hours or 0.0

    @api.model
    def _link_figures(self, date_from, date_to):
        domain = self._period_domain(date_from, date_to)
        hours = self._link_hours(date_from, date_to)
        [[filled]] = self._read_group(
            domain + [("state", "in", ("confirmed", "attended"))],
            [],
            ["place_count:sum"],
        )
        return [
            ("volunteer_hours", self.env._("Volunteer hours"), hours),
            ("shift_places_filled", self.env._("Shift places filled"), filled or 0),
            {
                "code": "volunteer_value",
                "label": self.env._("Value of volunteer time (£)"),
                "value": self.env.company._link_volunteer_value(hours),
                "is_currency": True,
            },
        ]
