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
            + self.env["link.workplan.output"]._link_figures(date_from, date_to)
            + self._budget_figures(date_from, date_to)
        )

    @api.model
    def _budget_figures(self, date_from, date_to):
        """By work stream and in total: allocated in the plans that run in
        the dates, approved costs in the dates and to their end, from the
        budget and costs pivots' grouped reads."""
        groups = self.env["link.budget.line"]._link_budget_groups(date_from, date_to)
        columns = zip(*groups.values(), strict=True)
        totals = [sum(amounts) for amounts in columns] or [0.0] * 3
        figures = []
        for key, label, amounts in [
            *(
                (str(stream.id), stream.name, amounts)
                for stream, amounts in groups.items()
            ),
            ("total", self.env._("Total"), totals),
        ]:
            figures += self._section(
                "budget",
                [
                    {
                        "code": f"budget_{column}_{key}",
                        "label": label,
                        "value": amount,
                        "is_currency": True,
                    }
                    for column, amount in zip(
                        ("allocated", "spent", "to_date"), amounts, strict=True
                    )
                ],
            )
        return figures

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
