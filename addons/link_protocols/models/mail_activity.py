# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    link_meeting_id = fields.Many2one(
        "calendar.event",
        string="LINk meeting",
        index="btree_not_null",
        ondelete="set null",
        help="The meeting of an external body this report back is due for.",
    )
