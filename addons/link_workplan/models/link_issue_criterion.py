# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.link_membership.models.history import refuse_if_referenced


class LinkIssueCriterion(models.Model):
    """An agreed criterion community issues are weighed against."""

    _name = "link.issue.criterion"
    _description = "Community issue scoring criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(default=1.0, required=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight > 0)",
            "A criterion's weight must be positive.",
        ),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Issues scored against a criterion keep it."""
        refuse_if_referenced(
            self,
            self.env._("Issues were scored against it: archive the criterion instead."),
        )
