# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .deadline import PRECISIONS, parse_deadline

RAG = [("red", "Red"), ("amber", "Amber"), ("green", "Green")]
DUE_SOON_DAYS = 30
ONGOING_QUIET_DAYS = 90


def worst_rag(statuses):
    """The worst of several RAG statuses (red before amber before green)."""
    for status in ("red", "amber", "green"):
        if status in statuses:
            return status
    return False


class LinkWorkplanAction(models.Model):
    """An action of the plan: what, who leads, who supports, by when (in the
    plan's own words), progress as a dated log, outcome and review."""

    _name = "link.workplan.action"
    _description = "Work plan action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.review.mixin",
    ]
    _order = "workstream_id, sequence, id"
    _review_field = "action_id"
    _review_activity = "link_workplan.mail_activity_type_link_review_overdue"

    name = fields.Text(string="Action", required=True)
    sequence = fields.Integer(default=10)
    workstream_id = fields.Many2one(
        "link.workstream",
        string="Work stream",
        required=True,
        index=True,
        ondelete="cascade",
    )
    workplan_id = fields.Many2one(
        related="workstream_id.workplan_id", store=True, index=True
    )
    target_id = fields.Many2one(
        "link.workplan.target",
        index=True,
        domain="[('workstream_id', '=', workstream_id)]",
    )
    lead_id = fields.Many2one("res.partner", index=True, tracking=True)
    support_ids = fields.Many2many("res.partner")
    support_all_volunteers = fields.Boolean(string="All volunteers")
    deadline_text = fields.Char(
        string="Deadline",
        tracking=True,
        help="As the plan words it: 9 July 2010, March 2011, End of August, "
        "December school holiday, Ongoing...",
    )
    deadline_date = fields.Date(
        string="Due by",
        compute="_compute_deadline",
        store=True,
        readonly=False,
        index=True,
        help="The last day of the period the deadline names.",
    )
    deadline_precision = fields.Selection(
        PRECISIONS, compute="_compute_deadline", store=True, readonly=False
    )
    state = fields.Selection(
        [
            ("todo", "Not started"),
            ("progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
        tracking=True,
        index=True,
    )
    progress_ids = fields.One2many("link.workplan.progress", "action_id")
    last_progress_date = fields.Date(compute="_compute_last_progress_date", store=True)
    outcome = fields.Text()
    rag_review_ids = fields.One2many("link.rag.review", "action_id", string="Reviews")
    rag_suggested = fields.Selection(
        RAG, string="Suggested RAG", compute="_compute_rag_suggested"
    )
    rag_reviewed = fields.Selection(
        RAG,
        string="Reviewed RAG",
        compute="_compute_rag_reviewed",
        store=True,
        index=True,
    )
    date_done = fields.Date(
        string="Done on",
        readonly=True,
        copy=False,
        index=True,
        help="The day the action was marked done.",
    )
    reminder_done = fields.Boolean(copy=False)
    overdue_done = fields.Boolean(copy=False)
    community_issue_ids = fields.One2many(
        "link.community.issue", "action_id", string="Community issues"
    )
    community_issue_count = fields.Integer(compute="_compute_community_issue_count")

    @api.depends("community_issue_ids")
    def _compute_community_issue_count(self):
        counts = dict(
            self.env["link.community.issue"]._read_group(
                [("action_id", "in", self.ids)], ["action_id"], ["__count"]
            )
        )
        for action in self:
            action.community_issue_count = counts.get(action, 0)

    def write(self, vals):
        """Done: the day is recorded and the people who raised the issues
        behind the action, and asked to hear, are told."""
        done = self.browse()
        undone = self.browse()
        if "state" in vals:
            done = self.filtered(lambda a: a.state != "done")
            undone = self.filtered(lambda a: a.state == "done")
        res = super().write(vals)
        if "state" not in vals:
            return res
        if vals["state"] == "done":
            if done and "date_done" not in vals:
                done.write({"date_done": fields.Date.context_today(self)})
            done.community_issue_ids._link_tell_back("done")
        elif undone and "date_done" not in vals:
            undone.write({"date_done": False})
        return res

    def _deadline_reference(self):
        return self.workstream_id.workplan_id.date_start or fields.Date.today()

    @api.depends("deadline_text", "workstream_id.workplan_id.date_start")
    def _compute_deadline(self):
        for action in self:
            try:
                action.deadline_date, action.deadline_precision = parse_deadline(
                    action.deadline_text, action._deadline_reference()
                )
            except ValueError:  # refused by _check_deadline_text
                action.deadline_date, action.deadline_precision = False, False

    @api.constrains("deadline_text")
    def _check_deadline_text(self):
        for action in self:
            try:
                parse_deadline(action.deadline_text, action._deadline_reference())
            except ValueError:
                raise ValidationError(
                    self.env._(
                        "Cannot read the deadline “%(text)s”: write a date (9 July "
                        "2010), a month (March 2011), a school holiday or term "
                        "(December school holiday), a season, or “Ongoing”.",
                        text=action.deadline_text,
                    )
                ) from None

    @api.depends("progress_ids.date")
    def _compute_last_progress_date(self):
        for action in self:
            action.last_progress_date = max(
                action.progress_ids.mapped("date"), default=False
            )

    @api.depends_context("date")
    @api.depends("state", "deadline_date", "deadline_precision", "last_progress_date")
    def _compute_rag_suggested(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.rag_suggested = action._suggest_rag(today)

    def _suggest_rag(self, today):
        """Green when done or on track, amber when due soon (or ongoing with
        no progress for three months), red when past its deadline."""
        if self.state == "cancelled":
            return False
        if self.state == "done":
            return "green"
        if self.deadline_precision == "ongoing" or not self.deadline_date:
            quiet_since = today - timedelta(days=ONGOING_QUIET_DAYS)
            recent = self.last_progress_date and self.last_progress_date >= quiet_since
            return "green" if recent else "amber"
        if self.deadline_date < today:
            return "red"
        if self.deadline_date - today <= timedelta(days=DUE_SOON_DAYS):
            return "amber"
        return "green"

    @api.depends("rag_review_ids.status", "rag_review_ids.date")
    def _compute_rag_reviewed(self):
        for action in self:
            latest = action.rag_review_ids.sorted(lambda r: (r.date, r.id))[-1:]
            action.rag_reviewed = latest.status

    @api.constrains("target_id", "workstream_id")
    def _check_target_stream(self):
        for action in self:
            if (
                action.target_id
                and action.target_id.workstream_id != action.workstream_id
            ):
                raise ValidationError(
                    self.env._(
                        "The target of an action must belong to its work stream."
                    )
                )

    def _deadline_user(self):
        """Who is reminded: the lead when they have a login, else the stream's
        host team support."""
        return self.lead_id.user_ids[:1] or self.workstream_id.responsible_user_id

    @api.model
    def _cron_link_deadlines(self):
        """A reminder before each deadline and a notice to the stream once it has
        passed: once each, a batch at a time."""
        today = fields.Date.context_today(self)
        notice = self.env.company.link_workplan_notice_days
        # Closed, archived or ended plans raise nothing: their actions are
        # history, not work to chase.
        open_actions = [
            ("state", "in", ("todo", "progress")),
            ("deadline_date", "!=", False),
            ("workplan_id.state", "!=", "closed"),
            ("workplan_id.active", "=", True),
            ("workplan_id.date_end", ">=", today),
        ]
        self._schedule_once_matching(
            # Not once the deadline has passed: the overdue notice is the one.
            [
                *open_actions,
                ("deadline_date", "<=", today + timedelta(days=notice)),
                ("deadline_date", ">=", today),
            ],
            "link_workplan.mail_activity_type_link_action_deadline",
            "reminder_done",
            lambda action: action._deadline_user(),
            lambda action: action.deadline_date,
            self.env._("Action due"),
        )
        self._schedule_once_matching(
            [*open_actions, ("deadline_date", "<", today)],
            "link_workplan.mail_activity_type_link_action_overdue",
            "overdue_done",
            lambda action: (
                action.workstream_id.responsible_user_id | action.lead_id.user_ids
            ),
            lambda action: action.deadline_date,
            self.env._("Action overdue"),
            replaces="link_workplan.mail_activity_type_link_action_deadline",
        )

    def _review_open_domain(self):
        return [
            *super()._review_open_domain(),
            ("state", "in", ("todo", "progress")),
        ]

    # --- history ----------------------------------------------------------------

    def _with_history(self):
        """The actions deleting would lose history of: part of a plan that was
        approved, started, done or cancelled, with progress notes or RAG
        reviews, or taken into the plan from a community issue."""
        actions = self.sudo()
        return actions.filtered(
            lambda a: (
                a.workplan_id.state != "draft"
                or a.state != "todo"
                or a.progress_ids
                or a.rag_review_ids
                or a.community_issue_ids
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        kept = self._with_history()
        if kept:
            raise UserError(
                self.env._(
                    "The action “%(name)s” is part of an approved plan, or has "
                    "progress, reviews or a community issue behind it: cancel it "
                    "instead of deleting it.",
                    name=(kept[0].name or "").splitlines()[0][:80],
                )
            )
