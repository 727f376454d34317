# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

SLA_TYPE_XMLID = "link_protocols.link_sla_type_referral_response"


class LinkReferral(models.Model):
    """A matter the LINk refers to a named body: the overview and scrutiny
    committee, the regulator, another LINk or Healthwatch, any partner. The
    body's response is due on the clock of the protocol that covers it, else
    on the referral response default (the 20 working days a scrutiny
    committee has to acknowledge a LINk referral)."""

    _name = "link.referral"
    _description = "Referral to a body"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.partner.request.mixin",
    ]
    _order = "date_sent desc, id desc"
    _link_sequence_code = "link.referral"
    _link_open_states = ("sent",)
    _link_due_field = "response_due_date"
    _link_sender_field = "user_id"
    _link_reminder_type = "link_protocols.mail_activity_type_link_referral_reminder"
    _link_escalation_type = "link_protocols.mail_activity_type_link_referral_escalation"

    subject = fields.Char(required=True, tracking=True)
    body = fields.Html(string="What is referred and why")
    recipient_id = fields.Many2one(
        "res.partner",
        string="Referred to",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    recipient_kind = fields.Selection(
        string="Kind of body",
        related="recipient_id.link_partner_kind",
        store=True,
        index=True,
    )
    recipient_lead_id = fields.Many2one(
        "res.partner",
        string="Their lead",
        compute="_compute_recipient_defaults",
        store=True,
        readonly=False,
        domain="[('parent_id', '=', recipient_id)]",
        help="Who the referral is sent to; without a lead, the body's own email "
        "address.",
    )
    protocol_id = fields.Many2one(
        "link.protocol",
        compute="_compute_recipient_defaults",
        store=True,
        readonly=False,
        index=True,
        help="The agreed protocol with the body, whose response time wins over "
        "the default.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Referred by",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("answered", "Answered"),
            ("closed", "Closed"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    date_sent = fields.Date(string="Sent on", tracking=True, index=True, copy=False)
    response_due_date = fields.Date(
        string="Response due",
        compute="_compute_response_due_date",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        copy=False,
    )
    date_response = fields.Date(string="Answered on", tracking=True, copy=False)
    response = fields.Html(string="Their response", copy=False)
    outcome = fields.Text(
        copy=False,
        tracking=True,
        help="What came of the referral, e.g. a scrutiny review held.",
    )
    date_closed = fields.Date(string="Closed on", copy=False)
    on_time = fields.Boolean(
        string="Answered on time",
        compute="_compute_outcome",
        store=True,
        help="Answered by the response due date.",
    )
    late = fields.Boolean(
        string="Answered late",
        compute="_compute_outcome",
        store=True,
        help="Answered after the response due date.",
    )
    days_taken = fields.Integer(
        string="Working days to respond",
        compute="_compute_outcome",
        store=True,
        aggregator="avg",
    )
    # --- defaults from the recipient ------------------------------------------

    @api.depends("recipient_id")
    def _compute_recipient_defaults(self):
        protocols = self.env["link.protocol"]._agreed_for_partners(self.recipient_id)
        for referral in self:
            referral.recipient_lead_id = referral.recipient_id.link_partner_lead_id
            referral.protocol_id = protocols.get(
                referral.recipient_id._origin.id, self.env["link.protocol"]
            )

    # --- clocks ------------------------------------------------------------------

    @api.depends(
        "date_sent",
        "protocol_id.sla_ids.type_id",
        "protocol_id.sla_ids.days",
        "protocol_id.sla_ids.working_days",
        "company_id",
    )
    def _compute_response_due_date(self):
        self.env["link.sla.clock"]._set_due_dates(
            self,
            "date_sent",
            "response_due_date",
            self.env.ref(SLA_TYPE_XMLID, raise_if_not_found=False),
        )

    @api.depends("date_sent", "date_response", "response_due_date")
    def _compute_outcome(self):
        self.update({"days_taken": 0, "on_time": False, "late": False})
        answered = self.filtered(lambda r: r.date_sent and r.date_response)
        taken = self.env["link.sla.clock"]._working_days_taken(
            answered, "date_sent", "date_response"
        )
        for referral, days in zip(answered, taken, strict=True):
            # No deadline cannot be missed.
            late = bool(
                referral.response_due_date
                and referral.date_response > referral.response_due_date
            )
            referral.update({"days_taken": days, "on_time": not late, "late": late})

    # --- checks ---------------------------------------------------------------

    @api.constrains("recipient_id")
    def _check_recipient_is_a_body(self):
        # The council monitor's report names the body: never a person.
        for referral in self:
            if not referral.recipient_id.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a person: a referral goes to a body (an "
                        "organisation). Choose the body, and the person as its "
                        "lead.",
                        name=referral.recipient_id.display_name,
                    )
                )

    @api.constrains("date_sent", "response_due_date", "date_response")
    def _check_dates(self):
        for referral in self.filtered("date_sent"):
            if (
                referral.response_due_date
                and referral.response_due_date < referral.date_sent
            ):
                raise ValidationError(
                    self.env._(
                        "%(ref)s cannot be due (%(due)s) before it was sent "
                        "(%(sent)s).",
                        ref=referral.name,
                        due=referral.response_due_date.strftime("%d/%m/%Y"),
                        sent=referral.date_sent.strftime("%d/%m/%Y"),
                    )
                )
            if referral.date_response and referral.date_response < referral.date_sent:
                raise ValidationError(
                    self.env._(
                        "%(ref)s cannot be answered before it was sent.",
                        ref=referral.name,
                    )
                )

    # --- life cycle --------------------------------------------------------------

    def _send_to(self):
        """Who the referral goes to: their lead, else the body itself."""
        self.ensure_one()
        return self.recipient_lead_id or self.recipient_id

    def action_send(self):
        """Mail each referral to the body's lead (else the body), follow the
        thread with them, and start the response clock: in batch, all or
        none."""
        for referral in self:
            if referral.state != "draft":
                raise UserError(
                    self.env._("%(ref)s was already sent.", ref=referral.name)
                )
            if not referral._send_to().email:
                raise UserError(
                    self.env._(
                        "%(ref)s cannot be sent: %(body)s has no email address, "
                        "and no nominated lead with one. Add an email address to "
                        "the body or to its lead first.",
                        ref=referral.name,
                        body=referral.recipient_id.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        self.filtered(lambda r: not r.date_sent).date_sent = today
        self.state = "sent"
        by_recipient = defaultdict(lambda: self.browse())
        for referral in self:
            by_recipient[referral._send_to()] |= referral
        for recipient, referrals in by_recipient.items():
            referrals.message_subscribe(partner_ids=recipient.ids)
        # Through the mail queue: a batch is not sent while the user waits.
        self.with_context(mail_notify_force_send=False).message_post_with_source(
            "link_protocols.mail_template_link_referral",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def action_record_response(self):
        self._check_state(
            ("sent",), self.env._("Only a referral that was sent gets a response.")
        )
        for referral in self:
            if is_html_empty(referral.response):
                raise UserError(
                    self.env._(
                        "Enter the response to %(ref)s before recording it.",
                        ref=referral.name,
                    )
                )
        today = fields.Date.context_today(self)
        self.filtered(lambda r: not r.date_response).date_response = today
        self.state = "answered"
        return True

    def action_close(self):
        self._check_state(
            ("sent", "answered"),
            self.env._("Only a referral that was sent can be closed."),
        )
        for referral in self:
            if not (referral.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Say what came of %(ref)s (its outcome) before closing it.",
                        ref=referral.name,
                    )
                )
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_withdraw(self):
        self._check_state(
            ("draft", "sent"),
            self.env._("Only a draft or sent referral can be withdrawn."),
        )
        self.state = "withdrawn"
        return True

    def _link_deadline_summaries(self):
        return (
            self.env._("The response to the referral is due soon"),
            self.env._("The body has not responded to the referral in time"),
        )
