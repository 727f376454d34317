# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.res_partner import ACTIVE_MEMBER_FIELDS, MEMBERSHIP_TYPES
from .contract_period import contract_period_sql


class LinkMembershipReport(models.Model):
    """Membership and recruitment for contract monitoring: one row per
    contact on the membership register (people and organisations, former
    members and future joiners too, for recruitment by date) with only the
    ward, type and dates, so pivots group by quarter and ward without naming
    anybody. Who is a member on a day is the member rule of res.partner:
    is_member for today, _members_at_domain for any day."""

    _name = "link.membership.report"
    _description = "Membership and recruitment report"
    _auto = False
    _order = "join_date desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "res.partner": [*ACTIVE_MEMBER_FIELDS, "link_ward_id", "link_is_volunteer"],
    }

    join_date = fields.Date(string="Joined on", readonly=True)
    leave_date = fields.Date(string="Left on", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter the member joined in, e.g. 2026/27 Q1.",
    )
    ward_id = fields.Many2one("link.ward", readonly=True)
    membership_type = fields.Selection(MEMBERSHIP_TYPES, readonly=True)
    is_volunteer = fields.Boolean(string="Volunteers", readonly=True)
    is_member = fields.Boolean(string="Member today", readonly=True)
    member_count = fields.Integer(string="Members", readonly=True, aggregator="sum")

    def init(self):
        Partner = self.env["res.partner"]
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT p.id AS id,
                           p.link_join_date AS join_date,
                           p.link_leave_date AS leave_date,
                           %(contract_quarter)s AS contract_quarter,
                           p.link_ward_id AS ward_id,
                           p.link_membership_type AS membership_type,
                           COALESCE(p.link_is_volunteer, FALSE) AS is_volunteer,
                           %(member)s AS is_member,
                           1 AS member_count
                      FROM res_partner p
                     WHERE %(register)s
                )
                """,
                view=SQL.identifier(self._table),
                member=Partner._link_active_member_sql("p"),
                register=Partner._link_member_register_sql("p"),
                contract_quarter=contract_period_sql(SQL("p.link_join_date")),
            )
        )

    @api.model
    def _partner_rows(self, domain):
        """The rows of the contacts a res.partner domain finds (a row's id
        is its contact's), so the report counts by the member rule itself.
        In sudo: the domain only picks rows, this report's own access decides
        who reads them (the council monitor may not read people)."""
        return [("id", "in", self.env["res.partner"].sudo()._search(domain))]

    @api.model
    def _joined_domain(self, date_from, date_to):
        return self._partner_rows(
            self.env["res.partner"]._link_recruited_domain(date_from, date_to)
        )

    @api.model
    def _members_at_domain(self, day):
        return self._partner_rows(
            self.env["res.partner"]._link_active_member_domain(day, day)
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        """Key membership figures for a period, from the same grouped reads
        the pivot views make."""
        [[joined]] = self._read_group(
            self._joined_domain(date_from, date_to), [], ["member_count:sum"]
        )
        members_at = self._members_at_domain(date_to)
        [[members, wards]] = self._read_group(
            members_at, [], ["member_count:sum", "ward_id:count_distinct"]
        )
        return [
            ("members_joined", self.env._("New members in the period"), joined or 0),
            (
                "members_total",
                self.env._("Members at the end of the period"),
                members or 0,
            ),
            ("wards_covered", self.env._("Wards with at least one member"), wards or 0),
        ]
