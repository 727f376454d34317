# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkCommunityIssueContact(models.Model):
    """One contact from the public about an issue: who (or anonymous), when,
    and how it reached the LINk."""

    _name = "link.community.issue.contact"
    _description = "Contact about a community issue"
    _order = "date desc, id desc"

    issue_id = fields.Many2one(
        "link.community.issue", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        index=True,
        help="Empty for an anonymous contact.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "Email"),
            ("event", "Event"),
            ("survey", "Survey"),
            ("web", "Web"),
        ],
        required=True,
        default="phone",
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.issue_id._check_triggers()
        return records

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Once the issue was assessed, its contacts are the evidence the
        steering group weighed: kept (a person may be taken off, making the
        contact anonymous)."""
        if self.sudo().issue_id.filtered(lambda i: i.state != "new"):
            raise UserError(
                self.env._(
                    "This contact is part of the evidence of an assessed issue: "
                    "clear the person to make it anonymous instead of deleting it."
                )
            )
