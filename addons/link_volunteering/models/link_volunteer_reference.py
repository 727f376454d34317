# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

# How long a referee's link works, and when the referee is reminded once.
TOKEN_DAYS = 30
REMINDER_DAYS = 7
YEARS_MAX = 99


class LinkReferenceRefused(UserError):
    """The reference form cannot be used with this link any more (answered,
    withdrawn or expired): the page says so, with nothing personal."""


class LinkVolunteerReference(models.Model):
    _name = "link.volunteer.reference"
    _description = "Reference for a volunteer applicant"
    _inherit = ["link.activity.once.mixin", "link.row.lock.mixin"]
    _order = "application_id, id"
    _rec_name = "referee_name"

    application_id = fields.Many2one(
        "link.volunteer.application",
        required=True,
        index=True,
        ondelete="cascade",
    )
    applicant_id = fields.Many2one(
        related="application_id.partner_id", string="Applicant"
    )
    referee_name = fields.Char(string="Referee", required=True)
    referee_email = fields.Char(string="Referee's email", required=True)
    relationship = fields.Char(string="Knows the applicant as")
    state = fields.Selection(
        [
            ("draft", "To ask"),
            ("requested", "Asked"),
            ("received", "Received"),
            ("declined", "Referee declined"),
            ("expired", "Link expired"),
            ("cancelled", "No longer needed"),
        ],
        default="draft",
        required=True,
        index=True,
        copy=False,
    )
    access_token = fields.Char(copy=False, readonly=True, index=True)
    date_requested = fields.Datetime(string="Asked on", readonly=True, copy=False)
    date_expiry = fields.Datetime(string="Link valid until", readonly=True, copy=False)
    date_received = fields.Datetime(string="Received on", readonly=True, copy=False)
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    concern_notified = fields.Boolean(readonly=True, copy=False)
    # The referee's answers.
    years_known = fields.Integer(string="Years known", readonly=True)
    suitable = fields.Selection(
        [
            ("yes", "Yes"),
            ("unsure", "Not sure"),
            ("no", "No"),
        ],
        string="Suitable to volunteer",
        readonly=True,
    )
    comments = fields.Text(readonly=True)
    concerns = fields.Text(
        readonly=True,
        help="Anything the referee thinks the LINk should know before the "
        "applicant works with the public or vulnerable people.",
    )
    reference_url = fields.Char(compute="_compute_reference_url")
    company_id = fields.Many2one(related="application_id.company_id", store=True)

    _sql_constraints = [
        (
            "access_token_unique",
            "unique(access_token)",
            "Each reference link is different.",
        ),
    ]

    def _compute_reference_url(self):
        base = self[:1].get_base_url()
        for reference in self:
            reference.reference_url = (
                f"{base}/volunteer/reference/{reference.access_token}"
                if reference.access_token
                else False
            )

    def _request(self):
        """Give each reference its own link, valid TOKEN_DAYS, and mail it."""
        now = fields.Datetime.now()
        for reference in self:
            reference.write(
                {
                    "state": "requested",
                    "access_token": secrets.token_urlsafe(32),
                    "date_requested": now,
                    "date_expiry": now + timedelta(days=TOKEN_DAYS),
                    "reminder_sent": False,
                }
            )
        self._send("link_volunteering.mail_template_reference_request")

    def action_request_again(self):
        """A new link (the old one stops working) for a referee who lost the
        mail or let the link expire."""
        if any(r.state not in ("requested", "expired", "draft") for r in self):
            raise UserError(
                self.env._("Only references not received yet can be asked again.")
            )
        if any(
            r.application_id.state not in ("submitted", "references", "checks")
            for r in self
        ):
            raise UserError(
                self.env._("The application is decided: no reference is needed.")
            )
        self._request()
        self.application_id.filtered(lambda a: a.state == "submitted").write(
            {"state": "references"}
        )

    def _cancel(self):
        self.write({"state": "cancelled"})

    def _send(self, template_xmlid):
        if self:
            self.env.ref(template_xmlid).sudo().send_mail_batch(self.ids)

    # ------------------------------------------------------------------
    # The referee's form
    # ------------------------------------------------------------------

    @api.model
    def _from_token(self, token):
        """The reference a link names, as superuser, or an empty recordset:
        the same for a token that never existed and one withdrawn."""
        if not isinstance(token, str) or not 20 <= len(token) <= 64:
            return self.browse()
        return self.sudo().search([("access_token", "=", token)], limit=1)

    def _form_refusal(self):
        """Why this reference's form is closed, or False."""
        self.ensure_one()
        if self.state == "received":
            return self.env._("Thank you: we have received your reference.")
        if self.state == "declined":
            return self.env._("Thank you: we have noted that you cannot give one.")
        if self.state == "expired" or (
            self.state == "requested" and self.date_expiry < fields.Datetime.now()
        ):
            return self.env._(
                "This link has expired. If you would still like to give a "
                "reference, please reply to our email and we will send a new one."
            )
        if self.state != "requested":
            return self.env._("This reference is no longer needed. Thank you.")
        return False

    def _submit(self, values):
        """The referee's answers: once, within the link's life. Returns the
        reference."""
        self.ensure_one()
        # A referee pressing twice: the second waits, then finds it received.
        self._lock_rows(["state"], claim=True)
        if refusal := self._form_refusal():
            raise LinkReferenceRefused(refusal)
        Application = self.env["link.volunteer.application"]
        if values.get("decline"):
            self.write({"state": "declined", "date_received": fields.Datetime.now()})
            self._notify_concern()
            return self
        suitable = values.get("suitable")
        if suitable not in ("yes", "unsure", "no"):
            raise UserError(
                self.env._(
                    "Please say whether you think they would make a good volunteer."
                )
            )
        years = values.get("years_known") or "0"
        if not (
            isinstance(years, str) and years.isdecimal() and int(years) <= YEARS_MAX
        ):
            raise UserError(
                self.env._(
                    "How many years have you known them? Give a whole number from "
                    "0 to %(max)s.",
                    max=YEARS_MAX,
                )
            )
        comments = Application._typed(
            values.get("comments"), self.env._("Your reference"), required=True
        )
        concerns = Application._typed(
            values.get("concerns"), self.env._("Any concerns")
        )
        self.write(
            {
                "state": "received",
                "date_received": fields.Datetime.now(),
                "suitable": suitable,
                "years_known": int(years),
                "comments": comments,
                "concerns": concerns or False,
            }
        )
        self.application_id.message_post(
            body=self.env._(
                "Reference received from %(referee)s.", referee=self.referee_name
            ),
            subtype_xmlid="mail.mt_note",
        )
        if suitable == "no" or concerns:
            self._notify_concern()
        self.application_id._move_to_checks()
        return self

    def _notify_concern(self):
        """A referee who declines or raises a concern: the recruiting
        officer reads it now (an activity, once)."""
        company = self.env.company
        self._schedule_once(
            "mail.mail_activity_data_todo",
            "concern_notified",
            lambda r: (
                r.application_id.user_id
                or (r.company_id or company).link_volunteer_coordinator_id
            ),
            lambda r: fields.Date.context_today(r),
            self.env._("Volunteer application: read this reference before going on"),
            on=lambda r: r.application_id,
        )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_references(self):
        """Links past their life expire; referees who have not answered
        after REMINDER_DAYS get one reminder."""
        now = fields.Datetime.now()
        expired = self.search([("state", "=", "requested"), ("date_expiry", "<", now)])
        if expired:
            # The link keeps working only to say that it has expired.
            expired.write({"state": "expired"})
        domain = [
            ("state", "=", "requested"),
            ("reminder_sent", "=", False),
            ("date_requested", "<=", now - timedelta(days=REMINDER_DAYS)),
        ]
        while references := self.search(domain, limit=self._activity_batch, order="id"):
            references._send("link_volunteering.mail_template_reference_reminder")
            references.write({"reminder_sent": True})
