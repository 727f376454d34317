# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

try:
    import holidays
except ImportError:  # declared in external_dependencies; checked at install
    holidays = None

HOLIDAY_REGIONS = [
    ("ENG", "England and Wales"),
    ("SCT", "Scotland"),
    ("NIR", "Northern Ireland"),
]
# How far from the start a clock looks for working days before giving up:
# far beyond any term (at most 365 days), short of looping for ever.
MAX_REACH_YEARS = 5


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    # --- statutory clocks ------------------------------------------------------

    def _link_add_working_days(self, start_dates, days):
        """Due dates of many clocks at once: for each start date, the date that
        is ``days`` working days after it, day one being the first working day
        after the start (a negative ``days`` counts back from that date).

        Working days are the calendar's attendance days less its public
        holidays, as ``plan_days(days, start + 1 day, compute_leaves=True)``
        sees them, but the calendar is read once for the whole batch.
        A calendar with no working day within MAX_REACH_YEARS of the starts
        (every day a public holiday) is refused rather than searched for ever.
        """
        self.ensure_one()
        if not start_dates:
            return []
        if not self.attendance_ids:
            raise UserError(
                self.env._(
                    "The working calendar %(calendar)s has no working hours, so no "
                    "deadline can be counted in working days.",
                    calendar=self.name,
                )
            )
        locate = bisect.bisect_right if days >= 0 else bisect.bisect_left
        offset = days - 1 if days >= 0 else days
        first, last = min(start_dates), max(start_dates)
        reach = timedelta(days=abs(days) * 2 + 30)
        max_reach = timedelta(days=366 * MAX_REACH_YEARS)
        while True:
            working = self._link_working_dates(first - reach, last + reach)
            positions = [locate(working, start) + offset for start in start_dates]
            if working and all(0 <= p < len(working) for p in positions):
                return [working[p] for p in positions]
            if reach >= max_reach:
                raise UserError(
                    self.env._(
                        "The working calendar %(calendar)s has no working day "
                        "within %(years)s years of %(date)s, so the deadline cannot "
                        "be counted: check its working hours and public holidays.",
                        calendar=self.name,
                        years=MAX_REACH_YEARS,
                        date=first if days < 0 else last,
                    )
                )
            reach = min(reach * 2, max_reach)

    def _link_working_days_between(self, start_dates, end_dates):
        """Working days taken from each start to each end: the inverse of
        _link_add_working_days (an end on the due date gives the clock's days)."""
        self.ensure_one()
        pairs = [(s, e) for s, e in zip(start_dates, end_dates, strict=True) if s and e]
        if not pairs:
            return [0] * len(start_dates)
        working = self._link_working_dates(
            min(min(p) for p in pairs), max(max(p) for p in pairs)
        )
        return [
            bisect.bisect_right(working, end) - bisect.bisect_right(working, start)
            if start and end
            else 0
            for start, end in zip(start_dates, end_dates, strict=True)
        ]

    def _link_working_dates(self, date_from, date_to):
        """Sorted working dates between two dates, both included."""
        self.ensure_one()
        hours = {}
        for attendance in self.attendance_ids.filtered(
            lambda a: a.day_period != "lunch" and not a.resource_id
        ):
            weekday = int(attendance.dayofweek)
            low, high = hours.get(weekday, (24.0, 0.0))
            hours[weekday] = (
                min(low, attendance.hour_from),
                max(high, attendance.hour_to),
            )
        tz = pytz.timezone(self.tz or "UTC")
        closed = set()
        leaves = self.env["resource.calendar.leaves"].search_fetch(
            [
                ("time_type", "=", "leave"),
                ("calendar_id", "in", [False, self.id]),
                ("resource_id", "=", False),
                ("date_from", "<=", datetime.combine(date_to, time.max)),
                ("date_to", ">=", datetime.combine(date_from, time.min)),
            ],
            ["date_from", "date_to"],
        )
        for leave in leaves:
            begin = (
                pytz.utc.localize(leave.date_from).astimezone(tz).replace(tzinfo=None)
            )
            end = pytz.utc.localize(leave.date_to).astimezone(tz).replace(tzinfo=None)
            day = begin.date()
            while day <= end.date():
                if day.weekday() in hours:
                    low, high = hours[day.weekday()]
                    day_start = datetime.combine(day, time()) + timedelta(hours=low)
                    day_end = datetime.combine(day, time()) + timedelta(hours=high)
                    if begin <= day_start and end >= day_end:
                        closed.add(day)
                day += timedelta(days=1)
        working = []
        day = date_from
        while day <= date_to:
            if day.weekday() in hours and day not in closed:
                working.append(day)
            day += timedelta(days=1)
        return working

    # --- bank holidays -----------------------------------------------------------

    def _link_sync_bank_holidays(self, years, region="ENG"):
        """Write the bank holidays of a UK region for these years as public
        holidays of the calendar. Idempotent: holidays already there are kept."""
        self.ensure_one()
        if holidays is None:
            return self.env["resource.calendar.leaves"]
        tz = pytz.timezone(self.tz or "Europe/London")
        wanted = holidays.country_holidays("GB", subdiv=region, years=years)
        existing = self.env["resource.calendar.leaves"].search_fetch(
            [("calendar_id", "=", self.id), ("resource_id", "=", False)],
            ["date_from"],
        )
        known = {
            pytz.utc.localize(leave.date_from).astimezone(tz).date()
            for leave in existing
        }
        vals_list = []
        for day, name in sorted(wanted.items()):
            if day in known or day.weekday() >= 5:
                continue
            start = tz.localize(datetime.combine(day, time.min))
            end = tz.localize(datetime.combine(day, time(23, 59, 59)))
            vals_list.append(
                {
                    "name": name,
                    "calendar_id": self.id,
                    "company_id": self.company_id.id,
                    "date_from": start.astimezone(pytz.utc).replace(tzinfo=None),
                    "date_to": end.astimezone(pytz.utc).replace(tzinfo=None),
                    "time_type": "leave",
                }
            )
        return self.env["resource.calendar.leaves"].create(vals_list)

    @api.model
    def _cron_link_sync_bank_holidays(self):
        """Yearly: this year and the next two, for every company's calendar."""
        year = fields.Date.context_today(self).year
        for company in self.env["res.company"].search(
            [("resource_calendar_id", "!=", False)]
        ):
            company.resource_calendar_id._link_sync_bank_holidays(
                range(year - 1, year + 3), company.link_holiday_region or "ENG"
            )
