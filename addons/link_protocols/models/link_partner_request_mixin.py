# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkPartnerRequestMixin(models.AbstractModel):
    """What the LINk sends a partner, who must answer on a statutory clock
    (an information request, a referral): a reference from its sequence;
    overdue while open past its due date; a reminder to whoever sent it
    before that date and an escalation once it has passed, exactly once
    each; kept once sent. The models say which of their fields and states
    these rules read (the ``_link_*`` attributes)."""

    _name = "link.partner.request.mixin"
    _description = "Sent to a partner, answered on a clock"

    # The sequence code of the reference.
    _link_sequence_code = None
    # The states in which the partner's answer is awaited.
    _link_open_states = ()
    # The date the answer is due (a stored date field).
    _link_due_field = None
    # Who sent it (res.users): reminded before the date.
    _link_sender_field = None
    # Activity types (xmlids) of the reminder and of the escalation.
    _link_reminder_type = None
    _link_escalation_type = None

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    reminder_date = fields.Date(compute="_compute_reminder_date", store=True)
    reminder_done = fields.Boolean(copy=False)
    escalated = fields.Boolean(copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends(
        lambda self: (self._link_due_field, "company_id.link_reminder_working_days")
    )
    def _compute_reminder_date(self):
        self.env["link.sla.clock"]._set_reminder_dates(
            self, self._link_due_field, "reminder_date"
        )

    @api.depends_context("date")
    @api.depends(lambda self: ("state", self._link_due_field))
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for record in self:
            due = record[self._link_due_field]
            record.is_overdue = bool(
                record.state in self._link_open_states and due and due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue records."))
        domain = [
            ("state", "in", self._link_open_states),
            (self._link_due_field, "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    self._link_sequence_code
                )
        return super().create(vals_list)

    def _check_state(self, states, message):
        if any(record.state not in states for record in self):
            raise UserError(message)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        sent = self.filtered(lambda record: record.state != "draft")
        if sent:
            raise UserError(
                self.env._(
                    "%(ref)s was sent and keeps its history: withdraw it instead "
                    "of deleting it.",
                    ref=sent[0].name,
                )
            )

    def _link_deadline_summaries(self):
        """The summaries of the reminder and of the escalation."""
        return (
            self.env._("The partner's answer is due soon"),
            self.env._("The partner missed the deadline"),
        )

    @api.model
    def _cron_link_deadlines(self):
        """A reminder to the sender before each deadline and an escalation
        (to the company's escalation user, else the sender) once it has
        passed: exactly once each, a batch at a time."""
        today = fields.Date.context_today(self)
        still_open = [("state", "in", self._link_open_states)]
        due = self._link_due_field
        reminder, missed = self._link_deadline_summaries()
        self._schedule_once_matching(
            # Not once the deadline has passed: the escalation is the one.
            [*still_open, ("reminder_date", "<=", today), (due, ">=", today)],
            self._link_reminder_type,
            "reminder_done",
            lambda record: record[self._link_sender_field],
            lambda record: record[due],
            reminder,
        )
        self._schedule_once_matching(
            [*still_open, (due, "<", today)],
            self._link_escalation_type,
            "escalated",
            lambda record: (
                record.company_id.link_escalation_user_id
                | record[self._link_sender_field]
            ),
            lambda record: record[due],
            missed,
            replaces=self._link_reminder_type,
        )
