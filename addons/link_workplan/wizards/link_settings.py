# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSettings(models.TransientModel):
    _inherit = "link.settings"

    link_issue_score_trigger = fields.Float(
        related="company_id.link_issue_score_trigger", readonly=False
    )
    link_issue_people_trigger = fields.Integer(
        related="company_id.link_issue_people_trigger", readonly=False
    )
    link_issue_steering_user_id = fields.Many2one(
        related="company_id.link_issue_steering_user_id", readonly=False
    )
