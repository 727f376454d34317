# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

from ..models.link_feedback import CHANNELS

KINDS = [
    ("feedback", "Feedback received"),
    ("signpost", "Signposting given"),
    ("safeguarding_raised", "Safeguarding concern raised"),
    ("safeguarding_referred", "Safeguarding concern referred"),
]


class LinkVoiceReport(models.Model):
    """How much the LINk heard and did for people, as counts only: feedback
    received (by channel), signposting given (by channel), safeguarding
    concerns raised and referred on. One row per record and what it counts,
    dated on the day it happened; no words, no person, no ward, so the
    council monitor reads it as totals."""

    _name = "link.voice.report"
    _description = "Feedback, signposting and safeguarding"
    _auto = False
    _order = "date desc"
    _rec_name = "kind"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.feedback": ["date", "channel", "company_id", "active"],
        "link.signpost": ["date", "channel", "company_id"],
        "link.safeguarding.concern": [
            "date_raised",
            "referral_date",
            "state",
            "company_id",
        ],
    }

    kind = fields.Selection(KINDS, string="Counted", readonly=True)
    date = fields.Date(readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the day, e.g. 2026/27 Q1.",
    )
    channel = fields.Selection(
        CHANNELS,
        readonly=True,
        help="How the feedback or enquiry reached the LINk (none for "
        "safeguarding concerns).",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    record_count = fields.Integer(string="Count", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT v.id, v.kind, v.date, v.channel, v.company_id,
                           %(contract_quarter)s AS contract_quarter,
                           1 AS record_count
                      FROM (
                        SELECT f.id * 4 AS id, 'feedback'::varchar AS kind,
                               f.date, f.channel::varchar AS channel, f.company_id
                          FROM link_feedback f
                         WHERE f.active
                        UNION ALL
                        SELECT s.id * 4 + 1, 'signpost', s.date, s.channel,
                               s.company_id
                          FROM link_signpost s
                        UNION ALL
                        SELECT c.id * 4 + 2, 'safeguarding_raised',
                               (c.date_raised AT TIME ZONE 'UTC'
                                AT TIME ZONE 'Europe/London')::date,
                               NULL, c.company_id
                          FROM link_safeguarding_concern c
                        UNION ALL
                        SELECT c.id * 4 + 3, 'safeguarding_referred',
                               c.referral_date, NULL, c.company_id
                          FROM link_safeguarding_concern c
                         WHERE c.referral_date IS NOT NULL
                           AND c.state IN ('referred', 'closed')
                      ) v
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(
                    SQL("v.date"), SQL("v.company_id")
                ),
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        """The pack's section: the monitor's pivot by what is counted and
        channel over the dates, from one grouped read."""
        counts = {}
        for kind, channel, count in self._read_group(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            ["kind", "channel"],
            ["record_count:sum"],
        ):
            counts[kind] = counts.get(kind, 0) + count
            counts[kind, channel] = count
        feedback = self.env._("Feedback received")
        return [
            ("feedback_received", feedback, counts.get("feedback", 0)),
            *(
                (
                    f"feedback_{channel}",
                    self.env._(
                        "%(figure)s: %(channel)s", figure=feedback, channel=label
                    ),
                    counts.get(("feedback", channel), 0),
                )
                for channel, label in self._fields["channel"]._description_selection(
                    self.env
                )
            ),
            (
                "signposting_given",
                self.env._("Signposting given"),
                counts.get("signpost", 0),
            ),
            (
                "safeguarding_raised",
                self.env._("Safeguarding concerns raised"),
                counts.get("safeguarding_raised", 0),
            ),
            (
                "safeguarding_referred",
                self.env._("Safeguarding concerns referred on"),
                counts.get("safeguarding_referred", 0),
            ),
        ]
