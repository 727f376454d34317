# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    link_workplan_notice_days = fields.Integer(
        string="Remind of action deadlines (days before)", default=14
    )
