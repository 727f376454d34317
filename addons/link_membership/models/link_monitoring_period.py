# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

PACK_REPORT = "link_membership.link_monitoring_period_report"
# Posting on the chatter of an issued pack may still touch these.
MAIL_FIELDS_PREFIXES = ("message_", "activity_")


class LinkMonitoringPeriod(models.Model):
    """A quarter (or year) reported to the council. Issuing it renders the
    monitoring pack once, stores it as an attachment and freezes the figures:
    an issued period never changes afterwards."""

    _name = "link.monitoring.period"
    _description = "Contract monitoring period"
    _inherit = ["mail.thread"]
    _order = "date_from desc, period_type"

    name = fields.Char(required=True, tracking=True)
    period_type = fields.Selection(
        [("quarter", "Quarter"), ("year", "Year")],
        string="Period",
        required=True,
        default="quarter",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    issued_on = fields.Date(readonly=True, copy=False)
    narrative = fields.Html(
        help="A short account of the period by the host staff, printed in the pack."
    )
    recipient_ids = fields.Many2many(
        "res.partner",
        "link_monitoring_period_recipient_rel",
        "period_id",
        "partner_id",
        string="Recipients",
        help="Who receives the monitoring pack: the council's contract "
        "monitor, commissioners, the steering group's chair...",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Monitoring pack", readonly=True, copy=False
    )
    pack_title = fields.Char(compute="_compute_pack_filename")
    pack_filename = fields.Char(compute="_compute_pack_filename")
    figure_ids = fields.One2many(
        "link.monitoring.figure", "period_id", string="Key figures", copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "dates_unique",
            "UNIQUE(company_id, period_type, date_from)",
            "This period is already recorded.",
        ),
        (
            "dates_order",
            "CHECK(date_from <= date_to)",
            "A period ends after it starts.",
        ),
    ]

    @api.model
    def default_get(self, fields_list):
        """A new period is the contract quarter (or year) running today,
        named as the wizard names it."""
        defaults = super().default_get(fields_list)
        period_type = (
            defaults.get("period_type")
            or self.env.context.get("default_period_type")
            or "quarter"
        )
        year, quarter, date_from, date_to = self.env.company._link_contract_period(
            fields.Date.context_today(self), period_type
        )
        for name, value in (
            ("date_from", date_from),
            ("date_to", date_to),
            ("name", self._period_name(period_type, year, quarter)),
        ):
            if name in fields_list and not defaults.get(name):
                defaults[name] = value
        return defaults

    @api.depends("name")
    def _compute_pack_filename(self):
        # The download adds ".pdf" to the title; the stored pack is named
        # with it.
        for period in self:
            period.pack_title = self.env._(
                "Monitoring pack %(name)s", name=period.name or ""
            )
            period.pack_filename = f"{period.pack_title}.pdf"

    def _pack_name(self):
        """The LINk's name as the pack prints it: "<area> LINk" when the
        company names the council area it covers, else the host's name."""
        self.ensure_one()
        company = self.company_id
        if company.link_local_authority:
            return self.env._("%(area)s LINk", area=company.link_local_authority)
        return company.name

    def _suppression_legend(self):
        """The legend under a table with blanked cells (as the equality
        report blanks them)."""
        threshold = self.env["link.equality.report"]._suppression_threshold()
        return self.env._(
            "* Not published: fewer than %(threshold)s people, or a figure from "
            "which such a small number could be worked out. This protects the "
            "privacy of the people counted.",
            threshold=threshold,
        )

    # ------------------------------------------------------------------
    # Periods
    # ------------------------------------------------------------------

    @api.model
    def _period_dates(self, period_type, year, quarter=1):
        """First and last day of a contract quarter or year of the current
        company (``year``: the calendar year the contract year starts in)."""
        return self.env.company._link_contract_dates(period_type, year, quarter)

    @api.model
    def _period_name(self, period_type, year, quarter=1):
        year_name = self.env.company._link_contract_year_name(year)
        if period_type == "year":
            return self.env._("Year %(year)s", year=year_name)
        return self.env._("%(year)s Q%(quarter)s", year=year_name, quarter=quarter)

    def _previous_dates(self):
        self.ensure_one()
        step = (
            relativedelta(years=1)
            if self.period_type == "year"
            else relativedelta(months=3)
        )
        date_from = self.date_from - step
        return date_from, self.date_from - relativedelta(days=1)

    # ------------------------------------------------------------------
    # Figures: each addon extends _link_compute_figures with its section
    # ------------------------------------------------------------------

    @api.model
    def _link_compute_figures(self, date_from, date_to):
        """Key figures for the dates, as dicts (section, code, label, value).
        Each LINk addon adds its own lines with super(); the values come from
        the same grouped reads as the reporting pivots."""
        figures = []
        for section, model in (
            ("membership", "link.membership.report"),
            ("volunteering", "link.volunteering.report"),
        ):
            figures += self._section(
                section, self.env[model]._link_figures(date_from, date_to)
            )
        return (
            figures
            + self._target_figures(date_from, date_to)
            + self._equality_figures()
        )

    @api.model
    def _equality_figures(self):
        """The equality profile of the membership when the figures are
        taken, from the equality report's grouped read: its small numbers
        come back suppressed, and stay blank in the pack."""
        Report = self.env["link.equality.report"]
        characteristics = dict(Report._fields["characteristic"].selection)
        answers = dict(Report._fields["answer"].selection)
        groups = Report.read_group(
            [], ["member_count:sum"], ["characteristic", "answer"], lazy=False
        )
        return [
            {
                "section": "equality",
                "code": f"equality_{group['characteristic']}_{group['answer']}",
                "label": "{}: {}".format(
                    characteristics.get(group["characteristic"], ""),
                    answers.get(group["answer"], ""),
                ),
                "value": group["member_count"] or 0,
                "suppressed": group["member_count"] is False,
            }
            for group in groups
        ]

    @api.model
    def _target_figures(self, date_from, date_to):
        """The contract's membership targets that run in the period, with
        where they stand when the figures are taken."""
        targets = self.env["link.membership.target"].search(
            [("date_start", "<=", date_to), ("date_end", ">=", date_from)]
        )
        return [
            {
                "section": "targets",
                "code": f"target_{target.id}",
                "label": target.name,
                "value": target.actual,
                # Coverage targets aim at every ward or group: their goal is
                # how many there are, not the target_value left at 0.
                "target_value": target.goal,
                "is_percentage": target.kind == "interest_share",
            }
            for target in targets
        ]

    @api.model
    def _section(self, section, lines):
        """The figures of a section: each line a (code, label, value) tuple
        or a dict with the figure's other fields (target_value,
        is_percentage, is_currency, suppressed)."""
        return [
            dict(line, section=section)
            if isinstance(line, dict)
            else {
                "section": section,
                "code": line[0],
                "label": line[1],
                "value": line[2],
            }
            for line in lines
        ]

    def _check_draft(self):
        if any(period.state == "issued" for period in self):
            raise UserError(
                self.env._(
                    "An issued monitoring period cannot be changed: its pack has "
                    "gone to the council."
                )
            )

    def action_refresh_figures(self):
        self._check_draft()
        for period in self:
            current = period._link_compute_figures(period.date_from, period.date_to)
            previous = {
                figure["code"]: figure["value"]
                for figure in period._link_compute_figures(*period._previous_dates())
            }
            period.figure_ids.unlink()
            self.env["link.monitoring.figure"].create(
                [
                    # A figure may bring its own previous value (a
                    # work-plan output's previous year); else the same
                    # figure of the period before.
                    {
                        "previous_value": previous.get(figure["code"], 0.0),
                        **figure,
                        "period_id": period.id,
                        "sequence": sequence,
                    }
                    for sequence, figure in enumerate(current)
                ]
            )
        return True

    def _render_pack(self):
        self.ensure_one()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, __ = report._render_qweb_pdf(PACK_REPORT, self.ids)
        return pdf

    def action_issue(self):
        """Freeze the figures, render the pack once and keep it."""
        self._check_draft()
        self.action_refresh_figures()
        for period in self:
            attachment = self.env["ir.attachment"].create(
                {
                    "name": period.pack_filename,
                    "datas": base64.b64encode(period._render_pack()),
                    "mimetype": "application/pdf",
                    "res_model": period._name,
                    "res_id": period.id,
                }
            )
            period.write(
                {
                    "state": "issued",
                    "issued_on": fields.Date.context_today(period),
                    "attachment_id": attachment.id,
                }
            )
        return True

    def action_print_pack(self):
        self.ensure_one()
        return self.env.ref(PACK_REPORT).report_action(self)

    def action_send_pack(self):
        """Open the chatter composer with the issued pack attached."""
        self.ensure_one()
        if self.state != "issued":
            raise UserError(self.env._("Issue the period before sending its pack."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_subject": self.env._(
                    "Contract monitoring pack %(name)s", name=self.name
                ),
                "default_partner_ids": self.recipient_ids.ids,
                "default_attachment_ids": self.attachment_id.ids,
            },
        }

    # ------------------------------------------------------------------
    # Immutability once issued
    # ------------------------------------------------------------------

    def write(self, vals):
        if any(not field.startswith(MAIL_FIELDS_PREFIXES) for field in vals):
            self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self._check_draft()
