# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    link_ev_report_recipient_ids = fields.Many2many(
        "res.partner",
        "link_ev_report_recipient_rel",
        "company_id",
        "partner_id",
        string="Also send visit reports to",
        help="Every enter and view report sent to a provider is copied to "
        "these (the council, the Care Quality Commission, Healthwatch "
        "England...), besides the commissioner of the premises visited.",
    )
