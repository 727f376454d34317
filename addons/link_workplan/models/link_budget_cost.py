# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STAFF = "link_membership.group_link_staff"
MANAGER = "link_membership.group_link_manager"
# What an approved cost may no longer change: it is in the accounts.
LOCKED_FIELDS = {"budget_line_id", "date", "amount", "currency_id", "kind"}


class LinkBudgetCost(models.Model):
    """Money spent against a budget line. Host staff approve or decline it;
    only approved costs count as spent. A decided cost is never deleted: a
    declined one stays on record with its reason."""

    _name = "link.budget.cost"
    _description = "Budget cost"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Description", required=True, tracking=True)
    budget_line_id = fields.Many2one(
        "link.budget.line",
        string="Budget line",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    workplan_id = fields.Many2one(
        related="budget_line_id.workplan_id", store=True, index=True
    )
    workstream_id = fields.Many2one(
        related="budget_line_id.workstream_id", store=True, index=True
    )
    action_id = fields.Many2one(
        related="budget_line_id.action_id", string="Activity", store=True
    )
    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    currency_id = fields.Many2one(related="budget_line_id.currency_id")
    amount = fields.Monetary(required=True, aggregator="sum", tracking=True)
    kind = fields.Selection(
        [("cost", "Other cost"), ("expense", "Volunteer expense")],
        required=True,
        default="cost",
        tracking=True,
        help="Volunteer expenses are booked by approving an expense claim; "
        "other LINk addons add their own kinds.",
    )
    state = fields.Selection(
        [("draft", "To approve"), ("approved", "Approved"), ("declined", "Declined")],
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False
    )
    decided_on = fields.Date(readonly=True, copy=False)
    decline_reason = fields.Text(tracking=True, copy=False)

    @api.constrains("amount")
    def _check_amount(self):
        if any(cost.amount <= 0 for cost in self):
            raise ValidationError(
                self.env._(
                    "A cost must be an amount above nothing: record a refund as "
                    "a correction of the cost it refunds."
                )
            )

    @api.constrains("date", "budget_line_id")
    def _check_date(self):
        for cost in self:
            plan = cost.budget_line_id.workplan_id
            if not plan.date_start <= cost.date <= plan.date_end:
                raise ValidationError(
                    self.env._(
                        "The cost “%(cost)s” is dated %(date)s, outside the work "
                        "plan “%(plan)s” (%(start)s to %(end)s): book it to a "
                        "line of the plan it was spent in.",
                        cost=cost.name,
                        date=cost.date.strftime("%d/%m/%Y"),
                        plan=plan.name,
                        start=plan.date_start.strftime("%d/%m/%Y"),
                        end=plan.date_end.strftime("%d/%m/%Y"),
                    )
                )

    def _check_group(self, group, message):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(message)

    def _decide(self, state, vals=None):
        self._check_group(
            STAFF, self.env._("Only host staff approve or decline costs.")
        )
        if any(cost.state != "draft" for cost in self):
            raise UserError(
                self.env._("Only costs waiting for approval can be decided.")
            )
        self.with_context(link_budget_decision=True).write(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
                **(vals or {}),
            }
        )
        return True

    def action_approve(self):
        return self._decide("approved")

    def action_decline(self):
        if any(not (cost.decline_reason or "").strip() for cost in self):
            raise UserError(
                self.env._("Say why the cost is declined before declining it.")
            )
        return self._decide("declined")

    def action_reset_to_draft(self):
        """A declined cost may go back for approval; an approved one only
        by a host manager correcting the accounts."""
        if any(cost.state == "approved" for cost in self):
            self._check_group(
                MANAGER,
                self.env._("Only a host manager can reopen an approved cost."),
            )
        claims = (
            self.env["link.expense.claim"].sudo().search([("cost_id", "in", self.ids)])
        )
        if claims:
            raise UserError(
                self.env._(
                    "The expense claims %(claims)s booked these costs when they "
                    "were approved: the costs are kept as approved with their "
                    "claims.",
                    claims=", ".join(claims.mapped("display_name")),
                )
            )
        self.with_context(link_budget_decision=True).write(
            {"state": "draft", "decided_by_id": False, "decided_on": False}
        )
        return True

    def write(self, vals):
        if "state" in vals and not self.env.context.get("link_budget_decision"):
            raise UserError(
                self.env._("Use the Approve and Decline buttons to decide a cost.")
            )
        if LOCKED_FIELDS & set(vals) and any(c.state == "approved" for c in self):
            raise UserError(
                self.env._(
                    "An approved cost is in the accounts: a host manager resets "
                    "it to approval before it is corrected."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(cost.state != "draft" for cost in self):
            raise UserError(
                self.env._(
                    "An approved or declined cost is kept on record: decline a "
                    "cost that should not count instead, with the reason (a host "
                    "manager reopens an approved one first)."
                )
            )

    # ------------------------------------------------------------------
    # Figures: the costs pivot
    # ------------------------------------------------------------------

    @api.model
    def _link_spent_domain(self, date_from, date_to):
        return [
            ("state", "=", "approved"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]

    @api.model
    def _link_spent_to_date_domain(self, date_from, date_to):
        """Approved costs of the plans that run in the dates, from their
        start to the end of the dates."""
        return [
            ("state", "=", "approved"),
            ("date", "<=", date_to),
            ("workplan_id.date_start", "<=", date_to),
            ("workplan_id.date_end", ">=", date_from),
        ]
