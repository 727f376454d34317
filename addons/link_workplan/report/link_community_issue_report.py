# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

from ..models.link_community_issue import DECISIONS


class LinkCommunityIssueReport(models.Model):
    """Community issues by level and decision, with the number of people
    who raised them but never who they are."""

    _name = "link.community.issue.report"
    _description = "Community issues report"
    _auto = False
    _order = "decision_date desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.community.issue": [
            "level",
            "decision",
            "decision_date",
            "state",
            "ward_id",
            "service_area",
            "people_count",
        ],
    }

    level = fields.Selection(
        lambda self: self.env["link.community.issue"]._fields["level"].selection,
        readonly=True,
    )
    service_area = fields.Selection(
        lambda self: self.env["link.community.issue"]._fields["service_area"].selection,
        readonly=True,
    )
    decision = fields.Selection(DECISIONS, readonly=True)
    decision_date = fields.Date(string="Decided on", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the decision, e.g. 2026/27 Q1.",
    )
    state = fields.Selection(
        [("new", "New"), ("assessed", "Assessed"), ("decided", "Decided")],
        string="Issue status",
        readonly=True,
    )
    ward_id = fields.Many2one("link.ward", readonly=True)
    issue_count = fields.Integer(string="Issues", readonly=True, aggregator="sum")
    people_count = fields.Integer(string="People", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT i.id AS id,
                           i.level,
                           i.service_area,
                           i.decision,
                           i.decision_date,
                           %(contract_quarter)s AS contract_quarter,
                           i.state,
                           i.ward_id,
                           1 AS issue_count,
                           COALESCE(i.people_count, 0) AS people_count
                      FROM link_community_issue i
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(SQL("i.decision_date")),
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        """Issues decided in the period by what came of them, those published
        on “You said, we did”, and the people told what happened."""
        domain = [("decision_date", ">=", date_from), ("decision_date", "<=", date_to)]
        by_decision = dict(self._read_group(domain, ["decision"], ["issue_count:sum"]))
        referred = sum(
            count
            for key, count in by_decision.items()
            if key and key.startswith("refer")
        )
        Issue = self.env["link.community.issue"]
        [[published]] = Issue._read_group(
            [
                ("public_published", "=", True),
                ("public_published_on", ">=", date_from),
                ("public_published_on", "<=", date_to),
            ],
            [],
            ["__count"],
        )
        told = 0
        for event in ("decided", "done"):
            [[count]] = Issue._read_group(
                [
                    (f"told_back_{event}_on", ">=", date_from),
                    (f"told_back_{event}_on", "<=", date_to),
                ],
                [],
                [f"told_back_{event}_count:sum"],
            )
            told += count or 0
        return [
            (
                "issues_decided",
                self.env._("Community issues decided"),
                sum(by_decision.values()),
            ),
            (
                "issues_work_plan",
                self.env._("Issues taken into the work plan"),
                by_decision.get("work_plan", 0),
            ),
            ("issues_referred", self.env._("Issues referred on"), referred),
            (
                "issues_task_group",
                self.env._("Issues given a task group"),
                by_decision.get("task_group", 0),
            ),
            (
                "issues_no_action",
                self.env._("Issues decided: no action"),
                by_decision.get("no_action", 0),
            ),
            (
                "issues_published",
                self.env._("Issues published (“You said, we did”)"),
                published,
            ),
            (
                "issues_people_told",
                self.env._("People told what happened to the issue they raised"),
                told,
            ),
        ]
