# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

LINK_FIRST_DAY = date(1900, 1, 1)
LINK_LAST_DAY = date(2199, 12, 31)
_INT4 = (-(2**31), 2**31 - 1)


class LinkInputGuardMixin(models.AbstractModel):
    """Refuses, with a message a host officer understands, the dates and whole
    numbers no LINk record can hold, before they reach a computed deadline (a
    year near 9999 plus 20 working days overflows) or the database (a number
    past 2,147,483,647 does not fit an integer column)."""

    _name = "link.input.guard.mixin"
    _description = "Dates and numbers checked before they are stored"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._link_guard_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._link_guard_values(vals)
        return super().write(vals)

    @api.model
    def _link_guard_values(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is None or value is False or value == "":
                continue
            if field.type in ("date", "datetime"):
                self._link_guard_date(field, value)
            elif field.type == "integer" and not isinstance(value, bool):
                self._link_guard_integer(field, value)
            elif field.type in ("float", "monetary") and not isinstance(value, bool):
                self._link_guard_float(field, value)
            elif field.type == "many2one" and not isinstance(value, models.BaseModel):
                self._link_guard_id(field, value)
            elif field.type in ("char", "text", "html") and "\x00" in str(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s: the text holds a NUL character: paste it again"
                        " as plain text.",
                        field=field._description_string(self.env),
                    )
                )

    def _link_guard_date(self, field, value):
        try:
            if field.type == "date":
                day = fields.Date.to_date(value)
            else:
                moment = fields.Datetime.to_datetime(value)
                day = moment.date() if isinstance(moment, datetime) else moment
        except (TypeError, ValueError):
            day = None
        if not isinstance(day, date) or not LINK_FIRST_DAY <= day <= LINK_LAST_DAY:
            raise ValidationError(
                self.env._(
                    "%(field)s: “%(value)s” is not a date between %(first)s and"
                    " %(last)s. Check the day, month and year.",
                    field=field._description_string(self.env),
                    value=str(value)[:40],
                    first=LINK_FIRST_DAY.year,
                    last=LINK_LAST_DAY.year,
                )
            )

    def _link_guard_float(self, field, value):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            number = math.inf
        if not math.isfinite(number):
            raise ValidationError(
                self.env._(
                    "%(field)s: “%(value)s” is not a number.",
                    field=field._description_string(self.env),
                    value=str(value)[:40],
                )
            )

    def _link_guard_id(self, field, value):
        is_id = isinstance(value, int) and not isinstance(value, bool)
        if not is_id or not 0 <= value <= _INT4[1]:
            raise ValidationError(
                self.env._(
                    "%(field)s: “%(value)s” is not a record LINk knows.",
                    field=field._description_string(self.env),
                    value=str(value)[:40],
                )
            )

    def _link_guard_integer(self, field, value):
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            number = None
        if number is None or not _INT4[0] <= number <= _INT4[1]:
            raise ValidationError(
                self.env._(
                    "%(field)s: “%(value)s” is not a whole number LINk can store.",
                    field=field._description_string(self.env),
                    value=str(value)[:40],
                )
            )
