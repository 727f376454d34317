# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
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

    link_activity_coordinator_id = fields.Many2one(
        "res.users",
        string="Activities coordinator",
        domain=[("share", "=", False)],
        help="Receives the automated LINk activities of records whose lead or "
        "owner has no active login. Without one, the volunteer coordinator, "
        "then a host manager receives them.",
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
        """The volunteer coordinator when they can act, else a host manager."""
        self.ensure_one()
        return self._link_activity_users([self.link_volunteer_coordinator_id])[0]

    def _link_activity_users(self, preferred):
        """Who gets each activity: one active internal user per entry of
        ``preferred`` (a list of res.users recordsets, first choice first).

        The first preferred user who can act (active, internal, not OdooBot or
        the superuser), else the company's activities coordinator, else its
        volunteer coordinator, else the first active host manager. Batched:
        the same queries for 10 or 100 entries."""
        self.ensure_one()
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        candidates = Users.browse(
            list({user_id: None for users in preferred for user_id in users.ids})
        )
        company = self.sudo()
        managers = (
            self.env.ref("link_membership.group_link_manager").sudo().users
        ).sorted("id")
        everyone = (
            candidates
            | company.link_activity_coordinator_id
            | company.link_volunteer_coordinator_id
            | managers
        )
        everyone.fetch(["active", "share"])
        robots = {
            SUPERUSER_ID,
            self.env["ir.model.data"]._xmlid_to_res_id("base.user_root"),
        }

        def acting(users):
            return users.filtered(
                lambda u: u.active and not u.share and u.id not in robots
            )[:1]

        fallback = (
            acting(company.link_activity_coordinator_id)
            or acting(company.link_volunteer_coordinator_id)
            or acting(managers)
        )
        return [
            (acting(users.with_env(Users.env)) or fallback).with_env(self.env)
            for users in preferred
        ]

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
