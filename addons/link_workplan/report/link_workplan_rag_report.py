# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.link_membership.report.contract_period import contract_period_sql

from ..models.link_workplan_action import RAG


class LinkWorkplanRagReport(models.Model):
    """Work-plan actions by reviewed RAG status, stream and deadline quarter,
    without the action's lead or supporters."""

    _name = "link.workplan.rag.report"
    _description = "Work plan actions by RAG report"
    _auto = False
    _order = "deadline_date desc"
    _depends = {
        "res.company": ["link_contract_start_month"],
        "link.workplan.action": [
            "workstream_id",
            "workplan_id",
            "state",
            "deadline_date",
            "rag_reviewed",
        ],
    }

    workplan_id = fields.Many2one("link.workplan", readonly=True)
    workstream_id = fields.Many2one(
        "link.workstream", string="Work stream", readonly=True
    )
    deadline_date = fields.Date(string="Deadline", readonly=True)
    contract_quarter = fields.Char(
        string="Contract quarter",
        readonly=True,
        help="The contract quarter of the deadline, e.g. 2026/27 Q1.",
    )
    rag = fields.Selection(
        [*RAG, ("none", "Not reviewed")], string="RAG status", readonly=True
    )
    state = fields.Selection(
        [
            ("todo", "Not started"),
            ("progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Action status",
        readonly=True,
    )
    action_count = fields.Integer(string="Actions", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT a.id AS id,
                           a.workplan_id,
                           a.workstream_id,
                           a.deadline_date,
                           %(contract_quarter)s AS contract_quarter,
                           COALESCE(a.rag_reviewed, 'none') AS rag,
                           a.state,
                           1 AS action_count
                      FROM link_workplan_action a
                )
                """,
                view=SQL.identifier(self._table),
                contract_quarter=contract_period_sql(SQL("a.deadline_date")),
            )
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        domain = [
            ("deadline_date", ">=", date_from),
            ("deadline_date", "<=", date_to),
            ("state", "!=", "cancelled"),
        ]
        by_rag = dict(self._read_group(domain, ["rag"], ["action_count:sum"]))
        [[done]] = self._read_group(
            domain + [("state", "=", "done")], [], ["action_count:sum"]
        )
        labels = dict(self._fields["rag"].selection)
        return [
            (
                "actions_due",
                self.env._("Actions due in the period"),
                sum(by_rag.values()),
            ),
            ("actions_done", self.env._("Of which done"), done or 0),
        ] + [
            (
                f"actions_{rag}",
                self.env._("Actions rated %(rag)s", rag=labels[rag]),
                by_rag.get(rag, 0),
            )
            for rag in ("red", "amber", "green", "none")
        ]
