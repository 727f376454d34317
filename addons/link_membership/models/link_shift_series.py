# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import pytz
from dateutil import rrule

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
]
RRULE_WEEKDAYS = dict(
    zip(
        [code for code, _label in WEEKDAYS],
        [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU],
        strict=True,
    )
)
MAX_OCCURRENCES = 400


class LinkShiftSeries(models.Model):
    _name = "link.shift.series"
    _description = "Recurring volunteer shifts"
    _inherit = ["mail.thread"]
    _order = "date_first desc, id desc"

    name = fields.Char(required=True, tracking=True)
    role_id = fields.Many2one(
        "link.volunteer.role", required=True, ondelete="restrict", tracking=True
    )
    date_first = fields.Datetime(
        string="First shift starts", required=True, tracking=True
    )
    duration_hours = fields.Float(string="Length (hours)", required=True, default=3)
    location_partner_id = fields.Many2one("res.partner", string="Venue")
    location = fields.Char(string="Address")
    ward_id = fields.Many2one("link.ward", ondelete="restrict")
    min_volunteers = fields.Integer(string="Minimum volunteers", default=1)
    max_volunteers = fields.Integer(string="Maximum volunteers", default=2)
    description = fields.Html()
    rule_type = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly")],
        string="Repeats",
        required=True,
        default="weekly",
    )
    interval = fields.Integer(
        string="Every", default=1, required=True, help="Every N weeks or months."
    )
    mon = fields.Boolean()
    tue = fields.Boolean()
    wed = fields.Boolean()
    thu = fields.Boolean()
    fri = fields.Boolean()
    sat = fields.Boolean()
    sun = fields.Boolean()
    month_week = fields.Selection(
        [
            ("1", "First"),
            ("2", "Second"),
            ("3", "Third"),
            ("4", "Fourth"),
            ("-1", "Last"),
        ],
        string="Week of the month",
        default="1",
    )
    month_weekday = fields.Selection(WEEKDAYS, string="Day of the week", default="mon")
    end_type = fields.Selection(
        [("count", "After a number of shifts"), ("until", "On a date")],
        string="Ends",
        required=True,
        default="count",
    )
    count = fields.Integer(string="Number of shifts", default=10)
    date_until = fields.Date(string="Last date")
    shift_ids = fields.One2many("link.shift", "series_id", string="Shifts")
    shift_count = fields.Integer(compute="_compute_shift_count")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )

    @api.depends("shift_ids")
    def _compute_shift_count(self):
        counts = dict(
            self.env["link.shift"]._read_group(
                [("series_id", "in", self.ids)], ["series_id"], ["__count"]
            )
        )
        for series in self:
            series.shift_count = counts.get(series, 0)

    @api.constrains(
        "rule_type", "interval", "end_type", "count", "date_until", "duration_hours"
    )
    def _check_rule(self):
        for series in self:
            if not 1 <= series.interval <= 52:
                raise ValidationError(
                    self.env._("Repeat every 1 to 52 weeks or months.")
                )
            if series.duration_hours <= 0:
                raise ValidationError(self.env._("A shift must last some time."))
            if series.rule_type == "weekly" and not any(
                series[code] for code, _label in WEEKDAYS
            ):
                raise ValidationError(
                    self.env._("Tick the days of the week the shifts fall on.")
                )
            if series.end_type == "count" and not 1 <= series.count <= MAX_OCCURRENCES:
                raise ValidationError(
                    self.env._(
                        "A series has between 1 and %(max)s shifts.",
                        max=MAX_OCCURRENCES,
                    )
                )
            if series.end_type == "until" and (
                not series.date_until or series.date_until < series.date_first.date()
            ):
                raise ValidationError(
                    self.env._("The last date must come after the first shift.")
                )

    def _tz(self):
        return pytz.timezone(self.env.user.tz or "Europe/London")

    def _occurrences(self):
        """Start times (naive UTC) of the series' shifts. The rule runs in
        local time, so a 10:00 shift stays at 10:00 across clock changes."""
        self.ensure_one()
        tz = self._tz()
        local_first = (
            pytz.utc.localize(self.date_first).astimezone(tz).replace(tzinfo=None)
        )
        if self.rule_type == "weekly":
            byweekday = [
                RRULE_WEEKDAYS[code] for code, _label in WEEKDAYS if self[code]
            ]
            freq = rrule.WEEKLY
        else:
            byweekday = [RRULE_WEEKDAYS[self.month_weekday](int(self.month_week))]
            freq = rrule.MONTHLY
        kwargs = {}
        if self.end_type == "count":
            kwargs["count"] = self.count
        else:
            kwargs["until"] = datetime.combine(self.date_until, datetime.max.time())
        rule = rrule.rrule(
            freq,
            dtstart=local_first,
            interval=self.interval,
            byweekday=byweekday,
            **kwargs,
        )
        starts = []
        for local_start in rule:
            if len(starts) >= MAX_OCCURRENCES:
                raise ValidationError(
                    self.env._(
                        "This rule gives more than %(max)s shifts: end it sooner.",
                        max=MAX_OCCURRENCES,
                    )
                )
            starts.append(
                tz.localize(local_start).astimezone(pytz.utc).replace(tzinfo=None)
            )
        return starts

    @api.model_create_multi
    def create(self, vals_list):
        series = super().create(vals_list)
        series._create_shifts()
        return series

    def _create_shifts(self):
        values = []
        for series in self:
            length = timedelta(hours=series.duration_hours)
            values += [
                {
                    "name": series.name,
                    "series_id": series.id,
                    "role_id": series.role_id.id,
                    "date_start": start,
                    "date_end": start + length,
                    "location_partner_id": series.location_partner_id.id,
                    "location": series.location,
                    "ward_id": series.ward_id.id,
                    "min_volunteers": series.min_volunteers,
                    "max_volunteers": series.max_volunteers,
                    "description": series.description,
                    "company_id": series.company_id.id,
                    "state": "open",
                }
                for start in series._occurrences()
            ]
        return self.env["link.shift"].create(values)

    def action_view_shifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_membership.link_shift_action"
        )
        action["domain"] = [("series_id", "=", self.id)]
        action["context"] = {}
        return action
