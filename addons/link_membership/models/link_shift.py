# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hmac
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import hmac as odoo_hmac

# Calendar colour indexes of Odoo's palette.
COLOR_SHORT = 1  # red
COLOR_FULL = 10  # green
ACTIVE_STATES = ("open", "full")


class LinkShift(models.Model):
    _name = "link.shift"
    _description = "Volunteer shift"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.row.lock.mixin",
        "link.calendar.mirror.mixin",
    ]
    _order = "date_start, id"
    # Volunteers are told by the shift's own mails, not by the calendar.
    _calendar_create_context = {
        "no_mail_to_attendees": True,
        "dont_notify": True,
        "mail_create_nolog": True,
    }
    _calendar_write_context = {"no_mail_to_attendees": True, "dont_notify": True}

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    role_id = fields.Many2one(
        "link.volunteer.role",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date_start = fields.Datetime(
        string="Starts", required=True, index=True, tracking=True
    )
    date_end = fields.Datetime(string="Ends", required=True, tracking=True)
    duration_hours = fields.Float(
        string="Length (hours)", compute="_compute_duration_hours", store=True
    )
    location_partner_id = fields.Many2one(
        "res.partner",
        string="Venue",
        help="The organisation or building where the shift takes place.",
    )
    location = fields.Char(
        string="Address", help="Where to go, when there is no venue contact."
    )
    ward_id = fields.Many2one("link.ward", index=True, ondelete="restrict")
    min_volunteers = fields.Integer(
        string="Minimum volunteers", default=1, tracking=True
    )
    max_volunteers = fields.Integer(
        string="Maximum volunteers", default=2, tracking=True
    )
    description = fields.Html()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open"),
            ("full", "Full"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    served_ref = fields.Reference(
        selection="_selection_served_ref",
        string="Serves",
        help="The meeting, visit or board seat this shift is for.",
    )
    event_id = fields.Many2one(
        "calendar.event",
        string="Calendar event",
        readonly=True,
        copy=False,
    )
    series_id = fields.Many2one(
        "link.shift.series",
        index=True,
        ondelete="set null",
        copy=False,
    )
    series_update = fields.Selection(
        [("this", "This shift"), ("following", "This and the following shifts")],
        string="Apply changes to",
        store=False,
        default="this",
    )
    assignment_ids = fields.One2many("link.shift.assignment", "shift_id")
    confirmed_count = fields.Integer(
        string="Confirmed", compute="_compute_confirmed_count", store=True
    )
    waitlist_count = fields.Integer(
        string="Waiting list", compute="_compute_waitlist_count"
    )
    seats_left = fields.Integer(
        string="Places left", compute="_compute_seats", store=True
    )
    is_short = fields.Boolean(
        string="Short of volunteers",
        compute="_compute_seats",
        store=True,
        index=True,
        help="Open, and fewer volunteers confirmed than the minimum.",
    )
    color = fields.Integer(compute="_compute_seats", store=True)
    qualification_type_ids = fields.Many2many(
        related="role_id.qualification_type_ids", string="Required qualifications"
    )
    shortfall_notified = fields.Boolean(copy=False, readonly=True)
    checkout_review_notified = fields.Boolean(copy=False, readonly=True)
    expected_count = fields.Integer(
        string="Expected", compute="_compute_attendance_counts"
    )
    arrived_count = fields.Integer(
        string="Arrived", compute="_compute_attendance_counts"
    )
    no_show_count = fields.Integer(
        string="No-show", compute="_compute_attendance_counts"
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )

    @api.model
    def _selection_served_ref(self):
        return [("calendar.event", self.env._("Meeting"))]

    @api.depends("role_id", "date_start")
    def _compute_name(self):
        for shift in self:
            if not shift.name and shift.role_id:
                shift.name = shift.role_id.name

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        for shift in self:
            if shift.date_start and shift.date_end:
                delta = shift.date_end - shift.date_start
                shift.duration_hours = delta.total_seconds() / 3600
            else:
                shift.duration_hours = 0

    @api.depends("assignment_ids.state")
    def _compute_confirmed_count(self):
        counts = self._assignment_counts("confirmed")
        for shift in self:
            shift.confirmed_count = counts.get(shift.id, 0)

    # Not stored on purpose: joining a waiting list must not write the shift
    # row, or every sign-up would conflict with every other one.
    def _compute_waitlist_count(self):
        counts = self._assignment_counts("waitlisted")
        for shift in self:
            shift.waitlist_count = counts.get(shift.id, 0)

    def _assignment_counts(self, state):
        if not self.ids:
            return {}
        groups = (
            self.env["link.shift.assignment"]
            .sudo()
            ._read_group(
                [("shift_id", "in", self.ids), ("state", "=", state)],
                ["shift_id"],
                ["__count"],
            )
        )
        return {shift.id: count for shift, count in groups}

    def _compute_attendance_counts(self):
        groups = (
            self.env["link.shift.assignment"]
            .sudo()
            ._read_group(
                [("shift_id", "in", self.ids), ("attendance_status", "!=", False)],
                ["shift_id", "attendance_status"],
                ["__count"],
            )
            if self.ids
            else []
        )
        counts = {(shift.id, status): count for shift, status, count in groups}
        for shift in self:
            shift.expected_count = counts.get((shift.id, "expected"), 0)
            shift.arrived_count = counts.get((shift.id, "arrived"), 0)
            shift.no_show_count = counts.get((shift.id, "no_show"), 0)

    @api.depends("confirmed_count", "min_volunteers", "max_volunteers", "state")
    def _compute_seats(self):
        for shift in self:
            shift.seats_left = max(shift.max_volunteers - shift.confirmed_count, 0)
            shift.is_short = (
                shift.state in ACTIVE_STATES
                and shift.confirmed_count < shift.min_volunteers
            )
            if shift.is_short:
                shift.color = COLOR_SHORT
            elif shift.state == "full":
                shift.color = COLOR_FULL
            else:
                shift.color = 0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for shift in self:
            if shift.date_end <= shift.date_start:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s must end after it starts.", name=shift.name
                    )
                )

    @api.constrains("min_volunteers", "max_volunteers")
    def _check_volunteer_numbers(self):
        for shift in self:
            if shift.max_volunteers < 1 or shift.min_volunteers < 0:
                raise ValidationError(
                    self.env._("A shift needs room for at least one volunteer.")
                )
            if shift.min_volunteers > shift.max_volunteers:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s asks for at least %(min)s volunteers but "
                        "has room for only %(max)s.",
                        name=shift.name,
                        min=shift.min_volunteers,
                        max=shift.max_volunteers,
                    )
                )

    # ------------------------------------------------------------------
    # Create, write, calendar
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        shifts = super().create(vals_list)
        shifts._sync_calendar()
        return shifts

    def write(self, vals):
        vals = dict(vals)
        following = vals.pop("series_update", "this") == "following"
        if following and len(self) == 1 and self.series_id:
            return self._write_following(vals)
        res = super().write(vals)
        if {"name", "date_start", "date_end", "location", "location_partner_id"} & set(
            vals
        ):
            self.filtered("event_id")._sync_calendar()
        if "max_volunteers" in vals:
            self._fill_from_waitlist()
        return res

    def _write_following(self, vals):
        """Apply a change to this shift and the later ones of its series that
        are still to happen; times move by the same offset."""
        following = self.search(
            [
                ("series_id", "=", self.series_id.id),
                ("date_start", ">=", self.date_start),
                ("state", "not in", ("done", "cancelled")),
            ]
        )
        start_offset = end_offset = timedelta(0)
        if "date_start" in vals:
            start_offset = (
                fields.Datetime.to_datetime(vals["date_start"]) - self.date_start
            )
        if "date_end" in vals:
            end_offset = fields.Datetime.to_datetime(vals["date_end"]) - self.date_end
        other_vals = {
            key: value
            for key, value in vals.items()
            if key not in ("date_start", "date_end")
        }
        if other_vals:
            following.write(other_vals)
        if start_offset or end_offset:
            # Each shift keeps its own day: one write per shift, bounded by
            # the length of the series.
            for shift in following:
                shift.write(
                    {
                        "date_start": shift.date_start + start_offset,
                        "date_end": shift.date_end + end_offset,
                    }
                )
        return True

    def _calendar_event_values(self):
        return {
            "name": self.name,
            "start": self.date_start,
            "stop": self.date_end,
            "location": self.location_partner_id.contact_address_inline
            or self.location
            or False,
        }

    def _calendar_event_defaults(self):
        return {
            "user_id": (self.company_id or self.env.company)
            ._link_volunteer_coordinator()
            .id,
            "partner_ids": [],
        }

    def _calendar_shown(self):
        return self.state != "cancelled"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self.sudo().assignment_ids:
            raise UserError(
                self.env._(
                    "Volunteers have signed up for this shift: cancel it instead "
                    "of deleting it, so their history is kept."
                )
            )

    # ------------------------------------------------------------------
    # States
    # ------------------------------------------------------------------

    def action_open(self):
        if any(shift.state not in ("draft", "cancelled") for shift in self):
            raise UserError(self.env._("Only draft or cancelled shifts can be opened."))
        self.write({"state": "open"})
        self._sync_calendar()
        self._fill_from_waitlist()

    def action_cancel(self):
        if any(shift.state == "done" for shift in self):
            raise UserError(self.env._("A shift that took place cannot be cancelled."))
        self.write({"state": "cancelled"})
        self.sudo().assignment_ids.filtered(
            lambda a: a.state in ("waitlisted", "confirmed")
        )._cancel(promote=False)
        self._sync_calendar()

    def action_cancel_following(self):
        self.ensure_one()
        shifts = self
        if self.series_id:
            shifts = self.search(
                [
                    ("series_id", "=", self.series_id.id),
                    ("date_start", ">=", self.date_start),
                    ("state", "not in", ("done", "cancelled")),
                ]
            )
        shifts.action_cancel()

    def action_done(self):
        if any(shift.state not in ACTIVE_STATES for shift in self):
            raise UserError(self.env._("Only open or full shifts can be closed."))
        self.write({"state": "done"})

    def _lock(self):
        """Lock the shift rows until the end of the transaction: sign-ups to
        the same shift queue behind each other. Under Odoo's REPEATABLE READ,
        a shift whose confirmed count changed meanwhile raises a serialization
        failure here, and the request is retried with fresh figures."""
        self._lock_rows(["confirmed_count", "seats_left", "state"])

    def _sync_fullness(self):
        self.flush_recordset(["confirmed_count"])
        now_full = self.filtered(
            lambda s: s.state == "open" and s.confirmed_count >= s.max_volunteers
        )
        now_open = self.filtered(
            lambda s: s.state == "full" and s.confirmed_count < s.max_volunteers
        )
        if now_full:
            now_full.write({"state": "full"})
        if now_open:
            now_open.write({"state": "open"})

    def _fill_from_waitlist(self):
        """Give free places to the waiting list, first come first served,
        skipping those not qualified or busy at that time."""
        shifts = self.filtered(lambda s: s.state in ACTIVE_STATES)
        if not shifts:
            return
        shifts._lock()
        waiting = (
            self.env["link.shift.assignment"]
            .sudo()
            .search(
                [("shift_id", "in", shifts.ids), ("state", "=", "waitlisted")],
                order="signup_date, id",
            )
        )
        promoted = self.env["link.shift.assignment"]
        for shift in shifts:
            free = shift.max_volunteers - shift.confirmed_count
            for assignment in waiting.filtered(lambda a, s=shift: a.shift_id == s):
                if free <= 0:
                    break
                if assignment._refusals():
                    continue
                assignment.write({"state": "confirmed"})
                promoted |= assignment
                free -= 1
        shifts._sync_fullness()
        if promoted:
            promoted._send("link_membership.mail_template_shift_promoted")

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_link_shifts(self):
        self._close_past_shifts()
        self.env["link.shift.assignment"]._close_check_ins()
        self._notify_shortfalls()
        self.env["link.shift.assignment"]._send_reminders()

    @api.model
    def _close_past_shifts(self):
        now = fields.Datetime.now()
        while shifts := self.search(
            [("state", "in", ACTIVE_STATES), ("date_end", "<=", now)],
            limit=self._activity_batch,
        ):
            shifts.write({"state": "done"})

    @api.model
    def _notify_shortfalls(self):
        company = self.env.company
        horizon = fields.Datetime.now() + timedelta(
            days=company.link_shift_shortfall_days
        )
        self._schedule_once_matching(
            [
                ("is_short", "=", True),
                ("date_start", "<=", horizon),
                ("date_start", ">", fields.Datetime.now()),
            ],
            "mail.mail_activity_data_todo",
            "shortfall_notified",
            lambda shift: (shift.company_id or company).link_volunteer_coordinator_id,
            lambda shift: shift.date_start.date(),
            self.env._("Short of volunteers: find more before the shift"),
        )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------

    def _portal_refusals(self, partner, own_places):
        """Why ``partner`` cannot take a place on each of these shifts, for
        the portal list: {shift id: [reasons]}, in a fixed number of queries
        (``own_places`` are the person's upcoming places, already read)."""
        missing = self.env["link.qualification"]._missing_per_day(
            partner,
            {
                shift.id: (
                    shift.role_id.qualification_type_ids,
                    shift.date_start.date(),
                )
                for shift in self
                if shift.role_id.qualification_type_ids
            },
        )
        busy = [
            (place.shift_id.id, place.date_start, place.date_end, place.shift_id.name)
            for place in own_places
            if place.state == "confirmed"
        ]
        refusals = {}
        for shift in self:
            reasons = []
            if lacking := missing.get(shift.id):
                reasons.append(
                    self.env._(
                        "Needs %(missing)s, valid on the day.",
                        missing=", ".join(lacking.mapped("name")),
                    )
                )
            start, end = shift.date_start, shift.date_end
            for shift_id, busy_start, busy_end, busy_name in busy:
                if shift_id != shift.id and busy_start < end and busy_end > start:
                    reasons.append(
                        self.env._(
                            "You are booked on %(other)s at that time.", other=busy_name
                        )
                    )
                    break
            if reasons:
                refusals[shift.id] = reasons
        return refusals

    # ------------------------------------------------------------------
    # Check-in
    # ------------------------------------------------------------------

    def _checkin_token(self):
        """The secret of this shift's check-in code: signed with the
        database secret, so only the poster gives it (nothing to store)."""
        self.ensure_one()
        return odoo_hmac(self.env(su=True), "link-shift-checkin", self.id)[:32]

    def _checkin_url(self):
        self.ensure_one()
        token = self._checkin_token()
        return f"{self.get_base_url()}/my/shifts/{self.id}/checkin/{token}"

    def _checkin_qr_src(self):
        """The QR code of the check-in address, as an image the poster
        embeds (no request back to the server while printing)."""
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode(
            "QR", self._checkin_url(), width=600, height=600, quiet=0
        )
        return "data:image/png;base64," + base64.b64encode(png).decode()

    def action_print_checkin_poster(self):
        return self.env.ref(
            "link_membership.action_report_link_shift_checkin_poster"
        ).report_action(self)

    def action_open_kiosk(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_membership.link_shift_assignment_action_kiosk"
        )
        action["name"] = self.env._("Check-in: %(shift)s", shift=self.display_name)
        action["domain"] = [
            ("shift_id", "=", self.id),
            ("state", "in", ("confirmed", "attended", "no_show")),
        ]
        action["context"] = {"default_shift_id": self.id}
        return action

    @api.model
    def _portal_check_in(self, shift_id, token, partner, action=None):
        """A volunteer's scan of a shift's check-in code, and their tap on
        Check in or Check out: what the page shows, as a dict with the HTTP
        status, the shift and place (sudo), a refusal or a notice, and the
        action the page offers ("in", "out" or None). Refusals, never an
        error: a code that is not ours, a shift without a place of theirs,
        outside the window."""
        shift = self.sudo().browse(shift_id).exists() if shift_id else self.browse()
        if (
            not shift
            or not isinstance(token, str)
            or not token.isascii()
            or not hmac.compare_digest(shift._checkin_token(), token)
        ):
            return {
                "status": 404,
                "refusal": self.env._(
                    "This is not a check-in code of ours. Scan the code on the "
                    "poster at the venue, or ask the volunteer coordinator."
                ),
            }
        Place = self.env["link.shift.assignment"].sudo()
        place = Place.search(
            [
                ("shift_id", "=", shift.id),
                ("partner_id", "=", partner.id),
                ("state", "in", ("waitlisted", "confirmed", "attended", "no_show")),
            ],
            limit=1,
        )
        result = {"status": 200, "shift": shift, "place": place, "offer": None}
        if not place:
            result["status"] = 403
            result["refusal"] = self.env._(
                "You have no place on %(shift)s, so you cannot check in to it. "
                "If you came for another shift, scan the code on its poster.",
                shift=shift.name,
            )
            return result
        now = fields.Datetime.now()
        try:
            with self.env.cr.savepoint():
                if action == "in":
                    place._check_in(now)
                    result["notice"] = "in"
                elif action == "out":
                    place._check_out(now)
                    result["notice"] = "out"
        except UserError as error:
            result["status"] = 409
            result["refusal"] = error.args[0]
            return result
        if place.state == "confirmed" and place.check_in_date:
            result["offer"] = "out"
        elif place.state in ("waitlisted", "confirmed"):
            if refusal := place._check_in_refusal(now):
                result["status"] = 403
                result["refusal"] = refusal
            else:
                result["offer"] = "in"
        return result
