# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LinkSlaType(models.Model):
    _name = "link.sla.type"
    _description = "What a protocol's response time covers"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    default_days = fields.Integer(
        string="Days if no protocol",
        help="The response time when no protocol agrees one. Empty: without an "
        "agreed response time there is no deadline.",
    )
    default_working_days = fields.Boolean(
        string="Working days",
        default=True,
        help="Count the default in weekdays less bank holidays, not calendar days.",
    )

    @api.constrains("default_days")
    def _check_default_days(self):
        if any(not 0 <= sla_type.default_days <= 365 for sla_type in self):
            raise ValidationError(
                self.env._("A default response time is between 0 and 365 days.")
            )
