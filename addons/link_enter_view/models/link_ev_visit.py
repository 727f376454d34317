# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

STATES = [
    ("draft", "Draft"),
    ("planned", "Planned"),
    ("notified", "Provider notified"),
    ("visited", "Visited"),
    ("report_drafted", "Report drafted"),
    ("report_sent", "Report sent"),
    ("response_received", "Response received"),
    ("published", "Published"),
    ("cancelled", "Cancelled"),
    ("refused", "Entry refused"),
]
# The groups of states the suite's rules speak of, each defined here once
# (models, portal and reports import them; views repeat a few as literals).
# Yet to take place: the team may change, declarations are made and noted,
# the meeting is in the calendar, the visit may be cancelled.
BEFORE_VISIT = ("draft", "planned", "notified")
# Dated and prepared: the team goes, and is let in or turned away.
SCHEDULED = ("planned", "notified")
# Representatives write their observation notes from planning until the
# report is drafted.
NOTES_OPEN = ("planned", "notified", "visited")
# The report is drafted from the notes, which no longer change.
NOTES_LOCKED = ("report_drafted", "report_sent", "response_received", "published")
# The report is still to be sent (the lead is reminded, the manager told).
REPORT_OPEN = ("visited", "report_drafted")
# The provider has the report and its recommendations.
REPORT_SENT = ("report_sent", "response_received", "published")
# The team went in: a visit done, in the activity figures.
TOOK_PLACE = ("visited", *NOTES_LOCKED)
# The team went to the door, let in or not: it is part of the history.
WENT = (*TOOK_PLACE, "refused")
# Called off or turned away: no team is checked for it any more.
CALLED_OFF = ("cancelled", "refused")
# Never planned or called off beforehand: not in the activity report.
NOT_COUNTED = ("draft", "cancelled")
# Kinds of premises the LINk has no power to visit or report on: "LINks have
# no visiting or reporting powers for children's social care" (the guide to
# starting a work programme). Visits to them are refused.
NOT_VISITABLE_KINDS = ("children_social_care",)
TEAM_MIN, TEAM_MAX = 2, 4
VISIT_HOURS = 2
PEOPLE = "link_membership.group_link_staff,link_membership.group_link_steering"
# What the public pages read of a published visit (as the superuser): never
# the team, the host officer, the provider's staff or any declaration.
PUBLIC_FIELDS = [
    "premises_id",
    "provider_id",
    "visit_day",
    "theme",
    "purpose",
    "report_body",
    "response_requested",
    "response_due_date",
    "date_response",
    "response",
    "date_published",
]
PUBLIC_PARTNER_FIELDS = ["name", "city"]
PUBLIC_RECOMMENDATION_FIELDS = ["visit_id", "sequence", "name", "answer", "status"]


class LinkEvVisit(models.Model):
    _name = "link.ev.visit"
    _description = "Enter and view visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.row.lock.mixin",
        "link.calendar.mirror.mixin",
    ]
    _order = "date_visit desc, id desc"
    _calendar_event_field = "calendar_event_id"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    premises_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        help="Where the visit takes place: a care home, a GP practice, a ward...",
    )
    premises_kind = fields.Selection(
        related="premises_id.link_premises_kind", store=True, index=True
    )
    provider_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_provider_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("is_company", "=", True)],
        help="The organisation that runs the service visited.",
    )
    commissioner_id = fields.Many2one(related="premises_id.link_commissioner_id")
    protocol_id = fields.Many2one(
        "link.protocol",
        index=True,
        compute="_compute_protocol_id",
        store=True,
        readonly=False,
        help="The agreement with the provider that sets the reporting timescales.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Host officer",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    theme = fields.Char(tracking=True, help="What the visit looks at, in a few words.")
    purpose = fields.Text()
    announced = fields.Boolean(
        default=True,
        tracking=True,
        help="Unannounced visits need a letter explaining why notice was not given.",
    )
    unannounced_reason = fields.Text(
        string="Why unannounced", help="Printed on the letter handed over on arrival."
    )
    date_visit = fields.Datetime(string="Visit date", tracking=True, index=True)
    visit_day = fields.Date(
        string="Day of the visit",
        compute="_compute_visit_day",
        store=True,
        index=True,
    )
    date_notified = fields.Date(string="Provider notified on", copy=False)
    team_member_ids = fields.One2many(
        "link.ev.team.member", "visit_id", string="Team", groups=PEOPLE
    )
    lead_partner_id = fields.Many2one(
        "res.partner",
        string="Lead representative",
        compute="_compute_lead_partner_id",
        store=True,
        index=True,
        groups=PEOPLE,
    )
    team_size = fields.Integer(compute="_compute_lead_partner_id", store=True)
    provider_contact_id = fields.Many2one(
        "res.partner",
        string="Accompanied by",
        groups=PEOPLE,
        help="The member of the provider's staff who accompanies the team.",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    can_declare = fields.Boolean(
        compute="_compute_windows",
        help="Representatives may make or change their declaration of interest.",
    )
    can_note = fields.Boolean(
        compute="_compute_windows",
        help="Representatives may write or change their observation notes.",
    )
    cancel_reason = fields.Text(string="Why cancelled", copy=False, tracking=True)
    refusal_reason = fields.Text(
        string="Reason given for refusing entry", copy=False, tracking=True
    )
    rescheduled_from_id = fields.Many2one(
        "link.ev.visit",
        string="Rescheduled from",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    predecessor_id = fields.Many2one(
        "link.ev.visit",
        string="Revisit of",
        index="btree_not_null",
        tracking=True,
        help="The earlier visit whose recommendations this one follows up.",
    )
    declaration_ids = fields.One2many(
        "link.ev.declaration", "visit_id", string="Declarations", groups=PEOPLE
    )
    declarations_missing = fields.Char(
        string="Declarations awaited from",
        compute="_compute_declarations_missing",
        groups=PEOPLE,
    )
    note_ids = fields.One2many(
        "link.ev.note", "visit_id", string="Observation notes", groups=PEOPLE
    )
    recommendation_ids = fields.One2many(
        "link.ev.recommendation", "visit_id", string="Recommendations"
    )
    report_body = fields.Html(string="Report", copy=False, groups="base.group_user")
    report_due_date = fields.Date(
        string="Report due",
        compute="_compute_report_due_date",
        store=True,
        index=True,
        copy=False,
    )
    date_report_sent = fields.Date(string="Report sent on", copy=False, tracking=True)
    response_due_date = fields.Date(
        string="Response due",
        compute="_compute_response_due_date",
        store=True,
        index=True,
        copy=False,
    )
    response_requested = fields.Boolean(
        default=True,
        tracking=True,
        help="Ask the provider to respond to the report within the agreed time "
        "(20 working days by default). Without it the report is for their "
        "information: no response clock, no reminders, and it can be published "
        "as soon as it is sent.",
    )
    report_lead_id = fields.Many2one(
        related="provider_id.link_partner_lead_id",
        string="Report goes to",
        groups=PEOPLE,
        help="The provider's nominated lead (set on the provider).",
    )
    report_copy_ids = fields.Many2many(
        "res.partner",
        string="Copied to",
        compute="_compute_report_copy_ids",
        groups=PEOPLE,
        help="The commissioner (its nominated lead, if it has one) and the "
        "recipients of every visit report of LINk, Configuration, Settings.",
    )
    date_response = fields.Date(string="Response received on", copy=False)
    response = fields.Html(
        string="Provider's response", copy=False, groups="base.group_user"
    )
    publish_date = fields.Date(
        string="To publish on",
        compute="_compute_publish_date",
        store=True,
        help="The day the provider replied, or the end of the response period.",
    )
    date_published = fields.Date(string="Published on", copy=False, tracking=True)
    report_late = fields.Boolean(
        compute="_compute_late", store=True, help="Sent after it was due, or overdue."
    )
    response_late = fields.Boolean(
        string="Provider response late", compute="_compute_late", store=True
    )
    report_reminder_date = fields.Date(compute="_compute_reminder_dates", store=True)
    response_reminder_date = fields.Date(compute="_compute_reminder_dates", store=True)
    report_reminder_done = fields.Boolean(copy=False, readonly=True)
    report_escalated = fields.Boolean(copy=False, readonly=True)
    refusal_escalated = fields.Boolean(copy=False, readonly=True)
    response_reminder_done = fields.Boolean(copy=False, readonly=True)
    response_escalated = fields.Boolean(copy=False, readonly=True)
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Meeting", readonly=True, copy=False
    )
    taken_down = fields.Boolean(
        string="Taken down from the website",
        readonly=True,
        copy=False,
        tracking=True,
        help="A published report staff withdrew from the public pages.",
    )
    takedown_reason = fields.Text(string="Why taken down", copy=False, tracking=True)
    date_taken_down = fields.Date(string="Taken down on", readonly=True, copy=False)
    public_url = fields.Char(
        string="Public page",
        compute="_compute_public_url",
        help="Where the public reads this report (once published).",
    )
    visit_count = fields.Integer(
        string="Visits", default=1, aggregator="sum", readonly=True
    )

    # --- computes ------------------------------------------------------------------

    @api.depends("premises_id")
    def _compute_provider_id(self):
        for visit in self:
            premises = visit.premises_id
            if not premises:
                continue
            visit.provider_id = (
                premises.link_provider_id
                or premises.parent_id.commercial_partner_id
                or premises.commercial_partner_id
            )

    @api.depends("provider_id")
    def _compute_protocol_id(self):
        protocols = self.env["link.protocol"]._agreed_for_partners(self.provider_id)
        for visit in self:
            visit.protocol_id = protocols.get(
                visit.provider_id._origin.id, self.env["link.protocol"]
            )

    @api.depends("date_visit", "company_id")
    def _compute_visit_day(self):
        for visit in self:
            if not visit.date_visit:
                visit.visit_day = False
                continue
            calendar = visit.company_id.resource_calendar_id
            tz = pytz.timezone(calendar.tz or "Europe/London")
            visit.visit_day = pytz.utc.localize(visit.date_visit).astimezone(tz).date()

    @api.depends("team_member_ids.is_lead", "team_member_ids.partner_id")
    def _compute_lead_partner_id(self):
        for visit in self:
            members = visit.sudo().team_member_ids
            visit.lead_partner_id = members.filtered("is_lead")[:1].partner_id
            visit.team_size = len(members)

    @api.depends("state")
    def _compute_windows(self):
        for visit in self:
            visit.can_declare = visit.state in BEFORE_VISIT
            visit.can_note = visit.state in NOTES_OPEN

    @api.depends("team_member_ids.partner_id", "declaration_ids.partner_id")
    def _compute_declarations_missing(self):
        for visit in self:
            missing = visit._undeclared()
            visit.declarations_missing = ", ".join(missing.mapped("name"))

    def _undeclared(self):
        self.ensure_one()
        visit = self.sudo()
        return visit.team_member_ids.partner_id - visit.declaration_ids.partner_id

    @api.depends(
        "visit_day",
        "protocol_id.sla_ids.days",
        "protocol_id.sla_ids.working_days",
        "company_id.resource_calendar_id",
    )
    def _compute_report_due_date(self):
        # The protocol's term, else the type's default (20 working days).
        self.env["link.sla.clock"]._set_due_dates(
            self,
            "visit_day",
            "report_due_date",
            self.env.ref("link_protocols.link_sla_type_visit_report"),
        )

    @api.depends(
        "date_report_sent",
        "response_requested",
        "protocol_id.sla_ids.days",
        "protocol_id.sla_ids.working_days",
        "company_id.resource_calendar_id",
    )
    def _compute_response_due_date(self):
        """The provider's response clock runs only when a response was
        requested (the Lewisham protocol: "if LINK representatives request a
        response to the formal report")."""
        requested = self.filtered("response_requested")
        (self - requested).response_due_date = False
        self.env["link.sla.clock"]._set_due_dates(
            requested,
            "date_report_sent",
            "response_due_date",
            self.env.ref("link_protocols.link_sla_type_provider_response"),
        )

    @api.depends(
        "response_due_date", "date_response", "response_requested", "date_report_sent"
    )
    def _compute_publish_date(self):
        for visit in self:
            visit.publish_date = visit.date_response or (
                visit.response_due_date
                if visit.response_requested
                else visit.date_report_sent
            )

    @api.depends(
        "commissioner_id.link_partner_lead_id.email",
        "commissioner_id.email",
        "company_id.link_ev_report_recipient_ids.email",
        "provider_id.link_partner_lead_id",
    )
    def _compute_report_copy_ids(self):
        for visit in self:
            visit.report_copy_ids = visit._report_copies()

    @api.depends("state", "taken_down")
    def _compute_public_url(self):
        for visit in self:
            visit.public_url = (
                f"/visit-reports/{visit.id}"
                if visit.id and visit.state == "published" and not visit.taken_down
                else False
            )

    @api.depends(
        "report_due_date",
        "date_report_sent",
        "report_escalated",
        "response_due_date",
        "date_response",
        "response_escalated",
    )
    def _compute_late(self):
        for visit in self:
            sent, due = visit.date_report_sent, visit.report_due_date
            visit.report_late = bool(
                (sent and due and sent > due) or (not sent and visit.report_escalated)
            )
            answered, answer_due = visit.date_response, visit.response_due_date
            visit.response_late = bool(
                (answered and answer_due and answered > answer_due)
                or (not answered and visit.response_escalated)
            )

    @api.depends(
        "report_due_date", "response_due_date", "company_id.link_reminder_working_days"
    )
    def _compute_reminder_dates(self):
        clock = self.env["link.sla.clock"]
        clock._set_reminder_dates(self, "report_due_date", "report_reminder_date")
        clock._set_reminder_dates(self, "response_due_date", "response_reminder_date")

    # --- checks ------------------------------------------------------------------

    @api.constrains("date_visit")
    def _check_team_authorised(self):
        """Only representatives authorised on the day of the visit; one
        authorisation lookup per distinct day, whatever the number of visits."""
        Authorisation = self.env["link.ev.authorisation"]
        visits = self.sudo().filtered(
            lambda v: v.visit_day and v.state not in CALLED_OFF
        )
        by_day = defaultdict(lambda: self.browse().sudo())
        for visit in visits:
            by_day[visit.visit_day] |= visit
        for day, day_visits in by_day.items():
            allowed = Authorisation._authorised_partners(
                day_visits.team_member_ids.partner_id, day
            )
            for visit in day_visits:
                refused = visit.team_member_ids.partner_id - allowed
                if refused:
                    raise ValidationError(
                        self.env._(
                            "%(people)s cannot join %(visit)s: not an authorised "
                            "representative on %(day)s (authorisation or a required "
                            "qualification missing, expired or suspended).",
                            people=", ".join(refused.mapped("name")),
                            visit=visit.name,
                            day=day.strftime("%d/%m/%Y"),
                        )
                    )
        for visit in self.sudo():
            leads = visit.team_member_ids.filtered("is_lead")
            if len(leads) > 1:
                raise ValidationError(
                    self.env._("A visit has one lead representative.")
                )
            if len(visit.team_member_ids) > TEAM_MAX:
                raise ValidationError(
                    self.env._(
                        "A visiting team has at most %(max)s representatives.",
                        max=TEAM_MAX,
                    )
                )

    @api.constrains("premises_id", "state")
    def _check_premises_visitable(self):
        """No visit yet to take place is saved or planned to premises the
        LINk has no power to visit (children's social care); one can still be
        cancelled, and a visit that took place keeps its history."""
        for visit in self:
            if (
                visit.premises_id.link_premises_kind in NOT_VISITABLE_KINDS
                and visit.state in BEFORE_VISIT
            ):
                raise ValidationError(visit._not_visitable_message())

    def _not_visitable_message(self):
        self.ensure_one()
        return self.env._(
            "%(premises)s is a children's social care service: a LINk has no "
            "power to enter and view, or to report on, children's social care. "
            "Choose other premises, or raise the matter with the council's "
            "children's services instead.",
            premises=self.premises_id.display_name,
        )

    @api.constrains("date_report_sent", "date_response", "visit_day")
    def _check_dates(self):
        for visit in self:
            if (
                visit.date_report_sent
                and visit.visit_day
                and visit.date_report_sent < visit.visit_day
            ):
                raise ValidationError(
                    self.env._("A report cannot be sent before the visit.")
                )
            if (
                visit.date_response
                and visit.date_report_sent
                and visit.date_response < visit.date_report_sent
            ):
                raise ValidationError(
                    self.env._("The provider cannot respond before the report is sent.")
                )

    # --- create, write, unlink ---------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("link.ev.visit")
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if {"date_visit", "team_member_ids", "user_id"} & set(vals):
            self.filtered("calendar_event_id")._sync_calendar()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if any(visit.state != "draft" for visit in self):
            raise UserError(
                self.env._(
                    "A visit that was planned keeps its history: cancel it instead "
                    "of deleting it."
                )
            )

    @api.model
    def _link_took_place_domain(self):
        """Visits that took place (the team went in), for counts outside
        this addon (a work plan output)."""
        return [("state", "in", TOOK_PLACE)]

    # --- life cycle --------------------------------------------------------------

    def _lock(self):
        """Lock the visit rows until the end of the transaction, before their
        state is checked: two people pressing a button of the same visit at
        once queue behind each other. Under Odoo's REPEATABLE READ the second
        then gets a serialization failure here (not logged) and its request
        is retried, sees the new state and is told why it cannot go on;
        without the lock its UPDATE failed the same way, logged as an ERROR."""
        self._lock_rows(["state"])

    def _check_state(self, states, message):
        self._lock()
        if any(visit.state not in states for visit in self):
            raise UserError(message)

    def action_plan(self):
        self._check_state(("draft",), self.env._("Only a draft visit can be planned."))
        for visit in self.sudo():
            if not visit.date_visit:
                raise UserError(
                    self.env._("Set the date of %(visit)s first.", visit=visit.name)
                )
            size = len(visit.team_member_ids)
            if not TEAM_MIN <= size <= TEAM_MAX:
                raise UserError(
                    self.env._(
                        "%(visit)s needs a team of %(min)s to %(max)s authorised "
                        "representatives (it has %(size)s).",
                        visit=visit.name,
                        min=TEAM_MIN,
                        max=TEAM_MAX,
                        size=size,
                    )
                )
            if not visit.lead_partner_id:
                raise UserError(
                    self.env._(
                        "Choose the lead representative of %(visit)s.",
                        visit=visit.name,
                    )
                )
        self._check_team_authorised()
        self.write({"state": "planned"})
        self._sync_calendar()

    def action_notify(self):
        self._check_state(
            ("planned",), self.env._("Only a planned visit can be notified.")
        )
        self.write(
            {"state": "notified", "date_notified": fields.Date.context_today(self)}
        )

    def action_visited(self):
        self._check_state(
            SCHEDULED,
            self.env._("Only a planned visit can be marked visited."),
        )
        self._check_team_authorised()
        today = fields.Date.context_today(self)
        for visit in self:
            if not visit.visit_day or visit.visit_day > today:
                raise UserError(
                    self.env._("%(visit)s has not taken place yet.", visit=visit.name)
                )
            missing = visit._undeclared()
            if missing:
                raise UserError(
                    self.env._(
                        "%(visit)s cannot be marked visited: a declaration of "
                        "interest is missing from %(people)s.",
                        visit=visit.name,
                        people=", ".join(missing.mapped("name")),
                    )
                )
        self.write({"state": "visited"})

    def action_draft_report(self):
        self._check_state(("visited",), self.env._("Write the report after the visit."))
        if any(not visit.report_body for visit in self):
            raise UserError(self.env._("Write the report before marking it drafted."))
        self.write({"state": "report_drafted"})

    def action_send_report(self):
        """Mail the report, as a PDF, to the provider's nominated lead, with a
        copy to the commissioner and the company's statutory recipients,
        through the mail queue; the mail stays in the visit's chatter."""
        self._check_state(
            ("report_drafted",), self.env._("Only a drafted report can be sent.")
        )
        for visit in self:
            if not visit.provider_id.link_partner_lead_id.email:
                raise UserError(visit._no_lead_message("report"))
        today = fields.Date.context_today(self)
        for visit in self:
            visit.write(
                {
                    "state": "report_sent",
                    "date_report_sent": visit.date_report_sent or today,
                }
            )
        # Queued (the mail queue sends it, with retries), not sent while the
        # officer waits: a PDF to several recipients.
        self.with_context(mail_notify_force_send=False).message_post_with_source(
            "link_enter_view.mail_template_link_ev_report",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _no_lead_message(self, what):
        self.ensure_one()
        provider = self.provider_id
        lead = provider.link_partner_lead_id
        if what == "report":
            intro = self.env._(
                "The report of %(visit)s cannot be sent", visit=self.name
            )
        else:
            intro = self.env._(
                "No letter about the refusal of %(visit)s could be sent",
                visit=self.name,
            )
        if lead:
            todo = self.env._(
                "%(lead)s, the nominated lead of %(provider)s, has no email "
                "address: add it to their contact.",
                lead=lead.name,
                provider=provider.name,
            )
        else:
            todo = self.env._(
                "%(provider)s has no nominated lead: open %(provider)s and set "
                "“Their nominated lead” (one of its contacts, with an email "
                "address).",
                provider=provider.name or self.env._("the provider"),
            )
        return f"{intro}: {todo}"

    def _report_copies(self):
        """Who gets a copy of the report: the commissioner (through its
        nominated lead when it has one with an email) and the company's
        statutory recipients, those with an email, not the provider's lead."""
        self.ensure_one()
        commissioner = self.commissioner_id
        lead = commissioner.link_partner_lead_id
        copies = (lead if lead.email else commissioner) | (
            self.company_id.link_ev_report_recipient_ids
        )
        return copies.filtered("email") - self.provider_id.link_partner_lead_id

    def _report_recipients(self):
        """The partners a visit report is mailed to (the template's
        recipients): the provider's nominated lead, then the copies."""
        self.ensure_one()
        return self.provider_id.link_partner_lead_id | self._report_copies()

    def _refusal_recipients(self):
        """The letter recording a refusal of entry: the provider's nominated
        lead, copied to the commissioner (its lead when it has one)."""
        self.ensure_one()
        commissioner = self.commissioner_id
        lead = commissioner.link_partner_lead_id
        return (
            self.provider_id.link_partner_lead_id
            | (lead if lead.email else commissioner)
        ).filtered("email")

    def action_response_received(self):
        self._check_state(
            ("report_sent",),
            self.env._("A response is recorded once the report has been sent."),
        )
        if any(not visit.response for visit in self):
            raise UserError(self.env._("Enter the provider's response first."))
        today = fields.Date.context_today(self)
        for visit in self:
            visit.write(
                {
                    "state": "response_received",
                    "date_response": visit.date_response or today,
                }
            )

    def action_publish(self):
        self._check_state(
            ("report_sent", "response_received"),
            self.env._("Only a report sent to the provider can be published."),
        )
        today = fields.Date.context_today(self)
        for visit in self:
            if (
                visit.state == "report_sent"
                and visit.response_requested
                and visit.response_due_date
                and visit.response_due_date >= today
            ):
                raise UserError(
                    self.env._(
                        "The provider has until %(due)s to respond to %(visit)s: "
                        "publish after that date, or record the response.",
                        due=visit.response_due_date.strftime("%d/%m/%Y"),
                        visit=visit.name,
                    )
                )
        self.recommendation_ids.filtered(lambda r: not r.answer).write(
            {"status": "no_answer"}
        )
        self.write({"state": "published", "date_published": today})

    def action_take_down(self):
        """Withdraw published reports from the public pages, with the reason
        (tracked): staff choose what is public."""
        self._check_state(
            ("published",),
            self.env._("Only a published report can be taken down."),
        )
        if any(visit.taken_down for visit in self):
            raise UserError(self.env._("This report is already taken down."))
        if any(not (visit.takedown_reason or "").strip() for visit in self):
            raise UserError(
                self.env._(
                    "Write why the report is taken down (Publication tab) first."
                )
            )
        self.write(
            {"taken_down": True, "date_taken_down": fields.Date.context_today(self)}
        )

    def action_put_back(self):
        """Show a report that was taken down on the public pages again; the
        reason stays in the chatter, and a later take-down gives its own."""
        self._check_state(
            ("published",),
            self.env._("Only a published report can be put back on the website."),
        )
        self.write(
            {"taken_down": False, "date_taken_down": False, "takedown_reason": False}
        )

    def action_cancel(self):
        self._check_state(
            BEFORE_VISIT, self.env._("Only a visit yet to take place can be cancelled.")
        )
        if any(not visit.cancel_reason for visit in self):
            raise UserError(
                self.env._("Say why the visit is cancelled, for the provider and team.")
            )
        self.write({"state": "cancelled"})
        self._sync_calendar()
        for visit in self.sudo():
            visit.message_post(
                body=self.env._(
                    "Visit cancelled: %(reason)s", reason=visit.cancel_reason
                ),
                partner_ids=(visit.lead_partner_id | visit.provider_contact_id).ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_reschedule(self):
        """Cancel this visit and open a new one, with the same premises and
        team, linked to it: the old date stays in the history."""
        self.ensure_one()
        if not self.cancel_reason:
            self.cancel_reason = self.env._("Rescheduled")
        self.action_cancel()
        team = self.sudo().team_member_ids
        new = self.copy(
            {
                "rescheduled_from_id": self.id,
                "date_visit": False,
                "team_member_ids": [
                    Command.create(
                        {"partner_id": m.partner_id.id, "is_lead": m.is_lead}
                    )
                    for m in team
                ],
            }
        )
        self.message_post(
            body=self.env._("Rescheduled as %(new)s.", new=new._get_html_link())
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_revisit(self):
        """A new draft visit to the same premises that follows up this one's
        recommendations; the team is chosen afresh."""
        self.ensure_one()
        self._check_state(
            REPORT_SENT,
            self.env._("A revisit follows a visit whose report was sent."),
        )
        new = self.copy({"predecessor_id": self.id, "date_visit": False})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_refuse(self):
        self._check_state(
            SCHEDULED,
            self.env._("Entry can only be refused on a planned visit."),
        )
        if any(not visit.refusal_reason for visit in self):
            raise UserError(self.env._("Record the reason the provider gave."))
        self.write({"state": "refused"})
        self._sync_calendar()
        self._escalate_refusal()

    def _escalate_refusal(self):
        """A refusal of entry is taken up (Lewisham protocol: "any concerns
        about refusal should be reported to the relevant Head of PPI or
        service"): a letter recording it and the reason given to the
        provider's nominated lead, copied to the commissioner, and an
        activity, once, for the LINk's lead for the provider (else the
        escalation manager, else the host officer) to follow it up."""
        lettered = self.filtered(
            lambda visit: visit.provider_id.link_partner_lead_id.email
        )
        lettered.with_context(mail_notify_force_send=False).message_post_with_source(
            "link_enter_view.mail_template_link_ev_refusal",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        for visit in self - lettered:
            visit.message_post(body=visit._no_lead_message("refusal"))
        self._schedule_once(
            "link_enter_view.mail_activity_type_link_ev_refused",
            "refusal_escalated",
            lambda visit: visit._refusal_follow_up_users(),
            lambda visit: fields.Date.context_today(visit),
            self.env._("Entry refused: follow it up with the provider"),
        )

    def _refusal_follow_up_users(self):
        """Who follows a refusal up, first choice first: our lead for the
        provider, the company's escalation manager, the host officer."""
        return (
            self.provider_id.link_our_lead_id
            | self.company_id.link_escalation_user_id
            | self.user_id
        )

    # --- public pages -------------------------------------------------------------

    @api.model
    def _public_domain(self):
        """What the public pages show: published reports staff did not take
        down (a cancelled, draft or unpublished visit never matches)."""
        return [("state", "=", "published"), ("taken_down", "=", False)]

    @api.model
    def _public_count(self):
        return self.sudo().search_count(self._public_domain())

    @api.model
    def _public_reports(self, visit_id=None, offset=0, limit=None):
        """The published reports as plain values for the public pages, newest
        visit first (one report with ``visit_id``). Read as the superuser,
        only PUBLIC_FIELDS and the names and towns of the premises and
        provider: what the pages show is all they are given."""
        domain = self._public_domain()
        if visit_id is not None:
            domain = [*domain, ("id", "=", visit_id)]
        visits = self.sudo().search_fetch(
            domain,
            PUBLIC_FIELDS,
            order="visit_day desc, id desc",
            offset=offset,
            limit=limit,
        )
        if not visits:
            return []
        (visits.premises_id | visits.provider_id).fetch(PUBLIC_PARTNER_FIELDS)
        recommendations = defaultdict(list)
        Recommendation = self.env["link.ev.recommendation"].sudo()
        statuses = dict(
            Recommendation._fields["status"]._description_selection(self.env)
        )
        if visit_id is not None:
            for rec in Recommendation.search_fetch(
                [("visit_id", "in", visits.ids)], PUBLIC_RECOMMENDATION_FIELDS
            ):
                recommendations[rec.visit_id.id].append(
                    {
                        "name": rec.name,
                        "answer": rec.answer,
                        "status": statuses.get(rec.status),
                        "answered": rec.status != "no_answer",
                    }
                )
        return [
            {
                "id": visit.id,
                "premises": visit.premises_id.name or visit.provider_id.name,
                "town": visit.premises_id.city or visit.provider_id.city,
                "provider": visit.provider_id.name,
                "day": visit.visit_day and visit.visit_day.strftime("%d/%m/%Y"),
                "theme": visit.theme,
                "purpose": visit.purpose,
                "report": visit.report_body,
                "recommendations": recommendations[visit.id],
                "response": None if is_html_empty(visit.response) else visit.response,
                "response_line": visit._public_response_line(),
            }
            for visit in visits
        ]

    def _public_response_line(self):
        """What a public page says of the provider's response."""
        self.ensure_one()
        if not is_html_empty(self.response):
            if self.date_response:
                return self.env._(
                    "Response received on %(day)s",
                    day=self.date_response.strftime("%d/%m/%Y"),
                )
            return self.env._("Response received")
        if not self.response_requested:
            return self.env._("No response was requested")
        if self.response_due_date:
            return self.env._(
                "No response by %(day)s",
                day=self.response_due_date.strftime("%d/%m/%Y"),
            )
        return self.env._("No response received")

    # --- what representatives write ----------------------------------------------

    def _declare(self, partner, interest, details):
        """``partner``'s own declaration of interest for this visit, made or
        changed while declarations are open (the portal form). A changed
        declaration is noted again (see the declaration's write). The line in
        the chatter is on the declaration, not the visit: the council monitor
        reads visits and their chatter, never who declared what."""
        self.ensure_one()
        if not self.can_declare:
            raise UserError(
                self.env._(
                    "Declarations of interest for %(visit)s were made before the "
                    "visit: yours can no longer change.",
                    visit=self.name,
                )
            )
        Declaration = self.env["link.ev.declaration"]
        if interest not in dict(Declaration._fields["interest"].selection):
            raise UserError(
                self.env._("Please say whether you have an interest to declare.")
            )
        if interest == "declared" and not (details or "").strip():
            raise UserError(
                self.env._("Please say what the interest is, so that it can be noted.")
            )
        vals = {
            "interest": interest,
            "details": (details or False) if interest == "declared" else False,
        }
        declaration = self._write_own("link.ev.declaration", partner, vals)
        declaration.message_post(
            body=self.env._("Declared through the portal."), author_id=partner.id
        )
        return declaration

    def _write_note(self, partner, body):
        """``partner``'s own observation notes for this visit, written or
        rewritten while notes are open (the portal form)."""
        self.ensure_one()
        if not self.can_note:
            raise UserError(
                self.env._(
                    "Observation notes are written while the visit is planned, "
                    "notified or visited: those of %(visit)s can no longer change.",
                    visit=self.name,
                )
            )
        if not (body or "").strip():
            raise UserError(self.env._("Please write your observations first."))
        return self._write_own("link.ev.note", partner, {"body": body})

    def _write_own(self, model, partner, vals):
        """Make or update ``partner``'s one record of ``model`` (declaration,
        notes) for this visit, if ``partner`` is on its team. sudo:
        representatives read theirs but do not write them directly; the
        record's own checks (notes not locked...) still apply."""
        if partner not in self.sudo().team_member_ids.partner_id:
            raise UserError(
                self.env._(
                    "%(person)s is not on the team of %(visit)s.",
                    person=partner.name,
                    visit=self.name,
                )
            )
        record = (
            self.env[model]
            .sudo()
            .search([("visit_id", "=", self.id), ("partner_id", "=", partner.id)])
        )
        if record:
            record.write(vals)
            return record
        return record.create({"visit_id": self.id, "partner_id": partner.id, **vals})

    # --- calendar ------------------------------------------------------------------

    # One meeting per visit with the team as attendees, moved with the visit
    # and archived when it is cancelled or entry refused (_sync_calendar).

    def _calendar_shown(self):
        return self.state in BEFORE_VISIT and bool(self.date_visit)

    def _calendar_event_values(self):
        return {
            "name": self.env._(
                "Enter and view: %(premises)s",
                premises=(self.premises_id or self.provider_id).name,
            ),
            "start": self.date_visit,
            "stop": self.date_visit + timedelta(hours=VISIT_HOURS),
            "partner_ids": [
                Command.set(
                    (self.team_member_ids.partner_id | self.user_id.partner_id).ids
                )
            ],
            "user_id": self.user_id.id,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    # --- deadlines --------------------------------------------------------------

    def _lead_user(self):
        users = self.sudo().lead_partner_id.user_ids.filtered(lambda u: not u.share)
        return users[:1] | self.user_id

    def _manager(self):
        return self.company_id.link_escalation_user_id | self.user_id

    @api.model
    def _cron_link_deadlines(self):
        """The lead is reminded before the report and the response are due,
        the manager told when either passes: once each, a batch at a time."""
        today = fields.Date.context_today(self)
        reminder = "link_enter_view.mail_activity_type_link_ev_due"
        overdue = "link_enter_view.mail_activity_type_link_ev_overdue"
        clocks = [
            (
                "report",
                [("state", "in", REPORT_OPEN)],
                self.env._("The visit report is due soon"),
                self.env._("The visit report is overdue"),
            ),
            (
                "response",
                [("state", "=", "report_sent"), ("response_requested", "=", True)],
                self.env._("The provider's response is due soon"),
                self.env._(
                    "No response from the provider: the report can be published"
                ),
            ),
        ]
        for clock, still_open, due_soon, missed in clocks:
            due = f"{clock}_due_date"
            self._schedule_once_matching(
                # Not once the date has passed: the overdue notice is the one.
                [
                    *still_open,
                    (f"{clock}_reminder_date", "<=", today),
                    (due, ">=", today),
                ],
                reminder,
                f"{clock}_reminder_done",
                lambda visit: visit._lead_user(),
                lambda visit, due=due: visit[due],
                due_soon,
            )
            self._schedule_once_matching(
                [*still_open, (due, "<", today)],
                overdue,
                f"{clock}_escalated",
                lambda visit: visit._manager(),
                lambda visit, due=due: visit[due],
                missed,
                replaces=reminder,
            )
        self.env["link.ev.recommendation"]._cron_link_follow_ups()
