# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    link_workplan_notice_days = fields.Integer(
        string="Remind of action deadlines (days before)", default=14
    )
    link_issue_score_trigger = fields.Float(
        string="Community issue score trigger",
        default=15,
        help="A community issue scoring this much is put to the steering group.",
    )
    link_issue_people_trigger = fields.Integer(
        string="Community issue people trigger",
        default=10,
        help="A community issue raised by this many different people is put to "
        "the steering group.",
    )
    link_issue_steering_user_id = fields.Many2one(
        "res.users",
        string="Steering group contact",
        help="Gets the activity when an issue reaches a trigger point. Empty: "
        "whoever logged the issue.",
    )
