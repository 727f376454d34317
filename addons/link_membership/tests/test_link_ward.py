# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import LinkCase


class TestLinkWard(LinkCase):
    def _create(self, user, **vals):
        vals = {"name": "Abbey", "code": "E05000001", **vals}
        return self.env["link.ward"].with_user(user).create(vals)

    def test_manager_creates_ward_with_normalised_code(self):
        ward = self._create(self.manager, code=" e05000001 ", population=12000)
        self.assertEqual(ward.code, "E05000001")
        ward.write({"code": "w05000002"})
        self.assertEqual(ward.code, "W05000002")

    def test_code_must_be_an_ons_ward_code(self):
        for bad in ("E0500001", "X05000001", "E06000001", "E05A00001"):
            with (
                self.subTest(code=bad),
                self.assertRaisesRegex(ValidationError, "is not an ONS ward code"),
            ):
                self._create(self.manager, code=bad)

    @mute_logger("odoo.sql_db")
    def test_code_is_unique(self):
        self._create(self.manager)
        with self.assertRaises(IntegrityError):
            self._create(self.manager, name="Abbey again")

    @mute_logger("odoo.sql_db")
    def test_population_cannot_be_negative(self):
        with self.assertRaises(IntegrityError):
            self._create(self.manager, population=-1)

    def test_staff_and_monitor_read_but_only_manager_edits(self):
        ward = self._create(self.manager)
        for user in (self.staff, self.monitor, self.steering):
            with self.subTest(user=user.login):
                self.assertEqual(
                    ward.with_user(user).read(["name"])[0]["name"], "Abbey"
                )
                with self.assertRaises(AccessError):
                    self._create(user, code="E05000009")
                with self.assertRaises(AccessError):
                    ward.with_user(user).write({"population": 1})

    def test_portal_user_cannot_read_wards(self):
        ward = self._create(self.manager)
        with self.assertRaises(AccessError):
            ward.with_user(self.portal_user).read(["name"])
