# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from .link_ev_visit import BEFORE_VISIT, NOT_VISITABLE_KINDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.constrains("link_premises_kind")
    def _check_link_premises_kind_visits(self):
        """Premises with a visit yet to take place cannot become a service
        the LINk may not visit (children's social care): the visit is
        cancelled first. One search for the batch."""
        closed = self.filtered(
            lambda partner: partner.link_premises_kind in NOT_VISITABLE_KINDS
        )
        if not closed:
            return
        visits = (
            self.env["link.ev.visit"]
            .sudo()
            .search(
                [("premises_id", "in", closed.ids), ("state", "in", BEFORE_VISIT)],
                order="id",
            )
        )
        if visits:
            raise ValidationError(
                self.env._(
                    "%(premises)s has visits yet to take place (%(visits)s): a LINk "
                    "has no power to enter and view children's social care. "
                    "Cancel those visits first, then change the kind of premises.",
                    premises=visits[0].premises_id.display_name,
                    visits=", ".join(visits.mapped("name")),
                )
            )
