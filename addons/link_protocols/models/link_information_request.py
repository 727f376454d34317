# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.link_membership.report.contract_period import (
    contract_quarter_field_sql,
)

OPEN_STATES = ("sent", "acknowledged", "extended")


class LinkInformationRequest(models.Model):
    """A written request for information to a statutory partner, on the clock
    of the protocol that covers it (20 working days in the Lewisham model)."""

    _name = "link.information.request"
    _description = "Information request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.partner.request.mixin",
    ]
    _order = "date_sent desc, id desc"
    _link_sequence_code = "link.information.request"
    _link_open_states = OPEN_STATES
    _link_due_field = "effective_due_date"
    _link_sender_field = "requester_id"
    _link_reminder_type = "link_protocols.mail_activity_type_link_ir_reminder"
    _link_escalation_type = "link_protocols.mail_activity_type_link_ir_escalation"

    subject = fields.Char(required=True, tracking=True)
    request = fields.Html(string="What is asked")
    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    partner_lead_id = fields.Many2one(
        "res.partner",
        string="Their lead",
        compute="_compute_partner_defaults",
        store=True,
        readonly=False,
        domain="[('parent_id', '=', partner_id)]",
    )
    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    contract_quarter = fields.Char(
        string="Contract quarter",
        compute="_compute_contract_quarter",
        help="The contract quarter the request was sent in, e.g. 2026/27 Q1; "
        "reports group by it in SQL, following the first month as it is now.",
    )
    protocol_id = fields.Many2one(
        "link.protocol",
        compute="_compute_partner_defaults",
        store=True,
        readonly=False,
        index=True,
    )
    sla_id = fields.Many2one(
        "link.protocol.sla",
        string="Response time",
        compute="_compute_sla_id",
        store=True,
        readonly=False,
        domain="[('protocol_id', '=', protocol_id)]",
    )
    date_sent = fields.Date(string="Sent on", tracking=True, index=True, copy=False)
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        copy=False,
    )
    date_acknowledged = fields.Date(string="Acknowledged on", copy=False)
    extension_date = fields.Date(
        string="Extended to",
        tracking=True,
        copy=False,
        help="A new date agreed with the partner.",
    )
    extension_reason = fields.Selection(
        [
            ("not_available", "Information not readily available"),
            ("confidentiality", "Confidentiality"),
        ],
        copy=False,
    )
    effective_due_date = fields.Date(
        string="Answer due",
        compute="_compute_effective_due_date",
        store=True,
        index=True,
    )
    date_answered = fields.Date(string="Answered on", tracking=True, copy=False)
    answer = fields.Html(copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("acknowledged", "Acknowledged"),
            ("extended", "Extended"),
            ("answered", "Answered"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    days_taken = fields.Integer(
        string="Working days taken",
        compute="_compute_outcome",
        store=True,
        aggregator="avg",
    )
    on_time = fields.Boolean(compute="_compute_outcome", store=True)
    on_time_rate = fields.Float(
        string="On time (%)",
        compute="_compute_outcome",
        store=True,
        aggregator="avg",
        help="100 for an answer on time, 0 for a late one: averaged, the share "
        "answered on time.",
    )
    # --- contract quarter ------------------------------------------------------

    @api.depends("date_sent", "company_id")
    def _compute_contract_quarter(self):
        for request in self:
            request.contract_quarter = request.date_sent and (
                request.company_id or self.env.company
            )._link_contract_period_name(request.date_sent)

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Group and sort by the contract quarter in SQL, as the reports do.
        if fname == "contract_quarter":
            return contract_quarter_field_sql(
                self,
                self._field_to_sql(alias, "date_sent", query, flush),
                self._field_to_sql(alias, "company_id", query, flush),
            )
        return super()._field_to_sql(alias, fname, query, flush)

    # --- defaults from the partner and its protocol ---------------------------

    @api.depends("partner_id")
    def _compute_partner_defaults(self):
        protocols = self.env["link.protocol"]._agreed_for_partners(self.partner_id)
        for request in self:
            request.partner_lead_id = request.partner_id.link_partner_lead_id
            request.protocol_id = protocols.get(
                request.partner_id._origin.id, self.env["link.protocol"]
            )

    @api.depends("protocol_id")
    def _compute_sla_id(self):
        sla_type = self.env.ref(
            "link_protocols.link_sla_type_information_request", raise_if_not_found=False
        )
        for request in self:
            request.sla_id = (
                request.protocol_id._sla_for(sla_type)
                if sla_type and request.protocol_id
                else False
            )

    # --- clocks ------------------------------------------------------------------

    @api.depends("date_sent", "sla_id.days", "sla_id.working_days")
    def _compute_due_date(self):
        # The request's own term only: sla_id is the protocol's, and an
        # emptied one means no deadline.
        self.env["link.sla.clock"]._set_due_dates(
            self,
            "date_sent",
            "due_date",
            self.env.ref(
                "link_protocols.link_sla_type_information_request",
                raise_if_not_found=False,
            ),
            term_field="sla_id",
            protocol_field=None,
        )

    @api.depends("due_date", "extension_date")
    def _compute_effective_due_date(self):
        for request in self:
            request.effective_due_date = request.extension_date or request.due_date

    @api.depends("date_sent", "date_answered", "effective_due_date", "state")
    def _compute_outcome(self):
        self.update({"days_taken": 0, "on_time": False, "on_time_rate": 0.0})
        answered = self.filtered(
            lambda r: r.state == "answered" and r.date_sent and r.date_answered
        )
        taken = self.env["link.sla.clock"]._working_days_taken(
            answered, "date_sent", "date_answered"
        )
        for request, days in zip(answered, taken, strict=True):
            on_time = bool(
                request.effective_due_date
                and request.date_answered <= request.effective_due_date
            )
            request.update(
                {
                    "days_taken": days,
                    "on_time": on_time,
                    "on_time_rate": 100.0 if on_time else 0.0,
                }
            )

    # --- checks ---------------------------------------------------------------

    @api.constrains("date_sent", "due_date", "extension_date", "date_answered")
    def _check_dates(self):
        for request in self:
            if (
                request.date_sent
                and request.due_date
                and request.due_date < request.date_sent
            ):
                raise ValidationError(
                    self.env._(
                        "%(ref)s cannot be due (%(due)s) before it was sent "
                        "(%(sent)s).",
                        ref=request.name,
                        due=request.due_date,
                        sent=request.date_sent,
                    )
                )
            if (
                request.extension_date
                and request.due_date
                and request.extension_date <= request.due_date
            ):
                raise ValidationError(
                    self.env._(
                        "An extension must move the deadline later than %(due)s.",
                        due=request.due_date,
                    )
                )
            if (
                request.date_answered
                and request.date_sent
                and request.date_answered < request.date_sent
            ):
                raise ValidationError(
                    self.env._(
                        "%(ref)s cannot be answered before it was sent.",
                        ref=request.name,
                    )
                )

    # --- life cycle --------------------------------------------------------------

    def action_send(self):
        template = self.env.ref("link_protocols.mail_template_link_information_request")
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._("%(ref)s was already sent.", ref=request.name)
                )
            if not request.partner_lead_id.email:
                raise UserError(
                    self.env._(
                        "%(ref)s needs the partner's nominated lead, with an email "
                        "address, to be sent to.",
                        ref=request.name,
                    )
                )
        today = fields.Date.context_today(self)
        for request in self:
            request.write({"state": "sent", "date_sent": request.date_sent or today})
            request.message_subscribe(partner_ids=request.partner_lead_id.ids)
            request.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    def action_acknowledge(self):
        self._check_state(
            ("sent",), self.env._("Only a sent request can be acknowledged.")
        )
        self.write(
            {
                "state": "acknowledged",
                "date_acknowledged": fields.Date.context_today(self),
            }
        )

    def action_extend(self):
        self._check_state(
            OPEN_STATES, self.env._("Only an open request can be extended.")
        )
        for request in self:
            if not (request.extension_date and request.extension_reason):
                raise UserError(
                    self.env._(
                        "Enter the new date agreed with the partner and the reason "
                        "for the extension of %(ref)s.",
                        ref=request.name,
                    )
                )
        self.state = "extended"

    def action_answer(self):
        self._check_state(
            OPEN_STATES,
            self.env._("A request can only be answered after it has been sent."),
        )
        today = fields.Date.context_today(self)
        for request in self:
            request.write(
                {"state": "answered", "date_answered": request.date_answered or today}
            )

    def action_withdraw(self):
        self._check_state(
            ("draft", *OPEN_STATES),
            self.env._("Only an open request can be withdrawn."),
        )
        self.state = "withdrawn"
