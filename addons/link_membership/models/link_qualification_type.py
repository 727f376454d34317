# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .history import refuse_if_referenced


class LinkQualificationType(models.Model):
    _name = "link.qualification.type"
    _description = "Volunteer qualification type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    validity_months = fields.Integer(
        string="Valid for (months)",
        help="How long a qualification of this type lasts. Leave at 0 when it "
        "never expires.",
    )
    evidence_required = fields.Boolean(
        help="A qualification of this type only counts once staff have checked "
        "the evidence (a certificate, the DBS reference...).",
    )
    description = fields.Text()

    _sql_constraints = [
        ("name_unique", "unique(name)", "A qualification type with this name exists."),
    ]

    @api.constrains("validity_months")
    def _check_validity_months(self):
        if any(qualification_type.validity_months < 0 for qualification_type in self):
            raise ValidationError(
                self.env._("A validity cannot be negative: use 0 for no expiry.")
            )
        if any(qualification_type.validity_months > 600 for qualification_type in self):
            raise ValidationError(
                self.env._(
                    "A validity is at most 600 months (50 years): use 0 for no expiry."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Volunteers' qualifications, and the roles and authorisations that
        require the type, keep it."""
        refuse_if_referenced(
            self,
            self.env._(
                "Archive the qualification type instead: the qualifications "
                "recorded with it stay as they are."
            ),
        )
