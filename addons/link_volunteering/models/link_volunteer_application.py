# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_id,
)
from odoo.addons.link_membership.models.res_partner import MEMBERSHIP_TYPES

# The steps an application goes through, and how many days each may take
# before the recruiting officer is reminded (an activity, once per step).
STALL_DAYS = {"submitted": 5, "references": 14, "checks": 21}
OPEN_STATES = tuple(STALL_DAYS)
# Lengths the public form keeps (its inputs say the same with maxlength).
PUBLIC_LENGTHS = {
    "name": 100,
    "email": 254,
    "phone": 40,
    "zip": 12,
    "referee_name": 100,
    "referee_email": 254,
    "relationship": 200,
}
TEXT_MAX = 4000
REFEREES_ON_FORM = 2
APPLICATIONS_PER_HOUR = 5


class LinkVolunteerApplication(models.Model):
    _name = "link.volunteer.application"
    _description = "Volunteer application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.public.rate.mixin",
    ]
    _public_rate_scope = "link_volunteering.apply"
    _order = "date_submitted desc, id desc"
    _rec_names_search = ["name", "partner_id"]

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    zip = fields.Char(related="partner_id.zip", string="Postcode", readonly=False)
    role_ids = fields.Many2many(
        "link.volunteer.role",
        string="Roles of interest",
        help="The kinds of volunteering the applicant would like to do.",
    )
    motivation = fields.Text(string="Why they would like to volunteer")
    availability = fields.Text(string="When they are free")
    date_submitted = fields.Datetime(
        string="Applied on", default=fields.Datetime.now, readonly=True, index=True
    )
    state = fields.Selection(
        [
            ("submitted", "New"),
            ("references", "Awaiting references"),
            ("checks", "DBS and induction"),
            ("approved", "Volunteer"),
            ("declined", "Not taken forward"),
            ("withdrawn", "Withdrawn"),
        ],
        default="submitted",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    date_state = fields.Date(
        string="At this step since",
        default=fields.Date.context_today,
        readonly=True,
        copy=False,
    )
    stall_date = fields.Date(
        string="Stalled from",
        compute="_compute_stall_date",
        store=True,
        index=True,
        help="The day the recruiting officer is reminded if the application "
        "is still at this step.",
    )
    stall_notified = fields.Date(copy=False, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recruiting officer",
        domain=[("share", "=", False)],
        default=lambda self: self.env.company.link_volunteer_coordinator_id,
        tracking=True,
        index=True,
    )
    membership_type = fields.Selection(
        MEMBERSHIP_TYPES,
        string="Joins as",
        default="participant",
        required=True,
        help="The membership the applicant gets when approved, if they are "
        "not a member already.",
    )
    reference_ids = fields.One2many(
        "link.volunteer.reference", "application_id", string="References"
    )
    references_required = fields.Integer(
        default=REFEREES_ON_FORM,
        help="How many satisfactory references are needed before approval.",
    )
    reference_ok_count = fields.Integer(
        string="Satisfactory references",
        compute="_compute_reference_counts",
        store=True,
    )
    reference_pending_count = fields.Integer(
        string="References awaited", compute="_compute_reference_counts", store=True
    )
    dbs_type_id = fields.Many2one(
        "link.qualification.type",
        string="DBS check needed",
        default=lambda self: self.env.ref(
            "link_membership.qualification_type_dbs_enhanced", raise_if_not_found=False
        ),
        help="Leave empty when the roles of interest need no DBS check.",
    )
    dbs_qualification_id = fields.Many2one(
        "link.qualification",
        string="DBS record",
        compute="_compute_dbs",
    )
    dbs_ok = fields.Boolean(string="DBS check valid", compute="_compute_dbs")
    induction_step_ids = fields.One2many(
        "link.induction.step", "application_id", string="Induction"
    )
    induction_done = fields.Boolean(
        compute="_compute_induction_done", store=True, string="Induction complete"
    )
    induction_progress = fields.Char(compute="_compute_induction_done", store=True)
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        string="Possible duplicates",
        compute="_compute_duplicate_partner_ids",
        help="Other contacts with the same email, or the same name and "
        "postcode: the applicant may be a member already.",
    )
    decline_reason = fields.Text(string="Reason not taken forward", tracking=True)
    date_approved = fields.Date(string="Approved on", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "references_required_positive",
            "CHECK(references_required >= 0)",
            "The number of references needed cannot be negative.",
        ),
    ]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, __ in self._fields["state"].selection]

    @api.depends("state", "date_state")
    def _compute_stall_date(self):
        for application in self:
            days = STALL_DAYS.get(application.state)
            application.stall_date = (
                application.date_state + timedelta(days=days)
                if days and application.date_state
                else False
            )

    @api.depends("reference_ids.state", "reference_ids.suitable")
    def _compute_reference_counts(self):
        for application in self:
            references = application.reference_ids
            application.reference_ok_count = len(
                references.filtered(
                    lambda r: r.state == "received" and r.suitable != "no"
                )
            )
            application.reference_pending_count = len(
                references.filtered(lambda r: r.state == "requested")
            )

    @api.depends("induction_step_ids.done")
    def _compute_induction_done(self):
        for application in self:
            steps = application.induction_step_ids
            done = len(steps.filtered("done"))
            application.induction_done = bool(steps) and done == len(steps)
            application.induction_progress = f"{done} / {len(steps)}"

    @api.depends("partner_id.email", "partner_id.name", "partner_id.zip")
    def _compute_duplicate_partner_ids(self):
        for application in self:
            application.duplicate_partner_ids = (
                application.partner_id._link_find_duplicates()
                if application.partner_id
                else False
            )

    @api.depends("partner_id", "dbs_type_id")
    @api.depends_context("date")
    def _compute_dbs(self):
        """The applicant's latest record of the DBS check needed, and whether
        it is valid today; read for all applications in one query."""
        Qualification = self.env["link.qualification"]
        with_dbs = self.filtered(lambda a: a.partner_id and a.dbs_type_id)
        latest = {}
        if with_dbs:
            for qualification in Qualification.sudo().search(
                [
                    ("partner_id", "in", with_dbs.partner_id.ids),
                    ("type_id", "in", with_dbs.dbs_type_id.ids),
                ],
                order="date_obtained desc, id desc",
            ):
                key = (qualification.partner_id.id, qualification.type_id.id)
                latest.setdefault(key, qualification)
        for application in self:
            qualification = latest.get(
                (application.partner_id.id, application.dbs_type_id.id), Qualification
            )
            application.dbs_qualification_id = qualification.with_env(self.env)
            application.dbs_ok = qualification.state in ("valid", "expiring")

    # ------------------------------------------------------------------
    # Create, delete
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("link.volunteer.application")
        applications = super().create(vals_list)
        applications._add_induction_steps()
        return applications

    def write(self, vals):
        if "state" not in vals:
            return super().write(vals)
        moving = self.filtered(lambda a: a.state != vals["state"])
        res = super().write({**vals, "date_state": fields.Date.context_today(self)})
        # The reminder of the step left behind goes with it.
        moving._close_reminders()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_open(self):
        if any(a.state not in ("declined", "withdrawn") for a in self):
            raise UserError(
                self.env._(
                    "This application is still open or was approved: decline "
                    "it, or mark it withdrawn, instead of deleting it. Only "
                    "applications not taken forward or withdrawn can be "
                    "deleted, when their retention period ends."
                )
            )

    def _public_rate_limit(self):
        return APPLICATIONS_PER_HOUR

    def _public_rate_refusal(self):
        return self.env._(
            "We have had several applications from your connection in the "
            "last hour, so we cannot take more just now. Please try again "
            "in an hour, or phone us."
        )

    def _add_induction_steps(self):
        # Active checklist steps: a short list kept by the managers.
        items = (
            self.env["link.induction.item"]
            .sudo()
            .search([("active", "=", True)], limit=100)
        )
        values = [
            {
                "application_id": application.id,
                "name": item.name,
                "sequence": item.sequence,
            }
            for application in self.filtered(lambda a: not a.induction_step_ids)
            for item in items
        ]
        if values:
            self.env["link.induction.step"].sudo().create(values)

    # ------------------------------------------------------------------
    # The public form
    # ------------------------------------------------------------------

    @api.model
    def _public_roles(self):
        """The roles the public form offers: {id: name}."""
        roles = self.env["link.volunteer.role"].sudo().search_fetch([], ["name"])
        return {role.id: role.name for role in roles}

    @api.model
    def _typed(self, value, label, max_length=TEXT_MAX, required=False):
        text = link_plain_text(value if isinstance(value, str) else "").strip()
        if len(text) > max_length:
            raise UserError(
                self.env._(
                    "%(label)s is too long: please keep it under %(max)s characters.",
                    label=label,
                    max=max_length,
                )
            )
        if required and not text:
            raise UserError(self.env._("Please fill in %(label)s.", label=label))
        return text

    @api.model
    def _typed_email(self, value, label, required=True):
        text = self._typed(value, label, PUBLIC_LENGTHS["email"], required)
        if not text:
            return ""
        email = email_normalize(text)
        if not email:
            raise UserError(
                self.env._(
                    "%(label)s: “%(value)s” is not an email address.",
                    label=label,
                    value=text[:60],
                )
            )
        return email

    @api.model
    def _submit_public(self, values, role_ids, address):
        """An application sent from the public form: the one way the public
        creates applications. Reads only the form's fields, as plain text;
        refuses with a message the person understands; stores the person,
        the application and the referees together or nothing. Returns the
        application (as superuser: the public user cannot read it)."""
        name = self._typed(
            values.get("name"), self.env._("Your name"), PUBLIC_LENGTHS["name"], True
        )
        email = self._typed_email(values.get("email"), self.env._("Your email"))
        phone = self._typed(
            values.get("phone"), self.env._("Your phone"), PUBLIC_LENGTHS["phone"]
        )
        postcode = self._typed(
            values.get("zip"), self.env._("Your postcode"), PUBLIC_LENGTHS["zip"]
        )
        motivation = self._typed(
            values.get("motivation"),
            self.env._("Why you would like to volunteer"),
            required=True,
        )
        availability = self._typed(
            values.get("availability"), self.env._("When you are free")
        )
        if not values.get("consent"):
            raise UserError(
                self.env._(
                    "Please tick the box to agree that we keep your application "
                    "and contact your referees."
                )
            )
        referees = []
        for number in range(1, REFEREES_ON_FORM + 1):
            referee_name = self._typed(
                values.get(f"referee{number}_name"),
                self.env._("The name of referee %(number)s", number=number),
                PUBLIC_LENGTHS["referee_name"],
                True,
            )
            referee_email = self._typed_email(
                values.get(f"referee{number}_email"),
                self.env._("The email of referee %(number)s", number=number),
            )
            relationship = self._typed(
                values.get(f"referee{number}_relationship"),
                self.env._("How referee %(number)s knows you", number=number),
                PUBLIC_LENGTHS["relationship"],
            )
            referees.append((referee_name, referee_email, relationship))
        referee_emails = [referee[1] for referee in referees]
        if email in referee_emails:
            raise UserError(
                self.env._("A referee must be someone other than yourself.")
            )
        if len(set(referee_emails)) < len(referee_emails):
            raise UserError(self.env._("Please give two different referees."))
        roles = self._public_roles()
        chosen = [
            role_id
            for role_id in {link_record_id(value) for value in role_ids or []}
            if role_id in roles
        ]
        key = self._claim_public_slot(address)
        partner = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": name,
                    "email": email,
                    "phone": phone or False,
                    "zip": postcode or False,
                }
            )
        )
        application = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "partner_id": partner.id,
                    "motivation": motivation,
                    "availability": availability or False,
                    "role_ids": [fields.Command.set(chosen)],
                    "source_key": key,
                    "reference_ids": [
                        fields.Command.create(
                            {
                                "referee_name": referee_name,
                                "referee_email": referee_email,
                                "relationship": relationship or False,
                            }
                        )
                        for referee_name, referee_email, relationship in referees
                    ],
                }
            )
        )
        application._send("link_volunteering.mail_template_application_received")
        return application

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _check_state(self, states, message):
        if any(application.state not in states for application in self):
            raise UserError(message)

    def action_request_references(self):
        """Mail each referee not asked yet their own link to the reference
        form; the application waits for the references."""
        self._check_state(
            ("submitted", "references"),
            self.env._("References are asked for new applications only."),
        )
        references = self.reference_ids.filtered(lambda r: r.state == "draft")
        if not references and any(
            not application.reference_ids.filtered(
                lambda r: r.state in ("requested", "received")
            )
            for application in self
        ):
            raise UserError(
                self.env._(
                    "Add the referees' names and email addresses first, on the "
                    "References tab."
                )
            )
        references._request()
        self.filtered(lambda a: a.state == "submitted").write({"state": "references"})
        self._move_to_checks()

    def _move_to_checks(self):
        """Applications with enough satisfactory references go on to the DBS
        check and the induction."""
        ready = self.filtered(
            lambda a: (
                a.state == "references"
                and a.reference_ok_count >= a.references_required
            )
        )
        if ready:
            ready.write({"state": "checks"})
            ready._add_induction_steps()
            for application in ready:
                application.message_post(
                    body=self.env._(
                        "Enough references received: on to the DBS check and the "
                        "induction."
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def action_skip_references(self):
        """References already held (a returning volunteer): straight to the
        checks."""
        self._check_state(
            ("submitted", "references"),
            self.env._("Only new applications or those awaiting references move on."),
        )
        self.write({"state": "checks"})
        self._add_induction_steps()

    def action_record_dbs(self):
        """Open a new DBS record of the applicant (the qualification the
        rosters check)."""
        self.ensure_one()
        if not self.dbs_type_id:
            raise UserError(
                self.env._("Choose which DBS check is needed first (DBS check needed).")
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "link.qualification",
            "view_mode": "form",
            "target": "new",
            "name": self.env._("DBS check of %(name)s", name=self.partner_id.name),
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_type_id": self.dbs_type_id.id,
            },
        }

    def _approval_refusals(self):
        """Why this application cannot be approved yet (empty when it can)."""
        self.ensure_one()
        reasons = []
        if self.state != "checks":
            reasons.append(
                self.env._(
                    "%(ref)s is not at the DBS and induction step.", ref=self.name
                )
            )
        if self.reference_ok_count < self.references_required:
            reasons.append(
                self.env._(
                    "%(ref)s has %(count)s satisfactory reference(s) of the "
                    "%(needed)s needed.",
                    ref=self.name,
                    count=self.reference_ok_count,
                    needed=self.references_required,
                )
            )
        if self.dbs_type_id and not self.dbs_ok:
            reasons.append(
                self.env._(
                    "%(ref)s needs a valid %(dbs)s with its certificate checked.",
                    ref=self.name,
                    dbs=self.dbs_type_id.name,
                )
            )
        if not self.induction_done:
            reasons.append(
                self.env._(
                    "%(ref)s has induction steps still to do (%(progress)s done).",
                    ref=self.name,
                    progress=self.induction_progress,
                )
            )
        if not self.partner_id.email:
            reasons.append(
                self.env._(
                    "%(name)s needs an email address for the volunteer portal.",
                    name=self.partner_id.name,
                )
            )
        return reasons

    def action_approve(self):
        """The applicant becomes a volunteer: a member (if not one yet),
        flagged as a volunteer, invited to the volunteer portal."""
        reasons = [reason for a in self for reason in a._approval_refusals()]
        if reasons:
            raise UserError("\n".join(reasons))
        today = fields.Date.context_today(self)
        for application in self:
            partner = application.partner_id.sudo()
            values = {"link_is_volunteer": True}
            if not partner.link_membership_type:
                values["link_membership_type"] = application.membership_type
            partner.write(values)
        self.write({"state": "approved", "date_approved": today})
        self._invite_to_portal()
        self._send("link_volunteering.mail_template_application_approved")

    def _invite_to_portal(self):
        """A portal login for each new volunteer who has none (the portal
        invitation mail asks them to choose a password)."""
        partners = self.partner_id.filtered(
            lambda p: not p.with_context(active_test=False).user_ids
        )
        if not partners:
            return
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [fields.Command.set(partners.ids)]})
        )
        for wizard_user in wizard.user_ids:
            wizard_user.action_grant_access()

    def action_decline(self):
        self._check_state(
            OPEN_STATES, self.env._("Only an application in progress can be declined.")
        )
        if any(not application.decline_reason for application in self):
            raise UserError(
                self.env._(
                    "Write why the application is not taken forward first (it "
                    "stays on the record, not in the mail)."
                )
            )
        self.write({"state": "declined"})
        self.reference_ids.filtered(lambda r: r.state == "requested")._cancel()
        self._send("link_volunteering.mail_template_application_declined")

    def action_withdraw(self):
        self._check_state(
            OPEN_STATES,
            self.env._("Only an application in progress can be withdrawn."),
        )
        self.write({"state": "withdrawn"})
        self.reference_ids.filtered(lambda r: r.state == "requested")._cancel()

    def action_reopen(self):
        self._check_state(
            ("declined", "withdrawn"),
            self.env._("Only declined or withdrawn applications can be reopened."),
        )
        self.write({"state": "submitted"})

    def _close_reminders(self):
        """The reminders of a stalled step go once the application moves on."""
        if not self:
            return
        stalled = self.env.ref(
            "link_volunteering.mail_activity_type_application_stalled"
        )
        self.env["mail.activity"].sudo().search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", stalled.id),
            ]
        ).unlink()

    def _message_induction_progress(self):
        for application in self.filtered(
            lambda a: a.state == "checks" and a.induction_done
        ):
            application.message_post(
                body=self.env._("Induction complete."), subtype_xmlid="mail.mt_note"
            )

    def _send(self, template_xmlid):
        template = self.env.ref(template_xmlid).sudo()
        # On the record's chatter, so staff see what the applicant was told;
        # the template names the applicant as recipient.
        # Queued, not sent within the request (the mail cron sends them).
        for application in self.sudo().with_context(
            mail_post_autofollow=False, mail_notify_force_send=False
        ):
            application.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_stalled_steps(self):
        """Remind the recruiting officer (an activity, once per step) of
        each application that stays at a step longer than it should; remind
        referees once; let old reference links expire."""
        self.env["link.volunteer.reference"]._cron_references()
        today = fields.Date.context_today(self)
        company = self.env.company
        summaries = {
            "submitted": self.env._(
                "Volunteer application waiting: ask for the references"
            ),
            "references": self.env._(
                "Volunteer application: references overdue, chase the referees"
            ),
            "checks": self.env._(
                "Volunteer application: finish the DBS check and the induction"
            ),
        }
        for state, summary in summaries.items():
            self._schedule_once_matching(
                [("state", "=", state), ("stall_date", "<=", today)],
                "link_volunteering.mail_activity_type_application_stalled",
                "stall_notified",
                lambda a: (
                    a.user_id or (a.company_id or company).link_volunteer_coordinator_id
                ),
                lambda a: a.stall_date,
                summary,
            )
