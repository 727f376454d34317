# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LinkMonitoringFigure(models.Model):
    """One key figure of a monitoring period, with the previous period's
    value beside it. Frozen with its period when the pack is issued."""

    _name = "link.monitoring.figure"
    _description = "Contract monitoring key figure"
    _order = "period_id, sequence, id"
    _rec_name = "label"

    period_id = fields.Many2one(
        "link.monitoring.period", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    section = fields.Char(required=True, help="Technical name of the pack section.")
    code = fields.Char(required=True)
    label = fields.Char(string="Figure", required=True)
    value = fields.Float(string="Value this period", digits=(16, 2))
    previous_value = fields.Float(string="Value previous period", digits=(16, 2))
    target_value = fields.Float(string="Contract target", digits=(16, 2))
    is_percentage = fields.Boolean(
        string="Percentage", help="The figure is a share, printed with a %."
    )
    is_currency = fields.Boolean(
        string="Amount", help="The figure is an amount in pounds, printed in pence."
    )
    suppressed = fields.Boolean(
        help="Too few people to publish: the pack shows a blank, as the "
        "equality report does."
    )

    value_text = fields.Char(string="This period", compute="_compute_texts")
    previous_text = fields.Char(string="Previous period", compute="_compute_texts")

    @api.depends(
        "value", "previous_value", "is_percentage", "is_currency", "suppressed"
    )
    def _compute_texts(self):
        for figure in self:
            figure.value_text = (
                "*" if figure.suppressed else figure._display(figure.value)
            )
            figure.previous_text = figure._display(figure.previous_value)

    def _display(self, value):
        """A figure as the pack prints it: whole numbers without decimals
        (never "6.0"), thousands separated, one decimal otherwise, a % for
        shares; amounts in pounds and pence."""
        self.ensure_one()
        Lang = self.env["res.lang"]
        lang = Lang._lang_get(self.env.lang or "en_US") or Lang._lang_get("en_US")
        if self.is_currency:
            return lang.format("%.2f", value or 0.0, grouping=True)
        value = round(value or 0.0, 1)
        whole = value.is_integer()
        text = lang.format("%d" if whole else "%.1f", value, grouping=True)
        return f"{text}%" if self.is_percentage else text

    @api.model_create_multi
    def create(self, vals_list):
        figures = super().create(vals_list)
        figures.period_id._check_draft()
        return figures

    def write(self, vals):
        self.period_id._check_draft()
        res = super().write(vals)
        if "period_id" in vals:
            self.period_id._check_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self.period_id._check_draft()
