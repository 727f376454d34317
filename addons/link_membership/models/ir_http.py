# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Staff land on the LINk app after login, unless they chose a home
        action of their own (Preferences)."""
        info = super().session_info()
        if "home_action_id" in info and not info["home_action_id"]:
            action = self.env.user._link_home_action()
            if action:
                info["home_action_id"] = action.id
        return info

    @classmethod
    def _serve_fallback(cls):
        """An unrouted URL holding a NUL (%00) is no attachment's: answered
        404 here, as PostgreSQL refuses NUL in the attachment lookup (a 500)."""
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()
