# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _link_kept_documents(self):
        """Issued minutes are the steering group's record; a published
        annual report is what the public downloads."""
        return super()._link_kept_documents() + [
            (
                "link.steering.meeting",
                "minutes_attachment_id",
                [("state", "=", "minutes_issued")],
                self.env._(
                    "These are the issued minutes of “%(name)s”: they are kept "
                    "with the meeting as issued and cannot be deleted or replaced."
                ),
            ),
            (
                "link.annual.report",
                "attachment_id",
                [("state", "=", "published")],
                self.env._(
                    "This is the published %(name)s that the public can "
                    "download: it is kept with the report and cannot be deleted "
                    "or replaced."
                ),
            ),
        ]
