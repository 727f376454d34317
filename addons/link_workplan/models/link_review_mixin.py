# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

REVIEW_FREQUENCIES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("six_monthly", "Six-monthly"),
    ("annual", "Annual"),
]
REVIEW_MONTHS = {"monthly": 1, "quarterly": 3, "six_monthly": 6, "annual": 12}
REVIEWER_GROUPS = (
    "link_membership.group_link_steering",
    "link_membership.group_link_staff",
)


def _reviews_field(model):
    """The review history of the concrete model (none on the mixin itself)."""
    return ("rag_review_ids.date",) if "rag_review_ids" in model._fields else ()


class LinkReviewMixin(models.AbstractModel):
    """What the steering group reviews (actions and work streams): how often,
    when it was last reviewed and when it is next due, the one way a review is
    recorded, and the reminder when a review is overdue.

    A concrete model also inherits ``link.activity.once.mixin`` (the
    reminder) and has ``rag_review_ids`` (its ``link.rag.review`` rows),
    ``lead_id`` and ``workplan_id``; ``_review_field`` names the field of
    ``link.rag.review`` that points at it, ``_review_activity`` the
    activity type of its overdue reminder."""

    _name = "link.review.mixin"
    _description = "Reviewed by the steering group"

    _review_field = None
    _review_activity = None

    review_frequency = fields.Selection(
        REVIEW_FREQUENCIES,
        default="quarterly",
        help="How often the steering group reviews it: each review sets the "
        "next review date this far after the review.",
    )
    review_date = fields.Date(
        string="Last reviewed",
        compute="_compute_review_date",
        store=True,
        help="Date of the latest RAG review.",
    )
    next_review_date = fields.Date(
        string="Next review",
        compute="_compute_next_review_date",
        store=True,
        readonly=False,
        index=True,
        help="Moved on by each RAG review, by the review frequency. Set it by "
        "hand for the first review.",
    )
    # Set once the overdue reminder for the current next review date has
    # gone; a new next review date clears it, so its own reminder goes too.
    review_reminder_done = fields.Boolean(
        compute="_compute_review_reminder_done",
        store=True,
        readonly=False,
        copy=False,
    )

    @api.depends(_reviews_field)
    def _compute_review_date(self):
        for record in self:
            record.review_date = max(
                record.rag_review_ids.mapped("date"), default=False
            )

    @api.depends("review_date", "review_frequency")
    def _compute_next_review_date(self):
        for record in self:
            if record.review_date:
                record.next_review_date = record._next_review_date(record.review_date)
            else:  # never reviewed: the date set by hand stays
                record.next_review_date = record.next_review_date

    @api.depends("next_review_date")
    def _compute_review_reminder_done(self):
        self.review_reminder_done = False

    def _next_review_date(self, day):
        """The review after one held on ``day``."""
        self.ensure_one()
        months = REVIEW_MONTHS.get(self.review_frequency or "quarterly")
        return day + relativedelta(months=months)

    def _review_open_domain(self):
        """Records still reviewed: not those of a closed (or archived) plan."""
        return [("workplan_id.state", "!=", "closed")]

    def _review_user(self):
        """Who is reminded: the lead, when they have an active internal login.
        Nobody otherwise: the activity mixin then finds the person who is."""
        self.ensure_one()
        return self.lead_id.user_ids.filtered(lambda u: u.active and not u.share)[:1]

    # --- recording a review ----------------------------------------------------

    def action_link_review(self):
        """The Review button: the wizard that records a RAG review."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("RAG review"),
            "res_model": "link.rag.review.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {f"default_{self._review_field}": self.id},
        }

    def _check_reviewer(self):
        if self.env.su:
            return
        user = self.env.user
        if not any(user.has_group(group) for group in REVIEWER_GROUPS):
            raise AccessError(
                self.env._(
                    "Only the steering group and host staff record RAG reviews; "
                    "ask one of them to review it."
                )
            )

    def _record_review(self, status, comment=False, date=None):
        """Record one RAG review of each record, as the current user: the
        steering group reviews what it may not edit, so the review is written
        on its behalf once the user is known to be a reviewer. The review
        moves the last and next review dates on (computed from the history)."""
        self._check_reviewer()
        self.check_access("read")
        today = fields.Date.context_today(self)
        date = fields.Date.to_date(date) or today
        if date > today:
            raise ValidationError(
                self.env._(
                    "A review cannot be dated in the future: record it on the "
                    "day the steering group held it."
                )
            )
        closed = self.filtered(lambda r: r.workplan_id.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The work plan “%(plan)s” is closed: its reviews are part of "
                    "its record. Review the current plan instead.",
                    plan=closed[0].workplan_id.name,
                )
            )
        reviews = (
            self.env["link.rag.review"]
            .sudo()
            .create(
                [
                    {
                        self._review_field: record.id,
                        "status": status,
                        "comment": comment,
                        "date": date,
                        "reviewer_id": self.env.uid,
                    }
                    for record in self
                ]
            )
        )
        return reviews.sudo(False)

    def _review_recorded(self):
        """A review was recorded: its overdue reminder is done."""
        if not self:
            return
        reminders = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref(self._review_activity).id,
                    ),
                ]
            )
        )
        reminders.action_feedback(feedback=self.env._("Review recorded."))

    # --- overdue reminder -------------------------------------------------------

    @api.model
    def _cron_link_review_reminders(self):
        """One activity per record whose review is overdue, once per next
        review date, a batch at a time."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(self._review_activity)
        self._schedule_once_matching(
            [
                *self._review_open_domain(),
                ("next_review_date", "<", today),
                # Never a second one beside a reminder still open.
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ],
            self._review_activity,
            "review_reminder_done",
            lambda record: record._review_user(),
            lambda record: record.next_review_date,
            self.env._("RAG review overdue"),
        )
