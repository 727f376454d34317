# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    """The signposting directory: services in the register, and the advice
    and support services (Citizens Advice, PALS, carers' centres) the LINk
    sends people to."""

    _inherit = "res.partner"

    link_signpost = fields.Boolean(
        string="In the signposting directory",
        index=True,
        help="Staff and gateway volunteers can send people to this service.",
    )
    link_signpost_help = fields.Text(
        string="What they help with",
        help="In plain words, as you would tell someone who asks: who they "
        "help, with what, and how to reach them.",
    )
