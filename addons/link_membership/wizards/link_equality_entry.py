# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.equality_questions import ANSWER_FIELDS, answer_field
from ..models.link_equality_profile import CHANNELS


class LinkEqualityEntry(models.TransientModel):
    """Host staff key in a paper equality form; the answers go straight into
    the person's profile, which staff cannot read back."""

    _name = "link.equality.entry"
    _description = "Record equality monitoring answers"
    _inherit = ["link.input.guard.mixin"]

    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    date_answered = fields.Date(
        string="Answered on", required=True, default=fields.Date.context_today
    )
    channel = fields.Selection(CHANNELS, string="Answered through", default="paper")
    consent_date = fields.Date(string="Consent given on")

    ethnicity = answer_field("ethnicity", default="not_asked")
    age_band = answer_field("age_band", default="not_asked")
    sex = answer_field("sex", default="not_asked")
    gender_identity_same = answer_field("gender_identity_same", default="not_asked")
    religion = answer_field("religion", default="not_asked")
    sexual_orientation = answer_field("sexual_orientation", default="not_asked")
    disability = answer_field("disability", default="not_asked")
    marriage = answer_field("marriage", default="not_asked")
    pregnancy = answer_field("pregnancy", default="not_asked")
    carer = answer_field("carer", default="not_asked")

    def action_record(self):
        self.ensure_one()
        fields_to_copy = ["date_answered", "channel", "consent_date", *ANSWER_FIELDS]
        vals = {name: self[name] for name in fields_to_copy}
        self.env["link.equality.profile"]._record_answers(self.partner_id, vals)
        # Nothing of the answers stays readable by the person who keyed them in.
        self.unlink()
        return {"type": "ir.actions.act_window_close"}
