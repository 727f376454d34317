# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkInformationRequest(models.Model):
    _name = "link.information.request"
    _inherit = ["link.information.request", "link.issue.follow.up.mixin"]

    def action_answer(self):
        res = super().action_answer()
        # Done once the partner has answered: the issue's people hear back.
        self._link_issue_done()
        return res
