# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import (
    LinkVolunteerPortal,
    link_record_id,
    link_record_or_404,
)

from ..models.link_feedback import SENTIMENTS

FORM_FIELDS = (
    "what_good",
    "what_bad",
    "sentiment",
    "premises_id",
    "contact_name",
    "postcode",
    "safeguarding",
    "safeguarding_text",
)
RECENT_SHOWN = 20


class LinkQuickLogPortal(LinkVolunteerPortal):
    """Gateway quick log: a volunteer on a shift logs what visitors told
    them, from a phone. The model decides who may log where
    (link.feedback._log_from_portal); these routes only read the form."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "gateway_shift_count" in counters:
            values["gateway_shift_count"] = len(
                request.env["link.feedback"]._portal_shifts(request.env.user.partner_id)
            )
        return values

    @http.route("/my/feedback", type="http", auth="user", website=True)
    def portal_quick_log_shifts(self, **kw):
        Feedback = request.env["link.feedback"]
        shifts = Feedback._portal_shifts(request.env.user.partner_id)
        if len(shifts) == 1:
            return request.redirect(f"/my/feedback/shift/{shifts.id}")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "quick_log",
                "shifts": shifts,
                "when": self._link_shift_times(shifts),
                "mine": self._link_my_feedback([]),
            }
        )
        return request.render("link_voice.portal_quick_log_shifts", values)

    @http.route(
        "/my/feedback/shift/<int:shift_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_quick_log(self, shift_id, logged=None, signposted=None, kind=None, **kw):
        shift = link_record_or_404("link.shift", shift_id)
        logged_id = link_record_id(logged or signposted)
        model = "link.signpost" if signposted else "link.feedback"
        return self._link_render_quick_log(
            shift,
            logged=request.env[model].search([("id", "=", logged_id)])
            if logged_id
            else None,
            kind="enquiry" if kind == "enquiry" or signposted else "feedback",
        )

    @http.route(
        "/my/feedback/shift/<int:shift_id>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_quick_log_post(self, shift_id, **post):
        shift = link_record_or_404("link.shift", shift_id)
        values = {
            name: post.get(name) if isinstance(post.get(name), str) else ""
            for name in FORM_FIELDS
        }
        try:
            with request.env.cr.savepoint():
                feedback = request.env["link.feedback"]._log_from_portal(shift, values)
        except (UserError, ValidationError) as error:
            return self._link_render_quick_log(
                shift, error=error.args[0], values=values
            )
        return request.redirect(f"/my/feedback/shift/{shift.id}?logged={feedback.id}")

    @http.route(
        "/my/feedback/shift/<int:shift_id>/signpost",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_quick_log_signpost(self, shift_id, **post):
        shift = link_record_or_404("link.shift", shift_id)
        enquiry = post.get("enquiry") if isinstance(post.get("enquiry"), str) else ""
        values = {
            "enquiry": enquiry,
            # None for what is not an id: the model refuses it.
            "service_ids": [
                link_record_id(value)
                for value in request.httprequest.form.getlist("service_ids")
            ],
        }
        try:
            with request.env.cr.savepoint():
                signpost = request.env["link.signpost"]._log_from_portal(shift, values)
        except (UserError, ValidationError) as error:
            return self._link_render_quick_log(
                shift, error=error.args[0], values=values, kind="enquiry"
            )
        return request.redirect(
            f"/my/feedback/shift/{shift.id}?signposted={signpost.id}"
        )

    def _link_my_feedback(self, domain):
        """What this volunteer logged (the record rule keeps them to it)."""
        return request.env["link.feedback"].search_fetch(
            domain,
            ["name", "date", "what_good", "what_bad", "sentiment"],
            limit=RECENT_SHOWN,
        )

    def _link_render_quick_log(
        self, shift, logged=None, error=None, values=None, kind="feedback"
    ):
        Feedback = request.env["link.feedback"]
        # sudo: the shift is the volunteer's (found as them above); portal
        # users cannot read venues and services (partners) themselves.
        shift_sudo = shift.sudo()
        can_log = shift_sudo in Feedback._portal_shifts(request.env.user.partner_id)
        context = self._prepare_portal_layout_values()
        context.update(
            {
                "page_name": "quick_log_shift",
                "shift": shift_sudo,
                "can_log": can_log,
                "when": self._link_shift_times(shift_sudo),
                "services": request.env["res.partner"]
                .sudo()
                .search_fetch(
                    [("link_premises_kind", "!=", False)], ["name"], order="name"
                )
                if can_log
                else (),
                "sentiments": SENTIMENTS,
                "kind": kind,
                "directory": request.env["res.partner"]
                .sudo()
                .search_fetch(
                    [("link_signpost", "=", True)],
                    ["name", "link_signpost_help", "phone"],
                    order="name",
                )
                if can_log
                else (),
                "my_signposts": request.env["link.signpost"].search_fetch(
                    [("shift_id", "=", shift.id)],
                    ["name", "enquiry"],
                    limit=RECENT_SHOWN,
                ),
                "logged": logged,
                "error": error,
                "values": values or {},
                "mine": self._link_my_feedback([("shift_id", "=", shift.id)]),
            }
        )
        return request.render("link_voice.portal_quick_log", context)
