# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.equality_questions import ANSWER_FIELDS, QUESTIONS, all_answers
from ..models.res_partner import (
    ACTIVE_MEMBER_FIELDS,
    MEMBERSHIP_TYPES,
    PERSON_FIELDS,
)


class LinkEqualityReport(models.Model):
    """The equality profile of the current membership, one row per member and
    question. Rows are never read one by one: the report only answers grouped
    queries (pivot, graph), with small numbers suppressed."""

    _name = "link.equality.report"
    _inherit = ["link.suppressed.report.mixin"]
    _description = "Equality monitoring report"
    _auto = False
    _suppressed_measures = ("member_count",)
    _rec_name = "characteristic"
    _order = "characteristic, answer"
    _depends = {
        "res.partner": [*ACTIVE_MEMBER_FIELDS, *PERSON_FIELDS, "link_ward_id"],
        "link.equality.profile": ["partner_id", "objection_date", *ANSWER_FIELDS],
    }

    characteristic = fields.Selection(
        [(name, label) for name, label, __ in QUESTIONS], readonly=True
    )
    answer = fields.Selection(all_answers(), readonly=True)
    ward_id = fields.Many2one("link.ward", readonly=True)
    membership_type = fields.Selection(MEMBERSHIP_TYPES, readonly=True)
    member_count = fields.Integer(string="Members", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        answers = SQL(", ").join(
            SQL("(%s, %s, pr.%s)", position, name, SQL.identifier(name))
            for position, name in enumerate(ANSWER_FIELDS)
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    SELECT p.id * 16 + q.position AS id,
                           q.characteristic,
                           q.characteristic || ':' || COALESCE(q.answer, 'not_asked')
                               AS answer,
                           p.link_ward_id AS ward_id,
                           p.link_membership_type AS membership_type,
                           1 AS member_count
                      FROM res_partner p
                 LEFT JOIN link_equality_profile pr ON pr.partner_id = p.id
                CROSS JOIN LATERAL (VALUES %(answers)s)
                           AS q(position, characteristic, answer)
                     WHERE %(member)s AND %(person)s
                       AND (pr.objection_date IS NULL
                            OR pr.objection_date > CURRENT_DATE)
                )
                """,
                view=SQL.identifier(self._table),
                answers=answers,
                member=self.env["res.partner"]._link_active_member_sql("p"),
                # The equality profile is about people: an organisation
                # member has no sex or age of its own.
                person=self.env["res.partner"]._link_person_sql("p"),
            )
        )
