# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkCommunityIssueScore(models.Model):
    _name = "link.community.issue.score"
    _description = "Score of a community issue against a criterion"
    _order = "issue_id, criterion_id"

    issue_id = fields.Many2one(
        "link.community.issue", required=True, index=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "link.issue.criterion", required=True, ondelete="restrict"
    )
    weight = fields.Float(related="criterion_id.weight")
    score = fields.Integer(help="From 0 (not at all) to 5 (very much).")

    _sql_constraints = [
        ("score_range", "CHECK(score BETWEEN 0 AND 5)", "A score is from 0 to 5."),
        (
            "criterion_unique",
            "unique(issue_id, criterion_id)",
            "This issue is already scored against that criterion.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.issue_id._check_triggers()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.issue_id._check_triggers()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        """The scores of a decided issue are what the decision was based on."""
        if self.sudo().issue_id.filtered(lambda i: i.state == "decided"):
            raise UserError(
                self.env._(
                    "The issue was decided on these scores: they are kept with "
                    "the decision and cannot be deleted."
                )
            )
