# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class LinkWorkplan(models.Model):
    _name = "link.workplan"
    _description = "Work plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False, tracking=True
    )
    approved_on = fields.Date(readonly=True, copy=False)
    description = fields.Html()
    workstream_ids = fields.One2many(
        "link.workstream", "workplan_id", string="Work streams"
    )
    action_ids = fields.One2many(
        "link.workplan.action", "workplan_id", string="Actions"
    )
    output_ids = fields.One2many(
        "link.workplan.output", "workplan_id", string="Outputs"
    )
    budget_line_ids = fields.One2many(
        "link.budget.line", "workplan_id", string="Budget lines"
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_budget")
    budget_allocated = fields.Monetary(string="Allocated", compute="_compute_budget")
    budget_spent = fields.Monetary(string="Spent", compute="_compute_budget")
    active = fields.Boolean(default=True)

    @api.depends("budget_line_ids.amount_allocated", "budget_line_ids.amount_spent")
    def _compute_budget(self):
        for plan in self:
            plan.currency_id = self.env.company.currency_id
            plan.budget_allocated = sum(plan.budget_line_ids.mapped("amount_allocated"))
            plan.budget_spent = sum(plan.budget_line_ids.mapped("amount_spent"))

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for plan in self:
            if plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The work plan “%(plan)s” ends before it starts.",
                        plan=plan.name,
                    )
                )

    def _check_manager(self):
        if not self.env.user.has_group("link_membership.group_link_manager"):
            raise AccessError(
                self.env._("Only a host manager can approve or reopen a work plan.")
            )

    def action_approve(self):
        self._check_manager()
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft work plans can be approved."))
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_on": fields.Date.context_today(self),
            }
        )

    def action_close(self):
        if any(plan.state != "approved" for plan in self):
            raise UserError(self.env._("Only approved work plans can be closed."))
        self.state = "closed"

    def action_reset_to_draft(self):
        self._check_manager()
        self.write({"state": "draft", "approved_by_id": False, "approved_on": False})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A plan that was approved, or whose streams, actions or outputs have
        history, is archived. A draft imported or keyed in by mistake, with
        nothing done on it yet, may be deleted."""
        plans = self.sudo().with_context(active_test=False)
        kept = plans.filtered(
            lambda p: (
                p.state != "draft"
                or p.workstream_ids._with_history()
                or p.output_ids._with_history()
                or p.budget_line_ids.cost_ids.filtered(lambda c: c.state != "draft")
            )
        )
        if kept:
            raise UserError(
                self.env._(
                    "The work plan “%(name)s” was approved or has progress "
                    "recorded: archive it instead of deleting it.",
                    name=kept[0].name,
                )
            )
