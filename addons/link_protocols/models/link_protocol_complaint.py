# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SLA_TYPE_XMLID = "link_protocols.link_sla_type_complaint"
ACK_TYPE_XMLID = "link_protocols.mail_activity_type_link_complaint_ack"
ESCALATION_TYPE_XMLID = "link_protocols.mail_activity_type_link_complaint_escalation"
IN_FORCE = ("agreed", "under_review")


class LinkProtocolComplaint(models.Model):
    """A complaint about conduct on either side of a protocol. In the
    Lewisham model it is raised with the LINk Development Manager and the
    statutory organisation's nominated lead, acknowledged within the
    protocol's term, and feeds the protocol's next review."""

    _name = "link.protocol.complaint"
    _description = "Complaint under a protocol"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
    ]
    _order = "date_received desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Statutory organisation",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True), ("link_protocol_ids.state", "in", IN_FORCE)],
    )
    protocol_id = fields.Many2one(
        "link.protocol",
        compute="_compute_partner_defaults",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('state', 'in', ('agreed', 'under_review')), "
        "('partner_ids', 'in', partner_id)]",
    )
    about = fields.Selection(
        [
            ("link", "Conduct of the LINk"),
            ("partner", "Conduct of the partner"),
        ],
        string="Complaint about",
        required=True,
        default="partner",
        tracking=True,
    )
    raised_by = fields.Char(
        string="Complainant", help="Who made the complaint, in their own words."
    )
    description = fields.Html(string="The complaint")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_received = fields.Date(
        string="Received on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        index=True,
        copy=False,
    )
    ack_due_date = fields.Date(
        string="Acknowledgement due",
        compute="_compute_ack_due_date",
        store=True,
        index=True,
        copy=False,
    )
    date_raised = fields.Date(
        string="Raised with the leads on",
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_acknowledged = fields.Date(
        string="Acknowledged on", tracking=True, copy=False, index=True
    )
    acknowledged_on_time = fields.Boolean(
        compute="_compute_acknowledged_on_time", store=True
    )
    our_lead_id = fields.Many2one(
        "res.users",
        string="Our lead",
        compute="_compute_our_lead_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="The LINk's lead for complaints (the Development Manager), who "
        "acknowledges it.",
    )
    partner_lead_id = fields.Many2one(
        "res.partner",
        string="Their nominated lead",
        compute="_compute_partner_defaults",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('parent_id', '=', partner_id)]",
    )
    state = fields.Selection(
        [
            ("received", "Received"),
            ("acknowledged", "Acknowledged"),
            ("resolved", "Resolved"),
        ],
        default="received",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    outcome = fields.Text(copy=False, tracking=True)
    date_resolved = fields.Date(string="Resolved on", copy=False)
    ack_escalated = fields.Boolean(copy=False)
    reviewed_in_protocol_id = fields.Many2one(
        "link.protocol",
        string="Considered in",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The version of the protocol whose review considered the complaint.",
    )
    is_overdue = fields.Boolean(
        string="Acknowledgement overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    # --- defaults -----------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_partner_defaults(self):
        protocols = self.env["link.protocol"]._agreed_for_partners(self.partner_id)
        for complaint in self:
            complaint.partner_lead_id = complaint.partner_id.link_partner_lead_id
            # A protocol chosen by hand that covers the partner is kept.
            if complaint.partner_id not in complaint.protocol_id.partner_ids:
                complaint.protocol_id = protocols.get(
                    complaint.partner_id._origin.id, self.env["link.protocol"]
                )
            else:
                complaint.protocol_id = complaint.protocol_id

    @api.depends("partner_id", "company_id")
    def _compute_our_lead_id(self):
        for complaint in self:
            company = complaint.company_id or self.env.company
            complaint.our_lead_id = (
                company.link_complaint_lead_id
                or complaint.partner_id.link_our_lead_id
                or company.link_escalation_user_id
            )

    @api.depends(
        "date_received",
        "protocol_id.sla_ids.type_id",
        "protocol_id.sla_ids.days",
        "protocol_id.sla_ids.working_days",
        "company_id",
    )
    def _compute_ack_due_date(self):
        self.env["link.sla.clock"]._set_due_dates(
            self,
            "date_received",
            "ack_due_date",
            self.env.ref(SLA_TYPE_XMLID, raise_if_not_found=False),
        )

    @api.depends("date_acknowledged", "ack_due_date")
    def _compute_acknowledged_on_time(self):
        for complaint in self:
            complaint.acknowledged_on_time = bool(
                complaint.date_acknowledged
                and (
                    not complaint.ack_due_date
                    or complaint.date_acknowledged <= complaint.ack_due_date
                )
            )

    @api.depends_context("date")
    @api.depends("state", "ack_due_date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            complaint.is_overdue = bool(
                complaint.state == "received"
                and complaint.ack_due_date
                and complaint.ack_due_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue complaints."))
        domain = [
            ("state", "=", "received"),
            ("ack_due_date", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # --- checks -------------------------------------------------------------------

    @api.constrains("partner_id", "protocol_id")
    def _check_partner_of_protocol(self):
        for complaint in self:
            if complaint.partner_id not in complaint.protocol_id.partner_ids:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a party to the protocol “%(protocol)s”: "
                        "a complaint under a protocol is about one of its partners.",
                        partner=complaint.partner_id.display_name,
                        protocol=complaint.protocol_id.name,
                    )
                )

    @api.constrains("protocol_id")
    def _check_protocol_in_force(self):
        # Checked when the protocol is chosen: a complaint keeps the version
        # it was made under once that version is superseded.
        for complaint in self:
            if complaint.protocol_id.state not in IN_FORCE:
                raise ValidationError(
                    self.env._(
                        "The protocol “%(protocol)s” is not in force: a complaint "
                        "is raised under an agreed protocol.",
                        protocol=complaint.protocol_id.name,
                    )
                )

    @api.constrains("date_received", "date_acknowledged", "date_resolved")
    def _check_dates(self):
        for complaint in self:
            received = complaint.date_received
            for day in (complaint.date_acknowledged, complaint.date_resolved):
                if day and received and day < received:
                    raise ValidationError(
                        self.env._(
                            "%(ref)s was received on %(received)s: it cannot be "
                            "acknowledged or resolved before.",
                            ref=complaint.name,
                            received=received.strftime("%d/%m/%Y"),
                        )
                    )

    # --- life cycle ---------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "link.protocol.complaint"
                )
        return super().create(vals_list)

    def action_raise(self):
        """Raise each complaint with both nominated leads: a mail to the
        partner's lead, and an activity for our lead due when the
        acknowledgement is. In batch, all or none."""
        for complaint in self:
            if complaint.date_raised:
                raise UserError(
                    self.env._(
                        "%(ref)s was already raised with the leads on %(date)s.",
                        ref=complaint.name,
                        date=complaint.date_raised.strftime("%d/%m/%Y"),
                    )
                )
            if complaint.state == "resolved":
                raise UserError(
                    self.env._("%(ref)s is already resolved.", ref=complaint.name)
                )
            if not complaint.partner_lead_id.email:
                raise UserError(
                    self.env._(
                        "%(ref)s cannot be raised: %(partner)s needs a nominated "
                        "lead with an email address. Set their nominated lead on "
                        "the partner first.",
                        ref=complaint.name,
                        partner=complaint.partner_id.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        self.date_raised = today
        by_lead = defaultdict(lambda: self.browse())
        for complaint in self:
            by_lead[complaint.partner_lead_id] |= complaint
        for lead, complaints in by_lead.items():
            complaints.message_subscribe(partner_ids=lead.ids)
        # Through the mail queue: a batch is not sent while the user waits.
        self.with_context(mail_notify_force_send=False).message_post_with_source(
            "link_protocols.mail_template_link_protocol_complaint",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.filtered(lambda c: c.state == "received")._create_activities(
            ACK_TYPE_XMLID,
            lambda complaint: complaint.our_lead_id,
            lambda complaint: complaint.ack_due_date or today,
            self.env._("Acknowledge the complaint"),
        )
        return True

    def action_acknowledge(self):
        self._check_state(
            ("received",),
            self.env._("Only a complaint just received can be acknowledged."),
        )
        today = fields.Date.context_today(self)
        self.filtered(lambda c: not c.date_acknowledged).date_acknowledged = today
        self.state = "acknowledged"
        self._close_activities(
            (ACK_TYPE_XMLID, ESCALATION_TYPE_XMLID),
            self.env._("Complaint acknowledged."),
        )
        return True

    def action_resolve(self):
        self._check_state(
            ("acknowledged",),
            self.env._("Acknowledge the complaint before resolving it."),
        )
        for complaint in self:
            if not (complaint.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Record the outcome of %(ref)s before resolving it.",
                        ref=complaint.name,
                    )
                )
        self.write(
            {"state": "resolved", "date_resolved": fields.Date.context_today(self)}
        )
        return True

    def _check_state(self, states, message):
        if any(complaint.state not in states for complaint in self):
            raise UserError(message)

    def _close_activities(self, type_xmlids, feedback):
        """Mark done the pending activities of these types on the complaints,
        in one go."""
        types = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in type_xmlids]
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "in", [t.id for t in types if t]),
            ]
        )
        if activities:
            activities.action_feedback(feedback=feedback)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_raised(self):
        if any(c.date_raised or c.state != "received" for c in self):
            raise UserError(
                self.env._(
                    "A complaint raised under a protocol is never deleted: it feeds "
                    "the protocol's next review. Resolve it with its outcome "
                    "instead."
                )
            )

    # --- deadlines and figures ----------------------------------------------------

    @api.model
    def _cron_link_complaint_acknowledgements(self):
        """Escalate, once, each complaint not acknowledged in time: the
        escalation takes the place of our lead's acknowledgement activity."""
        self._schedule_once_matching(
            [
                ("state", "=", "received"),
                ("ack_due_date", "<", fields.Date.context_today(self)),
            ],
            ESCALATION_TYPE_XMLID,
            "ack_escalated",
            lambda complaint: (
                complaint.company_id.link_escalation_user_id | complaint.our_lead_id
            ),
            lambda complaint: complaint.ack_due_date,
            self.env._("The complaint was not acknowledged in time"),
            replaces=ACK_TYPE_XMLID,
        )

    @api.model
    def _link_figures(self, date_from, date_to):
        """Complaints received, and acknowledged on time, in the dates: counts
        only, for the monitoring pack."""
        [[received]] = self._read_group(
            [("date_received", ">=", date_from), ("date_received", "<=", date_to)],
            [],
            ["__count"],
        )
        [[on_time]] = self._read_group(
            [
                ("date_acknowledged", ">=", date_from),
                ("date_acknowledged", "<=", date_to),
                ("acknowledged_on_time", "=", True),
            ],
            [],
            ["__count"],
        )
        return [
            ("complaints_received", self.env._("Complaints received"), received),
            (
                "complaints_ack_on_time",
                self.env._("Complaints acknowledged on time"),
                on_time,
            ),
        ]
