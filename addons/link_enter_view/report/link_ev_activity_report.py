# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

from ..models.link_ev_recommendation import FOLLOWED_UP
from ..models.link_ev_visit import NOT_COUNTED, TOOK_PLACE


class LinkEvActivityReport(models.Model):
    """Enter and view activity and timeliness by provider and quarter: visits
    done and refused entry, reports sent (on time), responses requested and
    received on time, recommendations accepted and followed up. No
    representative, note or provider contact."""

    _name = "link.ev.activity.report"
    _description = "Enter and view activity report"
    _auto = False
    _order = "visit_day desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.ev.visit": [
            "visit_day",
            "provider_id",
            "premises_kind",
            "company_id",
            "state",
            "date_report_sent",
            "report_late",
            "date_response",
            "response_late",
            "response_requested",
        ],
        "link.ev.recommendation": ["visit_id", "status", "follow_up_status"],
    }

    visit_day = fields.Date(string="Day of the visit", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the day of the visit, e.g. 2026/27 Q1.",
    )
    provider_id = fields.Many2one("res.partner", readonly=True)
    premises_kind = fields.Selection(
        lambda self: self.env["link.ev.visit"]._fields["premises_kind"].selection,
        readonly=True,
    )
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        lambda self: self.env["link.ev.visit"]._fields["state"].selection,
        string="Visit status",
        readonly=True,
    )
    visit_done_count = fields.Integer(
        string="Visits done", readonly=True, aggregator="sum"
    )
    refused_count = fields.Integer(
        string="Entry refused",
        readonly=True,
        aggregator="sum",
        help="Visits refused entry: each was taken up with the provider.",
    )
    report_sent_count = fields.Integer(
        string="Reports sent to providers", readonly=True, aggregator="sum"
    )
    response_requested_count = fields.Integer(
        string="Responses requested", readonly=True, aggregator="sum"
    )
    report_on_time_count = fields.Integer(
        string="Reports sent on time", readonly=True, aggregator="sum"
    )
    report_late_count = fields.Integer(
        string="Reports late", readonly=True, aggregator="sum"
    )
    response_on_time_count = fields.Integer(
        string="Responses on time", readonly=True, aggregator="sum"
    )
    response_late_count = fields.Integer(
        string="Responses late", readonly=True, aggregator="sum"
    )
    recommendation_count = fields.Integer(
        string="Recommendations", readonly=True, aggregator="sum"
    )
    accepted_count = fields.Integer(
        string="Recommendations accepted",
        readonly=True,
        aggregator="sum",
        help="Accepted in full or in part.",
    )
    followed_up_count = fields.Integer(
        string="Recommendations followed up",
        readonly=True,
        aggregator="sum",
        help="Marked implemented or closed after their follow-up.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT v.id AS id,
                           v.visit_day,
                           %(contract_quarter)s AS contract_quarter,
                           v.provider_id,
                           v.premises_kind,
                           v.company_id,
                           v.state,
                           CASE WHEN v.state IN %(done)s THEN 1 ELSE 0 END
                               AS visit_done_count,
                           CASE WHEN v.state = 'refused' THEN 1 ELSE 0 END
                               AS refused_count,
                           CASE WHEN v.date_report_sent IS NOT NULL
                                THEN 1 ELSE 0 END AS report_sent_count,
                           CASE WHEN v.date_report_sent IS NOT NULL
                                     AND COALESCE(v.response_requested, FALSE)
                                THEN 1 ELSE 0 END AS response_requested_count,
                           CASE WHEN v.date_report_sent IS NOT NULL
                                     AND NOT COALESCE(v.report_late, FALSE)
                                THEN 1 ELSE 0 END AS report_on_time_count,
                           CASE WHEN COALESCE(v.report_late, FALSE)
                                THEN 1 ELSE 0 END AS report_late_count,
                           CASE WHEN v.date_response IS NOT NULL
                                     AND NOT COALESCE(v.response_late, FALSE)
                                THEN 1 ELSE 0 END AS response_on_time_count,
                           CASE WHEN COALESCE(v.response_late, FALSE)
                                THEN 1 ELSE 0 END AS response_late_count,
                           COALESCE(r.total, 0) AS recommendation_count,
                           COALESCE(r.accepted, 0) AS accepted_count,
                           COALESCE(r.followed_up, 0) AS followed_up_count
                      FROM link_ev_visit v
                 LEFT JOIN (
                           SELECT visit_id,
                                  COUNT(*) AS total,
                                  COUNT(*) FILTER (
                                      WHERE status IN ('accepted', 'partly')
                                  ) AS accepted,
                                  COUNT(*) FILTER (
                                      WHERE follow_up_status IN %(followed_up)s
                                  ) AS followed_up
                             FROM link_ev_recommendation
                         GROUP BY visit_id
                           ) r ON r.visit_id = v.id
                     WHERE v.state NOT IN %(not_counted)s
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(
                    SQL("v.visit_day"), SQL("v.company_id")
                ),
                done=TOOK_PLACE,
                followed_up=FOLLOWED_UP,
                not_counted=NOT_COUNTED,
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        measures = [
            "visit_done_count",
            "refused_count",
            "report_sent_count",
            "report_on_time_count",
            "report_late_count",
            "response_requested_count",
            "response_on_time_count",
            "response_late_count",
            "recommendation_count",
            "accepted_count",
            "followed_up_count",
        ]
        [values] = self._read_group(
            [("visit_day", ">=", date_from), ("visit_day", "<=", date_to)],
            [],
            [f"{measure}:sum" for measure in measures],
        )
        return [
            (measure, self._fields[measure].string, value or 0)
            for measure, value in zip(measures, values, strict=True)
        ]
