# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CalendarEvent(models.Model):
    """The month-by-month programme of a work stream (committee meetings, a
    community event in a different ward each month, trainings) as calendar
    events, recurring through the calendar's own rules."""

    _inherit = "calendar.event"

    link_workstream_id = fields.Many2one(
        "link.workstream", string="Work stream", index=True, ondelete="set null"
    )
    link_ward_id = fields.Many2one("link.ward", string="Ward", index=True)
