# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.res_partner import ACTIVE_MEMBER_FIELDS, PERSON_FIELDS


class LinkWardRepresentation(models.Model):
    """How the current membership spreads over the wards, against each ward's
    share of the population, so that a host sees who is missing."""

    _name = "link.ward.representation"
    _description = "Members by ward against population"
    _auto = False
    _order = "gap, ward_id"
    _depends = {
        "res.partner": [*ACTIVE_MEMBER_FIELDS, *PERSON_FIELDS, "link_ward_id"],
        "link.ward": ["active", "local_authority", "population"],
    }

    ward_id = fields.Many2one("link.ward", readonly=True)
    local_authority = fields.Char(readonly=True)
    population = fields.Integer(readonly=True, aggregator="sum")
    member_count = fields.Integer(string="Members", readonly=True, aggregator="sum")
    member_share = fields.Float(
        string="Share of members (%)", readonly=True, aggregator="sum", digits=(5, 1)
    )
    population_share = fields.Float(
        string="Share of population (%)", readonly=True, aggregator="sum", digits=(5, 1)
    )
    gap = fields.Float(
        string="Gap (points)",
        readonly=True,
        aggregator=False,
        digits=(5, 1),
        help="Share of members minus share of population: below zero, the ward "
        "is under-represented.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    WITH members AS (
                        SELECT p.link_ward_id AS ward_id, count(*) AS n
                          FROM res_partner p
                         WHERE %(member)s AND %(person)s
                           AND p.link_ward_id IS NOT NULL
                      GROUP BY p.link_ward_id
                    ), shares AS (
                        SELECT w.id AS ward_id, w.local_authority, w.population,
                               COALESCE(m.n, 0) AS member_count,
                               100.0 * COALESCE(m.n, 0)
                                   / NULLIF(sum(COALESCE(m.n, 0)) OVER (), 0)
                                   AS member_share,
                               100.0 * COALESCE(w.population, 0)
                                   / NULLIF(sum(COALESCE(w.population, 0)) OVER (), 0)
                                   AS population_share
                          FROM link_ward w
                     LEFT JOIN members m ON m.ward_id = w.id
                         WHERE w.active
                    )
                    SELECT ward_id AS id, *,
                           COALESCE(member_share, 0) - COALESCE(population_share, 0)
                               AS gap
                      FROM shares
                )
                """,
                view=SQL.identifier(self._table),
                member=self.env["res.partner"]._link_active_member_sql("p"),
                # Residents against the population: member organisations
                # have a ward but are not residents of it.
                person=self.env["res.partner"]._link_person_sql("p"),
            )
        )
