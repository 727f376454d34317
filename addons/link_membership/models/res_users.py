# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .res_lang import LINK_LANG, LINK_TZ

# The first LINk screen of each role, the first group a user has wins.
LINK_HOME_ACTIONS = [
    (
        "link_membership.group_link_staff",
        "link_membership.res_partner_action_link_member",
    ),
    (
        "link_membership.group_link_equality_officer",
        "link_membership.link_equality_profile_action",
    ),
    (
        "link_membership.group_link_steering",
        "link_membership.link_monitoring_period_action",
    ),
    (
        "link_membership.group_link_monitor",
        "link_membership.link_monitoring_period_action",
    ),
]


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        """A user made from an existing contact (the portal wizard, an
        invitation) keeps that contact's language and time zone; one without
        any gets the host's (English (UK), London)."""
        users = super().create(vals_list)
        lang_installed = self.env["res.lang"]._lang_get(LINK_LANG)
        for field, value in (("lang", LINK_LANG), ("tz", LINK_TZ)):
            if field == "lang" and not lang_installed:
                continue
            missing = users.filtered(lambda user, f=field: not user[f])
            if missing:
                missing.partner_id.write({field: value})
        return users

    def _link_home_action(self):
        """The LINk screen this user lands on after login when they have not
        chosen a home action of their own (False for users outside LINk)."""
        self.ensure_one()
        if self.action_id or self.share:
            return self.env["ir.actions.actions"]
        for group, action in LINK_HOME_ACTIONS:
            if self.has_group(group):
                return (
                    self.env.ref(action, raise_if_not_found=False)
                    or self.env["ir.actions.actions"]
                )
        return self.env["ir.actions.actions"]
