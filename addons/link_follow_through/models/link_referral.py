# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkReferral(models.Model):
    _name = "link.referral"
    _inherit = ["link.referral", "link.issue.follow.up.mixin"]

    def action_close(self):
        res = super().action_close()
        # Done once its outcome is recorded: the issue's people hear back.
        self._link_issue_done()
        return res
