# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkMonitoringFigure(models.Model):
    _inherit = "link.monitoring.figure"

    # Frozen with the pack: text, not links to records that may change.
    owner = fields.Char(string="By whom")
    note = fields.Text(string="Notes")
