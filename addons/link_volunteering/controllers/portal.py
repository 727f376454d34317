# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import (
    LinkVolunteerPortal,
    link_record_or_404,
)

PAST_OFFERS_SHOWN = 10


class LinkCoverPortal(LinkVolunteerPortal):
    """Cover requests on the volunteer portal: the volunteer's own offers
    only (record rules), a page per offer with accept and decline."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cover_count" in counters:
            Offer = request.env["link.cover.offer"]
            values["cover_count"] = (
                Offer.search_count(self._link_open_offers_domain())
                if Offer.has_access("read")
                else 0
            )
        return values

    def _link_open_offers_domain(self):
        return [
            ("partner_id", "=", request.env.user.partner_id.id),
            ("state", "=", "offered"),
            ("date_start", ">", fields.Datetime.now()),
        ]

    @http.route("/my/cover", type="http", auth="user", website=True)
    def portal_my_cover(self, **kw):
        Offer = request.env["link.cover.offer"]
        open_offers = Offer.search(self._link_open_offers_domain(), order="id desc")
        answered = Offer.search(
            [
                ("partner_id", "=", request.env.user.partner_id.id),
                ("id", "not in", open_offers.ids),
            ],
            order="id desc",
            limit=PAST_OFFERS_SHOWN,
        )
        shifts = (open_offers | answered).sudo().shift_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cover",
                "open_offers": open_offers.sudo(),
                "answered": answered.sudo(),
                "when": self._link_shift_times(shifts),
            }
        )
        return request.render("link_volunteering.portal_my_cover", values)

    @http.route(
        "/my/cover/<int:offer_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_cover_offer(self, offer_id, **kw):
        offer = link_record_or_404("link.cover.offer", offer_id)
        return self._render_offer(offer)

    @http.route(
        "/my/cover/<int:offer_id>/<string:answer>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_cover_answer(self, offer_id, answer, **kw):
        if answer not in ("accept", "decline"):
            raise request.not_found()
        offer = link_record_or_404("link.cover.offer", offer_id)
        try:
            with request.env.cr.savepoint():
                # sudo: volunteers cannot book places themselves; the offer
                # checks it is still open and the shift's rules.
                if answer == "accept":
                    offer.sudo()._accept()
                else:
                    offer.sudo()._decline()
        except (UserError, ValidationError) as error:
            return self._render_offer(offer, error=error.args[0], status=409)
        return request.redirect(f"/my/cover/{offer.id}")

    def _render_offer(self, offer, error=None, status=200):
        offer_sudo = offer.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cover_offer",
                "offer": offer_sudo,
                "shift": offer_sudo.shift_id,
                "refusal": offer_sudo._answer_refusal(),
                "error": error,
                "when": self._link_shift_times(offer_sudo.shift_id),
            }
        )
        return request.render(
            "link_volunteering.portal_cover_offer", values, status=status
        )
