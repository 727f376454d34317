# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkShift(models.Model):
    _inherit = "link.shift"

    feedback_count = fields.Integer(
        string="Feedback",
        compute="_compute_logged_counts",
        groups="link_membership.group_link_staff",
        help="Feedback the volunteers logged at this session.",
    )
    signpost_count = fields.Integer(
        string="Signposted",
        compute="_compute_logged_counts",
        groups="link_membership.group_link_staff",
        help="Enquiries the volunteers answered at this session.",
    )

    def _compute_logged_counts(self):
        counts = {}
        for model in ("link.feedback", "link.signpost"):
            groups = self.env[model]._read_group(
                [("shift_id", "in", self.ids)], ["shift_id"], ["__count"]
            )
            counts[model] = {shift.id: count for shift, count in groups}
        for shift in self:
            shift.feedback_count = counts["link.feedback"].get(shift.id, 0)
            shift.signpost_count = counts["link.signpost"].get(shift.id, 0)

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

    def action_view_signposts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_voice.link_signpost_action"
        )
        action.update(
            domain=[("shift_id", "=", self.id)],
            context={"default_shift_id": self.id, "default_channel": "gateway"},
        )
        return action
