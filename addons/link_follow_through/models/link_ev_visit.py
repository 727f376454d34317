# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkEvVisit(models.Model):
    _name = "link.ev.visit"
    _inherit = ["link.ev.visit", "link.issue.follow.up.mixin"]

    def action_publish(self):
        res = super().action_publish()
        # Done once its report is published: the issue's people hear back.
        self._link_issue_done()
        return res
