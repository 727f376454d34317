# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LinkShift(models.Model):
    _inherit = "link.shift"

    @api.model
    def _selection_served_ref(self):
        return [
            *super()._selection_served_ref(),
            ("link.ev.visit", self.env._("Enter and view visit")),
        ]
