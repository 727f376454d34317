# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


def link_meeting_from_context(env):
    """The steering group meeting the user works from (context key
    ``link_meeting_id``, set by the meeting's buttons), if it still exists."""
    meeting_id = env.context.get("link_meeting_id")
    if not isinstance(meeting_id, int) or not meeting_id:
        return env["link.steering.meeting"]
    return env["link.steering.meeting"].sudo().browse(meeting_id).exists()


class LinkRagReview(models.Model):
    _inherit = "link.rag.review"

    meeting_id = fields.Many2one(
        "link.steering.meeting",
        index="btree_not_null",
        ondelete="restrict",
        help="The steering group meeting the review was recorded at.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        meeting = link_meeting_from_context(self.env)
        if meeting:
            for vals in vals_list:
                vals.setdefault("meeting_id", meeting.id)
        return super().create(vals_list)
