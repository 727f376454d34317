# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LinkShift(models.Model):
    _inherit = "link.shift"

    cover_request_ids = fields.One2many(
        "link.cover.request", "shift_id", string="Cover requests"
    )
    cover_request_count = fields.Integer(compute="_compute_cover_request_count")

    def _compute_cover_request_count(self):
        counts = dict(
            self.env["link.cover.request"]._read_group(
                [("shift_id", "in", self.ids)], ["shift_id"], ["__count"]
            )
        )
        for shift in self:
            shift.cover_request_count = counts.get(shift, 0)

    def action_ask_cover(self):
        """A new cover request for this shift, for as many places as it is
        short of (at least one), ready to send."""
        self.ensure_one()
        if (
            self.state not in ("open", "full")
            or self.date_start <= fields.Datetime.now()
        ):
            raise UserError(
                self.env._("Cover can only be asked for an open shift still to come.")
            )
        if self.seats_left < 1:
            raise UserError(
                self.env._(
                    "%(shift)s is full: raise its maximum to ask for cover.",
                    shift=self.name,
                )
            )
        places = max(self.min_volunteers - self.confirmed_count, 1)
        return {
            "type": "ir.actions.act_window",
            "res_model": "link.cover.request",
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Ask for cover"),
            "context": {
                "default_shift_id": self.id,
                "default_places": min(places, self.seats_left),
                "default_ask_count": max(5, places),
            },
        }

    def action_view_cover_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "link_volunteering.link_cover_request_action"
        )
        action["domain"] = [("shift_id", "=", self.id)]
        action["context"] = {"default_shift_id": self.id}
        return action
