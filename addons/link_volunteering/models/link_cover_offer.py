# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkCoverOffer(models.Model):
    """One volunteer asked to cover a shift, and their answer."""

    _name = "link.cover.offer"
    _description = "Volunteer asked to cover a shift"
    _order = "request_id, rank, id"
    _rec_name = "partner_id"

    request_id = fields.Many2one(
        "link.cover.request", required=True, index=True, ondelete="cascade"
    )
    shift_id = fields.Many2one(
        related="request_id.shift_id", store=True, index=True, string="Shift"
    )
    date_start = fields.Datetime(related="request_id.date_start", string="Starts")
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
    )
    rank = fields.Integer(help="1 = the best placed to cover the shift.")
    state = fields.Selection(
        [
            ("offered", "Asked"),
            ("accepted", "Accepted"),
            ("declined", "Declined"),
            ("taken", "Taken by someone else"),
            ("expired", "Closed"),
        ],
        default="offered",
        required=True,
        index=True,
    )
    date_answered = fields.Datetime(string="Answered on", readonly=True)
    assignment_id = fields.Many2one(
        "link.shift.assignment", string="Place", readonly=True, ondelete="set null"
    )
    portal_url = fields.Char(compute="_compute_portal_url")
    company_id = fields.Many2one(related="request_id.company_id", store=True)

    _sql_constraints = [
        (
            "one_offer_per_person",
            "unique(request_id, partner_id)",
            "This volunteer was already asked for this cover.",
        ),
    ]

    def _compute_portal_url(self):
        base = self[:1].get_base_url()
        for offer in self:
            offer.portal_url = f"{base}/my/cover/{offer.id}"

    def _send(self, template_xmlid):
        if self:
            self.env.ref(template_xmlid).sudo().send_mail_batch(self.ids)

    @api.model
    def _portal_domain(self):
        return [("partner_id", "=", self.env.user.partner_id.id)]

    def _answer_refusal(self):
        """Why this offer cannot be answered any more, or False."""
        self.ensure_one()
        request = self.request_id
        if self.state == "accepted":
            return self.env._("You have taken this shift. Thank you!")
        if self.state == "declined":
            return self.env._("You said you cannot cover this shift.")
        if self.state == "taken" or request.state == "filled":
            return self.env._(
                "Someone else has already covered this shift. Thank you for looking."
            )
        if (
            self.state == "expired"
            or request.state != "open"
            or self.date_start <= fields.Datetime.now()
        ):
            return self.env._("This request is closed.")
        return False

    def _accept(self):
        """The volunteer takes a place: the first to accept get the places.
        The request row is claimed first, so that two volunteers accepting at
        the same instant queue, and the second is told it is taken."""
        self.ensure_one()
        request = self.request_id
        request._lock_rows(["state", "accepted_count"], claim=True)
        self.invalidate_recordset(["state"])
        if refusal := self._answer_refusal():
            raise UserError(refusal)
        shift = self.shift_id
        shift._lock()
        if shift.state not in ("open", "full") or shift.seats_left < 1:
            raise UserError(
                self.env._(
                    "%(shift)s has no place left now: thank you all the same.",
                    shift=shift.name,
                )
            )
        # The shift's own rules (qualifications on the day, no double
        # booking) are checked again by the place itself; its confirmation
        # mail goes to the volunteer.
        place = self.env["link.shift.assignment"].create(
            {"shift_id": shift.id, "partner_id": self.partner_id.id}
        )
        if place.state != "confirmed":
            raise UserError(
                self.env._("%(shift)s has no place left now.", shift=shift.name)
            )
        self.write(
            {
                "state": "accepted",
                "date_answered": fields.Datetime.now(),
                "assignment_id": place.id,
            }
        )
        request.message_post(
            body=self.env._("%(name)s accepted the cover.", name=self.partner_id.name),
            subtype_xmlid="mail.mt_note",
        )
        request._close_if_filled()
        return place

    def _decline(self):
        self.ensure_one()
        self.request_id._lock_rows(["state"])
        self.invalidate_recordset(["state"])
        if refusal := self._answer_refusal():
            raise UserError(refusal)
        self.write({"state": "declined", "date_answered": fields.Datetime.now()})
        self.request_id._check_answered()
