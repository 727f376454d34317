# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .link_ev_visit import WENT


class LinkEvTeamMember(models.Model):
    _name = "link.ev.team.member"
    _description = "Representative on an enter and view visit"
    _order = "visit_id, is_lead desc, id"

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
    is_lead = fields.Boolean(string="Lead")
    declaration_state = fields.Selection(
        [("missing", "Awaited"), ("none", "No interest"), ("declared", "Declared")],
        string="Declaration",
        compute="_compute_declaration_state",
    )

    _sql_constraints = [
        (
            "partner_unique",
            "UNIQUE(visit_id, partner_id)",
            "A representative is on a visit's team once.",
        ),
    ]

    @api.depends("visit_id.declaration_ids.interest", "partner_id")
    def _compute_declaration_state(self):
        for member in self:
            declaration = member.visit_id.sudo().declaration_ids.filtered(
                lambda d, m=member: d.partner_id == m.partner_id
            )[:1]
            member.declaration_state = declaration.interest or "missing"

    @api.constrains("partner_id", "is_lead", "visit_id")
    def _check_authorised(self):
        self.visit_id._check_team_authorised()

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members.visit_id.filtered("calendar_event_id")._sync_calendar()
        return members

    def write(self, vals):
        res = super().write(vals)
        if "partner_id" in vals:
            self.visit_id.filtered("calendar_event_id")._sync_calendar()
        return res

    def unlink(self):
        visits = self.visit_id
        res = super().unlink()
        visits.filtered("calendar_event_id")._sync_calendar()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_visited(self):
        """Who went on a visit (or was turned away at the door) is kept; the
        team may change until the visit."""
        went = self.sudo().filtered(lambda m: m.visit_id.state in WENT)
        if went:
            raise UserError(
                self.env._(
                    "%(name)s was on the team of the visit %(visit)s, which took "
                    "place: the team is part of its history and stays as it was.",
                    name=went[0].partner_id.display_name,
                    visit=went[0].visit_id.display_name,
                )
            )
