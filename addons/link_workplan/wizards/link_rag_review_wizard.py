# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import clean_context

from ..models.link_workplan_action import RAG


class LinkRagReviewWizard(models.TransientModel):
    """The Review button of an action or a work stream: the steering group's
    RAG status, its comment and the date, recorded through the reviewed
    record's ``_record_review``."""

    _name = "link.rag.review.wizard"
    _description = "Record a RAG review"

    action_id = fields.Many2one("link.workplan.action", ondelete="cascade")
    workstream_id = fields.Many2one(
        "link.workstream", string="Work stream", ondelete="cascade"
    )
    status = fields.Selection(
        RAG,
        string="RAG status",
        required=True,
        compute="_compute_status",
        store=True,
        readonly=False,
        precompute=True,
        help="Starts at the suggested status; the steering group decides.",
    )
    comment = fields.Text()
    date = fields.Date(required=True, default=fields.Date.context_today)
    reviewer_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    next_review_date = fields.Date(
        string="Next review", compute="_compute_next_review_date"
    )

    def _subject(self):
        return self.action_id or self.workstream_id

    @api.depends("action_id", "workstream_id")
    def _compute_status(self):
        for wizard in self:
            wizard.status = wizard._subject().rag_suggested or wizard.status

    @api.depends("date", "action_id", "workstream_id")
    def _compute_next_review_date(self):
        for wizard in self:
            subject = wizard._subject()
            wizard.next_review_date = (
                subject._next_review_date(wizard.date)
                if subject and wizard.date
                else False
            )

    def action_record(self):
        self.ensure_one()
        subject = self._subject()
        if not subject:
            raise UserError(
                self.env._("Open the review from an action or a work stream.")
            )
        # The defaults that opened the wizard are not for what it creates.
        clean_env = self.env(context=clean_context(self.env.context))
        subject.with_env(clean_env)._record_review(self.status, self.comment, self.date)
        return {"type": "ir.actions.act_window_close"}
