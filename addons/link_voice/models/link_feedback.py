# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

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
FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
# Fields of a feedback that its issue contact copies.
CONTACT_FIELDS = {"issue_id", "partner_id", "anonymous", "date", "channel"}


class LinkFeedback(models.Model):
    """What a member of the public told the LINk about a service: what was
    good, what was not, by which channel. Feedback attached to a community
    issue counts there as one contact ("500 calls from 1 person or 1 call
    from 500 people")."""

    _name = "link.feedback"
    _description = "Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
    contact_name = fields.Char(help="For a person who is not in the contacts.")
    contact_email = fields.Char()
    contact_phone = fields.Char()
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
    safeguarding_state = fields.Selection(
        [("none", "No concern"), ("open", "Concern open"), ("cleared", "Cleared")],
        default="none",
        required=True,
        readonly=True,
        index=True,
        copy=False,
        help="Whether a safeguarding concern was raised about this feedback. "
        "The concern itself is seen only by the safeguarding lead and managers; "
        "feedback with an open concern is never published.",
    )

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
