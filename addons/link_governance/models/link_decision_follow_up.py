# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkDecisionFollowUpMixin(models.AbstractModel):
    """What logs a decision when it acts (a visit planned, a request or a
    referral sent, a visit report sent): carried out from a community issue,
    it keeps the route of the issue's decision."""

    _name = "link.decision.follow.up.mixin"
    _description = "Logs its decisions in the decision log"

    def _link_log_decision(self, type_code, name_of):
        issue_field = self._fields.get("community_issue_id")
        origins = {}
        if issue_field:
            issues = self.sudo().community_issue_id
            origins = self.env["link.decision"].sudo()._link_logged_for(issues)
        return self.env["link.decision"]._link_log(
            self,
            type_code,
            name_of,
            origin_of=lambda record: (
                origins.get(record.sudo().community_issue_id.id) if origins else None
            ),
        )
