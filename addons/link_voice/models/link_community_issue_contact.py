# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkCommunityIssueContact(models.Model):
    _inherit = "link.community.issue.contact"

    channel = fields.Selection(
        selection_add=[("paper", "Paper")], ondelete={"paper": "set default"}
    )
    feedback_id = fields.Many2one(
        "link.feedback",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The feedback this contact comes from: kept in step with it.",
    )

    _sql_constraints = [
        (
            "feedback_unique",
            "unique(feedback_id)",
            "A feedback counts as one contact about its issue.",
        ),
    ]
