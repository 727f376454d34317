# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.link_membership.models.history import refuse_if_referenced

ENDING_SOON_DAYS = 60


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
    deputy_id = fields.Many2one("res.partner", tracking=True)
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
        clock = self.env["link.sla.clock"]
        self.env["calendar.event"]._schedule_once_matching(
            [
                ("link_representation_id.active", "=", True),
                ("stop", "<=", fields.Datetime.now()),
            ],
            "link_protocols.mail_activity_type_link_report_back",
            "link_report_scheduled",
            lambda event: event.link_representation_id.user_id,
            lambda event: clock._due_dates(
                [event._link_meeting_date()],
                [(event.link_representation_id.report_days, False)],
                [False],
            )[0],
            self.env._("Report back to the steering group"),
            on=lambda event: event.link_representation_id,
            values_of=lambda event: {"link_meeting_id": event.id},
        )

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
