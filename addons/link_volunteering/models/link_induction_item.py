# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkInductionItem(models.Model):
    """One step of the induction every new volunteer goes through: the
    checklist each application starts from."""

    _name = "link.induction.item"
    _description = "Volunteer induction step (checklist)"
    _order = "sequence, id"

    name = fields.Char(string="Step", required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
