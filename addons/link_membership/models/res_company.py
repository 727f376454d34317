# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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

    def _link_volunteer_coordinator(self):
        self.ensure_one()
        return self.link_volunteer_coordinator_id or self.env.ref("base.user_admin")
