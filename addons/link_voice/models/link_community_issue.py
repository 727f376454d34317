# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkCommunityIssue(models.Model):
    _inherit = "link.community.issue"

    def _link_raised_by_names(self):
        """Also the names people gave on their feedback without being a
        contact of the LINk."""
        names = super()._link_raised_by_names()
        feedback = self.sudo().contact_ids.feedback_id
        return names | {
            name.strip()
            for name in feedback.mapped("contact_name")
            if name and name.strip()
        }
