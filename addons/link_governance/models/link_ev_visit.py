# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkEvVisit(models.Model):
    _name = "link.ev.visit"
    _inherit = ["link.ev.visit", "link.decision.follow.up.mixin"]

    def action_plan(self):
        res = super().action_plan()
        self._link_log_decision(
            "premises",
            lambda visit: self.env._(
                "Enter and view %(premises)s (%(visit)s)",
                premises=visit.premises_id.display_name or "",
                visit=visit.name,
            ),
        )
        return res

    def action_send_report(self):
        res = super().action_send_report()
        self._link_log_decision(
            "report",
            lambda visit: self.env._(
                "Report of the enter and view visit %(visit)s sent to %(premises)s",
                premises=visit.premises_id.display_name or "",
                visit=visit.name,
            ),
        )
        return res
