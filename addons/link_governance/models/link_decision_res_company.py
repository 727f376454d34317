# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    link_decision_procedure = fields.Html(
        string="Decision-making procedure",
        help="The host's procedure for making relevant decisions: who decides "
        "what, how lay people and volunteers take part, and what happens to "
        "decisions that cannot wait for a meeting. Published in the annual "
        "report.",
    )
