# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

THRESHOLD_PARAM = "link_membership.suppression_threshold"
DEFAULT_THRESHOLD = 5


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    link_local_authority = fields.Char(
        related="company_id.link_local_authority", readonly=False
    )
    link_activity_coordinator_id = fields.Many2one(
        related="company_id.link_activity_coordinator_id", readonly=False
    )
    link_volunteer_coordinator_id = fields.Many2one(
        related="company_id.link_volunteer_coordinator_id", readonly=False
    )
    link_shift_reminder_hours = fields.Integer(
        related="company_id.link_shift_reminder_hours", readonly=False
    )
    link_shift_withdraw_cutoff_hours = fields.Integer(
        related="company_id.link_shift_withdraw_cutoff_hours", readonly=False
    )
    link_shift_shortfall_days = fields.Integer(
        related="company_id.link_shift_shortfall_days", readonly=False
    )
    link_suppression_threshold = fields.Integer(
        string="Suppress counts below",
        config_parameter=THRESHOLD_PARAM,
        default=DEFAULT_THRESHOLD,
        help="Equality reports show a blank instead of any count smaller than "
        "this, and blank further cells where a total would give it away.",
    )

    @api.constrains("link_suppression_threshold")
    def _check_link_suppression_threshold(self):
        for settings in self:
            if settings.link_suppression_threshold < 1:
                raise ValidationError(
                    self.env._("The suppression threshold must be at least 1.")
                )
