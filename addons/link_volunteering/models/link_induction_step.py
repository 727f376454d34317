# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LinkInductionStep(models.Model):
    """An induction step of one applicant: done or not, when and by whom."""

    _name = "link.induction.step"
    _description = "Induction step of an applicant"
    _order = "sequence, id"

    application_id = fields.Many2one(
        "link.volunteer.application",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Step", required=True)
    sequence = fields.Integer(default=10)
    done = fields.Boolean()
    date_done = fields.Date(string="Done on", readonly=True)
    done_by_id = fields.Many2one("res.users", string="Ticked by", readonly=True)
    note = fields.Char()
    company_id = fields.Many2one(related="application_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("done"):
                vals.update(self._done_values())
        return super().create(vals_list)

    def write(self, vals):
        if "done" in vals:
            vals = dict(vals)
            if vals["done"]:
                vals.update(self._done_values())
            else:
                vals.update({"date_done": False, "done_by_id": False})
        res = super().write(vals)
        if "done" in vals:
            self.application_id._message_induction_progress()
        return res

    def _done_values(self):
        return {
            "date_done": fields.Date.context_today(self),
            "done_by_id": self.env.user.id,
        }
