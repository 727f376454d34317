# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import link_record_id
from odoo.addons.portal.controllers.portal import pager as portal_pager

PER_PAGE = 20


class LinkPublicVisitReports(http.Controller):
    """Published enter and view reports, for anyone: the premises, what the
    visit looked at, the report, the recommendations with the provider's
    answers and its response. Staff choose what is public by publishing (and
    may take a report down again); the pages read only what
    link.ev.visit._public_reports gives them, never a person."""

    @http.route(
        ["/visit-reports", "/visit-reports/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
    )
    def visit_reports(self, page=1, **kw):
        Visit = request.env["link.ev.visit"]
        total = Visit._public_count()
        pager = portal_pager(
            url="/visit-reports", total=total, page=page, step=PER_PAGE
        )
        return request.render(
            "link_enter_view.public_visit_reports",
            {
                "reports": Visit._public_reports(
                    offset=pager["offset"], limit=PER_PAGE
                ),
                "pager": pager,
                "total": total,
            },
        )

    @http.route(
        "/visit-reports/<string:visit_id>", type="http", auth="public", website=True
    )
    def visit_report(self, visit_id, **kw):
        visit_id = link_record_id(visit_id)
        reports = (
            request.env["link.ev.visit"]._public_reports(visit_id=visit_id)
            if visit_id
            else []
        )
        if not reports:
            raise request.not_found()
        return request.render(
            "link_enter_view.public_visit_report", {"report": reports[0]}
        )
