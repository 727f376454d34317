# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile values at the create and write of every link.* model host staff
may create: huge strings, HTML and script, far-off dates, numbers of the
wrong size. Only a clear UserError/ValidationError/AccessError may come
back, and a refused call leaves nothing behind."""

from datetime import date

import psycopg2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError

from . import access_matrix
from .common import RoleUsersMixin, SampleFactory, SuiteCase

HOSTILE_TEXT = st.one_of(
    st.just("<script>alert(1)</script>"),
    st.just('"><img src=x onerror=alert(1)>'),
    st.sampled_from("ab<>&'\"").map(lambda char: char * 100_000),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",), blacklist_characters="\x00"
        ),
        max_size=200,
    ),
)
HOSTILE_DATE = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
HOSTILE_NUMBER = st.one_of(
    st.integers(min_value=-(2**31) + 1, max_value=2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
# An IntegrityError of a declared SQL constraint is turned into a
# ValidationError with the constraint's message at the request boundary
# (odoo.service.model.retrying), so it counts as a clear answer too.
CLEAR = (UserError, ValidationError, AccessError, psycopg2.IntegrityError)


class TestBadInput(RoleUsersMixin, SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = cls._role_users()
        cls.owner = cls.env["res.partner"].create({"name": "Bad input owner"})
        cls.factory = SampleFactory(cls.env, cls.owner)
        cls.models = [
            model
            for model, row in sorted(access_matrix.MATRIX.items())
            if "c" in row["staff"] and model in cls.env and cls.env[model]._auto
        ]
        for model in cls.models:
            cls.factory.sample(model)

    def _fields(self, model, types):
        Model = self.env[model]
        return [
            name
            for name, field in Model._fields.items()
            if field.type in types
            and field.store
            and not field.compute
            and not field.related
            and not field.groups
            and name not in ("display_name",)
        ]

    def _try(self, model, vals):
        Model = self.env[model].with_user(self.users["staff"])
        before = self.env[model].sudo().search_count([])
        base = self.factory.values(model)
        try:
            with self.env.cr.savepoint():
                record = Model.create({**base, **vals})
                self.env.flush_all()
                for name, value in vals.items():
                    if isinstance(value, str) and Model._fields[name].type in (
                        "char",
                        "text",
                    ):
                        self.assertEqual(record[name], value, "stored as given")
                record.write(vals)
                self.env.flush_all()
        except CLEAR:
            self.env.invalidate_all()
            self.assertEqual(self.env[model].sudo().search_count([]), before)

    @settings(
        max_examples=5,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(text=HOSTILE_TEXT, day=HOSTILE_DATE, number=HOSTILE_NUMBER)
    def test_hostile_values_give_clear_errors(self, text, day, number):
        for model in self.models:
            with self.subTest(model=model):
                vals = {}
                for name in self._fields(model, ("char", "text")):
                    vals[name] = text
                for name in self._fields(model, ("date",)):
                    vals[name] = day
                for name in self._fields(model, ("integer", "float")):
                    vals[name] = number
                self._try(model, vals)
