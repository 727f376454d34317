# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal

NOTE_MAX_LENGTH = 2000


class LinkOpportunityPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "opportunity_count" in counters:
            Opportunity = request.env["link.opportunity"]
            values["opportunity_count"] = (
                Opportunity.search_count([("state", "=", "circulated")])
                if Opportunity.has_access("read")
                else 0
            )
        return values

    @http.route("/my/opportunities", type="http", auth="user", website=True)
    def portal_my_opportunities(self, registered=None, **kwargs):
        # Record rules keep portal members to what was circulated to them.
        opportunities = request.env["link.opportunity"].search(
            [("state", "=", "circulated")], order="date_close, id"
        )
        mine = request.env["link.opportunity.recipient"].search(
            [
                ("opportunity_id", "in", opportunities.ids),
                ("partner_id", "=", request.env.user.partner_id.id),
            ]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "opportunities",
                # Already filtered by the record rules; sudo only lets the page
                # show the offering partner, which portal users cannot read.
                "opportunities": opportunities.sudo(),
                "my_reply": {r.opportunity_id.id: r for r in mine},
                "registered": registered,
            }
        )
        return request.render("link_protocols.portal_my_opportunities", values)

    @http.route(
        "/my/opportunities/<int:opportunity_id>/interest",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_opportunity_interest(self, opportunity_id, note=None, **kwargs):
        opportunity = link_record_or_404(
            "link.opportunity", opportunity_id, [("state", "=", "circulated")]
        )
        recipient = request.env["link.opportunity.recipient"].search(
            [
                ("opportunity_id", "=", opportunity.id),
                ("partner_id", "=", request.env.user.partner_id.id),
            ],
            limit=1,
        )
        if not recipient:
            raise request.not_found()
        note = link_plain_text(note).strip()[:NOTE_MAX_LENGTH] or None
        # sudo: a recipient does not write their row directly.
        recipient.sudo()._register_interest(note=note)
        return request.redirect(f"/my/opportunities?registered={opportunity.id}")
