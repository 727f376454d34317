# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSettings(models.TransientModel):
    _inherit = "link.settings"

    link_ev_report_recipient_ids = fields.Many2many(
        related="company_id.link_ev_report_recipient_ids", readonly=False
    )
