# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkShift(models.Model):
    _inherit = "link.shift"

    feedback_count = fields.Integer(
        string="Feedback",
        compute="_compute_feedback_count",
        groups="link_membership.group_link_staff",
        help="Feedback the volunteers logged at this session.",
    )

    def _compute_feedback_count(self):
        groups = self.env["link.feedback"]._read_group(
            [("shift_id", "in", self.ids)], ["shift_id"], ["__count"]
        )
        counts = {shift.id: count for shift, count in groups}
        for shift in self:
            shift.feedback_count = counts.get(shift.id, 0)

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_voice.link_feedback_action"
        )
        action.update(
            domain=[("shift_id", "=", self.id)],
            context={"default_shift_id": self.id, "default_channel": "gateway"},
        )
        return action
