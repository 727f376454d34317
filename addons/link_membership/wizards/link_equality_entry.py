# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.equality_questions import ANSWER_FIELDS, NOT_ASKED, answer_field
from ..models.link_equality_profile import CHANNELS


class LinkEqualityEntry(models.TransientModel):
    """Host staff key in a paper equality form; the answers go straight into
    the person's profile, which staff cannot read back.

    A question left blank keeps what is on file. When the person already has
    answers to questions being keyed, staff are told how many (never what
    they are) and confirm before they are replaced."""

    _name = "link.equality.entry"
    _description = "Record equality monitoring answers"

    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    date_answered = fields.Date(
        string="Answered on", required=True, default=fields.Date.context_today
    )
    channel = fields.Selection(CHANNELS, string="Answered through", default="paper")
    consent_date = fields.Date(string="Consent given on")

    ethnicity = answer_field("ethnicity")
    age_band = answer_field("age_band")
    sex = answer_field("sex")
    gender_identity_same = answer_field("gender_identity_same")
    religion = answer_field("religion")
    sexual_orientation = answer_field("sexual_orientation")
    disability = answer_field("disability")
    marriage = answer_field("marriage")
    pregnancy = answer_field("pregnancy")
    carer = answer_field("carer")

    existing_answer_count = fields.Integer(
        string="Answers on file",
        compute="_compute_existing_answer_count",
        help="How many of the questions keyed in already have an answer on "
        "file for this person. What those answers are is never shown.",
    )
    replace_warning = fields.Char(compute="_compute_existing_answer_count")
    confirm_replace = fields.Boolean(
        string="Replace the answers on file",
        help="Tick to replace the answers already on file for the questions "
        "keyed in. Questions left blank keep what is on file.",
    )

    def _keyed_questions(self):
        self.ensure_one()
        return [name for name in ANSWER_FIELDS if self[name]]

    @api.depends("partner_id", *ANSWER_FIELDS)
    def _compute_existing_answer_count(self):
        # Read as the superuser to count, never to show: only the number of
        # answered questions leaves this method.
        profiles = {
            profile.partner_id.id: profile
            for profile in self.env["link.equality.profile"]
            .sudo()
            .search([("partner_id", "in", self.partner_id.ids)])
        }
        for entry in self:
            profile = profiles.get(entry.partner_id.id)
            count = (
                sum(
                    1
                    for name in entry._keyed_questions()
                    if profile[name] and profile[name] != NOT_ASKED[0]
                )
                if profile
                else 0
            )
            entry.existing_answer_count = count
            entry.replace_warning = (
                self.env._(
                    "%(name)s already has answers on file for %(count)s of the "
                    "questions you keyed in. Tick “Replace the answers on file” "
                    "to replace them, or leave those questions blank to keep "
                    "what is on file.",
                    name=entry.partner_id.display_name,
                    count=count,
                )
                if count
                else False
            )

    def action_record(self):
        self.ensure_one()
        keyed = self._keyed_questions()
        if keyed:
            self.env["link.equality.profile"].sudo().search(
                [("partner_id", "=", self.partner_id.id)]
            )._check_not_objected()
        if self.existing_answer_count and not self.confirm_replace:
            raise UserError(self.replace_warning)
        vals = {
            "date_answered": self.date_answered,
            **{name: self[name] for name in keyed},
        }
        for name in ("channel", "consent_date"):
            if self[name]:
                vals[name] = self[name]
        self.env["link.equality.profile"]._record_answers(self.partner_id, vals)
        # Nothing of the answers stays readable by the person who keyed them in.
        self.unlink()
        return {"type": "ir.actions.act_window_close"}
