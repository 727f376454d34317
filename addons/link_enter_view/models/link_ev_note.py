# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .link_ev_visit import NOTES_LOCKED


class LinkEvNote(models.Model):
    """What one representative observed during a visit. The lead writes the
    report from them; they are locked once the report is drafted."""

    _name = "link.ev.note"
    _description = "Observation notes of a representative"
    _order = "visit_id, id"

    visit_id = fields.Many2one(
        "link.ev.visit", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Representative",
        required=True,
        index=True,
        ondelete="restrict",
    )
    body = fields.Text(string="Observations", required=True)

    _sql_constraints = [
        (
            "partner_unique",
            "UNIQUE(visit_id, partner_id)",
            "A representative keeps one set of notes per visit.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        notes = super().create(vals_list)
        notes._check_unlocked()
        return notes

    def write(self, vals):
        self._check_unlocked()
        return super().write(vals)

    def _check_unlocked(self):
        locked = self.filtered(lambda n: n.visit_id.state in NOTES_LOCKED)
        if locked:
            raise UserError(
                self.env._(
                    "The report of %(visit)s is drafted: observation notes can no "
                    "longer change.",
                    visit=locked[0].visit_id.name,
                )
            )
