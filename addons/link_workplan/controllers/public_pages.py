# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import link_record_id
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.link_community_issue import PUBLIC_PER_PAGE


class LinkWorkplanPublicPages(http.Controller):
    """“You said, we did” and the dates the work programme is decided: read
    as the superuser by the models, within what is published and only the
    fields they list (link.community.issue._link_public_page,
    calendar.event._link_public_work_programme)."""

    @http.route(
        ["/you-said-we-did", "/you-said-we-did/page/<int:page>"],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def you_said_we_did(self, page=1, **kw):
        # A page number from the query string may be anything: not a
        # number is the first page.
        values = request.env["link.community.issue"]._link_public_page(
            link_record_id(page) or 1
        )
        pager = portal_pager(
            url="/you-said-we-did",
            total=values["total"],
            page=values["page"],
            step=PUBLIC_PER_PAGE,
        )
        return request.render(
            "link_workplan.public_you_said_we_did", {**values, "pager": pager}
        )

    @http.route(
        "/you-said-we-did/<string:issue_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def you_said_we_did_issue(self, issue_id, **kw):
        row = request.env["link.community.issue"]._link_public_issue(
            link_record_id(issue_id)
        )
        if not row:
            raise request.not_found()
        return request.render(
            "link_workplan.public_you_said_we_did_issue", {"row": row}
        )

    @http.route(
        "/work-programme", type="http", auth="public", methods=["GET"], website=True
    )
    def work_programme(self, **kw):
        values = request.env["calendar.event"]._link_public_work_programme()
        return request.render("link_workplan.public_work_programme", values)
