# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .link_ev_visit import BEFORE_VISIT


class LinkEvDeclaration(models.Model):
    """A representative's declaration of any conflict of interest for one
    visit, noted by the host."""

    _name = "link.ev.declaration"
    _description = "Declaration of interest for a visit"
    _inherit = ["mail.thread"]
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
    interest = fields.Selection(
        [("none", "No interest to declare"), ("declared", "Interest declared")],
        required=True,
        default="none",
        tracking=True,
    )
    details = fields.Text(tracking=True, help="What the interest is.")
    noted_by_id = fields.Many2one(
        "res.users", string="Noted by", readonly=True, copy=False, tracking=True
    )
    date_noted = fields.Date(string="Noted on", readonly=True, copy=False)

    _sql_constraints = [
        (
            "partner_unique",
            "UNIQUE(visit_id, partner_id)",
            "A representative makes one declaration per visit; update it instead.",
        ),
    ]

    @api.constrains("interest", "details")
    def _check_details(self):
        for declaration in self:
            if (
                declaration.interest == "declared"
                and not (declaration.details or "").strip()
            ):
                raise ValidationError(
                    self.env._("Describe the interest that is declared.")
                )

    @api.constrains("partner_id", "visit_id")
    def _check_team_member(self):
        for declaration in self:
            team = declaration.visit_id.sudo().team_member_ids.partner_id
            if declaration.partner_id not in team:
                raise ValidationError(
                    self.env._(
                        "%(person)s is not on the team of %(visit)s.",
                        person=declaration.partner_id.name,
                        visit=declaration.visit_id.name,
                    )
                )

    def write(self, vals):
        """A changed declaration must be noted again, whoever changes it; and
        it is noted before the visit, so after the visit it stays as the
        team declared it (the visit's record)."""
        if "noted_by_id" in vals or not {"interest", "details"} & vals.keys():
            return super().write(vals)
        before = {d.id: (d.interest, d.details or False) for d in self}
        res = super().write(vals)
        changed = self.filtered(
            lambda d: (d.interest, d.details or False) != before[d.id]
        )
        late = changed.filtered(lambda d: d.visit_id.state not in BEFORE_VISIT)
        if late:
            raise UserError(
                self.env._(
                    "The declaration of %(person)s for %(visit)s was made before "
                    "the visit and is part of its record: it can no longer be "
                    "changed. Add what has come to light as a note on the visit.",
                    person=late[0].partner_id.name,
                    visit=late[0].visit_id.name,
                )
            )
        changed = changed.filtered("noted_by_id")
        if changed:
            changed.write({"noted_by_id": False, "date_noted": False})
        return res

    def action_note(self):
        """The host officer notes the declaration."""
        if any(d.visit_id.state not in BEFORE_VISIT for d in self):
            raise UserError(self.env._("Declarations are noted before the visit."))
        self.write(
            {
                "noted_by_id": self.env.user.id,
                "date_noted": fields.Date.context_today(self),
            }
        )
