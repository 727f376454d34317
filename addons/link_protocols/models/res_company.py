# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .resource_calendar import HOLIDAY_REGIONS


class ResCompany(models.Model):
    _inherit = "res.company"

    link_holiday_region = fields.Selection(
        HOLIDAY_REGIONS,
        string="Bank holidays of",
        default="ENG",
        help="Whose bank holidays stop the statutory clocks.",
    )
    link_reminder_working_days = fields.Integer(
        string="Remind before a deadline (working days)", default=5
    )
    link_escalation_user_id = fields.Many2one(
        "res.users",
        string="Escalate overdue requests to",
        help="Gets an activity when a partner misses a deadline. Empty: the requester.",
    )
    link_complaint_lead_id = fields.Many2one(
        "res.users",
        string="LINk lead for complaints (Development Manager)",
        help="Complaints about conduct under a protocol are raised with this "
        "person and the partner's nominated lead. Empty: our lead for the "
        "partner, else whoever overdue deadlines are escalated to.",
    )
