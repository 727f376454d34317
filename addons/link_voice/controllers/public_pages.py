# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import link_record_id
from odoo.addons.portal.controllers.portal import pager as portal_pager

PER_PAGE = 20
# What a public page reads of a published feedback: never who said it.
PUBLIC_FIELDS = [
    "date",
    "rating",
    "public_text",
    "provider_reply",
    "provider_reply_date",
    "premises_id",
]


class LinkPublicPages(http.Controller):
    """What people said: for each service, the feedback staff screened and
    published, with the provider's reply. Read as the superuser within
    link.feedback._published_domain only, and only the fields above."""

    @http.route("/what-people-said", type="http", auth="public", website=True)
    def what_people_said(self, **kw):
        Feedback = request.env["link.feedback"].sudo()
        groups = Feedback._read_group(
            Feedback._published_domain(),
            ["premises_id"],
            ["__count", "rating:avg"],
            order="premises_id",
        )
        return request.render(
            "link_voice.public_services",
            {
                "services": [
                    {"service": premises, "count": count, "rating": rating}
                    for premises, count, rating in groups
                ],
            },
        )

    @http.route(
        [
            "/what-people-said/<string:service_id>",
            "/what-people-said/<string:service_id>/page/<int:page>",
        ],
        type="http",
        auth="public",
        website=True,
    )
    def what_people_said_about(self, service_id, page=1, **kw):
        Feedback = request.env["link.feedback"].sudo()
        service_id = link_record_id(service_id)
        domain = [*Feedback._published_domain(), ("premises_id", "=", service_id)]
        total = Feedback.search_count(domain) if service_id else 0
        if not total:
            raise request.not_found()
        pager = portal_pager(
            url=f"/what-people-said/{service_id}",
            total=total,
            page=page,
            step=PER_PAGE,
        )
        feedback = Feedback.search_fetch(
            domain,
            PUBLIC_FIELDS,
            order="date desc, id desc",
            limit=PER_PAGE,
            offset=pager["offset"],
        )
        service = request.env["res.partner"].sudo().browse(service_id)
        return request.render(
            "link_voice.public_service_feedback",
            {
                "service": service,
                "provider": service.link_provider_id
                or service.parent_id.commercial_partner_id,
                "feedback": feedback,
                "pager": pager,
                "total": total,
            },
        )
