# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkReferral(models.Model):
    _name = "link.referral"
    _inherit = ["link.referral", "link.decision.follow.up.mixin"]

    def action_send(self):
        res = super().action_send()
        self._link_log_decision(
            "referral",
            lambda referral: self.env._(
                "Referral %(ref)s to %(body)s: %(subject)s",
                ref=referral.name,
                body=referral.recipient_id.display_name or "",
                subject=referral.subject,
            ),
        )
        return res
