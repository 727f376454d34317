# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkWorkplanProgress(models.Model):
    """A dated progress note on an action."""

    _name = "link.workplan.progress"
    _description = "Progress note"
    _order = "date desc, id desc"

    action_id = fields.Many2one(
        "link.workplan.action", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
