# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LinkAnnualReportStream(models.Model):
    """What one work stream did in the year, in the host's words: a line of
    the annual report, filled from the plan that ran (“Fill from the work
    plan”) and kept as published with its report."""

    _name = "link.annual.report.stream"
    _description = "Annual report: work stream narrative"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "link.annual.report", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    workstream_id = fields.Many2one(
        "link.workstream", string="Work stream", required=True, ondelete="restrict"
    )
    name = fields.Char(
        string="Heading",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="The heading printed for the stream; its name by default.",
    )
    category = fields.Selection(related="workstream_id.category")
    narrative = fields.Html(help="What the stream did in the year and what changed.")
    report_state = fields.Selection(related="report_id.state", string="Report status")

    _sql_constraints = [
        (
            "stream_unique",
            "UNIQUE(report_id, workstream_id)",
            "The work stream is already in this annual report.",
        ),
    ]

    @api.depends("workstream_id")
    def _compute_name(self):
        for line in self:
            line.name = line.name or line.workstream_id.sudo().name

    @api.model_create_multi
    def create(self, vals_list):
        reports = self.env["link.annual.report"].browse(
            {vals["report_id"] for vals in vals_list if vals.get("report_id")}
        )
        reports._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.report_id._check_draft()
        if "report_id" in vals:
            self.report_id.browse(vals["report_id"])._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self.report_id._check_draft()
