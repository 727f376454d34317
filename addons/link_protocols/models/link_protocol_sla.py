# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.link_membership.models.history import refuse_if_referenced


class LinkProtocolSla(models.Model):
    _name = "link.protocol.sla"
    _description = "Response time agreed in a protocol"
    _order = "protocol_id, type_id"

    protocol_id = fields.Many2one(
        "link.protocol", required=True, ondelete="cascade", index=True
    )
    type_id = fields.Many2one(
        "link.sla.type", string="Covers", required=True, ondelete="restrict"
    )
    days = fields.Integer(required=True, default=20)
    working_days = fields.Boolean(
        default=True, help="Count weekdays less bank holidays, not calendar days."
    )

    _sql_constraints = [
        (
            "days_positive",
            "CHECK(days > 0)",
            "A response time must be at least one day.",
        ),
    ]

    @api.constrains("days")
    def _check_days(self):
        if any(sla.days > 365 for sla in self):
            raise ValidationError(self.env._("A response time is at most 365 days."))

    def _compute_display_name(self):
        for sla in self:
            unit = (
                self.env._("working days") if sla.working_days else self.env._("days")
            )
            sla.display_name = f"{sla.type_id.name}: {sla.days} {unit}"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """The response times of an agreed protocol are what the requests were
        measured against: changed by a new version, never deleted."""
        if self.protocol_id.filtered(lambda p: p.state != "draft"):
            raise UserError(
                self.env._(
                    "These response times belong to an agreed protocol and are "
                    "kept: make a new version of the protocol to change them."
                )
            )
        refuse_if_referenced(
            self,
            self.env._("Requests were measured against them: keep them."),
        )
