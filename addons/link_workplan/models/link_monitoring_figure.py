# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LinkMonitoringFigure(models.Model):
    _inherit = "link.monitoring.figure"

    # Budget figures are money: kept to the penny, as the budget pivots
    # show them (the pack still prints other figures to one decimal).
    value = fields.Float(digits=(16, 2))
    previous_value = fields.Float(digits=(16, 2))
    target_value = fields.Float(digits=(16, 2))
    # Frozen with the pack: text, not links to records that may change.
    owner = fields.Char(string="By whom")
    note = fields.Text(string="Notes")

    @api.model_create_multi
    def create(self, vals_list):
        """A work-plan output's previous column is the output's own previous
        year, not the figure of the period before (the period refresh fills
        ``previous_value`` from that): it travels as ``link_previous_year``."""
        for vals in vals_list:
            if "link_previous_year" in vals:
                vals["previous_value"] = vals.pop("link_previous_year")
        return super().create(vals_list)
