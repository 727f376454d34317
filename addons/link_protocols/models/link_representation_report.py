# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.link_membership.models.history import issued_period
from odoo.addons.link_membership.report.contract_period import (
    contract_quarter_field_sql,
)


class LinkRepresentationReport(models.Model):
    """What the representative reports back to the steering group after a
    meeting of an external body; attendance and hours feed contract
    monitoring."""

    _name = "link.representation.report"
    _description = "Report back from a representation"
    _order = "date desc, id desc"

    representation_id = fields.Many2one(
        "link.representation",
        string="Seat",
        required=True,
        index=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        related="representation_id.partner_id", string="Body", store=True
    )
    event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        index="btree_not_null",
        ondelete="set null",
        domain="[('link_representation_id', '=', representation_id)]",
    )
    representative_id = fields.Many2one(
        "res.partner",
        string="Reported by",
        compute="_compute_representative_id",
        store=True,
        readonly=False,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    contract_quarter = fields.Char(
        string="Contract quarter",
        compute="_compute_contract_quarter",
        help="The contract quarter of the meeting, e.g. 2026/27 Q1; reports "
        "group by it in SQL, following the first month as it is now.",
    )
    summary = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "link_representation_report_ir_attachment_rel",
        "report_id",
        "attachment_id",
        string="Attachments",
    )
    attended = fields.Boolean(
        default=True, help="The LINk was represented at the meeting."
    )
    attendance_count = fields.Integer(
        string="Meetings attended",
        compute="_compute_attendance_count",
        store=True,
        aggregator="sum",
    )
    hours = fields.Float(
        aggregator="sum", help="Time given to the meeting, preparation and travel."
    )
    date_report_due = fields.Date(
        string="Report back due",
        compute="_compute_date_report_due",
        store=True,
        help="The meeting's day plus the seat's report-back delay: the "
        "report back is on time when it is dated on or before it.",
    )
    on_time_count = fields.Integer(
        string="Reported on time",
        compute="_compute_on_time",
        store=True,
        aggregator="sum",
    )
    late_count = fields.Integer(
        string="Reported late", compute="_compute_on_time", store=True, aggregator="sum"
    )

    @api.depends("date", "representation_id.company_id")
    def _compute_contract_quarter(self):
        for report in self:
            report.contract_quarter = report.date and (
                report.representation_id.company_id or self.env.company
            )._link_contract_period_name(report.date)

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Group and sort by the contract quarter in SQL, as the reports do.
        if fname == "contract_quarter":
            return contract_quarter_field_sql(
                self,
                self._field_to_sql(alias, "date", query, flush),
                SQL(
                    "(SELECT link_rep.company_id FROM link_representation link_rep"
                    " WHERE link_rep.id = %s)",
                    self._field_to_sql(alias, "representation_id", query, flush),
                ),
            )
        return super()._field_to_sql(alias, fname, query, flush)

    @api.depends("representation_id")
    def _compute_representative_id(self):
        for report in self:
            report.representative_id = report.representation_id.representative_id

    @api.depends("attended")
    def _compute_attendance_count(self):
        for report in self:
            report.attendance_count = 1 if report.attended else 0

    @api.depends(
        "event_id.start",
        "event_id.start_date",
        "event_id.allday",
        "representation_id.report_days",
    )
    def _compute_date_report_due(self):
        """Due on the seat's delay after the meeting, on the clock engine
        (calendar days), as the report-back reminder is; none without a
        meeting."""
        dues = self.event_id._link_report_due_dates()
        for report in self:
            report.date_report_due = dues.get(report.event_id.id, False)

    @api.depends("date", "date_report_due")
    def _compute_on_time(self):
        for report in self:
            due = report.date_report_due
            report.on_time_count = int(bool(due and report.date <= due))
            report.late_count = int(bool(due and report.date > due))

    @api.model
    def _link_figures(self, date_from, date_to):
        """The pack's representation section: the totals of the monitor's
        "Representation" pivot over the reports back dated in the period,
        from one grouped read."""
        [[reports, attended, hours, on_time, late]] = self._read_group(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            [],
            [
                "__count",
                "attendance_count:sum",
                "hours:sum",
                "on_time_count:sum",
                "late_count:sum",
            ],
        )
        return [
            ("meetings_attended", self.env._("Meetings attended"), attended or 0),
            ("representation_hours", self.env._("Hours given"), hours or 0.0),
            ("reports_back", self.env._("Reports back recorded"), reports),
            ("reports_back_on_time", self.env._("Reported back on time"), on_time or 0),
            ("reports_back_late", self.env._("Reported back late"), late or 0),
        ]

    @api.depends("representation_id", "date")
    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "%(seat)s, %(date)s",
                seat=report.representation_id.name or "",
                date=report.date or "",
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for report in self:
            if report.date and report.date > today:
                raise ValidationError(
                    self.env._(
                        "A report back on %(seat)s cannot be dated in the future "
                        "(%(date)s).",
                        seat=report.representation_id.name,
                        date=report.date,
                    )
                )

    @api.constrains("hours")
    def _check_hours(self):
        for report in self:
            if report.hours < 0:
                raise ValidationError(
                    self.env._(
                        "Hours cannot be negative (%(hours)s on %(seat)s).",
                        hours=report.hours,
                        seat=report.representation_id.name,
                    )
                )

    @api.constrains("event_id", "representation_id")
    def _check_event(self):
        for report in self:
            if (
                report.event_id
                and report.event_id.link_representation_id != report.representation_id
            ):
                raise ValidationError(
                    self.env._(
                        "The meeting %(meeting)s is not a meeting of %(seat)s.",
                        meeting=report.event_id.name,
                        seat=report.representation_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        for report in reports:
            report.attachment_ids.filtered(lambda a: not a.res_id).write(
                {"res_model": self._name, "res_id": report.id}
            )
        reports._close_report_back()
        return reports

    def write(self, vals):
        res = super().write(vals)
        if "event_id" in vals:
            self._close_report_back()
        return res

    def _close_report_back(self):
        """The report back for a meeting is done once it is recorded."""
        reported = self.filtered("event_id")
        if not reported:
            return
        # A report recorded before the cron ran needs no reminder at all.
        reported.event_id.filtered(lambda e: not e.link_report_scheduled).sudo().write(
            {"link_report_scheduled": True}
        )
        activities = self.env["mail.activity"].search(
            [
                ("link_meeting_id", "in", reported.event_id.ids),
                ("res_model", "=", "link.representation"),
            ]
        )
        if activities:
            activities.action_feedback(feedback=self.env._("Report back recorded."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        """A report back dated in an issued monitoring period counted in the
        pack the council received (attendance, hours): kept."""
        for report in self:
            period = issued_period(self.env, report.date, report.date)
            if period:
                raise UserError(
                    self.env._(
                        "This report back counted in the monitoring pack of "
                        "%(period)s that the council received: correct it "
                        "instead of deleting it.",
                        period=period.name,
                    )
                )
