# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.link_input_guard import LINK_FIRST_DAY, LINK_LAST_DAY


class LinkMonitoringWizard(models.TransientModel):
    """Pick a quarter (or a year for the annual report), write the narrative
    and produce the monitoring pack."""

    _name = "link.monitoring.wizard"
    _description = "Produce a contract monitoring pack"

    @api.model
    def _current_period(self):
        today = fields.Date.context_today(self)
        return self.env.company._link_contract_period(today)

    @api.model
    def _default_year(self):
        return self._current_period()[0]

    @api.model
    def _default_quarter(self):
        return str(self._current_period()[1])

    @api.model
    def _selection_quarter(self):
        company = self.env.company
        return [(str(q), company._link_quarter_label(q)) for q in range(1, 5)]

    period_type = fields.Selection(
        [("quarter", "Quarter"), ("year", "Year")],
        string="Period",
        required=True,
        default="quarter",
    )
    year = fields.Integer(
        string="Contract year starting in",
        required=True,
        default=lambda self: self._default_year(),
        help="The calendar year the contract year starts in: 2026 for 2026/27.",
    )
    quarter = fields.Selection(
        selection="_selection_quarter",
        default=lambda self: self._default_quarter(),
    )
    narrative = fields.Html()
    recipient_ids = fields.Many2many(
        "res.partner",
        string="Recipients",
        help="Who receives the pack; added to the period's recipients.",
    )
    issue = fields.Boolean(
        string="Issue the pack",
        help="Freeze the figures and keep the PDF: an issued pack never changes.",
    )

    @api.constrains("year")
    def _check_year(self):
        if any(
            not LINK_FIRST_DAY.year <= wizard.year <= LINK_LAST_DAY.year
            for wizard in self
        ):
            raise ValidationError(
                self.env._(
                    "Give the year in full, between %(first)s and %(last)s.",
                    first=LINK_FIRST_DAY.year,
                    last=LINK_LAST_DAY.year,
                )
            )

    def _period(self):
        self.ensure_one()
        periods = self.env["link.monitoring.period"]
        quarter = self.quarter or "1"
        date_from, date_to = periods._period_dates(self.period_type, self.year, quarter)
        period = periods.search(
            [
                ("company_id", "=", self.env.company.id),
                ("period_type", "=", self.period_type),
                ("date_from", "=", date_from),
            ],
            limit=1,
        )
        vals = {"narrative": self.narrative}
        if self.recipient_ids:
            vals["recipient_ids"] = [Command.link(p.id) for p in self.recipient_ids]
        if not period:
            return periods.create(
                dict(
                    vals,
                    name=periods._period_name(self.period_type, self.year, quarter),
                    period_type=self.period_type,
                    date_from=date_from,
                    date_to=date_to,
                )
            )
        if period.state == "issued":
            raise UserError(
                self.env._(
                    "%(name)s has been issued already: open it to print or send "
                    "its pack.",
                    name=period.name,
                )
            )
        period.write(vals)
        return period

    def action_produce(self):
        period = self._period()
        if self.issue:
            period.action_issue()
        else:
            period.action_refresh_figures()
        return period.action_print_pack()
