# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .history import refuse_if_referenced

# ONS ward codes: E05 (England) or W05 (Wales) followed by six digits.
ONS_WARD_CODE = re.compile(r"^[EW]05\d{6}$")


class LinkWard(models.Model):
    _name = "link.ward"
    _description = "Ward"
    _order = "local_authority, name"

    name = fields.Char(required=True, index="trigram")
    code = fields.Char(
        string="ONS ward code",
        required=True,
        index=True,
        help="Office for National Statistics code, for example E05001234.",
    )
    local_authority = fields.Char(index=True)
    population = fields.Integer(
        aggregator="sum",
        help="Residents of the ward, used to judge how representative "
        "the membership is.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Another ward already has this ONS ward code.",
        ),
        (
            "population_positive",
            "CHECK(population >= 0)",
            "A ward's population cannot be negative.",
        ),
    ]

    @api.constrains("code")
    def _check_code(self):
        for ward in self:
            if not ONS_WARD_CODE.match(ward.code or ""):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an ONS ward code: it should be E05 or "
                        "W05 followed by six digits, for example E05001234.",
                        code=ward.code,
                    )
                )

    @staticmethod
    def _normalize(vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip().upper()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize(vals))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Members, shifts, issues, opportunities and events keep their ward."""
        refuse_if_referenced(
            self,
            self.env._("Archive the ward instead, so that its history keeps it."),
            extra_models=("res.partner", "calendar.event"),
        )
