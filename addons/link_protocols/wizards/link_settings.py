# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSettings(models.TransientModel):
    _inherit = "link.settings"

    link_holiday_region = fields.Selection(
        related="company_id.link_holiday_region", readonly=False
    )
    link_reminder_working_days = fields.Integer(
        related="company_id.link_reminder_working_days", readonly=False
    )
    link_escalation_user_id = fields.Many2one(
        related="company_id.link_escalation_user_id", readonly=False
    )
    link_complaint_lead_id = fields.Many2one(
        related="company_id.link_complaint_lead_id", readonly=False
    )

    def action_link_refresh_bank_holidays(self):
        # Host managers may not write calendars: once they are let in here,
        # the yearly job (idempotent, bank holidays only) runs on their behalf.
        self.check_access("write")
        self.env["resource.calendar"].sudo()._cron_link_sync_bank_holidays()
