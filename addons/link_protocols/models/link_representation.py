# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.link_membership.models.history import refuse_if_referenced

ENDING_SOON_DAYS = 60
# The portal asks for reports back on the meetings of the last four months.
PORTAL_PENDING_DAYS = 120
PORTAL_REPORTS_SHOWN = 10
PORTAL_MAX_HOURS = 24


class LinkRepresentation(models.Model):
    """A seat the LINk holds on an external body (a board, a committee, a
    regulator's liaison group), who sits in it, and for how long."""

    _name = "link.representation"
    _description = "Representation on an external body"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id, name, id"

    name = fields.Char(string="Seat", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Body",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    committee = fields.Char(
        help="The committee, board or group of the body the seat is on."
    )
    representative_id = fields.Many2one("res.partner", index=True, tracking=True)
    deputy_id = fields.Many2one("res.partner", index="btree_not_null", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The staff member who follows the seat and receives the report-back "
        "reminders.",
    )
    date_start = fields.Date(string="Term start", tracking=True)
    date_end = fields.Date(string="Term end", tracking=True, index=True)
    active = fields.Boolean(default=True)
    report_days = fields.Integer(
        string="Report back within (days)",
        default=14,
        help="After each meeting, a report back to the steering group is due "
        "within this many days.",
    )
    event_ids = fields.One2many(
        "calendar.event", "link_representation_id", string="Meetings"
    )
    report_ids = fields.One2many(
        "link.representation.report", "representation_id", string="Reports back"
    )
    meeting_count = fields.Integer(compute="_compute_counts")
    report_count = fields.Integer(compute="_compute_counts")
    needs_cover = fields.Boolean(
        compute="_compute_coverage",
        search="_search_needs_cover",
        help="No representative or deputy in a current term.",
    )
    term_ending_soon = fields.Boolean(
        compute="_compute_coverage",
        search="_search_term_ending_soon",
        help=f"The representative's term ends within {ENDING_SOON_DAYS} days.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    qualification_type_ids = fields.Many2many(
        "link.qualification.type",
        string="Required qualifications",
        help="A representative or deputy can only be appointed to the seat when "
        "each of these is valid on the day their term starts, as for the "
        "volunteer roles.",
    )
    missing_qualification_ids = fields.Many2many(
        "link.qualification.type",
        string="Lapsed or missing today",
        compute="_compute_missing_qualification_ids",
        help="Required qualifications the representative or deputy does not "
        "hold, valid, today.",
    )
    opportunity_ids = fields.One2many(
        "link.opportunity",
        "representation_id",
        string="Offered places",
        help="The places offered by the body that this seat was filled from.",
    )

    # --- counts and coverage ------------------------------------------------------

    def _compute_counts(self):
        meetings = dict(
            self.env["calendar.event"]._read_group(
                [("link_representation_id", "in", self.ids)],
                ["link_representation_id"],
                ["__count"],
            )
        )
        reports = dict(
            self.env["link.representation.report"]._read_group(
                [("representation_id", "in", self.ids)],
                ["representation_id"],
                ["__count"],
            )
        )
        for representation in self:
            representation.meeting_count = meetings.get(representation, 0)
            representation.report_count = reports.get(representation, 0)

    def _in_term(self, today):
        self.ensure_one()
        return (not self.date_start or self.date_start <= today) and (
            not self.date_end or self.date_end >= today
        )

    @api.depends_context("date")
    @api.depends("representative_id", "deputy_id", "date_start", "date_end")
    def _compute_coverage(self):
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=ENDING_SOON_DAYS)
        for representation in self:
            in_term = representation._in_term(today)
            representation.needs_cover = not (
                in_term
                and (representation.representative_id or representation.deputy_id)
            )
            representation.term_ending_soon = bool(
                in_term
                and representation.representative_id
                and representation.date_end
                and representation.date_end <= soon
            )

    @api.model
    def _bool_search(self, operator, value, domain):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on representation cover."))
        return domain if (operator == "=") == value else ["!", *domain]

    def _search_needs_cover(self, operator, value):
        today = fields.Date.context_today(self)
        covered = [
            "|",
            ("representative_id", "!=", False),
            ("deputy_id", "!=", False),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        return self._bool_search(operator, value, ["!", "&", "&", *covered])

    def _search_term_ending_soon(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("representative_id", "!=", False),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", today),
            ("date_end", ">=", today),
            ("date_end", "<=", today + timedelta(days=ENDING_SOON_DAYS)),
        ]
        return self._bool_search(operator, value, domain)

    # --- qualifications -------------------------------------------------------

    @api.depends_context("date")
    @api.depends("representative_id", "deputy_id", "qualification_type_ids")
    def _compute_missing_qualification_ids(self):
        missing = self._missing_qualifications(
            {seat: fields.Date.context_today(self) for seat in self}
        )
        for seat in self:
            seat.missing_qualification_ids = self.env["link.qualification.type"].union(
                *missing.get(seat.id, {}).values()
            )

    def _missing_qualifications(self, days):
        """{seat id: {person: the seat's required types they lack on the
        seat's day}} for the representative and deputy of each seat in
        ``days`` ({seat: day}), with the check the volunteer roles use
        (link.qualification._missing): one query per set of types and day."""
        by_need = defaultdict(lambda: self.browse())
        for seat, day in days.items():
            if seat.qualification_type_ids and (
                seat.representative_id or seat.deputy_id
            ):
                by_need[(seat.qualification_type_ids, day)] |= seat
        result = {}
        Qualification = self.env["link.qualification"]
        for (types, day), seats in by_need.items():
            people = seats.representative_id | seats.deputy_id
            missing = Qualification._missing(people, types, day)
            for seat in seats:
                lacking = {
                    person: missing[person.id]
                    for person in seat.representative_id | seat.deputy_id
                    if missing[person.id]
                }
                if lacking:
                    result[seat.id] = lacking
        return result

    @api.constrains("representative_id", "deputy_id", "qualification_type_ids")
    def _check_qualifications(self):
        """Nobody is appointed to a seat without the qualifications it
        requires, valid on the day the term starts (today if it has
        started); seats whose term has ended are history, not checked."""
        today = fields.Date.context_today(self)
        days = {
            seat: max(today, seat.date_start or today)
            for seat in self
            if not seat.date_end or seat.date_end >= today
        }
        reasons = [
            self.env._(
                "%(person)s cannot sit on %(seat)s: they need %(missing)s valid on "
                "%(day)s. Record the qualification on their contact first, or "
                "choose someone else.",
                person=person.name,
                seat=seat.name,
                missing=", ".join(types.mapped("name")),
                day=days[seat].strftime("%d/%m/%Y"),
            )
            for seat_id, lacking in self._missing_qualifications(days).items()
            for seat in self.browse(seat_id)
            for person, types in lacking.items()
        ]
        if reasons:
            raise ValidationError("\n".join(reasons))

    # --- checks ------------------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_term(self):
        for representation in self:
            if (
                representation.date_start
                and representation.date_end
                and representation.date_end < representation.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The term of %(seat)s cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        seat=representation.name,
                        end=representation.date_end,
                        start=representation.date_start,
                    )
                )

    @api.constrains("report_days")
    def _check_report_days(self):
        if any(not 1 <= representation.report_days <= 365 for representation in self):
            raise ValidationError(
                self.env._(
                    "A report back is due between 1 and 365 days after a meeting."
                )
            )

    @api.constrains("representative_id", "deputy_id")
    def _check_deputy(self):
        for representation in self:
            if (
                representation.deputy_id
                and representation.deputy_id == representation.representative_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be both representative and deputy on "
                        "%(seat)s.",
                        person=representation.deputy_id.name,
                        seat=representation.name,
                    )
                )

    # --- meetings ----------------------------------------------------------------

    def action_plan_meeting(self):
        """A new meeting of the body in the calendar, with our representative
        (and deputy) invited."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan meeting"),
            "res_model": "calendar.event",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_link_representation_id": self.id,
                "default_name": self.committee or self.partner_id.name,
            },
        }

    def action_view_meetings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Meetings of %(seat)s", seat=self.name),
            "res_model": "calendar.event",
            "view_mode": "list,calendar,form",
            "domain": [("link_representation_id", "=", self.id)],
            "context": {"default_link_representation_id": self.id},
        }

    def action_view_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reports back on %(seat)s", seat=self.name),
            "res_model": "link.representation.report",
            "view_mode": "list,form",
            "domain": [("representation_id", "=", self.id)],
            "context": {"default_representation_id": self.id},
        }

    def _attendee_commands(self):
        self.ensure_one()
        return [
            Command.link(partner.id)
            for partner in self.representative_id | self.deputy_id
        ]

    # --- report back -------------------------------------------------------------

    @api.model
    def _cron_link_report_back(self):
        """Once a meeting is over, a report back to the steering group is due
        within the seat's delay (calendar days, on the clock engine): one
        activity per meeting, a batch at a time."""
        self.env["calendar.event"]._schedule_once_matching(
            [
                ("link_representation_id.active", "=", True),
                ("stop", "<=", fields.Datetime.now()),
            ],
            "link_protocols.mail_activity_type_link_report_back",
            "link_report_scheduled",
            lambda event: event.link_representation_id.user_id,
            lambda event: event._link_report_due_dates()[event.id],
            self.env._("Report back to the steering group"),
            on=lambda event: event.link_representation_id,
            values_of=lambda event: {"link_meeting_id": event.id},
        )

    # --- the representative's portal ---------------------------------------------

    @api.model
    def _portal_domain(self, partner):
        """The seats ``partner`` sits on, as representative or deputy."""
        return [
            "|",
            ("representative_id", "=", partner.id),
            ("deputy_id", "=", partner.id),
        ]

    def _portal_overview(self, partner):
        """What the representative's page shows of these seats, in a fixed
        number of queries: {"upcoming": {seat id: meetings to come},
        "pending": {seat id: [(meeting, due day)] awaiting a report back},
        "reports": the person's own reports back, latest first, "days":
        {meeting id: its day}}. Meetings
        before the person's term or older than PORTAL_PENDING_DAYS are not
        asked for."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        Event = self.env["calendar.event"].sudo()
        meetings = Event.search_fetch(
            [
                ("link_representation_id", "in", self.ids),
                ("stop", ">=", now - timedelta(days=PORTAL_PENDING_DAYS)),
            ],
            [
                "name",
                "start",
                "stop",
                "allday",
                "start_date",
                "location",
                "link_representation_id",
            ],
            order="start, id",
        )
        past = meetings.filtered(lambda e: e.stop <= now)
        reported = {
            event.id
            for [event] in self.env["link.representation.report"]
            .sudo()
            ._read_group([("event_id", "in", past.ids)], ["event_id"])
        }
        dues = past._link_report_due_dates()
        upcoming = defaultdict(lambda: Event)
        pending = defaultdict(list)
        for event in meetings:
            seat = event.link_representation_id
            if event.stop > now:
                upcoming[seat.id] |= event
            elif event.id not in reported and (
                not seat.date_start or event._link_meeting_date() >= seat.date_start
            ):
                pending[seat.id].append((event, dues.get(event.id)))
        reports = self.env["link.representation.report"].search_fetch(
            [("representative_id", "=", partner.id)],
            [
                "date",
                "representation_id",
                "event_id",
                "date_report_due",
                "on_time_count",
                "late_count",
                "attended",
            ],
            order="date desc, id desc",
            limit=PORTAL_REPORTS_SHOWN,
        )
        return {
            "upcoming": upcoming,
            "pending": pending,
            "reports": reports,
            "today": today,
            # The day of each meeting shown, in the user's timezone.
            "days": {
                event.id: event._link_meeting_date()
                for event in meetings | reports.sudo().event_id
            },
        }

    def _file_report_back(self, partner, meeting_id, attended, hours, summary, files):
        """``partner``, who sits on this seat, files their report back from
        the portal: it lands with the reports back staff and the steering
        group read, dated today, so it is on time or late against the
        meeting's due day; the meeting's reminder is closed. ``files`` are
        (file name, content) pairs. Run as superuser by the portal route once
        the seat was found as the user; refuses with a message what the
        form got wrong."""
        self.ensure_one()
        if partner not in self.representative_id | self.deputy_id:
            raise UserError(
                self.env._(
                    "Only the representative or deputy on %(seat)s files its "
                    "reports back.",
                    seat=self.name,
                )
            )
        meeting = self.env["calendar.event"].browse(meeting_id or ()).exists()
        if meeting_id and meeting.link_representation_id != self:
            raise UserError(
                self.env._(
                    "Choose one of the meetings of %(seat)s from the list.",
                    seat=self.name,
                )
            )
        Report = self.env["link.representation.report"]
        if meeting:
            if meeting.stop > fields.Datetime.now():
                raise UserError(
                    self.env._(
                        "The meeting of %(day)s has not taken place yet: report "
                        "back after it.",
                        day=meeting._link_meeting_date().strftime("%d/%m/%Y"),
                    )
                )
            earlier = Report.search([("event_id", "=", meeting.id)], limit=1)
            if earlier:
                raise UserError(
                    self.env._(
                        "A report back on the meeting of %(day)s was already "
                        "filed on %(filed)s: ask the LINk office to add to it.",
                        day=meeting._link_meeting_date().strftime("%d/%m/%Y"),
                        filed=earlier.date.strftime("%d/%m/%Y"),
                    )
                )
        if not (summary or "").strip():
            raise UserError(
                self.env._(
                    "Write what happened at the meeting and what the LINk said: "
                    "that is the report back."
                )
            )
        if not 0 <= hours <= PORTAL_MAX_HOURS:
            raise UserError(
                self.env._(
                    "The hours given to one meeting are between 0 and %(max)s.",
                    max=PORTAL_MAX_HOURS,
                )
            )
        report = Report.create(
            {
                "representation_id": self.id,
                "event_id": meeting.id,
                "representative_id": partner.id,
                "attended": attended,
                "hours": hours,
                "summary": plaintext2html(summary.strip()),
            }
        )
        if files:
            report.attachment_ids = self.env["ir.attachment"].create(
                [
                    {
                        "name": name or "report.pdf",
                        "raw": content,
                        "res_model": report._name,
                        "res_id": report.id,
                    }
                    for name, content in files
                ]
            )
        self.message_post(
            body=self.env._(
                "%(person)s filed a report back on the portal.", person=partner.name
            ),
            author_id=partner.id,
        )
        return report

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A seat with reports back or meetings keeps them: archived."""
        reported = self.filtered(lambda s: s.sudo().report_ids)
        if reported:
            raise UserError(
                self.env._(
                    "The representation “%(name)s” has reports back: archive it "
                    "instead of deleting it, so that they are kept.",
                    name=reported[0].name,
                )
            )
        refuse_if_referenced(
            self,
            self.env._("Archive the representation instead of deleting it."),
            extra_models=("calendar.event",),
        )
