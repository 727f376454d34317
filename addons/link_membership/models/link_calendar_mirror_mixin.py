# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkCalendarMirrorMixin(models.AbstractModel):
    """Records shown in the calendar as one meeting each (a shift, a visit):
    the record says what its meeting looks like and whether it is shown; the
    mixin creates the missing meetings in one go, moves the others with the
    record and archives those no longer shown, so that people keep their
    history (and the record can be shown again)."""

    _name = "link.calendar.mirror.mixin"
    _description = "Record mirrored in the calendar"

    # The record's many2one to its calendar.event.
    _calendar_event_field = "event_id"
    # Context of the events' create (attendees are not mailed an invitation)
    # and of their writes (by default, attendees are told of a move).
    _calendar_create_context = {"no_mail_to_attendees": True}
    _calendar_write_context = {}

    def _calendar_event_values(self):
        """Values of this record's meeting, written at each sync."""
        raise NotImplementedError

    def _calendar_event_defaults(self):
        """Values of this record's meeting set only when it is created."""
        return {}

    def _calendar_shown(self):
        """Whether this record's meeting is shown (active) in the calendar."""
        return True

    def _sync_calendar(self):
        """Bring the meetings of these records in line with them: one create
        for all the missing ones, a write per shown meeting (their values
        differ), one write to archive those no longer shown. A record not
        shown and without a meeting gets none."""
        field = self._calendar_event_field
        Event = (
            self.env["calendar.event"]
            .sudo()
            .with_context(**self._calendar_write_context)
        )
        to_create, hidden = [], Event
        for record in self.sudo():
            event = record[field].with_env(Event.env)
            if not record._calendar_shown():
                hidden |= event.filtered("active")
                continue
            vals = {**record._calendar_event_values(), "active": True}
            if event:
                event.write(vals)
            else:
                to_create.append(
                    (record, {**record._calendar_event_defaults(), **vals})
                )
        if hidden:
            hidden.write({"active": False})
        if to_create:
            events = Event.with_context(**self._calendar_create_context).create(
                [vals for __, vals in to_create]
            )
            for (record, __), event in zip(to_create, events, strict=True):
                record[field] = event

    def unlink(self):
        """The meetings go with their records."""
        events = self.sudo()[self._calendar_event_field]
        res = super().unlink()
        events.unlink()
        return res
