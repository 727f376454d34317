# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import babel
import babel.dates
import pytz

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

SHIFTS_PER_PAGE = 20
PAST_PLACES_SHOWN = 20
SHIFT_FIELDS_SHOWN = [
    "name",
    "role_id",
    "date_start",
    "date_end",
    "location_partner_id",
    "location",
    "seats_left",
    "max_volunteers",
    "description",
    "state",
]
PLACE_FIELDS_SHOWN = ["shift_id", "state", "date_start", "date_end", "hours"]
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Ids in a URL or a query string: a number past PostgreSQL's integer range
# would make the database refuse the query (a 500), so it is no record.
MAX_ID = 2**31 - 1
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def link_record_id(value):
    """The id a URL or query string names, or None: only plain decimal
    numbers within the database's integer range are record ids."""
    if isinstance(value, int):
        number = value
    elif (
        isinstance(value, str)
        and value.isascii()
        and value.isdecimal()
        # int() refuses more than 4,300 digits; no id has more than MAX_ID's.
        and len(value) <= len(str(MAX_ID))
    ):
        number = int(value)
    else:
        return None
    return number if 0 < number <= MAX_ID else None


def link_record_or_404(model, record_id, domain=()):
    """The record of ``model`` a URL names, found as the current user: within
    ``domain`` (what this page acts on) and the user's access rights and
    record rules, or a 404, the same whether it does not exist or is
    somebody else's. Every portal route finds its record here first; only
    then may it sudo(), to render what portal users cannot read field by
    field (venues, teams) or to let the model act for them."""
    record_id = link_record_id(record_id)
    Model = request.env[model]
    if not record_id or not Model.has_access("read"):
        raise request.not_found()
    record = Model.search([("id", "=", record_id), *domain])
    if not record:
        raise request.not_found()
    return record


def link_plain_text(value):
    """Text a volunteer typed or a browser sent as a file name, without the
    control characters (NUL first) that no one types and the database
    refuses."""
    return CONTROL_CHARACTERS.sub("", value or "")


class LinkVolunteerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Place = request.env["link.shift.assignment"]
        if "shift_count" in counters:
            values["shift_count"] = (
                Place.search_count(self._link_upcoming_places_domain())
                if Place.has_access("read")
                else 0
            )
        if "qualification_count" in counters:
            Qualification = request.env["link.qualification"]
            values["qualification_count"] = (
                Qualification.search_count([])
                if Qualification.has_access("read")
                else 0
            )
        return values

    def _link_upcoming_places_domain(self):
        return [
            ("partner_id", "=", request.env.user.partner_id.id),
            ("state", "in", ("waitlisted", "confirmed")),
            ("date_start", ">", fields.Datetime.now()),
        ]

    @http.route(
        ["/my/shifts", "/my/shifts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_shifts(self, page=1, signed=None, error=None, withdrawn=None, **kw):
        partner = request.env.user.partner_id
        # Record rules keep a volunteer to open shifts and their own places.
        Shift = request.env["link.shift"]
        Place = request.env["link.shift.assignment"]
        open_domain = [
            ("state", "in", ("open", "full")),
            ("date_start", ">", fields.Datetime.now()),
        ]
        pager = portal_pager(
            url="/my/shifts",
            total=Shift.search_count(open_domain),
            page=page,
            step=SHIFTS_PER_PAGE,
        )
        # search_fetch: each list and the fields the page shows in one query.
        shifts = Shift.search_fetch(
            open_domain,
            SHIFT_FIELDS_SHOWN,
            order="date_start, id",
            limit=SHIFTS_PER_PAGE,
            offset=pager["offset"],
        )
        upcoming = Place.search_fetch(
            self._link_upcoming_places_domain(),
            PLACE_FIELDS_SHOWN,
            order="date_start, id",
        )
        past = Place.search_fetch(
            [
                ("partner_id", "=", partner.id),
                ("state", "in", ("attended", "no_show", "confirmed")),
                ("date_start", "<=", fields.Datetime.now()),
            ],
            PLACE_FIELDS_SHOWN,
            order="date_start desc, id desc",
            limit=PAST_PLACES_SHOWN,
        )
        # sudo: portal users cannot read venues (partners) themselves.
        shifts_sudo = shifts.sudo()
        all_shifts = shifts_sudo | (upcoming | past).sudo().shift_id
        all_shifts.fetch(SHIFT_FIELDS_SHOWN)  # the places' shifts, in one query
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "shifts",
                "pager": pager,
                "shifts": shifts_sudo,
                "my_place": {place.shift_id.id: place for place in upcoming},
                "positions": upcoming._waitlist_positions(),
                "refusals": shifts_sudo._portal_refusals(partner, upcoming),
                "upcoming": upcoming.sudo(),
                "past": past.sudo(),
                "hours_total": sum(
                    past.filtered(lambda p: p.state == "attended").mapped("hours")
                ),
                # Only a place of this volunteer's own: another's id shows
                # nothing (the record rules would refuse the page).
                "signed": Place.search(
                    [
                        ("id", "=", link_record_id(signed)),
                        ("partner_id", "=", partner.id),
                    ]
                )
                if link_record_id(signed)
                else Place,
                "error_shift": link_record_id(error),
                "withdrawn": withdrawn,
                "cutoff_hours": request.env.company.link_shift_withdraw_cutoff_hours,
                "when": self._link_shift_times(all_shifts),
            }
        )
        return request.render("link_membership.portal_my_shifts", values)

    @http.route(
        "/my/shifts/<int:shift_id>/signup",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_shift_signup(self, shift_id, **kw):
        partner = request.env.user.partner_id
        shift = link_record_or_404(
            "link.shift",
            shift_id,
            [
                ("state", "in", ("open", "full")),
                ("date_start", ">", fields.Datetime.now()),
            ],
        )
        try:
            with request.env.cr.savepoint():
                # sudo: volunteers cannot create places directly; the model
                # decides confirmed or waiting list and checks the rules.
                place = (
                    request.env["link.shift.assignment"]
                    .sudo()
                    .create({"shift_id": shift.id, "partner_id": partner.id})
                )
        except (UserError, ValidationError):
            return request.redirect(f"/my/shifts?error={shift.id}")
        return request.redirect(f"/my/shifts?signed={place.id}")

    @http.route(
        "/my/shifts/place/<int:place_id>/withdraw",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_shift_withdraw_confirm(self, place_id, **kw):
        """Ask before giving a place up: the list links here, and only the
        form of this page withdraws (no script needed)."""
        place = link_record_or_404(
            "link.shift.assignment", place_id, self._link_upcoming_places_domain()
        )
        shift = place.sudo().shift_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "shift_withdraw",
                "place": place,
                "shift": shift,
                "refusal": place._withdraw_refusal(),
                "position": place._waitlist_positions().get(place.id),
                "when": self._link_shift_times(shift),
            }
        )
        return request.render("link_membership.portal_shift_withdraw", values)

    @http.route(
        "/my/shifts/place/<int:place_id>/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_shift_withdraw(self, place_id, **kw):
        place = link_record_or_404(
            "link.shift.assignment", place_id, self._link_upcoming_places_domain()
        )
        try:
            with request.env.cr.savepoint():
                place.sudo()._withdraw()
        except (UserError, ValidationError):
            return request.redirect(f"/my/shifts?error={place.shift_id.id}")
        return request.redirect("/my/shifts?withdrawn=1")

    def _link_shift_times(self, shifts):
        """{shift id: (day and times, day)} in the volunteer's time zone and
        language (its date format: dd/mm/yyyy in English (UK); hours and
        minutes), formatted in one pass (faster than a t-field per date)."""
        tz = pytz.timezone(request.env.user.tz or "Europe/London")
        code = request.env.lang or "en_GB"
        locale = babel.Locale.parse(code, sep="_")
        lang = request.env["res.lang"]._get_data(code=code)
        date_format = lang.date_format or "%d/%m/%Y"
        time_format = lang.short_time_format or "%H:%M"
        times = {}
        for shift in shifts:
            start = pytz.utc.localize(shift.date_start).astimezone(tz)
            end = pytz.utc.localize(shift.date_end).astimezone(tz)
            day = start.strftime(date_format)
            times[shift.id] = (
                "{} {}, {}–{}".format(
                    babel.dates.format_date(start, "EEE", locale=locale),
                    day,
                    start.strftime(time_format),
                    end.strftime(time_format),
                ),
                day,
            )
        return times

    @http.route("/my/qualifications", type="http", auth="user", website=True)
    def portal_my_qualifications(self, uploaded=None, error=None, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "qualifications",
                "qualifications": request.env["link.qualification"].search(
                    [("partner_id", "=", request.env.user.partner_id.id)],
                    order="date_expiry, id",
                ),
                "uploaded": uploaded,
                "error": error,
            }
        )
        return request.render("link_membership.portal_my_qualifications", values)

    @http.route(
        "/my/qualifications/<int:qualification_id>/evidence",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_qualification_evidence(self, qualification_id, evidence=None, **kw):
        qualification = link_record_or_404(
            "link.qualification",
            qualification_id,
            [("partner_id", "=", request.env.user.partner_id.id)],
        )
        content = evidence.read() if evidence and hasattr(evidence, "read") else b""
        if not content or len(content) > EVIDENCE_MAX_BYTES:
            return request.redirect("/my/qualifications?error=1")
        try:
            with request.env.cr.savepoint():
                qualification.sudo()._submit_evidence(
                    content, link_plain_text(evidence.filename).strip() or None
                )
        except (UserError, ValidationError):
            return request.redirect("/my/qualifications?error=1")
        return request.redirect("/my/qualifications?uploaded=1")
