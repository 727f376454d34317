# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class LinkBudgetLine(models.Model):
    """Money allocated to a work stream of a plan, and optionally to one of
    its actions (activities), against what was spent: the approved costs
    booked to the line."""

    _name = "link.budget.line"
    _description = "Budget line"
    _inherit = ["mail.thread"]
    _order = "workplan_id, workstream_id, sequence, id"

    name = fields.Char(string="Budget line", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    workplan_id = fields.Many2one(
        "link.workplan",
        string="Work plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    workstream_id = fields.Many2one(
        "link.workstream",
        string="Work stream",
        required=True,
        index=True,
        domain="[('workplan_id', '=', workplan_id)]",
    )
    action_id = fields.Many2one(
        "link.workplan.action",
        string="Activity",
        index=True,
        domain="[('workstream_id', '=', workstream_id)]",
        help="Leave empty for money for the work stream as a whole.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    amount_allocated = fields.Monetary(
        string="Allocated", aggregator="sum", tracking=True
    )
    amount_spent = fields.Monetary(
        string="Spent",
        compute="_compute_amount_spent",
        store=True,
        aggregator="sum",
        help="The approved costs booked to the line.",
    )
    amount_remaining = fields.Monetary(
        string="Remaining",
        compute="_compute_amount_spent",
        store=True,
        aggregator="sum",
    )
    cost_ids = fields.One2many("link.budget.cost", "budget_line_id", string="Costs")
    note = fields.Text(string="Notes")

    @api.depends("amount_allocated", "cost_ids.amount", "cost_ids.state")
    def _compute_amount_spent(self):
        approved = dict(
            self.env["link.budget.cost"]
            .sudo()
            ._read_group(
                [("budget_line_id", "in", self.ids), ("state", "=", "approved")],
                ["budget_line_id"],
                ["amount:sum"],
            )
        )
        for line in self:
            line.amount_spent = approved.get(line._origin, 0.0)
            line.amount_remaining = line.amount_allocated - line.amount_spent

    @api.constrains("amount_allocated")
    def _check_amount(self):
        if any(line.amount_allocated < 0 for line in self):
            raise ValidationError(
                self.env._("The amount allocated to a budget line cannot be negative.")
            )

    @api.constrains("workplan_id", "workstream_id", "action_id")
    def _check_stream(self):
        for line in self:
            if line.workstream_id.workplan_id != line.workplan_id:
                raise ValidationError(
                    self.env._(
                        "The work stream “%(stream)s” is not part of the work plan "
                        "“%(plan)s”.",
                        stream=line.workstream_id.name,
                        plan=line.workplan_id.name,
                    )
                )
            if line.action_id and line.action_id.workstream_id != line.workstream_id:
                raise ValidationError(
                    self.env._(
                        "The activity of the budget line “%(line)s” belongs to "
                        "another work stream: choose one of “%(stream)s”.",
                        line=line.name,
                        stream=line.workstream_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_costs(self):
        with_costs = self.sudo().filtered(
            lambda line: line.cost_ids.filtered(lambda c: c.state != "draft")
        )
        if with_costs:
            raise UserError(
                self.env._(
                    "The budget line “%(name)s” has costs approved or declined "
                    "against it: it is part of the accounts. Set its allocation to "
                    "nothing instead of deleting it.",
                    name=with_costs[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Figures: the pack and the annual report read the budget pivots
    # ------------------------------------------------------------------

    @api.model
    def _link_allocated_domain(self, date_from, date_to):
        """Lines of the plans that run in the dates (overlap them)."""
        return [
            ("workplan_id.date_start", "<=", date_to),
            ("workplan_id.date_end", ">=", date_from),
        ]

    @api.model
    def _link_budget_groups(self, date_from, date_to):
        """{stream: (allocated, spent in the dates, spent to the end of the
        dates)} from three grouped reads: the budget pivot (allocated by
        work stream) and the costs pivot (approved costs by work stream, in
        the dates and from the plan's start to their end)."""
        Cost = self.env["link.budget.cost"]
        allocated = dict(
            self._read_group(
                self._link_allocated_domain(date_from, date_to),
                ["workstream_id"],
                ["amount_allocated:sum"],
            )
        )
        spent = dict(
            Cost._read_group(
                Cost._link_spent_domain(date_from, date_to),
                ["workstream_id"],
                ["amount:sum"],
            )
        )
        to_date = dict(
            Cost._read_group(
                Cost._link_spent_to_date_domain(date_from, date_to),
                ["workstream_id"],
                ["amount:sum"],
            )
        )
        streams = (
            self.env["link.workstream"]
            .union(*allocated, *spent, *to_date)
            .sorted(lambda s: (s.name or "", s.id))
        )
        return {
            stream: (
                allocated.get(stream, 0.0),
                spent.get(stream, 0.0),
                to_date.get(stream, 0.0),
            )
            for stream in streams
        }

    @api.model
    def _link_budget_summary(self, date_from, date_to):
        """One dict per work stream, by name: the amount allocated to it in
        the plans that run in the dates, and the approved costs dated in
        them."""
        return [
            {
                "workstream": stream.name,
                "allocated": allocated,
                "spent": spent,
            }
            for stream, (allocated, spent, __) in self._link_budget_groups(
                date_from, date_to
            ).items()
        ]
