# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

AGENDA_KINDS = [
    ("urgent_decision", "Urgent decision reported"),
    ("review", "RAG review"),
    ("issue", "Community issue to decide"),
    ("referral", "Referral answered"),
    ("report_back", "Report back"),
    ("complaint", "Complaint under a protocol"),
    ("visit_report", "Enter and view report"),
    ("other", "Other business"),
]
# Who writes the outcome of an item; the rest of an item is the agenda.
OUTCOME_FIELDS = {"outcome", "discussed"}


class LinkSteeringAgendaItem(models.Model):
    """One item on a meeting's agenda: filled from what is due (with the
    record it is about) or added by hand; the meeting records its outcome."""

    _name = "link.steering.agenda.item"
    _description = "Steering group agenda item"
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one(
        "link.steering.meeting", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=100)
    kind = fields.Selection(AGENDA_KINDS, required=True, default="other", index=True)
    name = fields.Char(string="Item", required=True)
    res_model = fields.Char(string="About (model)", readonly=True)
    res_id = fields.Many2oneReference(
        string="About (record)", model_field="res_model", readonly=True
    )
    filled = fields.Boolean(
        readonly=True, help="Put on the agenda by Fill agenda (not by hand)."
    )
    outcome = fields.Html(
        groups="link_membership.group_link_staff,link_membership.group_link_steering",
    )
    discussed = fields.Boolean()
    meeting_state = fields.Selection(related="meeting_id.state")

    def write(self, vals):
        self.meeting_id._check_not_issued()
        if set(vals) - OUTCOME_FIELDS - {"sequence"}:
            held = self.filtered(lambda i: i.meeting_id.state != "planned")
            if held and not self.env.su:
                raise UserError(
                    self.env._(
                        "The meeting was held: record the outcome of its items, "
                        "the agenda itself no longer changes."
                    )
                )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items.meeting_id._check_not_issued()
        return items

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        if any(item.meeting_id.state != "planned" for item in self):
            raise UserError(
                self.env._(
                    "The meeting was held: its agenda is part of its record and "
                    "is kept. Write in the item's outcome what became of it "
                    "instead."
                )
            )

    def action_open_record(self):
        """Open what the item is about; a review or a decision made from there
        is recorded against the meeting."""
        self.ensure_one()
        if not self.res_model or not self.res_id:
            raise UserError(self.env._("This item is not about a record."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(
                self.env._(
                    "What “%(item)s” was about no longer exists.", item=self.name
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "context": self.meeting_id._link_meeting_context(),
        }
