# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkWorkplanTarget(models.Model):
    """A target of a work stream ("Target A: ...") with its milestone."""

    _name = "link.workplan.target"
    _description = "Work plan target"
    _order = "workstream_id, sequence, code, id"

    code = fields.Char(help="The target's letter or number, for example A.")
    name = fields.Text(string="Target", required=True)
    milestone = fields.Text()
    sequence = fields.Integer(default=10)
    workstream_id = fields.Many2one(
        "link.workstream",
        string="Work stream",
        required=True,
        index=True,
        ondelete="cascade",
    )
    action_ids = fields.One2many("link.workplan.action", "target_id", string="Actions")

    def _compute_display_name(self):
        for target in self:
            label = (target.name or "").splitlines()[0][:80] if target.name else ""
            target.display_name = f"{target.code}: {label}" if target.code else label

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A target of an approved plan, or that actions work towards, is kept:
        deleting it would leave those actions without their target."""
        kept = self.sudo().filtered(
            lambda t: t.workstream_id.workplan_id.state != "draft" or t.action_ids
        )
        if kept:
            raise UserError(
                self.env._(
                    "The target “%(name)s” is part of an approved plan or has "
                    "actions working towards it: edit it instead of deleting it.",
                    name=kept[0].display_name,
                )
            )
