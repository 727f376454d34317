# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .history import refuse_if_referenced


class LinkVolunteerRole(models.Model):
    _name = "link.volunteer.role"
    _description = "Volunteer role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    qualification_type_ids = fields.Many2many(
        "link.qualification.type",
        string="Required qualifications",
        help="A volunteer can only be confirmed on a shift of this role when "
        "each of these is valid on the day of the shift.",
    )

    _sql_constraints = [
        ("name_unique", "unique(name)", "A volunteer role with this name exists."),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Shifts and series (and so the volunteers' places) keep their role."""
        refuse_if_referenced(
            self,
            self.env._(
                "Archive the role instead: its shifts and the volunteers' hours "
                "stay as they are."
            ),
        )
