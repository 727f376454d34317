# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .equality_questions import ANSWER_FIELDS, answer_field

OFFICER = "link_membership.group_link_equality_officer"
CHANNELS = [
    ("paper", "Paper form"),
    ("online", "Online form"),
    ("phone", "Telephone"),
    ("in_person", "In person"),
    ("event", "At an event"),
]


class LinkEqualityProfile(models.Model):
    """One person's equality-monitoring answers: special category data under
    UK GDPR. Only the equality data officer reads or changes the answers;
    everyone else works with suppressed aggregates."""

    _name = "link.equality.profile"
    _description = "Equality monitoring answers"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    date_answered = fields.Date(string="Answered on")
    channel = fields.Selection(CHANNELS, string="Answered through")
    consent_date = fields.Date(
        string="Consent given on",
        help="When the person agreed to their answers being used for monitoring.",
    )
    objection_date = fields.Date(
        string="Written objection received on",
        help="A written objection (Data Protection Act 2018, Schedule 1, paragraph "
        "8) stops all processing of the answers from this date: they leave every "
        "report and can no longer be changed.",
    )
    erased_date = fields.Date(string="Answers erased on", readonly=True)

    ethnicity = answer_field("ethnicity", groups=OFFICER)
    age_band = answer_field("age_band", groups=OFFICER)
    sex = answer_field("sex", groups=OFFICER)
    gender_identity_same = answer_field("gender_identity_same", groups=OFFICER)
    religion = answer_field("religion", groups=OFFICER)
    sexual_orientation = answer_field("sexual_orientation", groups=OFFICER)
    disability = answer_field("disability", groups=OFFICER)
    marriage = answer_field("marriage", groups=OFFICER)
    pregnancy = answer_field("pregnancy", groups=OFFICER)
    carer = answer_field("carer", groups=OFFICER)

    _sql_constraints = [
        (
            "partner_unique",
            "unique(partner_id)",
            (
                "This person already has equality monitoring answers: open and "
                "update them instead of adding a second set."
            ),
        ),
    ]

    def write(self, vals):
        if set(vals) & set(ANSWER_FIELDS) and not self.env.context.get(
            "link_equality_erase"
        ):
            self._check_not_objected()
        return super().write(vals)

    def _check_not_objected(self):
        objected = self.filtered("objection_date")
        if objected:
            raise UserError(
                self.env._(
                    "%(names)s objected in writing to the use of their equality "
                    "answers, so they can no longer be changed, only erased.",
                    names=", ".join(objected.mapped("partner_id.display_name")),
                )
            )

    def action_erase_answers(self):
        """Remove the answers but keep the record of the objection."""
        self.check_access("write")
        missing = self.filtered(lambda p: not p.objection_date)
        if missing:
            raise UserError(
                self.env._(
                    "Record the date of the written objection before erasing "
                    "answers, so the erasure can be accounted for."
                )
            )
        self.with_context(link_equality_erase=True).write(
            {
                **dict.fromkeys(ANSWER_FIELDS, False),
                "erased_date": fields.Date.context_today(self),
            }
        )
        # The officer may not edit the contact; the note is still signed by them.
        for profile in self.sudo():
            profile.partner_id.message_post(
                body=self.env._(
                    "Equality monitoring answers erased after a written objection."
                )
            )

    @api.model
    def _record_answers(self, partner, vals):
        """Create or update a person's answers on behalf of someone who may not
        read them (host staff keying in a paper form)."""
        profile = self.sudo().search([("partner_id", "=", partner.id)])
        if profile:
            profile.write(vals)
        else:
            self.sudo().create({**vals, "partner_id": partner.id})
