# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models

# What the public page "Work programme" lists.
UPCOMING_SHOWN = 12
PAST_SHOWN = 3
PUBLIC_EVENT_FIELDS = ["name", "start", "stop", "allday", "location"]
DEFAULT_TZ = "Europe/London"


class CalendarEvent(models.Model):
    """The month-by-month programme of a work stream (committee meetings, a
    community event in a different ward each month, trainings) as calendar
    events, recurring through the calendar's own rules; and the meetings
    where the work programme is decided, listed on the public page."""

    _inherit = "calendar.event"

    link_workstream_id = fields.Many2one(
        "link.workstream", string="Work stream", index=True, ondelete="set null"
    )
    link_ward_id = fields.Many2one("link.ward", string="Ward", index=True)
    link_decides_work_programme = fields.Boolean(
        string="Work programme decided at this meeting — shown on the public page",
        index=True,
        help="The public page “Work programme” lists this meeting: its name, "
        "date, time and place only, never who attends.",
    )

    def _link_public_rows(self):
        """Date, time, place and name of each meeting (read as superuser,
        PUBLIC_EVENT_FIELDS only), in the LINk's time zone."""
        tz = pytz.timezone(self.env.company.partner_id.tz or DEFAULT_TZ)
        rows = []
        for event in self:
            start = pytz.utc.localize(event.start).astimezone(tz)
            stop = pytz.utc.localize(event.stop).astimezone(tz)
            rows.append(
                {
                    "name": event.name,
                    "date": start.strftime("%d/%m/%Y"),
                    "weekday": start.strftime("%A"),
                    "time": ""
                    if event.allday
                    else f"{start.strftime('%H:%M')} to {stop.strftime('%H:%M')}",
                    "place": event.location or "",
                    "iso": start.isoformat(),
                }
            )
        return rows

    @api.model
    def _link_public_work_programme(self):
        """What the public page "Work programme" shows: the meetings where
        the work programme is decided (the coming ones, soonest first, and
        the last few past ones) and the approved plan running today.
        Returns {plan, upcoming, past} as plain values."""
        Event = self.sudo()
        now = fields.Datetime.now()
        domain = [("link_decides_work_programme", "=", True)]
        upcoming = Event.search_fetch(
            [*domain, ("stop", ">=", now)],
            PUBLIC_EVENT_FIELDS,
            order="start, id",
            limit=UPCOMING_SHOWN,
        )
        past = Event.search_fetch(
            [*domain, ("stop", "<", now)],
            PUBLIC_EVENT_FIELDS,
            order="start desc, id desc",
            limit=PAST_SHOWN,
        )
        today = fields.Date.context_today(self)
        plan = (
            self.env["link.workplan"]
            .sudo()
            .search_fetch(
                [
                    ("state", "=", "approved"),
                    ("date_start", "<=", today),
                    ("date_end", ">=", today),
                ],
                ["name", "date_start", "date_end"],
                order="date_start desc, id desc",
                limit=1,
            )
        )
        return {
            "plan": plan
            and {
                "name": plan.name,
                "date_start": plan.date_start.strftime("%d/%m/%Y"),
                "date_end": plan.date_end.strftime("%d/%m/%Y"),
            },
            "upcoming": upcoming._link_public_rows(),
            "past": past._link_public_rows(),
        }
