# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import re

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from .portal import link_plain_text, link_record_id

CLAIMS_SHOWN = 50
CLAIM_FIELDS_SHOWN = [
    "date",
    "hours",
    "kind",
    "description",
    "ward_id",
    "state",
    "decline_reason",
]
DECIMAL = re.compile(r"^\d{1,3}([.,]\d{1,2})?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def link_parse_date(value):
    """The date an <input type="date"> sent (yyyy-mm-dd), or None."""
    value = (value or "").strip()
    if not ISO_DATE.match(value):
        return None
    try:
        return fields.Date.to_date(value)
    except ValueError:
        return None


def link_parse_amount(value):
    """A positive decimal number as a person types it (2.5 or 2,5), or
    None: never NaN, infinity or an exponent."""
    value = (value or "").strip().lstrip("£").strip()
    if not DECIMAL.match(value):
        return None
    number = float(value.replace(",", "."))
    return number if math.isfinite(number) and number > 0 else None


class LinkHoursPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "hours_claim_count" in counters:
            Claim = request.env["link.hours.claim"]
            values["hours_claim_count"] = (
                Claim.search_count([("state", "=", "submitted")])
                if Claim.has_access("read")
                else 0
            )
        return values

    def _link_hours_values(self, form=None, error=None, submitted=None):
        partner = request.env.user.partner_id
        # Record rules keep a volunteer to their own claims.
        claims = request.env["link.hours.claim"].search_fetch(
            [("partner_id", "=", partner.id)],
            CLAIM_FIELDS_SHOWN,
            order="date desc, id desc",
            limit=CLAIMS_SHOWN,
        )
        # sudo: portal users cannot read wards; only their names are shown.
        wards = request.env["link.ward"].sudo().search_fetch([], ["name"], order="name")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "hours",
                "claims": claims.sudo(),
                "wards": wards,
                "kinds": request.env["link.hours.claim"]._fields["kind"].selection,
                "form": form
                or {
                    "ward_id": partner.link_ward_id.id,
                    "date": fields.Date.to_string(
                        fields.Date.context_today(request.env.user)
                    ),
                },
                "error": error,
                "submitted": submitted,
                "today": fields.Date.context_today(request.env.user),
                "approved_total": sum(
                    claims.filtered(lambda c: c.state == "approved").mapped("hours")
                ),
            }
        )
        return values

    @http.route("/my/hours", type="http", auth="user", methods=["GET"], website=True)
    def portal_my_hours(self, submitted=None, **kw):
        return request.render(
            "link_membership.portal_my_hours",
            self._link_hours_values(submitted=bool(link_record_id(submitted))),
        )

    @http.route("/my/hours", type="http", auth="user", methods=["POST"], website=True)
    def portal_my_hours_submit(self, **post):
        form = {
            "date": link_parse_date(post.get("date")),
            "hours": link_parse_amount(post.get("hours")),
            "kind": post.get("kind"),
            "description": link_plain_text(post.get("description")),
            "ward_id": link_record_id(post.get("ward_id") or None),
        }
        error = None
        if not form["date"]:
            error = request.env._("Give the day you did the work.")
        elif not form["hours"]:
            error = request.env._(
                "Give the hours as a number, e.g. 2.5 for two and a half hours."
            )
        elif post.get("ward_id") and not form["ward_id"]:
            error = request.env._("Choose a ward from the list.")
        if not error:
            try:
                with request.env.cr.savepoint():
                    claim = request.env["link.hours.claim"]._portal_submit(
                        request.env.user.partner_id, form
                    )
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
        if error:
            shown = dict(form, date=post.get("date"), hours=post.get("hours"))
            return request.render(
                "link_membership.portal_my_hours",
                self._link_hours_values(form=shown, error=error),
                status=400,
            )
        return request.redirect(f"/my/hours?submitted={claim.id}")
