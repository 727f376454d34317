# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

# A concern is looked at by the safeguarding lead within this many hours,
# or it is escalated to the host managers.
RESPONSE_HOURS = 24
LEAD = "link_membership.group_link_safeguarding"
MANAGER = "link_membership.group_link_manager"
STATES = [
    ("open", "Awaiting the lead"),
    ("referred", "Referred"),
    ("closed", "Closed"),
]


class LinkSafeguardingConcern(models.Model):
    """Someone may be at risk: a concern raised about what a person told the
    LINk. The safeguarding lead decides within 24 hours whether to refer it
    (to the council's safeguarding hub, the police, the regulator) and
    records the referral and its outcome. Only safeguarding leads and host
    managers read concerns: whoever raises one only learns that it is open
    or cleared, on the feedback."""

    _name = "link.safeguarding.concern"
    _description = "Safeguarding concern"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.activity.once.mixin"]
    _order = "date_raised desc, id desc"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    feedback_id = fields.Many2one(
        "link.feedback",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        tracking=True,
    )
    description = fields.Text(
        string="The concern",
        required=True,
        help="What was said or seen that makes you worried for someone's "
        "safety. Facts, in the words used.",
    )
    raised_by_id = fields.Many2one(
        "res.users",
        string="Raised by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date_raised = fields.Datetime(
        string="Raised", default=fields.Datetime.now, required=True, readonly=True
    )
    date_due = fields.Datetime(
        string="Decision due",
        compute="_compute_date_due",
        store=True,
        index=True,
        help="The safeguarding lead decides within 24 hours of the concern "
        "being raised; past it, host managers are alerted.",
    )
    state = fields.Selection(
        STATES, default="open", required=True, index=True, tracking=True
    )
    lead_id = fields.Many2one(
        "res.users",
        string="Safeguarding lead",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(LEAD).ids)],
        help="Who acts on this concern: given the activity when it is raised.",
    )
    escalated = fields.Boolean(
        readonly=True,
        copy=False,
        help="Not acted on within 24 hours: the host managers were alerted.",
    )
    referred_to_id = fields.Many2one(
        "res.partner",
        string="Referred to",
        default=lambda self: self.env.company.link_safeguarding_hub_id,
        tracking=True,
        domain=[("is_company", "=", True)],
        help="For example the council's safeguarding hub (the default in LINk "
        "settings), the police or the regulator.",
    )
    referral_date = fields.Date(string="Referral date", tracking=True)
    referral_reference = fields.Char(
        string="Referral reference",
        help="The reference the body that took the referral gave it.",
    )
    outcome = fields.Text(
        help="What was decided and why: why no referral was needed, or what "
        "the body that took the referral did."
    )
    date_closed = fields.Datetime(string="Closed", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("date_raised")
    def _compute_date_due(self):
        for concern in self:
            concern.date_due = concern.date_raised + timedelta(hours=RESPONSE_HOURS)

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            vals["name"] = Sequence.next_by_code("link.safeguarding.concern")
        concerns = super().create(vals_list)
        concerns._assign_lead()
        return concerns

    def _leads(self):
        """Who may act on a concern, first choice first: the company's
        safeguarding leads, then its host managers."""
        leads = self.env.ref(LEAD).sudo().users.sorted("id")
        managers = self.env.ref(MANAGER).sudo().users.sorted("id")
        return leads | managers

    def _assign_lead(self):
        """Give each new concern to an active safeguarding lead (else a host
        manager), with an activity due the day the 24 hours run out."""
        leads = self._leads()
        by_lead = defaultdict(list)
        for concern, user in zip(
            self,
            self._activity_assignees(lambda concern: concern.lead_id | leads),
            strict=True,
        ):
            if concern.lead_id != user:
                by_lead[user].append(concern.id)
        for user, ids in by_lead.items():
            self.browse(ids).lead_id = user
        self._create_activities(
            "link_voice.mail_activity_type_link_safeguarding",
            lambda concern: concern.lead_id,
            lambda concern: fields.Date.context_today(concern, concern.date_due),
            self.env._("Safeguarding concern: decide within 24 hours"),
        )

    @api.model
    def _cron_escalate(self):
        """Concerns nobody acted on within 24 hours: an activity for a host
        manager other than the lead, once per concern, and a note on it."""
        due = self.search(
            [
                ("state", "=", "open"),
                ("date_due", "<", fields.Datetime.now()),
                ("escalated", "=", False),
            ]
        )
        if not due:
            return
        managers = self.env.ref(MANAGER).sudo().users.sorted("id")
        due._schedule_once(
            "link_voice.mail_activity_type_link_safeguarding_escalated",
            "escalated",
            lambda concern: (managers - concern.lead_id) or concern.lead_id,
            lambda concern: fields.Date.context_today(concern),
            self.env._("Safeguarding concern not acted on within 24 hours"),
        )
        due._message_log_batch(
            dict.fromkeys(
                due.ids,
                self.env._(
                    "Not acted on within 24 hours: escalated to the host managers."
                ),
            )
        )

    def _check_open(self, action):
        if self.filtered(lambda concern: concern.state == "closed"):
            raise UserError(
                self.env._(
                    "This concern is closed: %(action)s is no longer possible. "
                    "Raise a new concern on the feedback if something new "
                    "worries you.",
                    action=action,
                )
            )

    def action_refer(self):
        """Record that the concern was referred, to whom and when."""
        self._check_open(self.env._("referring it"))
        missing = self.filtered(lambda concern: not concern.referred_to_id)
        if missing:
            raise UserError(
                self.env._(
                    "Say who the concern %(name)s was referred to (Referred to) "
                    "before recording the referral.",
                    name=missing[0].name,
                )
            )
        self.filtered(
            lambda concern: not concern.referral_date
        ).referral_date = fields.Date.context_today(self)
        self.state = "referred"
        self._done_activities()
        return True

    def action_close(self):
        """Close the concern with its outcome: the feedback is then cleared
        (it may be published if nothing else stops it)."""
        self._check_open(self.env._("closing it again"))
        missing = self.filtered(lambda concern: not (concern.outcome or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Write the outcome of %(name)s (what was decided and why) "
                    "before closing it.",
                    name=missing[0].name,
                )
            )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        self._done_activities()
        return True

    def _done_activities(self):
        """The lead acted: the 24-hour activity (and any escalation) is done."""
        self.activity_ids.filtered(
            lambda activity: (
                activity.activity_type_id
                in (
                    self.env.ref("link_voice.mail_activity_type_link_safeguarding")
                    | self.env.ref(
                        "link_voice.mail_activity_type_link_safeguarding_escalated"
                    )
                )
            )
        ).action_feedback(feedback=self.env._("Acted on."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A safeguarding concern is never deleted: close it with its "
                "outcome instead."
            )
        )
