# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize, html2plaintext
from odoo.tools.mail import email_split_tuples
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_id,
)
from odoo.addons.link_membership.models.personal_details import (
    EMAIL_ADDRESS,
    PHONE_NUMBER,
)

CHANNELS = [
    ("web", "Web form"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("gateway", "Gateway or stall"),
    ("paper", "Paper"),
    ("survey", "Survey"),
]
# How each channel counts as a contact about a community issue.
CONTACT_CHANNEL = {
    "web": "web",
    "email": "email",
    "phone": "phone",
    "gateway": "event",
    "paper": "paper",
    "survey": "survey",
}
SENTIMENTS = [
    ("positive", "Positive"),
    ("mixed", "Mixed"),
    ("negative", "Negative"),
    ("neutral", "Neutral"),
]
# What screening looks for in the text to publish (names are looked for
# separately: the person's own, as the LINk knows it).
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|"
    "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
PERSONAL_DETAILS = {
    "email": EMAIL_ADDRESS,
    "phone": PHONE_NUMBER,
    "date": re.compile(
        r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
        rf"|\b\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?({MONTHS})\b"
        rf"|\b({MONTHS})\s+\d{{1,2}}(st|nd|rd|th)?\b",
        re.IGNORECASE,
    ),
}
PUBLICATION_STATES = [
    ("unscreened", "To screen"),
    ("published", "Published"),
    ("withheld", "Not for publication"),
]
# The sentiment a star rating on the public form stands for.
RATING_SENTIMENT = {
    1: "negative",
    2: "negative",
    3: "mixed",
    4: "positive",
    5: "positive",
}
FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
# The longest text a feedback keeps from a mail or the portal form.
FEEDBACK_TEXT_MAX = 10000
# Days after a shift ends during which its volunteers may still log what
# they heard there.
PORTAL_LOG_DAYS = 7
# What the public form accepts as attachments (by content, not by name).
PUBLIC_UPLOAD_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/pdf": "PDF",
}
PUBLIC_UPLOADS_MAX = 3
PUBLIC_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
# Lengths the public form keeps (the inputs say the same with maxlength).
PUBLIC_LENGTHS = {
    "service": 200,
    "contact_name": 100,
    "contact_email": 254,
    "contact_phone": 30,
    "postcode": 10,
}
# Fields of a feedback that its issue contact copies.
CONTACT_FIELDS = {"issue_id", "partner_id", "anonymous", "date", "channel"}


class LinkFeedback(models.Model):
    """What a member of the public told the LINk about a service: what was
    good, what was not, by which channel. Feedback attached to a community
    issue counts there as one contact ("500 calls from 1 person or 1 call
    from 500 people")."""

    _name = "link.feedback"
    _description = "Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.public.rate.mixin"]
    _public_rate_scope = "link_voice.public_feedback"
    _order = "date desc, id desc"
    _rec_names_search = ["name", "contact_name", "partner_id"]

    name = fields.Char(
        string="Reference",
        compute="_compute_name",
        store=True,
        readonly=True,
        copy=False,
        index="trigram",
    )
    active = fields.Boolean(default=True, tracking=True)
    channel = fields.Selection(
        CHANNELS, required=True, default="phone", index=True, tracking=True
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
        help="When the feedback was given.",
    )
    premises_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        domain=[("link_premises_kind", "!=", False)],
        tracking=True,
        help="Where the service was received: a surgery, a ward, a care home. "
        "Choose from the services register (LINk > Services).",
    )
    provider_id = fields.Many2one(
        "res.partner",
        compute="_compute_provider_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        domain=[("is_company", "=", True)],
        tracking=True,
        help="The organisation that runs the service; taken from the premises.",
    )
    what_good = fields.Text(string="What was good")
    what_bad = fields.Text(string="What could be better")
    theme_ids = fields.Many2many("link.feedback.theme", string="Themes")
    sentiment = fields.Selection(SENTIMENTS, index=True, tracking=True)
    rating = fields.Integer(
        aggregator="avg",
        help="From 1 (very poor) to 5 (excellent); 0 when no rating was given.",
    )
    is_compliment = fields.Boolean(
        string="Compliment",
        compute="_compute_is_compliment",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Good practice to pass on to the provider. Ticked for positive "
        "feedback; staff may change it.",
    )
    postcode = fields.Char(help="The person's postcode, or just its first part.")
    ward_id = fields.Many2one(
        "link.ward",
        compute="_compute_ward_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Found from the postcode when a ward lists its postcode districts.",
    )
    anonymous = fields.Boolean(
        tracking=True, help="The person did not give their name."
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", index="btree_not_null", tracking=True
    )
    consent_to_contact = fields.Boolean(
        string="May be contacted",
        help="The person agreed that the LINk contacts them about this feedback.",
    )
    contact_name = fields.Char(
        string="Contact name", help="For a person who is not in the contacts."
    )
    contact_email = fields.Char(string="Contact email")
    contact_phone = fields.Char(string="Contact phone")
    issue_id = fields.Many2one(
        "link.community.issue",
        string="Community issue",
        index="btree_not_null",
        tracking=True,
        help="The feedback then counts as a contact about the issue.",
    )
    issue_contact_ids = fields.One2many("link.community.issue.contact", "feedback_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Logged by",
        default=lambda self: self.env.user,
        index=True,
    )
    safeguarding_concern_ids = fields.One2many(
        "link.safeguarding.concern",
        "feedback_id",
        groups="link_membership.group_link_safeguarding,"
        "link_membership.group_link_manager",
    )
    safeguarding_state = fields.Selection(
        [("none", "No concern"), ("open", "Concern open"), ("cleared", "Cleared")],
        compute="_compute_safeguarding_state",
        compute_sudo=True,
        store=True,
        index=True,
        tracking=True,
        help="Whether a safeguarding concern was raised about this feedback. "
        "The concern itself is seen only by the safeguarding lead and managers; "
        "feedback with a concern not yet closed is never published.",
    )

    @api.depends("safeguarding_concern_ids.state")
    def _compute_safeguarding_state(self):
        for feedback in self:
            states = set(feedback.safeguarding_concern_ids.mapped("state"))
            if not states:
                feedback.safeguarding_state = "none"
            elif states == {"closed"}:
                feedback.safeguarding_state = "cleared"
            else:
                feedback.safeguarding_state = "open"

    def _raise_safeguarding(self, description):
        """Raise a safeguarding concern about this feedback, as whoever heard
        it (staff, or a volunteer through the portal), who may not read
        concerns: the concern is created as the superuser, in the raiser's
        name, and goes to the safeguarding lead."""
        self.ensure_one()
        description = self._typed_text(description, self.env._("The concern"))
        if not description:
            raise UserError(
                self.env._(
                    "Say what worries you: what was said or seen, in the words used."
                )
            )
        concern = (
            self.env["link.safeguarding.concern"]
            .sudo()
            .create(
                {
                    "feedback_id": self.id,
                    "description": description,
                    "raised_by_id": self.env.user.id,
                    "company_id": self.company_id.id,
                }
            )
        )
        self.sudo()._withdraw_if_no_longer_publishable()
        self.sudo().message_post(
            body=self.env._(
                "Safeguarding concern %(name)s raised: the safeguarding lead "
                "has been asked to act on it within 24 hours.",
                name=concern.name,
            ),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
        return concern

    def action_raise_safeguarding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Raise a safeguarding concern"),
            "res_model": "link.safeguarding.raise",
            "view_mode": "form",
            "target": "new",
            "context": {"default_feedback_id": self.id},
        }

    def action_view_safeguarding(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_voice.link_safeguarding_concern_action"
        )
        action["domain"] = [("feedback_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.depends("date")
    def _compute_name(self):
        """The reference is given once, from the year of the feedback: a
        later change of date keeps it."""
        Sequence = self.env["ir.sequence"].sudo()
        for feedback in self:
            if not feedback.name:
                feedback.name = Sequence.with_context(
                    ir_sequence_date=feedback.date
                ).next_by_code("link.feedback")

    @api.depends("premises_id")
    def _compute_provider_id(self):
        for feedback in self:
            premises = feedback.premises_id
            provider = (
                premises.link_provider_id or premises.parent_id.commercial_partner_id
            )
            feedback.provider_id = provider or feedback.provider_id

    @api.depends("sentiment")
    def _compute_is_compliment(self):
        for feedback in self:
            feedback.is_compliment = feedback.sentiment == "positive"

    @api.depends("postcode")
    def _compute_ward_id(self):
        wards = (
            self.env["link.ward"]._by_outward_code()
            if any(self.mapped("postcode"))
            else {}
        )
        for feedback in self:
            outward = (feedback.postcode or "").split(" ")[0]
            feedback.ward_id = wards.get(outward, feedback.ward_id)

    @api.model
    def _normalise_postcode(self, value):
        """A UK postcode in capitals with one space (BF1 2AB), or only its
        first part (BF1): people often give no more."""
        if not value or not isinstance(value, str):
            return value
        compact = re.sub(r"\s+", "", value.upper())
        full = FULL_POSTCODE.match(compact)
        if full:
            return f"{full[1]} {full[2]}"
        if OUTWARD_CODE.match(compact):
            return compact
        raise ValidationError(
            self.env._(
                "“%(postcode)s” is not a UK postcode: give it as BF1 2AB, or "
                "just its first part (BF1).",
                postcode=value[:20],
            )
        )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for feedback in self:
            if feedback.date > today:
                raise ValidationError(
                    self.env._(
                        "Feedback cannot be dated in the future (%(date)s).",
                        date=feedback.date,
                    )
                )

    @api.constrains("rating")
    def _check_rating(self):
        if self.filtered(lambda f: not 0 <= f.rating <= 5):
            raise ValidationError(
                self.env._("A rating is from 1 to 5 (0 when none was given).")
            )

    @api.constrains(
        "anonymous",
        "partner_id",
        "contact_name",
        "contact_email",
        "contact_phone",
        "consent_to_contact",
    )
    def _check_person(self):
        for feedback in self:
            details = (
                feedback.contact_name
                or feedback.contact_email
                or feedback.contact_phone
            )
            if feedback.anonymous and (feedback.partner_id or details):
                raise ValidationError(
                    self.env._(
                        "Anonymous feedback names nobody: clear the person and "
                        "the contact details, or untick Anonymous."
                    )
                )
            if feedback.consent_to_contact and not (
                feedback.partner_id or feedback.contact_email or feedback.contact_phone
            ):
                raise ValidationError(
                    self.env._(
                        "To contact the person the LINk needs them, or an email "
                        "or phone number."
                    )
                )

    @api.constrains("contact_email")
    def _check_contact_email(self):
        for feedback in self:
            if feedback.contact_email and not email_normalize(feedback.contact_email):
                raise ValidationError(
                    self.env._(
                        "“%(email)s” is not an email address.",
                        email=feedback.contact_email[:80],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "postcode" in vals:
                vals["postcode"] = self._normalise_postcode(vals["postcode"])
        records = super().create(vals_list)
        records.filtered("issue_id")._sync_issue_contacts()
        return records

    def write(self, vals):
        if "postcode" in vals:
            vals = dict(vals, postcode=self._normalise_postcode(vals["postcode"]))
        if "issue_id" in vals:
            self._check_leaving_issue(vals["issue_id"])
        res = super().write(vals)
        if CONTACT_FIELDS & set(vals):
            self._sync_issue_contacts()
        if {"active", "under_investigation"} & set(vals):
            self._withdraw_if_no_longer_publishable()
        return res

    def _check_leaving_issue(self, issue_id):
        """An assessed issue keeps its contacts: they are the evidence the
        steering group weighed."""
        left = self.issue_id.filtered(
            lambda issue: issue.state != "new" and issue.id != issue_id
        )
        if left:
            raise UserError(
                self.env._(
                    "The issue “%(issue)s” was assessed with this feedback as "
                    "evidence: it stays attached. Archive the feedback instead, "
                    "or log new feedback for the other issue.",
                    issue=left[0].name,
                )
            )

    def _issue_contact_values(self):
        self.ensure_one()
        return {
            "issue_id": self.issue_id.id,
            "partner_id": False if self.anonymous else self.partner_id.id,
            "date": self.date,
            "channel": CONTACT_CHANNEL[self.channel],
        }

    def _sync_issue_contacts(self):
        """Keep exactly one contact about its issue for each feedback that has
        an issue, and none for the others. Leaving an assessed issue is
        refused before (see write)."""
        Contact = self.env["link.community.issue.contact"]
        drop = Contact
        to_create = []
        to_write = defaultdict(lambda: Contact)
        for feedback in self:
            contact = feedback.issue_contact_ids[:1]
            if contact and contact.issue_id != feedback.issue_id:
                drop |= contact
                contact = Contact
            if not feedback.issue_id:
                continue
            values = feedback._issue_contact_values()
            if not contact:
                to_create.append({**values, "feedback_id": feedback.id})
            elif values != {
                "issue_id": contact.issue_id.id,
                "partner_id": contact.partner_id.id,
                "date": contact.date,
                "channel": contact.channel,
            }:
                to_write[tuple(sorted(values.items()))] |= contact
        drop.unlink()
        for values, contacts in to_write.items():
            contacts.write(dict(values))
        Contact.create(to_create)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Feedback is the LINk's record of what the public said: only a
        mistake is deleted, on the day it was logged and while it is not
        evidence of an assessed issue. Its issue contact goes with it, so
        the issue's counts stay right."""
        today = fields.Date.context_today(self)
        kept = self.sudo().filtered(
            lambda f: (
                (f.issue_id and f.issue_id.state != "new")
                or fields.Date.context_today(f, f.create_date) < today
            )
        )
        if kept:
            raise UserError(
                self.env._(
                    "Feedback %(name)s is kept: it was logged before today or is "
                    "evidence of an assessed issue. Archive it instead.",
                    name=kept[0].name,
                )
            )
        self.issue_contact_ids.unlink()

    # --- Email in and quick log ---
    shift_id = fields.Many2one(
        "link.shift",
        string="Gateway session",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The volunteer shift (a gateway session, a stall) where a "
        "volunteer heard this feedback.",
    )

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the feedback alias is feedback by email. The sender is
        the contact already known by that address, or a name and address
        kept on the feedback; consent to be contacted stays unticked, as a
        mail does not say it. The body is what could be better (staff move
        praise to what was good); the subject and the full mail stay on the
        record's messages, which the gateway posts next. Not calling super():
        it would put the subject in the reference."""
        email_from = msg_dict.get("email_from") or ""
        email = email_normalize(email_from)
        partner = self.env["res.partner"]
        if msg_dict.get("author_id"):
            partner = partner.browse(msg_dict["author_id"]).exists()
        elif email:
            partner = partner.search([("email_normalized", "=", email)], limit=1)
        text = self._text_from_mail(msg_dict)
        values = {
            "channel": "email",
            "date": self._date_from_mail(msg_dict.get("date")),
            "what_bad": text,
            "user_id": False,
            "company_id": self.env.company.id,
        }
        if partner:
            values["partner_id"] = partner.id
        elif email:
            name = (email_split_tuples(email_from) or [("", "")])[0][0]
            values.update(
                contact_name=link_plain_text(name).strip()[:100] or False,
                contact_email=email,
            )
        feedback = self.create({**values, **(custom_values or {})})
        feedback._acknowledge_mail()
        return feedback

    def _acknowledge_mail(self):
        """Answer the sender with the reference, marked as an automatic reply
        (RFC 3834) so that their own auto-responder does not answer back.
        Their reply to it threads on the feedback."""
        template = self.env.ref(
            "link_voice.mail_template_feedback_ack", raise_if_not_found=False
        )
        to_answer = self.filtered(lambda f: f.partner_id.email or f.contact_email)
        if template and to_answer:
            template.sudo().send_mail_batch(
                to_answer.ids,
                email_values={"headers": repr({"Auto-Submitted": "auto-replied"})},
            )

    @api.model
    def _text_from_mail(self, msg_dict):
        """The mail's words as plain text: the body, or the subject when the
        body is empty. A very long mail is cut, saying so; all of it stays
        in the message on the record."""
        text = link_plain_text(html2plaintext(msg_dict.get("body") or "")).strip()
        if not text:
            text = link_plain_text(msg_dict.get("subject") or "").strip()
        if len(text) > FEEDBACK_TEXT_MAX:
            text = text[:FEEDBACK_TEXT_MAX] + self.env._(
                "\n[…] The email is longer: read all of it in the messages below."
            )
        return text or False

    @api.model
    def _date_from_mail(self, value):
        """The day the mail was sent, in the LINk's time zone; never later
        than today (a sender's clock may be ahead)."""
        today = fields.Date.context_today(self)
        if not value:
            return today
        return min(
            fields.Date.context_today(self, fields.Datetime.to_datetime(value)), today
        )

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """A mail a machine sent by itself (an out-of-office reply, a
        newsletter: RFC 3834 ``Auto-Submitted``) is nobody's feedback: it
        makes no new feedback. Replies to an existing feedback still thread
        on it."""
        auto = (message.get("Auto-Submitted") or "no").strip().lower()
        if not route[1] and route[0] == self._name and auto != "no":
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        """Mail's loop guard counts the feedback a sender made by email
        lately: known contacts too, whose address is on their contact."""
        return [
            ("channel", "=", "email"),
            "|",
            ("contact_email", "=", email_from_normalized),
            ("partner_id.email_normalized", "=", email_from_normalized),
        ]

    @api.model
    def _portal_shifts(self, partner):
        """The shifts ``partner`` may log gateway feedback against now: they
        hold a confirmed (or attended) place, the shift has started and it
        ended less than PORTAL_LOG_DAYS days ago (time to write it up)."""
        now = fields.Datetime.now()
        places = (
            self.env["link.shift.assignment"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "=", partner.id),
                    ("state", "in", ("confirmed", "attended")),
                    ("shift_id.state", "!=", "cancelled"),
                    ("date_start", "<=", now),
                    ("date_end", ">=", now - timedelta(days=PORTAL_LOG_DAYS)),
                ],
                ["shift_id"],
                order="date_start desc, id",
            )
        )
        return places.shift_id

    @api.model
    def _portal_shift_or_refuse(self, shift, what):
        """``shift`` as superuser when the current volunteer may log
        ``what`` on it now (see _portal_shifts), else a refusal saying when
        they may."""
        shift = shift.sudo().exists()
        if not shift or shift not in self._portal_shifts(self.env.user.partner_id):
            raise UserError(
                self.env._(
                    "You can log %(what)s only on a shift you are booked on, "
                    "from its start until %(days)s days after it.",
                    what=what,
                    days=PORTAL_LOG_DAYS,
                )
            )
        return shift

    @api.model
    def _typed_text(self, value, label, max_length=FEEDBACK_TEXT_MAX):
        """What someone typed in a public or portal form, as plain text
        without the control characters no one types (NUL first), trimmed;
        refused, naming the box, when longer than ``max_length``."""
        text = link_plain_text(value if isinstance(value, str) else "").strip()
        if len(text) > max_length:
            raise UserError(
                self.env._(
                    "%(label)s is too long: please keep it under %(max)s characters.",
                    label=label,
                    max=max_length,
                )
            )
        return text

    @api.model
    def _log_from_portal(self, shift, values):
        """Feedback a volunteer heard at a gateway session, logged from the
        portal: the one way portal users create feedback. Only on a shift
        they may log against now (see _portal_shifts); only the fields of
        the portal form; the text as plain text. Returns the feedback, made
        as superuser but logged by the volunteer (so they see it after)."""
        user = self.env.user
        shift = self._portal_shift_or_refuse(shift, self.env._("feedback"))
        clean = {
            "what_good": self._typed_text(
                values.get("what_good"), self.env._("What was good")
            ),
            "what_bad": self._typed_text(
                values.get("what_bad"), self.env._("What could be better")
            ),
            # Cut, not refused: the form's boxes are no longer than this.
            "contact_name": link_plain_text(values.get("contact_name")).strip(),
            "postcode": link_plain_text(values.get("postcode")).strip(),
        }
        if not (clean["what_good"] or clean["what_bad"]):
            raise UserError(
                self.env._(
                    "Write what the person said: what was good, or what could "
                    "be better."
                )
            )
        sentiment = values.get("sentiment") or False
        if sentiment not in dict(SENTIMENTS):
            sentiment = False
        premises = self.env["res.partner"]
        premises_id = link_record_id(values.get("premises_id"))
        if premises_id:
            premises = premises.sudo().search(
                [("id", "=", premises_id), ("link_premises_kind", "!=", False)]
            )
        name = clean["contact_name"][:100]
        # Not a follower: staff replies on the record are not for them.
        feedback = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "channel": "gateway",
                    "shift_id": shift.id,
                    "date": fields.Date.context_today(self, shift.date_start),
                    "premises_id": premises.id,
                    "what_good": clean["what_good"] or False,
                    "what_bad": clean["what_bad"] or False,
                    "sentiment": sentiment,
                    "postcode": clean["postcode"][:10] or False,
                    "contact_name": name or False,
                    "anonymous": not name,
                    "user_id": user.id,
                    "company_id": shift.company_id.id or self.env.company.id,
                }
            )
        )
        if values.get("safeguarding"):
            feedback._raise_safeguarding(values.get("safeguarding_text"))
        return feedback

    # --- Moderation and publication (/what-people-said) ---
    publication_state = fields.Selection(
        PUBLICATION_STATES,
        string="Publication",
        default="unscreened",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        help="Nothing is public until staff have screened it: written what "
        "may be published, without names or dates, and published it.",
    )
    under_investigation = fields.Boolean(
        string="Under investigation",
        tracking=True,
        help="Being looked into (by the LINk, the provider's complaints "
        "process, the regulator): not published while ticked.",
    )
    public_text = fields.Text(
        string="What we publish",
        help="The words shown on the service's public page: what the person "
        "said, with names, dates and anything that could identify them "
        "removed.",
    )
    date_published = fields.Date(string="Published on", readonly=True, copy=False)
    provider_reply = fields.Text(
        string="Provider's reply",
        tracking=True,
        help="What the provider answered, published under the feedback.",
    )
    provider_reply_date = fields.Date(string="Replied on")

    @api.model
    def _published_domain(self):
        """What the public pages may show: published, and still clear of
        safeguarding and investigation (a concern raised later hides it at
        once, whatever else happens)."""
        return [
            ("publication_state", "=", "published"),
            ("active", "=", True),
            ("under_investigation", "=", False),
            ("safeguarding_state", "!=", "open"),
            ("premises_id", "!=", False),
        ]

    def _known_names(self):
        self.ensure_one()
        names = f"{self.partner_id.name or ''} {self.contact_name or ''}"
        return {word for word in re.findall(r"[^\W\d_]{3,}", names)}

    def _personal_details(self, text):
        """The names (of this feedback's person), email addresses, phone
        numbers and dates found in ``text``."""
        found = [
            match.group(0)
            for pattern in PERSONAL_DETAILS.values()
            for match in pattern.finditer(text or "")
        ]
        words = set(re.findall(r"[^\W\d_]+", text or ""))
        found += sorted(self._known_names() & words)
        return found

    def _publication_refusals(self):
        """Why this feedback may not be published yet (nothing: it may)."""
        self.ensure_one()
        refusals = []
        if not self.active:
            refusals.append(self.env._("it is archived"))
        if not self.premises_id:
            refusals.append(
                self.env._(
                    "choose its service from the register (it is published on "
                    "the service's page)"
                )
            )
        if not (self.public_text or "").strip():
            refusals.append(self.env._("write what we publish"))
        found = self._personal_details(self.public_text)
        if found:
            refusals.append(
                self.env._(
                    "remove names and dates from what we publish: %(found)s",
                    found=", ".join(f"“{item}”" for item in found[:5]),
                )
            )
        if self.under_investigation:
            refusals.append(self.env._("it is under investigation"))
        if self.safeguarding_state == "open":
            refusals.append(
                self.env._("a safeguarding concern about it is not yet closed")
            )
        return refusals

    def action_fill_public_text(self):
        """Start what we publish from what the person said, with the names,
        email addresses, phone numbers and dates found taken out; staff then
        read it through before publishing."""
        for feedback in self:
            text = "\n\n".join(
                part for part in (feedback.what_good, feedback.what_bad) if part
            )
            for kind, pattern in PERSONAL_DETAILS.items():
                text = pattern.sub(f"[{kind} removed]", text)
            for name in feedback._known_names():
                text = re.sub(rf"\b{re.escape(name)}\b", "[name removed]", text)
            feedback.public_text = text

    def action_publish(self):
        for feedback in self:
            refusals = feedback._publication_refusals()
            if refusals:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be published yet: %(refusals)s.",
                        name=feedback.name,
                        refusals="; ".join(refusals),
                    )
                )
        self.write(
            {
                "publication_state": "published",
                "date_published": fields.Date.context_today(self),
            }
        )
        return True

    def action_withhold(self):
        self.write({"publication_state": "withheld", "date_published": False})
        return True

    def action_unpublish(self):
        self.write({"publication_state": "unscreened", "date_published": False})
        return True

    def _withdraw_if_no_longer_publishable(self):
        """Published feedback that is archived, put under investigation or
        given a safeguarding concern goes back to screening, saying why."""
        withdrawn = self.filtered(
            lambda f: (
                f.publication_state == "published"
                and (
                    not f.active
                    or f.under_investigation
                    or f.safeguarding_state == "open"
                )
            )
        )
        if withdrawn:
            withdrawn.action_unpublish()
            withdrawn._message_log_batch(
                dict.fromkeys(
                    withdrawn.ids,
                    self.env._(
                        "Taken off the public page: it is archived, under "
                        "investigation or has a safeguarding concern."
                    ),
                )
            )

    # --- Public form (/share-your-experience) ---
    service_name = fields.Char(
        string="Service as named",
        help="The service as the person named it on the web form, when it is "
        "not in the services register: choose the service above when you "
        "know which it is.",
    )

    def _public_rate_limit(self):
        return self.env.company.link_feedback_hourly_limit

    def _public_rate_refusal(self):
        return self.env._(
            "We have had a lot of feedback from your connection in the "
            "last hour, so we cannot take more just now. Please try again "
            "in an hour, or phone us."
        )

    @api.model
    def _public_services(self):
        """The services register as the public form lists it: label (with
        the town, as several services share a name: "Riverside Surgery,
        Brookfield") -> service id."""
        services = (
            self.env["res.partner"]
            .sudo()
            .search_fetch(
                [("link_premises_kind", "!=", False)],
                ["name", "city"],
                order="name, id",
            )
        )
        labels = {}
        for service in services:
            label = f"{service.name}, {service.city}" if service.city else service.name
            labels.setdefault(label.strip(), service.id)
        return labels

    @api.model
    def _public_attachment_values(self, files):
        """``files``: (file name, content) pairs the form sent. Only photos
        and PDF documents, recognised by their content, a few and small."""
        files = [(name, content) for name, content in files if content]
        if len(files) > PUBLIC_UPLOADS_MAX:
            raise UserError(
                self.env._(
                    "Please attach at most %(max)s files.", max=PUBLIC_UPLOADS_MAX
                )
            )
        attachments = []
        for name, content in files:
            name = link_plain_text(name or "").strip()[:100] or "attachment"
            mimetype = guess_mimetype(content)
            if (
                mimetype not in PUBLIC_UPLOAD_TYPES
                or len(content) > PUBLIC_UPLOAD_MAX_BYTES
            ):
                raise UserError(
                    self.env._(
                        "“%(name)s” cannot be attached: send photos (JPEG or "
                        "PNG) or PDF documents of up to 5 MB each.",
                        name=name,
                    )
                )
            attachments.append({"name": name, "raw": content, "mimetype": mimetype})
        return attachments

    @api.model
    def _submit_public(self, values, files, address):
        """Feedback a member of the public shared on the web form: the one
        way the public creates feedback. Reads only the form's fields, as
        plain text; refuses with a message the person understands; stores
        the feedback and its attachments together or nothing. Returns the
        feedback (as superuser: the public user cannot read it)."""
        key = self._claim_public_slot(address)
        labels = (
            ("what_good", self.env._("What was good")),
            ("what_bad", self.env._("What could be better")),
        )
        text = {
            name: self._typed_text(values.get(name), label) for name, label in labels
        }
        if not (text["what_good"] or text["what_bad"]):
            raise UserError(
                self.env._(
                    "Please tell us about your experience: what was good, or "
                    "what could be better."
                )
            )
        field_labels = {
            "service": self.env._("The service"),
            "contact_name": self.env._("Your name"),
            "contact_email": self.env._("Your email"),
            "contact_phone": self.env._("Your phone number"),
            "postcode": self.env._("Your postcode"),
        }
        short = {
            name: self._typed_text(values.get(name), field_labels[name], length)
            for name, length in PUBLIC_LENGTHS.items()
        }
        rating = values.get("rating") or ""
        if rating not in ("", "1", "2", "3", "4", "5"):
            raise UserError(self.env._("Choose a rating from 1 to 5 stars, or none."))
        rating = int(rating or 0)
        consent = bool(values.get("consent_to_contact"))
        if consent and not (short["contact_email"] or short["contact_phone"]):
            raise UserError(
                self.env._(
                    "So that we can contact you, give your email address or "
                    "phone number (or untick the box)."
                )
            )
        attachments = self._public_attachment_values(files)
        service_id = self._public_services().get(short["service"])
        anonymous = not (
            short["contact_name"] or short["contact_email"] or short["contact_phone"]
        )
        feedback = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "channel": "web",
                    "premises_id": service_id or False,
                    "service_name": False if service_id else short["service"] or False,
                    "what_good": text["what_good"] or False,
                    "what_bad": text["what_bad"] or False,
                    "rating": rating,
                    "sentiment": RATING_SENTIMENT.get(rating, False),
                    "postcode": short["postcode"] or False,
                    "contact_name": short["contact_name"] or False,
                    "contact_email": short["contact_email"] or False,
                    "contact_phone": short["contact_phone"] or False,
                    "anonymous": anonymous,
                    "consent_to_contact": consent,
                    "user_id": False,
                    "source_key": key,
                    "company_id": self.env.company.id,
                }
            )
        )
        if attachments:
            self.env["ir.attachment"].sudo().create(
                [
                    {**values, "res_model": self._name, "res_id": feedback.id}
                    for values in attachments
                ]
            )
        if consent:
            feedback._acknowledge_mail()
        return feedback

    def action_quick_log_next(self):
        """Save & new of the quick log: the dialog opens again, empty, on
        the same channel, and says which reference was logged."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_voice.link_feedback_action_quick"
        )
        action["context"] = {"default_channel": self.channel}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(name)s logged.", name=self.name),
                "next": action,
            },
        }
