# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bench generator's history load matches the models it fills.

bench/generate.py writes five years of past places with SQL instead of
create(): its column lists (``history_columns()``) must be the stored fields
of the model behind each table, every stored field either written or
declared empty (``HISTORY_EMPTY``, with the reason), so that a renamed or
added field (a new stored related field, say) breaks this test rather than
the bench, or leaves the bench's history without it. A place loaded by SQL
has the same stored values as one the ORM creates on the same shift."""

import importlib.util
import pathlib
import re
from datetime import datetime

from .common import SuiteCase

GENERATE = pathlib.Path(__file__).resolve().parents[1] / "bench" / "generate.py"
# The place ``a`` of the history load: what the generator passes in.
PLACE_COLUMNS = {"partner_id", "shift_id", "state"}


def _load_generator():
    spec = importlib.util.spec_from_file_location("link_bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestBenchHistoryLoad(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.generate = _load_generator()
        cls.tables = cls.generate.history_columns()
        cls.models = {
            model._table: model
            for model in map(cls.env.__getitem__, cls.env.registry)
            if model._auto and not model._abstract
        }

    def _not_null_without_default(self, table):
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = %s AND is_nullable = 'NO'"
            " AND column_default IS NULL",
            [table],
        )
        return {name for (name,) in self.env.cr.fetchall()}

    def test_every_column_is_a_stored_field_and_every_field_is_written(self):
        self.assertTrue(self.tables)
        for table, values in self.tables.items():
            with self.subTest(table=table):
                columns = set(values)
                model = self.models.get(table)
                if model is None:
                    # A many2many relation table: its two columns.
                    relations = [
                        field
                        for name in self.env.registry
                        for field in self.env[name]._fields.values()
                        if field.type == "many2many" and field.relation == table
                    ]
                    self.assertTrue(relations, f"{table} is no model's table")
                    self.assertEqual(
                        columns, {relations[0].column1, relations[0].column2}
                    )
                    continue
                stored = {
                    name
                    for name, field in model._fields.items()
                    if field.store and field.column_type
                }
                empty = set(self.generate.HISTORY_EMPTY.get(table, ()))
                self.assertFalse(
                    columns - stored, f"{table}: columns that are no stored field"
                )
                self.assertFalse(empty - stored, f"{table}: declared empty, no field")
                self.assertEqual(
                    stored - {"id"} - columns,
                    empty,
                    f"{table} ({model._name}): stored fields the history load "
                    "neither writes nor declares empty (HISTORY_EMPTY)",
                )
                required = {
                    name for name in stored if model._fields[name].required
                } | self._not_null_without_default(table)
                self.assertFalse(
                    required - {"id"} - columns,
                    f"{table}: required fields without a database default",
                )

    def test_values_read_only_the_place_and_stored_fields_of_its_shift(self):
        shift = self.env["link.shift"]
        stored = {n for n, f in shift._fields.items() if f.store and f.column_type}
        for table, values in self.tables.items():
            for column, value in values.items():
                with self.subTest(table=table, column=column):
                    self.assertFalse(
                        set(re.findall(r"\bs\.(\w+)", value.code)) - stored,
                        "not a stored field of link.shift",
                    )
                    self.assertFalse(
                        set(re.findall(r"\ba\.(\w+)", value.code)) - PLACE_COLUMNS
                    )
        state = self.env["link.shift.assignment"]._fields["state"]
        self.assertFalse(
            set(self.generate.HISTORY_STATES) - set(state.get_values(self.env))
        )

    def test_a_loaded_place_has_the_values_the_orm_gives(self):
        # A contract year from January, not the default April: the quarter
        # follows the shift's company.
        self.env.company.link_contract_start_month = "1"
        ward = self.env["link.ward"].create(
            {"name": "Bench Ward", "code": "E05009997", "local_authority": "Bench"}
        )
        role = self.env["link.volunteer.role"].create({"name": "Bench role"})
        shift = self.env["link.shift"].create(
            {
                "name": "Bench shift",
                "role_id": role.id,
                "ward_id": ward.id,
                "date_start": datetime(2031, 5, 6, 23, 30),
                "date_end": datetime(2031, 5, 7, 2, 15),
                "max_volunteers": 3,
                "state": "open",
            }
        )
        by_orm, by_sql = self.env["res.partner"].create(
            [
                {"name": name, "email": f"{name}@example.org", "link_is_volunteer": 1}
                for name in ("bench.orm", "bench.sql")
            ]
        )
        Place = self.env["link.shift.assignment"]
        orm = Place.create({"shift_id": shift.id, "partner_id": by_orm.id})
        self.env.flush_all()
        self.generate.insert_history(self.env.cr, [by_sql.id], [shift.id], ["attended"])
        self.env.invalidate_all()
        loaded = Place.search([("partner_id", "=", by_sql.id)])
        self.assertEqual(len(loaded), 1)
        # What the place itself says (not copied from its shift).
        own = {
            "partner_id",
            "state",
            "signup_date",
            "reminder_sent",
            "attendance_status",
            *("create_uid", "write_uid", "create_date", "write_date"),
        }
        shared = set(self.tables["link_shift_assignment"]) - own
        self.assertIn("contract_quarter", shared)
        self.assertEqual(orm.contract_quarter, "2031 Q2")
        [orm_values] = orm.read(sorted(shared), load=None)
        [sql_values] = loaded.read(sorted(shared), load=None)
        self.assertEqual(
            {k: v for k, v in sql_values.items() if k != "id"},
            {k: v for k, v in orm_values.items() if k != "id"},
        )
        self.assertEqual(loaded.state, "attended")
        loaded.invalidate_recordset()
        stored = loaded.attendance_status
        loaded._compute_attendance_status()
        self.assertEqual(stored, loaded.attendance_status)
        self.assertEqual(stored, "arrived")
        self.assertEqual(loaded.signup_date, datetime(2031, 4, 26, 23, 30))
