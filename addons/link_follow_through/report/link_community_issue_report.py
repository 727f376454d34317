# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.link_community_issue import ADDED_DECISIONS, ADDED_DECISIONS_ONDELETE


class LinkCommunityIssueReport(models.Model):
    _inherit = "link.community.issue.report"

    # The report reads the issue's decision: the same values, labelled.
    decision = fields.Selection(
        selection_add=ADDED_DECISIONS, ondelete=ADDED_DECISIONS_ONDELETE
    )
