# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

LINK_FIRST_DAY = date(1900, 1, 1)
LINK_LAST_DAY = date(2199, 12, 31)
_INT4 = (-(2**31), 2**31 - 1)


def _is_link_field(model_class, field):
    """A field the LINk suite defines: every field of a model a LINk addon
    defines, and on any other model the fields a LINk addon adds to it (also
    when they reach it through ``_inherits``, e.g. res.users)."""
    if (model_class._original_module or "").startswith("link_"):
        return True
    while field.inherited:
        field = field.inherited_field
    return (field._module or "").startswith("link_")


def _guard_class(model_name, field_names):
    """The class put first in the bases of ``model_name``'s registry class,
    so that its create and write are the outermost ones of the model."""

    class LinkInputGuard(LinkInputChecks):
        __slots__ = ()
        _link_input_guard = field_names

        @api.model_create_multi
        def create(self, vals_list):
            # A model that inherits a guarded model by prototype (new _name)
            # has this class deeper in its MRO, after its own guard.
            if type(self).__bases__[0] is LinkInputGuard:
                for vals in vals_list:
                    self._link_guard_values(vals, field_names)
            return super().create(vals_list)

        def write(self, vals):
            if type(self).__bases__[0] is LinkInputGuard:
                self._link_guard_values(vals, field_names)
            return super().write(vals)

    LinkInputGuard.__qualname__ = f"LinkInputGuard[{model_name}]"
    return LinkInputGuard


def install_input_guard(cls):
    """Puts the input guard of registry class ``cls`` first in its bases, or
    takes it away when the model has no LINk field (any more).

    The check must run before any create or write override of the model reads
    the values (a sequence drawn, a deadline computed, shift rows locked), and
    on the LINk fields of models LINk does not own (res.partner, res.company,
    calendar.event, mail.activity...). An inherited mixin cannot do that: its
    create sits after the model's own overrides in the MRO, and core models
    do not inherit it. So every registry class with LINk fields gets a small
    guard class as its *first base*, ahead of all the classes that define the
    model: its create and write are the outermost of the model (only a patch
    set on the registry class itself, such as base_automation's, comes
    before; those only run their rules after calling the original).

    ``base._setup_complete`` calls this at the end of every model setup (each
    module loaded, every registry built by -i, -u or an uninstall, a custom
    field added); ``_prepare_setup`` resets the bases of every model to the
    classes that define it at the start of each setup. So the guard is there
    exactly once, it lists the LINk fields of the registry being set up, and a
    model whose LINk fields are gone has none."""
    bases = cls.__bases__
    if "_link_input_guard" in vars(bases[0]):
        bases = bases[1:]  # set up again without a _prepare_setup first
    names = frozenset(
        ()
        if cls._abstract  # no create of its own: its children have a guard
        else (name for name, field in cls._fields.items() if _is_link_field(cls, field))
    )
    if names:
        bases = (_guard_class(cls._name, names), *bases)
    if bases != cls.__bases__:
        cls.__bases__ = bases


class LinkInputChecks:
    """Refuses, with a message a host officer understands, the dates and whole
    numbers no LINk field can hold, before they reach a computed deadline (a
    year near 9999 plus 20 working days overflows) or the database (a number
    past 2,147,483,647 does not fit an integer column). The base of every
    guard class, so these methods are on every guarded model."""

    __slots__ = ()

    @api.model
    def _link_guard_values(self, vals, names):
        """Check the values of ``vals`` whose field is in ``names``."""
        for name, value in vals.items():
            if name not in names:
                continue
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
