# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


class LinkWard(models.Model):
    _inherit = "link.ward"

    postcode_prefixes = fields.Char(
        string="Postcode districts",
        help="Outward codes of the postcodes in this ward, separated by commas "
        "(for example BF1, BF2): feedback with such a postcode is put in it.",
    )

    @api.constrains("postcode_prefixes")
    def _check_postcode_prefixes(self):
        for ward in self:
            for code in ward._outward_codes():
                if not OUTWARD_CODE.match(code):
                    raise ValidationError(
                        self.env._(
                            "%(code)s is not a postcode district: give the first "
                            "part of a postcode, for example BF1 or BF12.",
                            code=code,
                        )
                    )

    def _outward_codes(self):
        self.ensure_one()
        return [
            code.strip().upper()
            for code in (self.postcode_prefixes or "").split(",")
            if code.strip()
        ]

    @api.model
    def _by_outward_code(self):
        """Outward code -> ward, for every ward that lists its districts."""
        wards = self.search_fetch(
            [("postcode_prefixes", "!=", False)], ["postcode_prefixes"]
        )
        return {code: ward for ward in wards for code in ward._outward_codes()}
