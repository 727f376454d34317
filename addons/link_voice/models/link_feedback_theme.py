# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.link_membership.models.history import refuse_if_referenced


class LinkFeedbackTheme(models.Model):
    """What feedback is about (waiting times, staff attitude, ...): the LINk's
    own list, so that feedback can be counted theme by theme."""

    _name = "link.feedback.theme"
    _description = "Feedback theme"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one(
        "link.feedback.theme",
        string="Part of",
        index=True,
        ondelete="restrict",
        help="The broader theme this one is a part of.",
    )
    color = fields.Integer(string="Colour")

    _sql_constraints = [
        ("name_unique", "unique(name)", "Another theme already has this name."),
    ]

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A theme cannot be part of itself or of its sub-themes.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """Feedback counted under a theme keeps it: archived instead."""
        refuse_if_referenced(
            self,
            self.env._("Archive the theme instead: it is then no longer offered."),
        )
