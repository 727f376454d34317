# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LinkMonitoringPeriod(models.Model):
    _inherit = "link.monitoring.period"

    @api.model
    def _link_compute_figures(self, date_from, date_to):
        figures = super()._link_compute_figures(date_from, date_to)
        return figures + self._section(
            "voice", self.env["link.voice.report"]._link_figures(date_from, date_to)
        )
