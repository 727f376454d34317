# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSettings(models.TransientModel):
    _inherit = "link.settings"

    link_decision_procedure = fields.Html(
        related="company_id.link_decision_procedure", readonly=False
    )
