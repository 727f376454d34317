# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "link.activity.once.mixin"]

    link_representation_id = fields.Many2one(
        "link.representation",
        string="LINk seat",
        index="btree_not_null",
        ondelete="set null",
        help="The seat the LINk holds at this meeting: its representative and "
        "deputy are invited, and a report back is due after it.",
    )
    link_report_scheduled = fields.Boolean(
        string="Report back scheduled", copy=False, readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        seats = self.env["link.representation"].browse(
            {
                vals["link_representation_id"]
                for vals in vals_list
                if vals.get("link_representation_id")
            }
        )
        by_id = {seat.id: seat for seat in seats}
        default_partners = (
            seats
            and self.default_get(["partner_ids"]).get("partner_ids")
            or [self.env.user.partner_id.id]
        )
        for vals in vals_list:
            seat = by_id.get(vals.get("link_representation_id"))
            if not seat:
                continue
            partners = [
                Command.link(command) if isinstance(command, int) else command
                for command in vals.get("partner_ids") or default_partners
            ]
            vals["partner_ids"] = [*partners, *seat._attendee_commands()]
        return super().create(vals_list)

    def _link_meeting_date(self):
        """The day of the meeting, in the user's timezone."""
        self.ensure_one()
        if self.allday:
            return self.start_date
        return fields.Datetime.context_timestamp(self, self.start).date()

    def _link_report_due_dates(self):
        """{meeting id: the day its report back is due}: the meeting's day
        plus its seat's report-back delay (calendar days, on the clock
        engine); meetings of no seat have none."""
        dated = self.filtered(lambda e: e.link_representation_id.report_days > 0)
        dues = self.env["link.sla.clock"]._due_dates(
            [event._link_meeting_date() for event in dated],
            [(event.link_representation_id.report_days, False) for event in dated],
            [False] * len(dated),
        )
        return dict(zip(dated.ids, dues, strict=True))
