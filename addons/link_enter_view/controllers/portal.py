# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, http
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import link_plain_text
from odoo.addons.portal.controllers.portal import CustomerPortal

TEXT_MAX_LENGTH = 5000
NOTES_OPEN = ("planned", "notified", "visited")
DECLARATION_OPEN = ("draft", "planned", "notified")


class LinkEnterViewPortal(CustomerPortal):
    def _link_my_visits(self):
        """The visits the current user is on the team of. Explicit, and
        sudo only because the team is not readable field by field."""
        return (
            request.env["link.ev.visit"]
            .sudo()
            .search(
                [
                    ("team_member_ids.partner_id", "=", request.env.user.partner_id.id),
                    ("state", "!=", "draft"),
                ],
                order="date_visit desc, id desc",
            )
        )

    def _link_my_visit(self, visit_id):
        visit = self._link_my_visits().filtered(lambda v: v.id == visit_id)
        if not visit:
            raise request.not_found()
        return visit

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ev_visit_count" in counters:
            values["ev_visit_count"] = len(self._link_my_visits())
        return values

    @http.route("/my/visits", type="http", auth="user", website=True)
    def portal_my_visits(self, **kwargs):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "ev_visits", "visits": self._link_my_visits()})
        return request.render("link_enter_view.portal_my_visits", values)

    @http.route("/my/visits/<int:visit_id>", type="http", auth="user", website=True)
    def portal_my_visit(self, visit_id, saved=None, error=None, **kwargs):
        visit = self._link_my_visit(visit_id)
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "ev_visit",
                "visit": visit,
                "declaration": visit.declaration_ids.filtered(
                    lambda d: d.partner_id == partner
                ),
                "note": visit.note_ids.filtered(lambda n: n.partner_id == partner),
                "can_declare": visit.state in DECLARATION_OPEN,
                "can_note": visit.state in NOTES_OPEN,
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
        if visit.state not in DECLARATION_OPEN or interest not in ("none", "declared"):
            raise request.not_found()
        partner = request.env.user.partner_id
        details = link_plain_text(details).strip()[:TEXT_MAX_LENGTH] or False
        if interest == "declared" and not details:
            return request.redirect(f"/my/visits/{visit.id}?error=details")
        vals = {
            "interest": interest,
            "details": details if interest == "declared" else False,
        }
        declaration = visit.declaration_ids.filtered(lambda d: d.partner_id == partner)
        if declaration:
            # A changed declaration must be noted again.
            declaration.write({**vals, "noted_by_id": False, "date_noted": False})
        else:
            declaration = (
                request.env["link.ev.declaration"]
                .sudo()
                .create({"visit_id": visit.id, "partner_id": partner.id, **vals})
            )
        # On the declaration, not the visit: the council monitor reads visits
        # and their chatter, never who declared what.
        declaration.message_post(
            body=request.env._("Declared through the portal."), author_id=partner.id
        )
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
        body = link_plain_text(body).strip()[:TEXT_MAX_LENGTH]
        if visit.state not in NOTES_OPEN or not body:
            raise request.not_found()
        partner = request.env.user.partner_id
        note = visit.note_ids.filtered(lambda n: n.partner_id == partner)
        if note:
            note.write({"body": body})
        else:
            request.env["link.ev.note"].sudo().create(
                {"visit_id": visit.id, "partner_id": partner.id, "body": body}
            )
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
