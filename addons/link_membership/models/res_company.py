# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    link_local_authority = fields.Char(
        string="LINk local authority",
        help="The council area the LINk covers. When set, members can only be "
        "placed in wards of this authority.",
    )
    link_volunteer_coordinator_id = fields.Many2one(
        "res.users",
        string="Volunteer coordinator",
        help="Receives the activities about volunteers: qualifications to "
        "renew, evidence to check and shifts short of volunteers.",
    )

    link_shift_reminder_hours = fields.Integer(
        string="Shift reminder (hours before)",
        default=48,
        help="Volunteers get a reminder this many hours before their shift.",
    )
    link_shift_withdraw_cutoff_hours = fields.Integer(
        string="Withdrawal cut-off (hours before)",
        default=24,
        help="Volunteers can withdraw from a shift on the portal until this "
        "many hours before it starts; after that they call the coordinator.",
    )
    link_shift_shortfall_days = fields.Integer(
        string="Shortfall warning (days before)",
        default=7,
        help="Shifts starting within this many days with fewer volunteers than "
        "their minimum raise an activity for the coordinator.",
    )

    def _link_volunteer_coordinator(self):
        self.ensure_one()
        # Not env.ref(): it checks that the record exists with one query per
        # call, and crons ask once per record; the xmlid lookup is cached.
        return self.link_volunteer_coordinator_id or self.env["res.users"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("base.user_admin")
        )

    @api.constrains(
        "link_shift_reminder_hours",
        "link_shift_withdraw_cutoff_hours",
        "link_shift_shortfall_days",
    )
    def _check_link_shift_notice(self):
        for company in self:
            if (
                min(
                    company.link_shift_reminder_hours,
                    company.link_shift_withdraw_cutoff_hours,
                    company.link_shift_shortfall_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Shift notice periods cannot be negative.")
                )
