# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSettings(models.TransientModel):
    _inherit = "link.settings"

    link_feedback_hourly_limit = fields.Integer(
        related="company_id.link_feedback_hourly_limit", readonly=False
    )
    link_feedback_embed_origins = fields.Char(
        related="company_id.link_feedback_embed_origins", readonly=False
    )
    link_safeguarding_hub_id = fields.Many2one(
        related="company_id.link_safeguarding_hub_id", readonly=False
    )
