# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# A meeting lasts at most a day.
MAX_HOURS = 24

MINUTES_REPORT = "link_governance.action_report_link_steering_minutes"
MAIL_FIELDS_PREFIXES = ("message_", "activity_")
# What may still change once the minutes are issued: nothing but the chatter.
HELD_STATES = ("held", "minutes_issued")
# The agenda of a first meeting looks back this far.
FIRST_LOOK_BACK_MONTHS = 3


class LinkSteeringMeeting(models.Model):
    """A meeting of the steering group, on the calendar: its agenda fills
    itself with what is due, the RAG reviews and decisions taken there are
    recorded against it, and issuing the minutes keeps them as a PDF."""

    _name = "link.steering.meeting"
    _description = "Steering group meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.calendar.mirror.mixin"]
    _order = "start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    start = fields.Datetime(required=True, index=True, tracking=True)
    duration = fields.Float(default=2.0, help="In hours.")
    stop = fields.Datetime(compute="_compute_stop", store=True)
    meeting_date = fields.Date(
        string="Date", compute="_compute_meeting_date", store=True, index=True
    )
    location = fields.Char()
    event_id = fields.Many2one(
        "calendar.event",
        string="Calendar event",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    decides_work_programme = fields.Boolean(
        string="Decides the work programme",
        help="The meeting decides the work programme: its date, time and place "
        "are listed on the public page “Work programme”.",
    )
    chair_id = fields.Many2one("res.partner", tracking=True)
    attendee_ids = fields.Many2many(
        "res.partner",
        "link_steering_meeting_attendee_rel",
        "meeting_id",
        "partner_id",
        string="Attendees",
    )
    apology_ids = fields.Many2many(
        "res.partner",
        "link_steering_meeting_apology_rel",
        "meeting_id",
        "partner_id",
        string="Apologies",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("held", "Held"),
            ("minutes_issued", "Minutes issued"),
        ],
        default="planned",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    minutes = fields.Html(
        string="Minutes notes",
        groups="link_membership.group_link_staff,link_membership.group_link_steering",
    )
    previous_meeting_id = fields.Many2one(
        "link.steering.meeting",
        string="Previous meeting",
        compute="_compute_previous_meeting_id",
        help="The last meeting held before this one: the agenda covers what "
        "happened since.",
    )
    agenda_item_ids = fields.One2many(
        "link.steering.agenda.item", "meeting_id", string="Agenda", copy=False
    )
    rag_review_ids = fields.One2many(
        "link.rag.review", "meeting_id", string="RAG reviews", readonly=True
    )
    issue_ids = fields.One2many(
        "link.community.issue",
        "meeting_id",
        string="Issues decided",
        readonly=True,
    )
    decision_ids = fields.One2many(
        "link.decision", "meeting_id", string="Decisions", readonly=True
    )
    urgent_decision_ids = fields.Many2many(
        "link.decision",
        compute="_compute_urgent_decision_ids",
        string="Urgent decisions reported",
    )
    rag_review_count = fields.Integer(compute="_compute_counts")
    decision_count = fields.Integer(compute="_compute_counts")
    issue_count = fields.Integer(compute="_compute_counts")
    minutes_attachment_id = fields.Many2one(
        "ir.attachment", string="Minutes (PDF)", readonly=True, copy=False
    )
    minutes_issued_on = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("start", "duration")
    def _compute_stop(self):
        for meeting in self:
            # Kept within a day here; _check_duration refuses the rest.
            hours = min(max(meeting.duration, 0.0), MAX_HOURS)
            meeting.stop = meeting.start and meeting.start + timedelta(hours=hours)

    @api.depends("start")
    def _compute_meeting_date(self):
        for meeting in self:
            meeting.meeting_date = meeting.start and meeting.start.date()

    @api.constrains("duration")
    def _check_duration(self):
        for meeting in self:
            if not 0 < meeting.duration <= MAX_HOURS:
                raise ValidationError(
                    self.env._(
                        "The meeting “%(meeting)s” must end after it starts, and "
                        "on the same day: give its length in hours, up to "
                        "%(max)s.",
                        meeting=meeting.name,
                        max=MAX_HOURS,
                    )
                )

    def _compute_previous_meeting_id(self):
        """The last meeting held before each one, from one read of the
        meetings held before the latest of them."""
        dated = self.filtered("start")
        held = (
            self.search_fetch(
                [
                    ("state", "in", HELD_STATES),
                    ("start", "<", max(dated.mapped("start"))),
                ],
                ["start"],
                order="start desc, id desc",
            )
            if dated
            else self.browse()
        )
        for meeting in self:
            meeting.previous_meeting_id = next(
                (
                    other
                    for other in held
                    if other.start < meeting.start and other._origin != meeting._origin
                ),
                False,
            )

    def _compute_counts(self):
        for field, model in (
            ("rag_review_count", "link.rag.review"),
            ("decision_count", "link.decision"),
            ("issue_count", "link.community.issue"),
        ):
            counts = dict(
                self.env[model]._read_group(
                    [("meeting_id", "in", self.ids)], ["meeting_id"], ["__count"]
                )
            )
            for meeting in self:
                meeting[field] = counts.get(meeting, 0)

    @api.depends("agenda_item_ids.kind", "agenda_item_ids.res_id")
    def _compute_urgent_decision_ids(self):
        for meeting in self:
            items = meeting.agenda_item_ids.filtered(
                lambda i: i.kind == "urgent_decision" and i.res_model == "link.decision"
            )
            meeting.urgent_decision_ids = (
                self.env["link.decision"].browse(items.mapped("res_id")).exists()
            )

    # --- the agenda's window ------------------------------------------------------

    def _link_agenda_window(self):
        """The days the agenda looks back over: from the day after the
        previous meeting (a first meeting: the last three months) to the
        meeting's own day, both included."""
        self.ensure_one()
        date_to = self.meeting_date
        previous = self.previous_meeting_id
        if previous:
            date_from = previous.meeting_date + timedelta(days=1)
        else:
            date_from = date_to - relativedelta(months=FIRST_LOOK_BACK_MONTHS)
        return date_from, date_to

    # --- calendar -----------------------------------------------------------------

    def _calendar_event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.start,
            "stop": self.stop,
            "allday": False,
            "location": self.location or False,
            "partner_ids": [fields.Command.set(self.attendee_ids.ids)],
            "link_decides_work_programme": self.decides_work_programme,
        }

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._sync_calendar()
        return meetings

    def write(self, vals):
        if any(not field.startswith(MAIL_FIELDS_PREFIXES) for field in vals):
            self._check_not_issued()
        res = super().write(vals)
        if {
            "name",
            "start",
            "duration",
            "location",
            "attendee_ids",
            "decides_work_programme",
        } & set(vals):
            self._sync_calendar()
        return res

    def _check_not_issued(self):
        issued = self.filtered(lambda m: m.state == "minutes_issued")
        if issued:
            raise UserError(
                self.env._(
                    "The minutes of “%(meeting)s” are issued: the meeting is part "
                    "of the record and no longer changes. Record what follows at "
                    "the next meeting.",
                    meeting=issued[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        held = self.filtered(lambda m: m.state in HELD_STATES)
        if held:
            raise UserError(
                self.env._(
                    "“%(meeting)s” was held: its agenda, reviews and decisions are "
                    "part of the steering group's record and it is never deleted.",
                    meeting=held[0].name,
                )
            )

    # --- life cycle ----------------------------------------------------------------

    def action_mark_held(self):
        if any(meeting.state != "planned" for meeting in self):
            raise UserError(self.env._("Only a planned meeting can be marked held."))
        now = fields.Datetime.now()
        for meeting in self:
            if meeting.start > now:
                raise UserError(
                    self.env._(
                        "“%(meeting)s” has not started yet (%(day)s).",
                        meeting=meeting.name,
                        day=meeting.meeting_date.strftime("%d/%m/%Y"),
                    )
                )
        self.write({"state": "held"})
        return True

    def _check_staff(self, message):
        if not (
            self.env.su or self.env.user.has_group("link_membership.group_link_staff")
        ):
            raise AccessError(message)

    def action_back_to_planned(self):
        self._check_staff(
            self.env._("Only host staff put a held meeting back to planned.")
        )
        if any(meeting.state != "held" for meeting in self):
            raise UserError(
                self.env._(
                    "Only a held meeting whose minutes are not issued can go back."
                )
            )
        self.write({"state": "planned"})
        return True

    def _render_minutes(self):
        self.ensure_one()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, __ = report._render_qweb_pdf(MINUTES_REPORT, self.ids)
        return pdf

    def _minutes_filename(self):
        self.ensure_one()
        return self.env._(
            "Minutes %(meeting)s %(day)s.pdf",
            meeting=self.name,
            day=self.meeting_date.strftime("%Y-%m-%d"),
        )

    def action_issue_minutes(self):
        """Render the minutes once and keep them: the meeting, its agenda and
        its decisions no longer change afterwards."""
        self._check_staff(self.env._("Host staff issue the minutes."))
        if any(meeting.state != "held" for meeting in self):
            raise UserError(
                self.env._("Mark the meeting held before issuing its minutes.")
            )
        for meeting in self:
            attachment = self.env["ir.attachment"].create(
                {
                    "name": meeting._minutes_filename(),
                    "datas": base64.b64encode(meeting._render_minutes()),
                    "mimetype": "application/pdf",
                    "res_model": meeting._name,
                    "res_id": meeting.id,
                }
            )
            meeting.write(
                {
                    "state": "minutes_issued",
                    "minutes_issued_on": fields.Date.context_today(meeting),
                    "minutes_attachment_id": attachment.id,
                }
            )
        return True

    def action_print_minutes(self):
        self.ensure_one()
        if self.minutes_attachment_id:
            return {
                "type": "ir.actions.act_url",
                "url": f"/web/content/{self.minutes_attachment_id.id}?download=true",
                "target": "self",
            }
        return self.env.ref(MINUTES_REPORT).report_action(self)

    # --- agenda ----------------------------------------------------------------------

    def action_fill_agenda(self):
        """Add to the agenda what is due by the meeting's day (one overridable
        ``_link_agenda_<kind>`` method per kind). Filling again adds what
        became due, keeps the items added by hand and every outcome, and
        drops only the items filled before that are no longer due and were
        not discussed."""
        self.check_access("write")
        self._check_not_issued()
        Item = self.env["link.steering.agenda.item"]
        to_create, to_drop = [], Item
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(
                    self.env._(
                        "The agenda of “%(meeting)s” fills itself before the "
                        "meeting; add any other item by hand.",
                        meeting=meeting.name,
                    )
                )
            date_from, date_to = meeting._link_agenda_window()
            due = meeting._link_agenda_sources(date_from, date_to)
            existing = {
                (item.kind, item.res_model, item.res_id): item
                for item in meeting.agenda_item_ids
                if item.res_model
            }
            due_keys = set()
            for sequence, row in enumerate(due, start=1):
                key = (row["kind"], row["res_model"], row["res_id"])
                due_keys.add(key)
                if key not in existing:
                    to_create.append(
                        {**row, "meeting_id": meeting.id, "sequence": sequence * 10}
                    )
            to_drop |= meeting.agenda_item_ids.filtered(
                lambda i, due_keys=due_keys: (
                    i.filled
                    and (i.kind, i.res_model, i.res_id) not in due_keys
                    and not i.discussed
                    and not i.outcome
                )
            )
        if to_drop:
            # sudo: the steering group refills, but deletes no item by hand;
            # only items the fill made and nobody touched go.
            to_drop.sudo().unlink()
        if to_create:
            Item.create(to_create)
        return True

    def _link_agenda_sources(self, date_from, date_to):
        """What the agenda lists, kind by kind, in the agenda's order: a list
        of dicts {kind, res_model, res_id, name, filled}."""
        self.ensure_one()
        rows = []
        for method in (
            self._link_agenda_urgent_decisions,
            self._link_agenda_reviews,
            self._link_agenda_issues,
            self._link_agenda_referrals,
            self._link_agenda_reports_back,
            self._link_agenda_complaints,
            self._link_agenda_visit_reports,
        ):
            rows.extend(method(date_from, date_to))
        return rows

    def _link_agenda_rows(self, kind, records, name_of):
        return [
            {
                "kind": kind,
                "res_model": record._name,
                "res_id": record.id,
                "name": name_of(record),
                "filled": True,
            }
            for record in records
        ]

    def _link_agenda_reviews(self, date_from, date_to):
        """Work streams, then actions, due for review by the meeting's day."""
        rows = []
        for model in ("link.workstream", "link.workplan.action"):
            Model = self.env[model]
            records = Model.search_fetch(
                [
                    *Model._review_open_domain(),
                    ("next_review_date", "<=", date_to),
                ],
                ["name", "next_review_date"],
                order="next_review_date, id",
            )
            rows += self._link_agenda_rows(
                "review",
                records,
                lambda r: self.env._(
                    "Review: %(name)s (due %(day)s)",
                    name=r.name,
                    day=r.next_review_date.strftime("%d/%m/%Y"),
                ),
            )
        return rows

    def _link_agenda_issues(self, date_from, date_to):
        """Community issues past a trigger point and not yet decided."""
        records = self.env["link.community.issue"].search_fetch(
            [("triggered", "=", True), ("state", "!=", "decided")],
            ["name"],
            order="score desc, id",
        )
        return self._link_agenda_rows(
            "issue",
            records,
            lambda r: self.env._("Decide: %(name)s", name=r.name),
        )

    def _link_agenda_referrals(self, date_from, date_to):
        """Referrals answered since the previous meeting."""
        records = self.env["link.referral"].search_fetch(
            [
                ("date_response", ">=", date_from),
                ("date_response", "<=", date_to),
            ],
            ["name", "subject"],
            order="date_response, id",
        )
        return self._link_agenda_rows(
            "referral",
            records,
            lambda r: self.env._(
                "Referral answered: %(ref)s %(subject)s",
                ref=r.name,
                subject=r.subject,
            ),
        )

    def _link_agenda_reports_back(self, date_from, date_to):
        """Representatives' reports back since the previous meeting."""
        records = self.env["link.representation.report"].search_fetch(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            ["partner_id", "date"],
            order="date, id",
        )
        return self._link_agenda_rows(
            "report_back",
            records,
            lambda r: self.env._(
                "Report back: %(body)s, %(day)s",
                body=r.partner_id.display_name or "",
                day=r.date.strftime("%d/%m/%Y"),
            ),
        )

    def _link_agenda_complaints(self, date_from, date_to):
        """Complaints under the protocols raised or resolved since the
        previous meeting."""
        records = self.env["link.protocol.complaint"].search_fetch(
            [
                "|",
                "&",
                ("date_raised", ">=", date_from),
                ("date_raised", "<=", date_to),
                "&",
                ("date_resolved", ">=", date_from),
                ("date_resolved", "<=", date_to),
            ],
            ["name", "state"],
            order="id",
        )
        return self._link_agenda_rows(
            "complaint",
            records,
            lambda r: self.env._("Complaint: %(name)s", name=r.name),
        )

    def _link_agenda_visit_reports(self, date_from, date_to):
        """Enter and view reports sent since the previous meeting."""
        records = self.env["link.ev.visit"].search_fetch(
            [
                ("date_report_sent", ">=", date_from),
                ("date_report_sent", "<=", date_to),
            ],
            ["name", "theme"],
            order="date_report_sent, id",
        )
        return self._link_agenda_rows(
            "visit_report",
            records,
            lambda r: self.env._(
                "Enter and view report sent: %(name)s",
                name=" ".join(filter(None, [r.name, r.theme])),
            ),
        )

    def _link_agenda_urgent_decisions(self, date_from, date_to):
        """Decisions taken urgently between meetings, reported to this one."""
        records = self.env["link.decision"].search_fetch(
            [
                ("route", "=", "urgent"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["name", "date"],
            order="date, id",
        )
        return self._link_agenda_rows(
            "urgent_decision",
            records,
            lambda r: self.env._(
                "Urgent decision of %(day)s: %(name)s",
                day=r.date.strftime("%d/%m/%Y"),
                name=r.name,
            ),
        )

    # --- buttons -----------------------------------------------------------------

    def _link_meeting_context(self):
        self.ensure_one()
        return {"link_meeting_id": self.id}

    def action_review_work_plan(self):
        """What is due for review by the meeting's day, reviewed from here:
        each review is recorded against the meeting."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Due for review"),
            "res_model": "link.workplan.action",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref(
                        "link_workplan.link_workplan_action_view_list_review"
                    ).id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": [
                *self.env["link.workplan.action"]._review_open_domain(),
                ("next_review_date", "<=", self.meeting_date),
            ],
            "context": self._link_meeting_context(),
        }

    def _link_open(self, model, records, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", records.ids)],
            "context": {**self._link_meeting_context(), "create": False},
        }

    def action_open_rag_reviews(self):
        return self._link_open(
            "link.rag.review", self.rag_review_ids, self.env._("RAG reviews")
        )

    def action_open_decisions(self):
        self.ensure_one()
        return {
            **self._link_open(
                "link.decision", self.decision_ids, self.env._("Decisions")
            ),
            "context": {
                **self._link_meeting_context(),
                "default_meeting_id": self.id,
                "default_route": "meeting",
            },
        }

    def action_open_issues(self):
        return self._link_open(
            "link.community.issue", self.issue_ids, self.env._("Issues decided")
        )

    def action_open_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "view_mode": "form",
            "res_id": self.event_id.id,
        }

    # --- for the minutes -------------------------------------------------------------

    def _link_lay_partners(self, partners):
        """Of ``partners``, the members and volunteers without a backend
        login: the lay people taking part."""
        return partners.filtered(
            lambda p: (
                (p.link_membership_type or p.link_is_volunteer)
                and not any(not user.share for user in p.user_ids)
            )
        )
