# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal

TEXT_MAX_LENGTH = 5000


class LinkEnterViewPortal(CustomerPortal):
    def _link_my_visits_domain(self):
        """The visits the current user is on the team of, past draft. Found
        through the user's own team rows: the visits' team field is for host
        staff, so a portal user cannot search on it."""
        Member = request.env["link.ev.team.member"]
        if not Member.has_access("read"):
            return [("id", "=", False)]
        members = Member.search_fetch(
            [("partner_id", "=", request.env.user.partner_id.id)], ["visit_id"]
        )
        return [("id", "in", members.visit_id.ids), ("state", "!=", "draft")]

    def _link_my_visits(self):
        Visit = request.env["link.ev.visit"]
        if not Visit.has_access("read"):
            return Visit
        return Visit.search(
            self._link_my_visits_domain(), order="date_visit desc, id desc"
        )

    def _link_my_visit(self, visit_id):
        return link_record_or_404(
            "link.ev.visit", visit_id, self._link_my_visits_domain()
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ev_visit_count" in counters:
            values["ev_visit_count"] = len(self._link_my_visits())
        return values

    @http.route("/my/visits", type="http", auth="user", website=True)
    def portal_my_visits(self, **kwargs):
        values = self._prepare_portal_layout_values()
        # sudo to render: the premises are partners portal users cannot read.
        values.update(
            {"page_name": "ev_visits", "visits": self._link_my_visits().sudo()}
        )
        return request.render("link_enter_view.portal_my_visits", values)

    @http.route("/my/visits/<int:visit_id>", type="http", auth="user", website=True)
    def portal_my_visit(self, visit_id, saved=None, **kwargs):
        return self._link_visit_page(self._link_my_visit(visit_id), saved=saved)

    def _link_visit_page(self, visit, saved=None, error=None):
        """The visit's page; ``error`` is the message of what the model
        refused, shown as the answer to the form that was sent."""
        partner = request.env.user.partner_id
        # sudo to render: the team, the premises and the provider's contact
        # are readable by host staff only, field by field.
        visit = visit.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "ev_visit",
                "visit": visit,
                "declaration": visit.declaration_ids.filtered(
                    lambda d: d.partner_id == partner
                ),
                "note": visit.note_ids.filtered(lambda n: n.partner_id == partner),
                "saved": saved,
                "error": error,
            }
        )
        return request.render("link_enter_view.portal_my_visit", values)

    @http.route(
        "/my/visits/<int:visit_id>/declaration",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_visit_declaration(self, visit_id, interest=None, details=None, **kw):
        visit = self._link_my_visit(visit_id)
        if not visit.can_declare:  # the page offers no form then
            raise request.not_found()
        try:
            with request.env.cr.savepoint():
                visit._declare(
                    request.env.user.partner_id,
                    interest,
                    link_plain_text(details).strip()[:TEXT_MAX_LENGTH],
                )
        except (UserError, ValidationError) as error:
            return self._link_visit_page(visit, error=error.args[0])
        return request.redirect(f"/my/visits/{visit.id}?saved=declaration")

    @http.route(
        "/my/visits/<int:visit_id>/notes",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_visit_notes(self, visit_id, body=None, **kw):
        visit = self._link_my_visit(visit_id)
        if not visit.can_note:  # the page offers no form then
            raise request.not_found()
        try:
            with request.env.cr.savepoint():
                visit._write_note(
                    request.env.user.partner_id,
                    link_plain_text(body).strip()[:TEXT_MAX_LENGTH],
                )
        except (UserError, ValidationError) as error:
            return self._link_visit_page(visit, error=error.args[0])
        return request.redirect(f"/my/visits/{visit.id}?saved=notes")

    @http.route(
        "/enter-and-view/representatives", type="http", auth="public", website=True
    )
    def public_representatives(self, **kwargs):
        """Who may knock on a care home's door: names only."""
        today = fields.Date.context_today(request.env.user)
        authorisations = (
            request.env["link.ev.authorisation"]
            .sudo()
            .search(
                [
                    ("state", "=", "authorised"),
                    "|",
                    ("date_expiry", "=", False),
                    ("date_expiry", ">=", today),
                ]
            )
        )
        names = sorted(set(authorisations.partner_id.mapped("name")))
        return request.render(
            "link_enter_view.public_representatives", {"names": names}
        )
