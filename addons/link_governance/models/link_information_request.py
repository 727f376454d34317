# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkInformationRequest(models.Model):
    _name = "link.information.request"
    _inherit = ["link.information.request", "link.decision.follow.up.mixin"]

    def action_send(self):
        res = super().action_send()
        self._link_log_decision(
            "information_request",
            lambda request: self.env._(
                "Request for information %(ref)s to %(partner)s: %(subject)s",
                ref=request.name,
                partner=request.partner_id.display_name or "",
                subject=request.subject or "",
            ),
        )
        return res
