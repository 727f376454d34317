# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkEvVisit(models.Model):
    _name = "link.ev.visit"
    _description = "Enter and view visit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_visit desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    provider_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
        help="The organisation that runs the service visited.",
    )
    premises_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        help="Where the visit takes place, when it is not the provider's own address.",
    )
    protocol_id = fields.Many2one(
        "link.protocol",
        index=True,
        help="The agreement with the provider that sets the reporting timescales.",
    )
    date_visit = fields.Datetime(string="Visit date", tracking=True, index=True)
    announced = fields.Boolean(
        default=True,
        tracking=True,
        help="Unannounced visits need a letter explaining why notice was not given.",
    )
    purpose = fields.Text()
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Visited"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("link.ev.visit")
        return super().create(vals_list)

    def action_done(self):
        if any(not visit.date_visit for visit in self):
            raise UserError(self.env._("Set the visit date before marking it visited."))
        self.state = "done"

    def action_cancel(self):
        self.state = "cancelled"

    def action_replan(self):
        self.state = "planned"
