# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LinkMonitoringPeriod(models.Model):
    _inherit = "link.monitoring.period"

    @api.model
    def _link_compute_figures(self, date_from, date_to):
        figures = super()._link_compute_figures(date_from, date_to)
        return (
            figures
            + self._section(
                "workplan",
                self.env["link.workplan.rag.report"]._link_figures(date_from, date_to),
            )
            + self._section(
                "issues",
                self.env["link.community.issue.report"]._link_figures(
                    date_from, date_to
                ),
            )
        )

    def _steering_comments(self):
        """The steering group's RAG reviews with a comment in the period, for
        the pack (rendered once when the pack is issued)."""
        self.ensure_one()
        return self.env["link.rag.review"].search(
            [
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("comment", "!=", False),
            ],
            order="date, id",
        )
