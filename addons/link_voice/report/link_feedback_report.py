# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.link_feedback import CHANNELS, SENTIMENTS


class LinkFeedbackReport(models.Model):
    """Feedback trends for contract monitoring: how much feedback, about
    what (themes), which services, month by month. One row per feedback
    and theme (a feedback without a theme has one row with none), so that
    themes add up to mentions while "Feedback" counts each feedback once.
    Only ever read as totals, small numbers suppressed, never any words."""

    _name = "link.feedback.report"
    _inherit = ["link.suppressed.report.mixin"]
    _description = "Feedback trends"
    _auto = False
    _rec_name = "theme_id"
    _order = "date desc"
    _suppressed_measures = ("feedback_count", "mention_count")
    _depends = {
        "link.feedback": [
            "date",
            "premises_id",
            "provider_id",
            "channel",
            "sentiment",
            "is_compliment",
            "ward_id",
            "company_id",
            "active",
            "theme_ids",
        ],
    }

    theme_id = fields.Many2one("link.feedback.theme", readonly=True)
    premises_id = fields.Many2one("res.partner", string="Service", readonly=True)
    provider_id = fields.Many2one("res.partner", readonly=True)
    date = fields.Date(readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    sentiment = fields.Selection(SENTIMENTS, readonly=True)
    is_compliment = fields.Boolean(string="Compliment", readonly=True)
    ward_id = fields.Many2one("link.ward", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    feedback_count = fields.Integer(string="Feedback", readonly=True, aggregator="sum")
    mention_count = fields.Integer(
        string="Theme mentions",
        readonly=True,
        aggregator="sum",
        help="A feedback about two themes is one mention of each.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    SELECT f.id::bigint * 100000 + COALESCE(t.theme_id, 0) AS id,
                           t.theme_id,
                           f.premises_id,
                           f.provider_id,
                           f.date,
                           f.channel,
                           f.sentiment,
                           f.is_compliment,
                           f.ward_id,
                           f.company_id,
                           CASE WHEN COALESCE(t.position, 1) = 1 THEN 1 ELSE 0 END
                               AS feedback_count,
                           1 AS mention_count
                      FROM link_feedback f
                 LEFT JOIN (
                           SELECT link_feedback_id,
                                  link_feedback_theme_id AS theme_id,
                                  row_number() OVER (
                                      PARTITION BY link_feedback_id
                                      ORDER BY link_feedback_theme_id
                                  ) AS position
                             FROM %(themes)s
                           ) t ON t.link_feedback_id = f.id
                     WHERE f.active
                )
                """,
                view=SQL.identifier(self._table),
                themes=SQL.identifier(
                    self.env["link.feedback"]._fields["theme_ids"].relation
                ),
            )
        )
