# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .link_workplan_action import RAG, worst_rag


class LinkWorkstream(models.Model):
    """A work stream of the plan: a task group, a sub group, a representation
    or a monitoring line (the Southwark categories)."""

    _name = "link.workstream"
    _description = "Work stream"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.review.mixin",
    ]
    _order = "workplan_id, sequence, id"
    _review_field = "workstream_id"
    _review_activity = "link_workplan.mail_activity_type_link_stream_review_overdue"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    workplan_id = fields.Many2one(
        "link.workplan",
        string="Work plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    category = fields.Selection(
        [
            ("task_group", "Task group"),
            ("sub_group", "Sub group"),
            ("representation", "Representation"),
            ("monitoring", "Monitoring"),
        ],
        required=True,
        default="task_group",
        tracking=True,
    )
    aim = fields.Html(string="Aim / terms of reference")
    lead_id = fields.Many2one("res.partner", tracking=True)
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Host team support",
        default=lambda self: self.env.user,
        tracking=True,
        help="Gets the deadline reminders of actions whose lead has no login.",
    )
    member_ids = fields.Many2many("res.partner", string="Members")
    target_ids = fields.One2many(
        "link.workplan.target", "workstream_id", string="Targets"
    )
    action_ids = fields.One2many(
        "link.workplan.action", "workstream_id", string="Actions"
    )
    rag_review_ids = fields.One2many(
        "link.rag.review", "workstream_id", string="Reviews"
    )
    event_ids = fields.One2many(
        "calendar.event", "link_workstream_id", string="Programme"
    )
    rag_suggested = fields.Selection(
        RAG, string="Suggested RAG", compute="_compute_rag_suggested"
    )
    rag_reviewed = fields.Selection(
        RAG, string="Reviewed RAG", compute="_compute_rag_reviewed", store=True
    )
    active = fields.Boolean(default=True)
    community_issue_ids = fields.One2many(
        "link.community.issue",
        "workstream_id",
        string="Community issues",
        help="The community issues the steering group set this task group up for.",
    )
    community_issue_count = fields.Integer(compute="_compute_community_issue_count")

    @api.depends("community_issue_ids")
    def _compute_community_issue_count(self):
        counts = dict(
            self.env["link.community.issue"]._read_group(
                [("workstream_id", "in", self.ids)], ["workstream_id"], ["__count"]
            )
        )
        for stream in self:
            stream.community_issue_count = counts.get(stream, 0)

    @api.depends_context("date")
    @api.depends("action_ids.rag_suggested")
    def _compute_rag_suggested(self):
        for stream in self:
            stream.rag_suggested = worst_rag(stream.action_ids.mapped("rag_suggested"))

    @api.depends("rag_review_ids.status", "rag_review_ids.date")
    def _compute_rag_reviewed(self):
        for stream in self:
            latest = stream.rag_review_ids.sorted(lambda r: (r.date, r.id))[-1:]
            stream.rag_reviewed = latest.status

    def _with_history(self):
        """Streams of a plan that was approved, reviewed by the steering group,
        with actions or outputs that have history, with issues decided into
        them or with meetings in their programme."""
        streams = self.sudo().with_context(active_test=False)
        outputs = (
            self.env["link.workplan.output"]
            .sudo()
            .search([("workstream_id", "in", self.ids)])
        )
        with_outputs = outputs._with_history().workstream_id
        # Issues decided into the stream or set it up, and its programme of
        # meetings.
        issues = (
            self.env["link.community.issue"]
            .sudo()
            .search(
                [
                    "|",
                    ("plan_workstream_id", "in", self.ids),
                    ("workstream_id", "in", self.ids),
                ]
            )
        )
        chosen = issues.plan_workstream_id | issues.workstream_id
        with_events = (
            self.env["calendar.event"]
            .sudo()
            .with_context(active_test=False)
            .search([("link_workstream_id", "in", self.ids)])
            .link_workstream_id
        )
        return streams.filtered(
            lambda s: (
                s.workplan_id.state != "draft"
                or s.rag_review_ids
                or s.action_ids._with_history()
                or s in with_outputs | chosen | with_events
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        kept = self._with_history()
        if kept:
            raise UserError(
                self.env._(
                    "The work stream “%(name)s” is part of an approved plan or "
                    "has progress or reviews recorded: archive it instead of "
                    "deleting it.",
                    name=kept[0].name,
                )
            )
