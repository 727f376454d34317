# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

PROCEDURE_ROUTES = [
    ("meeting", "Steering group meeting"),
    ("delegated", "Delegated to staff"),
]


class LinkDecisionType(models.Model):
    """A kind of relevant decision and the route the host's decision-making
    procedure sets for it: taken at a steering group meeting, or delegated to
    staff. The host manager keeps them in line with the procedure."""

    _name = "link.decision.type"
    _description = "Kind of decision"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(
        readonly=True,
        help="Set on the kinds the suite records by itself (a visit planned, a "
        "request sent...).",
    )
    route = fields.Selection(
        PROCEDURE_ROUTES,
        string="Procedure route",
        required=True,
        default="meeting",
        help="Who may take this kind of decision under the decision-making "
        "procedure. A decision taken another way, not urgently, is a breach.",
    )
    description = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Two kinds of decision share a code."),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = (
            self.env["link.decision"]
            .sudo()
            .search_count([("type_id", "in", self.ids)], limit=1)
        )
        if used or any(self.mapped("code")):
            raise UserError(
                self.env._(
                    "This kind of decision is used by the decision log or by the "
                    "suite: archive it instead."
                )
            )
