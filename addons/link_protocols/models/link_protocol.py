# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkProtocol(models.Model):
    _name = "link.protocol"
    _description = "Protocol with statutory partners"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_issue desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        domain=[("is_company", "=", True)],
        help="The statutory partners who agreed this protocol.",
    )
    version = fields.Char(required=True, default="1.0", tracking=True)
    date_issue = fields.Date(string="Date of issue", tracking=True)
    responsible_body = fields.Char(
        help="Who owns the protocol, for example the LINk executive committee."
    )
    review_period_months = fields.Integer(
        string="Review period (months)",
        help="Leave empty while the review period is still to be agreed.",
    )
    next_review_date = fields.Date(
        compute="_compute_next_review_date",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("agreed", "Agreed"),
            ("under_review", "Under review"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "review_period_positive",
            "CHECK(review_period_months IS NULL OR review_period_months >= 0)",
            "The review period cannot be negative.",
        ),
    ]

    @api.depends("date_issue", "review_period_months")
    def _compute_next_review_date(self):
        for protocol in self:
            if protocol.date_issue and protocol.review_period_months:
                protocol.next_review_date = protocol.date_issue + relativedelta(
                    months=protocol.review_period_months
                )
            else:
                protocol.next_review_date = False

    def action_agree(self):
        for protocol in self:
            if not protocol.partner_ids:
                raise UserError(
                    self.env._(
                        "Add the partners who agreed “%(title)s” before marking "
                        "it agreed.",
                        title=protocol.name,
                    )
                )
            if not protocol.date_issue:
                raise UserError(
                    self.env._(
                        "Set the date of issue of “%(title)s” before marking it "
                        "agreed.",
                        title=protocol.name,
                    )
                )
        self.state = "agreed"

    def action_start_review(self):
        self.state = "under_review"

    def action_reset_to_draft(self):
        self.state = "draft"
