# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .link_workplan_action import RAG


class LinkRagReview(models.Model):
    """One steering group review of an action or a work stream: the dated
    history behind the RAG status."""

    _name = "link.rag.review"
    _description = "RAG review"
    _order = "date desc, id desc"

    action_id = fields.Many2one("link.workplan.action", index=True, ondelete="cascade")
    workstream_id = fields.Many2one("link.workstream", index=True, ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    reviewer_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
    )
    status = fields.Selection(RAG, required=True)
    comment = fields.Text()

    @api.constrains("action_id", "workstream_id")
    def _check_subject(self):
        for review in self:
            if bool(review.action_id) == bool(review.workstream_id):
                raise ValidationError(
                    self.env._("A review is of one action or of one work stream.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews.action_id._review_recorded()
        reviews.workstream_id._review_recorded()
        return reviews

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A review IS the history of the RAG status: never deleted."""
        raise UserError(
            self.env._(
                "A RAG review is part of the steering group's record and is "
                "never deleted: correct its comment, or add a new review to "
                "change the status."
            )
        )
