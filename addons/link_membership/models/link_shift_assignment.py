# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, create_index, html2plaintext

from .link_ical import ical_calendar

HELD_STATES = ("waitlisted", "confirmed")
# Check-in opens this long before the start of the shift and closes at its
# end; the shift cron closes anyone still checked in this long after the end.
CHECKIN_OPENS_BEFORE = timedelta(minutes=30)
CHECKOUT_GRACE = timedelta(hours=1)
# The places a calendar shows: held ones, and those given up (so that the
# calendar drops them).
FEED_STATES = ("confirmed", "attended", "no_show", "cancelled")
# Mails that carry the place as an .ics file.
ICS_TEMPLATES = (
    "link_membership.mail_template_shift_confirmed",
    "link_membership.mail_template_shift_promoted",
    "link_membership.mail_template_shift_cancelled",
)


class LinkShiftAssignment(models.Model):
    _name = "link.shift.assignment"
    _description = "Volunteer on a shift"
    _inherit = ["mail.thread"]
    _order = "date_start desc, signup_date, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    shift_id = fields.Many2one(
        "link.shift", required=True, index=True, ondelete="restrict"
    )
    role_id = fields.Many2one(related="shift_id.role_id", store=True, index=True)
    ward_id = fields.Many2one(related="shift_id.ward_id", store=True, index=True)
    date_start = fields.Datetime(
        related="shift_id.date_start", store=True, index=True, string="Starts"
    )
    date_end = fields.Datetime(related="shift_id.date_end", store=True, string="Ends")
    contract_quarter = fields.Char(
        compute="_compute_contract_quarter",
        store=True,
        index=True,
        help="The contract quarter the shift starts in, e.g. 2026/27 Q1 for "
        "April to June 2026 when the contract year starts in April.",
    )
    in_contract_year = fields.Boolean(
        string="In this contract year",
        compute="_compute_in_contract_year",
        search="_search_in_contract_year",
        help="The shift starts in the current contract year (Settings: "
        "contract year starts in).",
    )
    state = fields.Selection(
        [
            ("waitlisted", "On the waiting list"),
            ("confirmed", "Confirmed"),
            ("attended", "Attended"),
            ("no_show", "Did not come"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="confirmed",
        index=True,
        tracking=True,
        copy=False,
    )
    signup_date = fields.Datetime(
        string="Signed up on",
        required=True,
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        help="The waiting list is served in this order.",
    )
    hours = fields.Float(
        compute="_compute_hours",
        store=True,
        readonly=False,
        aggregator="sum",
        help="Volunteering hours to count; the length of the shift unless changed.",
    )
    assigned_by_id = fields.Many2one(
        "res.users",
        string="Assigned by",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    company_id = fields.Many2one(related="shift_id.company_id", store=True)
    check_in_date = fields.Datetime(
        string="Checked in", readonly=True, copy=False, index="btree_not_null"
    )
    check_out_date = fields.Datetime(string="Checked out", readonly=True, copy=False)
    checkout_missing = fields.Boolean(
        string="Check-out missing",
        readonly=True,
        copy=False,
        index=True,
        help="Still checked in after the shift: closed at its end by LINk. "
        "Check the hours with the volunteer.",
    )
    attendance_status = fields.Selection(
        [("expected", "Expected"), ("arrived", "Arrived"), ("no_show", "No-show")],
        compute="_compute_attendance_status",
        store=True,
        group_expand="_group_expand_attendance_status",
        help="For the check-in kiosk: who is still expected, who has arrived "
        "(checked in, or recorded as attended) and who did not come.",
    )

    def _contract_year_bounds(self):
        """Start of the current contract year and of the next, as datetimes."""
        today = fields.Date.context_today(self)
        __, __, first, last = self.env.company._link_contract_period(today, "year")
        return (
            fields.Datetime.to_datetime(first),
            fields.Datetime.to_datetime(last) + timedelta(days=1),
        )

    @api.depends("date_start", "shift_id.company_id")
    def _compute_contract_quarter(self):
        for assignment in self:
            if not assignment.date_start:
                assignment.contract_quarter = False
                continue
            company = assignment.shift_id.company_id or self.env.company
            assignment.contract_quarter = company._link_contract_period_name(
                assignment.date_start.date()
            )

    def _compute_in_contract_year(self):
        start, end = self._contract_year_bounds()
        for assignment in self:
            assignment.in_contract_year = bool(
                assignment.date_start and start <= assignment.date_start < end
            )

    def _search_in_contract_year(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search shifts in the contract year or not."))
        start, end = self._contract_year_bounds()
        inside = ["&", ("date_start", ">=", start), ("date_start", "<", end)]
        if (operator == "=") == value:
            return inside
        return ["|", ("date_start", "=", False), "!", *inside]

    @api.depends("shift_id.duration_hours")
    def _compute_hours(self):
        for assignment in self:
            assignment.hours = assignment.shift_id.duration_hours

    @api.depends("state", "check_in_date")
    def _compute_attendance_status(self):
        for assignment in self:
            if assignment.state == "no_show":
                assignment.attendance_status = "no_show"
            elif assignment.state == "attended" or assignment.check_in_date:
                assignment.attendance_status = "arrived"
            elif assignment.state == "confirmed":
                assignment.attendance_status = "expected"
            else:
                assignment.attendance_status = False

    @api.model
    def _group_expand_attendance_status(self, values, domain):
        return ["expected", "arrived", "no_show"]

    @api.constrains("hours")
    def _check_hours(self):
        if any(assignment.hours < 0 for assignment in self):
            raise ValidationError(self.env._("Hours cannot be negative."))

    def init(self):
        # One place at most per volunteer per shift, even under concurrent
        # sign-ups (checked with a clear message in _check_single_place first).
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS link_shift_assignment_one_place
                ON link_shift_assignment (shift_id, partner_id)
                WHERE state IN ('waitlisted', 'confirmed')"""
            )
        )
        # A volunteer's places by date (portal, hours): without it a
        # volunteer's latest places were found by walking every place of the
        # county backwards in time (8.5 ms at 150,000 places, 0.1 ms with it).
        create_index(
            self.env.cr,
            "link_shift_assignment_partner_date_start_index",
            self._table,
            ["partner_id", "date_start"],
        )

    # ------------------------------------------------------------------
    # Sign-up
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """A new place is confirmed while the shift has room, waitlisted once
        it is full; the shift rows are locked so that parallel sign-ups never
        overfill it."""
        self.check_access("create")
        shift_ids = {vals.get("shift_id") for vals in vals_list}
        shifts = self.env["link.shift"].browse(shift_ids - {None, False}).sudo()
        shifts._lock()
        self._lock_people(
            self.env["res.partner"].browse(
                {vals.get("partner_id") for vals in vals_list} - {None, False}
            )
        )
        self._check_single_place(vals_list)
        for shift in shifts:
            if shift.state in ("done", "cancelled"):
                raise UserError(
                    self.env._(
                        "The shift %(shift)s is %(state)s: no one can join it.",
                        shift=shift.display_name,
                        state=dict(shift._fields["state"].selection)[shift.state],
                    )
                )
        free = {
            shift.id: shift.max_volunteers - shift.confirmed_count for shift in shifts
        }
        for vals in vals_list:
            if vals.get("state", "confirmed") == "confirmed":
                if free.get(vals.get("shift_id"), 0) > 0:
                    free[vals["shift_id"]] -= 1
                    vals["state"] = "confirmed"
                else:
                    vals["state"] = "waitlisted"
        assignments = super().create(vals_list)
        assignments._check_refusals()
        shifts._sync_fullness()
        assignments.filtered(lambda a: a.state == "confirmed")._send(
            "link_membership.mail_template_shift_confirmed"
        )
        assignments.filtered(lambda a: a.state == "waitlisted")._send(
            "link_membership.mail_template_shift_waitlisted"
        )
        return assignments

    def write(self, vals):
        confirming = self.browse()
        if vals.get("state") == "confirmed":
            confirming = self.filtered(lambda a: a.state != "confirmed")
            confirming._check_room()
        if {"partner_id", "shift_id"} & set(vals) and self.filtered(
            lambda a: a.state != "waitlisted"
        ):
            raise UserError(
                self.env._(
                    "Cancel this place and create another one instead of moving it: "
                    "the volunteer is told either way."
                )
            )
        res = super().write(vals)
        if confirming:
            confirming._check_refusals()
            confirming.shift_id.sudo()._sync_fullness()
        return res

    @api.model
    def _lock_people(self, partners):
        """Lock the people being booked before their other places are read:
        the shift lock alone let two requests book one person onto two
        overlapping shifts at the same instant, each blind to the other. The
        second now waits for the first and, under REPEATABLE READ, gets a
        serialization failure once it commits (the rows are claimed, not just
        locked): its retry sees the first booking and is refused with the
        clash message. Taken after the shift locks, always in that order."""
        partners.sudo()._lock_rows(claim=True)

    def _refusals(self):
        """Why this place could not be confirmed (empty when it can)."""
        return self._refusals_batch(confirming=self).get(self.id, [])

    def _refusals_batch(self, confirming):
        """{place id: [reasons]} for the places that cannot be held: missing
        qualifications on the day for all of them, and clashes with the
        person's other confirmed places for those being ``confirming``; in a
        fixed number of queries."""
        refusals = defaultdict(list)
        if confirming:
            others = self.sudo().search(
                [
                    ("partner_id", "in", confirming.partner_id.ids),
                    ("state", "=", "confirmed"),
                    ("id", "not in", confirming.ids),
                    ("date_start", "<", max(confirming.mapped("date_end"))),
                    ("date_end", ">", min(confirming.mapped("date_start"))),
                ]
            )
            for assignment in confirming:
                clash = (others | confirming).filtered(
                    lambda o, a=assignment: (
                        o != a
                        and o.partner_id == a.partner_id
                        and o.date_start < a.date_end
                        and o.date_end > a.date_start
                    )
                )
                if clash:
                    refusals[assignment.id].append(
                        self.env._(
                            "%(person)s is already confirmed on %(other)s at that "
                            "time.",
                            person=assignment.partner_id.name,
                            other=clash[0].shift_id.display_name,
                        )
                    )
        by_need = defaultdict(lambda: self.browse())
        for assignment in self.filtered("shift_id.qualification_type_ids"):
            need = (
                assignment.date_start.date(),
                assignment.shift_id.qualification_type_ids,
            )
            by_need[need] |= assignment
        for (day, types), assignments in by_need.items():
            missing = self.env["link.qualification"]._missing(
                assignments.partner_id, types, day
            )
            for assignment in assignments:
                if lacking := missing[assignment.partner_id.id]:
                    refusals[assignment.id].append(
                        self.env._(
                            "%(person)s needs %(missing)s valid on %(day)s for "
                            "%(shift)s.",
                            person=assignment.partner_id.name,
                            missing=", ".join(lacking.mapped("name")),
                            day=day,
                            shift=assignment.shift_id.display_name,
                        )
                    )
        return refusals

    def _check_refusals(self):
        # Places recorded after the fact (attended...) are history, not checked.
        held = self.filtered(lambda a: a.state in HELD_STATES)
        refusals = held._refusals_batch(
            confirming=held.filtered(lambda a: a.state == "confirmed")
        )
        if refusals:
            raise ValidationError(
                "\n".join(reason for reasons in refusals.values() for reason in reasons)
            )

    def _check_single_place(self, vals_list):
        """One place per person per shift (a database index backs this up
        for parallel requests)."""
        pairs = {(vals.get("shift_id"), vals.get("partner_id")) for vals in vals_list}
        if len(pairs) < len(vals_list):
            raise ValidationError(self.env._("The same person is listed twice."))
        existing = self.sudo().search(
            [
                ("shift_id", "in", [shift for shift, _partner in pairs]),
                ("partner_id", "in", [partner for _shift, partner in pairs]),
                ("state", "in", HELD_STATES),
            ]
        )
        for place in existing:
            if (place.shift_id.id, place.partner_id.id) in pairs:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has a place on %(shift)s.",
                        person=place.partner_id.name,
                        shift=place.shift_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Staff confirm people from the waiting list (over the maximum only
        by raising the maximum first)."""
        if any(assignment.state != "waitlisted" for assignment in self):
            raise UserError(
                self.env._("Only places on the waiting list can be confirmed.")
            )
        self.write({"state": "confirmed"})
        self._send("link_membership.mail_template_shift_confirmed")

    def _check_room(self):
        """Lock the shifts, then refuse to confirm more places than they
        have room for."""
        shifts = self.shift_id.sudo()
        shifts._lock()
        self._lock_people(self.partner_id)
        for shift in shifts:
            wanted = len(self.filtered(lambda a, s=shift: a.shift_id == s))
            if shift.confirmed_count + wanted > shift.max_volunteers:
                raise UserError(
                    self.env._(
                        "%(shift)s has %(left)s place(s) left: raise its maximum to "
                        "confirm more volunteers.",
                        shift=shift.display_name,
                        left=max(shift.max_volunteers - shift.confirmed_count, 0),
                    )
                )

    def action_cancel(self):
        if any(assignment.state not in HELD_STATES for assignment in self):
            raise UserError(self.env._("Only places still to come can be cancelled."))
        self._cancel(promote=True)

    def _cancel(self, promote):
        freed = self.filtered(lambda a: a.state == "confirmed").shift_id
        self.write({"state": "cancelled"})
        self._send("link_membership.mail_template_shift_cancelled")
        freed.sudo()._sync_fullness()
        if promote:
            freed.sudo()._fill_from_waitlist()

    def _withdraw_refusal(self):
        """Why this place cannot be given up on the portal any more, or
        False: volunteers withdraw online up to the company's cut-off before
        the start (the confirmation page says so before they try)."""
        self.ensure_one()
        cutoff = timedelta(hours=self.env.company.link_shift_withdraw_cutoff_hours)
        if self.date_start - cutoff < fields.Datetime.now():
            return self.env._(
                "It is too late to withdraw online from %(shift)s: please "
                "call your volunteer coordinator.",
                shift=self.shift_id.display_name,
            )
        return False

    def _withdraw(self):
        """A volunteer withdraws from the portal, up to the company's cut-off
        before the start."""
        for assignment in self:
            if refusal := assignment._withdraw_refusal():
                raise UserError(refusal)
        self.action_cancel()

    def _waitlist_positions(self):
        """{place id: its number on its shift's waiting list (1 = next to be
        offered a place)} for the waitlisted places among these, in one
        query, in the order the waiting list is served (sign-up time).
        Only numbers come back, never who else is waiting."""
        waiting = self.filtered(lambda a: a.state == "waitlisted")
        if not waiting:
            return {}
        self.env["link.shift.assignment"].flush_model(
            ["shift_id", "state", "signup_date"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT id, position FROM (
                    SELECT id, row_number() OVER (
                        PARTITION BY shift_id ORDER BY signup_date, id
                    ) AS position
                    FROM link_shift_assignment
                    WHERE state = 'waitlisted' AND shift_id IN %s
                ) AS queue WHERE id IN %s""",
                tuple(waiting.shift_id.ids),
                tuple(waiting.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    def action_mark_attended(self):
        self._check_attendance()
        self.write({"state": "attended"})
        self._send("link_membership.mail_template_shift_thanks")

    def action_mark_no_show(self):
        self._check_attendance()
        if checked_in := self.filtered("check_in_date"):
            raise UserError(
                self.env._(
                    "%(people)s checked in: they came.",
                    people=", ".join(checked_in.partner_id.mapped("name")),
                )
            )
        self.write({"state": "no_show"})

    def _check_attendance(self):
        if any(a.state not in ("confirmed", "attended", "no_show") for a in self):
            raise UserError(
                self.env._(
                    "Only confirmed volunteers can be marked as attended or not."
                )
            )
        if any(a.date_start > fields.Datetime.now() for a in self):
            raise UserError(
                self.env._(
                    "Attendance can only be recorded once the shift has started."
                )
            )

    # ------------------------------------------------------------------
    # Mails
    # ------------------------------------------------------------------

    def _send(self, template_xmlid):
        if not self:
            return
        mails = self.env.ref(template_xmlid).sudo().send_mail_batch(self.ids)
        if template_xmlid in ICS_TEMPLATES:
            self._attach_ics(mails)

    def _attach_ics(self, mails):
        """The place as an .ics file on each of its mails: the same event
        (UID) as in the volunteer's calendar feed, so adding it twice or
        getting the cancellation later updates one event."""
        places = {place.id: place for place in self}
        mails = mails.filtered(lambda m: m.res_id in places)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": "shift.ics",
                        "raw": places[mail.res_id]._ical().encode(),
                        "mimetype": "text/calendar",
                        "res_model": "mail.message",
                        "res_id": mail.mail_message_id.id,
                    }
                    for mail in mails
                ]
            )
        )
        # One write per mail: each gets its own file (one mail per place).
        for mail, attachment in zip(mails, attachments, strict=True):
            mail.attachment_ids = [Command.link(attachment.id)]

    # ------------------------------------------------------------------
    # Calendar
    # ------------------------------------------------------------------

    def _ical_events(self):
        """The places as events of a calendar (read in a fixed number of
        queries: the places, their shifts, roles and venues)."""
        base_url = self[:1].get_base_url()
        uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        places = self.sudo()
        shifts = places.shift_id
        shifts.fetch(
            [
                "name",
                "location",
                "location_partner_id",
                "description",
                "role_id",
                "write_date",
            ]
        )
        events = []
        for place in places:
            shift = place.shift_id
            cancelled = place.state == "cancelled"
            description = html2plaintext(shift.description or "").strip()
            events.append(
                {
                    "uid": f"link-shift-assignment-{place.id}@{uuid}",
                    "start": place.date_start,
                    "end": place.date_end,
                    "last_modified": max(place.write_date, shift.write_date),
                    "summary": self.env._("Cancelled: %(shift)s", shift=shift.name)
                    if cancelled
                    else shift.name,
                    "location": shift.location_partner_id.contact_address_inline
                    or shift.location
                    or "",
                    "description": description,
                    "url": f"{base_url}/my/shifts",
                    "status": "CANCELLED" if cancelled else "CONFIRMED",
                }
            )
        return events

    def _ical(self):
        """An .ics file of these places, for a mail."""
        return ical_calendar(self._ical_events())

    # ------------------------------------------------------------------
    # Check-in
    # ------------------------------------------------------------------

    def _when(self, moment):
        """``moment`` as the volunteer reads it: 09:30 on 03/03/2031."""
        tz = pytz.timezone(self.partner_id.tz or self.env.user.tz or "Europe/London")
        local = pytz.utc.localize(moment).astimezone(tz)
        return local.strftime("%H:%M on %d/%m/%Y")

    def _check_in_refusal(self, now=None):
        """Why this place cannot be checked in now, or False."""
        self.ensure_one()
        now = now or fields.Datetime.now()
        shift = self.shift_id.sudo()
        if self.state != "confirmed":
            return self.env._(
                "%(person)s's place on %(shift)s is %(state)s: only confirmed "
                "places check in.",
                person=self.partner_id.name,
                shift=shift.name,
                state=dict(self._fields["state"].selection)[self.state].lower(),
            )
        if self.check_in_date:
            return self.env._(
                "%(person)s checked in at %(time)s.",
                person=self.partner_id.name,
                time=self._when(self.check_in_date),
            )
        if now < self.date_start - CHECKIN_OPENS_BEFORE:
            return self.env._(
                "Check-in for %(shift)s opens at %(time)s, half an hour before "
                "it starts.",
                shift=shift.name,
                time=self._when(self.date_start - CHECKIN_OPENS_BEFORE),
            )
        if now >= self.date_end:
            return self.env._(
                "%(shift)s ended at %(time)s: check-in is closed. Your volunteer "
                "coordinator records your hours instead.",
                shift=shift.name,
                time=self._when(self.date_end),
            )
        return False

    def _check_out_refusal(self):
        self.ensure_one()
        if not self.check_in_date or self.state != "confirmed":
            return self.env._(
                "%(person)s is not checked in to %(shift)s.",
                person=self.partner_id.name,
                shift=self.shift_id.sudo().name,
            )
        return False

    def _check_in(self, now=None):
        now = now or fields.Datetime.now()
        for place in self:
            if refusal := place._check_in_refusal(now):
                raise UserError(refusal)
        self.write({"check_in_date": now})

    def _check_out(self, now=None, missing=False):
        """Close the places' attendance: hours from the real times (to the
        nearest quarter of an hour), attended."""
        now = now or fields.Datetime.now()
        for place in self:
            if refusal := place._check_out_refusal():
                raise UserError(refusal)
        # One write per place: each has its own times and hours.
        for place in self:
            out = min(now, place.date_end) if missing else now
            seconds = max((out - place.check_in_date).total_seconds(), 0)
            place.write(
                {
                    "check_out_date": out,
                    "hours": round(seconds / 900) / 4,
                    "state": "attended",
                    "checkout_missing": missing,
                }
            )
        if not missing:
            self._send("link_membership.mail_template_shift_thanks")

    def action_check_in(self):
        """Staff check volunteers in at the kiosk, in the same window."""
        self._check_in()

    def action_check_out(self):
        self._check_out()

    @api.model
    def _close_check_ins(self):
        """Anyone still checked in an hour after the end of the shift is
        checked out at its end and flagged, with an activity on the shift
        for the coordinator to check the hours."""
        domain = [
            ("check_in_date", "!=", False),
            ("check_out_date", "=", False),
            ("state", "=", "confirmed"),
            ("date_end", "<=", fields.Datetime.now() - CHECKOUT_GRACE),
        ]
        while places := self.search(
            domain, limit=self.env["link.shift"]._activity_batch
        ):
            places._check_out(missing=True)
            places.shift_id._schedule_once(
                "mail.mail_activity_data_todo",
                "checkout_review_notified",
                lambda shift: (
                    (shift.company_id or self.env.company).link_volunteer_coordinator_id
                ),
                lambda shift: fields.Date.context_today(self),
                self.env._(
                    "Volunteers did not check out: check their hours "
                    "(filter Check-out missing)"
                ),
            )

    @api.model
    def _send_reminders(self):
        """One reminder per confirmed place, the configured number of hours
        before the start, a batch at a time."""
        now = fields.Datetime.now()
        horizon = now + timedelta(hours=self.env.company.link_shift_reminder_hours)
        domain = [
            ("state", "=", "confirmed"),
            ("reminder_sent", "=", False),
            ("date_start", ">", now),
            ("date_start", "<=", horizon),
        ]
        while assignments := self.search(domain, limit=500, order="id"):
            assignments._send("link_membership.mail_template_shift_reminder")
            assignments.write({"reminder_sent": True})
