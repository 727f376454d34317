# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile values at the create and write of every link.* model host staff
may create: huge strings, HTML and script, far-off dates, numbers of the
wrong size. Only a clear UserError/ValidationError/AccessError may come
back, and a refused call leaves nothing behind."""

import os
from datetime import date

import psycopg2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from . import access_matrix
from .common import RoleUsersMixin, SampleFactory, SuiteCase

HOSTILE_TEXT = st.one_of(
    st.just("<script>alert(1)</script>"),
    st.just('"><img src=x onerror=alert(1)>'),
    st.sampled_from("ab<>&'\"").map(lambda char: char * 100_000),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",),
        ),
        max_size=200,
    ),
)
HOSTILE_DATE = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["2026-13-45", "31/12/2026", "yesterday", 20261231, 1.5]),
)
HOSTILE_NUMBER = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["12", "twelve", "1e999", [], {}]),
)
# Ids of records that do not exist, of somebody else's record (the other
# owner's sample), or of no type an id can have.
HOSTILE_ID = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63),
    st.sampled_from(["1", "other", 1.5, [1], None]),
    st.just("other"),
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
        other_owner = cls.env["res.partner"].create({"name": "Somebody else"})
        cls.other_factory = SampleFactory(cls.env, other_owner)
        cls.other = {"res.partner": other_owner}

    def _fields(self, model):
        return [
            (name, field)
            for name, field in self.env[model]._fields.items()
            if field.store
            and not field.compute
            and not field.related
            and not field.groups
            and name not in ("display_name", "id", "company_id")
        ]

    def _hostile_vals(self, model, text, day, number, ref):
        """One set of values per kind of field, so that a refused date does
        not hide what a hostile text would have done."""
        by_kind = {"text": {}, "date": {}, "number": {}, "ref": {}}
        for name, field in self._fields(model):
            if field.type in ("char", "text"):
                by_kind["text"][name] = text
            elif field.type == "html":
                # Odoo's own html_normalize takes time quadratic in a run of
                # "<" (100,000 of them: about a minute), in every Html field
                # of Odoo: kept short here, noted in tests/README.md.
                by_kind["text"][name] = text[:5000]
            elif field.type in ("date", "datetime"):
                by_kind["date"][name] = day
            elif field.type in ("integer", "float", "monetary"):
                by_kind["number"][name] = number
            elif field.type == "many2one" and not field.comodel_name.startswith(
                ("res.company", "res.currency", "mail.", "ir.")
            ):
                by_kind["ref"][name] = (
                    self._other_record(field.comodel_name).id if ref == "other" else ref
                )
        return [vals for vals in by_kind.values() if vals]

    def _other_record(self, comodel):
        if comodel not in self.other:
            self.other[comodel] = (
                self.other_factory.sample(comodel)
                if comodel.startswith("link.")
                else self.env[comodel].search([], limit=1, order="id desc")
            )
        return self.other[comodel]

    def _try(self, model, vals):
        Model = self.env[model].with_user(self.users["staff"])
        before = self.env[model].sudo().search_count([])
        base = self.factory.values(model)
        try:
            # A refused insert is an expected answer, not an error to log.
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                record = Model.create({**base, **vals})
                self.env.flush_all()
                for name, value in vals.items():
                    field = Model._fields[name]
                    if field.type in ("char", "text") and isinstance(value, str):
                        self.assertEqual(record[name], value, "stored as given")
                    if field.type == "html":
                        self.assertNotIn("<script", str(record[name]))
                        self.assertNotIn("onerror=", str(record[name]))
                record.write(vals)
                self.env.flush_all()
        except CLEAR:
            self.env.invalidate_all()
            self.assertEqual(self.env[model].sudo().search_count([]), before)

    @settings(
        max_examples=int(os.environ.get("LINK_HYPOTHESIS_EXAMPLES", "25")),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(text=HOSTILE_TEXT, day=HOSTILE_DATE, number=HOSTILE_NUMBER, ref=HOSTILE_ID)
    def test_hostile_values_give_clear_errors(self, text, day, number, ref):
        for model in self.models:
            with self.subTest(model=model):
                for vals in self._hostile_vals(model, text, day, number, ref):
                    self._try(model, vals)
