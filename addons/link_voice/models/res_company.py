# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# An origin a browser compares frame-ancestors with: scheme, host, port.
ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$")


class ResCompany(models.Model):
    _inherit = "res.company"

    link_feedback_hourly_limit = fields.Integer(
        string="Web feedback per connection per hour",
        default=10,
        help="The public feedback form takes at most this many submissions an "
        "hour from one internet address; more are refused with a message "
        "(a flood from one machine never crowds out other people). Several "
        "people sharing the wifi of a library or a stall share an address.",
    )
    link_feedback_embed_origins = fields.Char(
        string="Websites that may embed the feedback form",
        help="The addresses of your own websites, separated by spaces (for "
        "example https://www.brookfieldvoice.org.uk): they may show the "
        "public feedback form inside their pages. Empty: only this site.",
    )

    link_safeguarding_hub_id = fields.Many2one(
        "res.partner",
        string="Safeguarding referrals to",
        domain=[("is_company", "=", True)],
        help="Where the safeguarding lead usually refers a concern (the "
        "council's adult safeguarding hub): proposed on each new concern.",
    )

    @api.constrains("link_feedback_hourly_limit")
    def _check_link_feedback_hourly_limit(self):
        for company in self:
            if not 1 <= company.link_feedback_hourly_limit <= 10000:
                raise ValidationError(
                    self.env._(
                        "Web feedback per connection per hour is between 1 and 10,000."
                    )
                )

    @api.constrains("link_feedback_embed_origins")
    def _check_link_feedback_embed_origins(self):
        for company in self:
            for origin in company._link_feedback_embed_origins():
                if not ORIGIN.match(origin):
                    raise ValidationError(
                        self.env._(
                            "“%(origin)s” is not a website address: give each "
                            "as https://www.example.org (no path), separated "
                            "by spaces.",
                            origin=origin[:100],
                        )
                    )

    def _link_feedback_embed_origins(self):
        self.ensure_one()
        return (self.link_feedback_embed_origins or "").lower().split()
