# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_link_monitoring_pack(self):
        """The PDF of an issued monitoring pack is what the council received:
        the period's record of it is never lost."""
        periods = (
            self.env["link.monitoring.period"]
            .sudo()
            .search([("attachment_id", "in", self.ids), ("state", "=", "issued")])
        )
        if periods:
            raise UserError(
                self.env._(
                    "This is the monitoring pack of %(period)s that the council "
                    "received: it is kept with the period and cannot be deleted.",
                    period=periods[0].name,
                )
            )
