# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkIssueFollowUpMixin(models.AbstractModel):
    """What a steering group decision on a community issue creates (a
    referral, a visit, an information request): the link back to the issue,
    and the issue's people told when it is done."""

    _name = "link.issue.follow.up.mixin"
    _description = "Created from a community issue decision"

    community_issue_id = fields.Many2one(
        "link.community.issue",
        string="From community issue",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The issue whose steering group decision called for this.",
    )

    def _link_issue_done(self):
        """This follow-up is complete: the people who raised its issue, and
        asked to hear, are told what came of it."""
        self.community_issue_id.sudo()._link_tell_back("done")
