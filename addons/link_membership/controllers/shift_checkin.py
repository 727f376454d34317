# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from .portal import LinkVolunteerPortal, link_record_id


class LinkShiftCheckinPortal(LinkVolunteerPortal):
    """The volunteer's private calendar address, and checking in to a shift
    by scanning the code on its poster."""

    @http.route()
    def portal_my_shifts(self, page=1, signed=None, error=None, withdrawn=None, **kw):
        response = super().portal_my_shifts(
            page=page, signed=signed, error=error, withdrawn=withdrawn, **kw
        )
        if hasattr(response, "qcontext"):
            partner = request.env.user.partner_id
            response.qcontext.update(
                {
                    "calendar_url": partner._link_calendar_feed_url(),
                    "calendar_changed": kw.get("calendar"),
                }
            )
        return response

    @http.route(
        "/my/shifts/calendar",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_shift_calendar(self, do=None, **kw):
        """Get a private calendar address, a new one (the old one stops
        working) or none."""
        if do not in ("new", "off"):
            return request.make_response(
                request.env._("Choose a new calendar address or none."),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=400,
            )
        request.env.user.partner_id._link_calendar_feed_set(do == "new")
        return request.redirect(f"/my/shifts?calendar={do}#link_calendar")

    @http.route(
        "/link/calendar/<string:token>.ics",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        save_session=False,
    )
    def link_calendar_feed(self, token, **kw):
        """A volunteer's shifts for their calendar app: no session, the
        secret address is the key."""
        partner = request.env["res.partner"]._link_calendar_partner(token)
        if not partner:
            return request.make_response(
                request.env._(
                    "This calendar address does not work any more: get the new "
                    "one from your volunteer page."
                ),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=404,
            )
        return request.make_response(
            partner._link_calendar_feed().encode(),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", 'inline; filename="shifts.ics"'),
                ("Cache-Control", "private, max-age=300"),
                ("X-Robots-Tag", "noindex"),
            ],
        )

    @http.route(
        "/my/shifts/<string:shift_id>/checkin/<string:token>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_shift_checkin(self, shift_id, token, do=None, **kw):
        """The page a shift's check-in code opens: the volunteer taps Check
        in (and later Check out); only a POST changes anything."""
        action = do if request.httprequest.method == "POST" else None
        if action not in (None, "in", "out"):
            action = None
        shift_id = link_record_id(shift_id)
        result = request.env["link.shift"]._portal_check_in(
            shift_id, token, request.env.user.partner_id, action
        )
        if action and not result.get("refusal"):
            # Done: back to the page, so that reloading it changes nothing.
            return request.redirect(
                f"/my/shifts/{shift_id}/checkin/{token}?done={action}"
            )
        values = self._prepare_portal_layout_values()
        values.update(result, page_name="shift_checkin", token=token)
        values["done"] = kw.get("done") if kw.get("done") in ("in", "out") else None
        if result.get("shift"):
            values["when"] = self._link_shift_times(result["shift"])
        return request.render(
            "link_membership.portal_shift_checkin", values, status=result["status"]
        )
