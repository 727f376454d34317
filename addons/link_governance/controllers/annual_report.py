# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.link_membership.controllers.portal import link_record_id


class LinkAnnualReportPublic(http.Controller):
    """The published annual reports, for anyone: read as the superuser by
    the model, within what is published and only the fields it lists
    (link.annual.report._link_public_reports / _link_public_pdf)."""

    @http.route(
        "/annual-report", type="http", auth="public", methods=["GET"], website=True
    )
    def annual_reports(self, **kw):
        reports = request.env["link.annual.report"]._link_public_reports()
        return request.render(
            "link_governance.public_annual_reports", {"reports": reports}
        )

    @http.route(
        "/annual-report/<string:report_id>/pdf",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def annual_report_pdf(self, report_id, **kw):
        found = request.env["link.annual.report"]._link_public_pdf(
            link_record_id(report_id)
        )
        if not found:
            raise request.not_found()
        filename, pdf = found
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
