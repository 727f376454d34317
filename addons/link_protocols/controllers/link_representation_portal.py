# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_id,
    link_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal

SUMMARY_MAX_LENGTH = 20000
FILE_MAX_BYTES = 10 * 1024 * 1024
FILES_MAX = 3
FILE_NAME_MAX_LENGTH = 200
ID_MAX_LENGTH = 20


class LinkRepresentationPortal(CustomerPortal):
    """The representative's page: the seats they sit on, the meetings to
    come and those awaiting a report back, and the form to file it. The
    model decides (link.representation._file_report_back); these routes
    read the form."""

    def _link_my_seats(self):
        Seat = request.env["link.representation"]
        if not Seat.has_access("read"):
            return Seat
        # Record rules keep portal users to their own seats; the domain keeps
        # host staff who open /my to theirs too.
        return Seat.search(
            Seat._portal_domain(request.env.user.partner_id), order="name, id"
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "representation_count" in counters:
            values["representation_count"] = len(self._link_my_seats())
        return values

    @http.route("/my/representation", type="http", auth="user", website=True)
    def portal_my_representation(self, filed=None, **kw):
        partner = request.env.user.partner_id
        seats = self._link_my_seats()
        # sudo to render: the bodies are partners portal users cannot read.
        overview = seats.sudo()._portal_overview(partner)
        filed_id = _record_id(filed)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "representation",
                "seats": seats.sudo(),
                "partner": partner,
                # Only a report of the user's own: another's id shows nothing.
                "filed": overview["reports"].filtered(lambda r: r.id == filed_id)[:1]
                if filed_id
                else None,
                **overview,
                "reports": overview["reports"].sudo(),
            }
        )
        return request.render("link_protocols.portal_my_representation", values)

    @http.route(
        "/my/representation/<int:seat_id>/report",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_representation_report_form(self, seat_id, meeting=None, **kw):
        seat = self._link_my_seat(seat_id)
        return self._link_report_form(seat, {"meeting": meeting or ""})

    @http.route(
        "/my/representation/<int:seat_id>/report",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_representation_report(self, seat_id, **post):
        seat = self._link_my_seat(seat_id)
        values = {
            name: link_plain_text(post.get(name))
            if isinstance(post.get(name), str)
            else ""
            for name in ("meeting", "attended", "hours", "summary")
        }
        meeting_id = _record_id(values["meeting"]) if values["meeting"] else False
        hours = _parse_hours(values["hours"])
        files = [
            (
                link_plain_text(upload.filename).strip()[:FILE_NAME_MAX_LENGTH],
                upload.read(FILE_MAX_BYTES + 1),
            )
            for upload in request.httprequest.files.getlist("attachment")[
                : FILES_MAX + 1
            ]
            if upload.filename
        ]
        error = None
        if meeting_id is None:
            error = request.env._("Choose the meeting from the list.")
        elif hours is None:
            error = request.env._("Give the hours as a number, for example 2.5.")
        elif len(files) > FILES_MAX or any(
            len(content) > FILE_MAX_BYTES for __, content in files
        ):
            error = request.env._(
                "Attach at most %(count)s files of up to 10 MB each.", count=FILES_MAX
            )
        elif len(values["summary"]) > SUMMARY_MAX_LENGTH:
            error = request.env._(
                "The report back is too long: keep it under %(count)s characters "
                "and attach the rest as a file.",
                count=SUMMARY_MAX_LENGTH,
            )
        if error:
            return self._link_report_form(seat, values, error=error, status=400)
        try:
            with request.env.cr.savepoint():
                # sudo: representatives do not write reports back directly;
                # the model checks they sit on the seat.
                report = seat.sudo()._file_report_back(
                    request.env.user.partner_id,
                    meeting_id,
                    values["attended"] != "no",
                    hours,
                    values["summary"],
                    [(name, content) for name, content in files if content],
                )
        except (UserError, ValidationError) as refusal:
            return self._link_report_form(
                seat, values, error=refusal.args[0], status=400
            )
        return request.redirect(f"/my/representation?filed={report.id}")

    def _link_my_seat(self, seat_id):
        return link_record_or_404(
            "link.representation",
            seat_id,
            request.env["link.representation"]._portal_domain(
                request.env.user.partner_id
            ),
        )

    def _link_report_form(self, seat, values, error=None, status=200):
        overview = seat.sudo()._portal_overview(request.env.user.partner_id)
        page = self._prepare_portal_layout_values()
        page.update(
            {
                "page_name": "representation_report",
                "seat": seat.sudo(),
                "pending": overview["pending"].get(seat.id, []),
                "days": overview["days"],
                "values": values,
                "error": error,
                "today": fields.Date.context_today(seat),
                "files_max": FILES_MAX,
            }
        )
        return request.render(
            "link_protocols.portal_representation_report", page, status=status
        )


def _record_id(value):
    """link_record_id, for a value of any length: past 20 characters it is no
    record id (and int() refuses strings of thousands of digits)."""
    if isinstance(value, str) and len(value) > ID_MAX_LENGTH:
        return None
    return link_record_id(value)


def _parse_hours(value):
    """Hours as typed ("2.5", "2,5", empty for none), or None when it is not
    a number."""
    value = (value or "").strip().replace(",", ".")
    if len(value) > ID_MAX_LENGTH:
        return None
    if not value:
        return 0.0
    try:
        hours = float(value)
    except ValueError:
        return None
    return hours if math.isfinite(hours) else None
