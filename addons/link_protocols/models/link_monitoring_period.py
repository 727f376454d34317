# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LinkMonitoringPeriod(models.Model):
    _inherit = "link.monitoring.period"

    @api.model
    def _link_compute_figures(self, date_from, date_to):
        figures = super()._link_compute_figures(date_from, date_to)
        for section, model in (
            ("protocols", "link.sla.compliance.report"),
            ("representation", "link.representation.report"),
            ("opportunities", "link.opportunity.report"),
        ):
            figures += self._section(
                section, self.env[model]._link_figures(date_from, date_to)
            )
        return figures
