# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from .common import EnterViewCase


@freeze_time("2026-05-01")
class TestVisitShift(EnterViewCase):
    def test_a_volunteer_shift_can_serve_a_visit(self):
        visit = self._visit()
        role = self.env["link.volunteer.role"].create({"name": "Visit driver"})
        shift = (
            self.env["link.shift"]
            .with_user(self.staff)
            .create(
                {
                    "role_id": role.id,
                    "date_start": datetime(2026, 5, 22, 8),
                    "date_end": datetime(2026, 5, 22, 12),
                    "served_ref": f"link.ev.visit,{visit.id}",
                }
            )
        )
        self.assertEqual(shift.name, "Visit driver")  # named after its role
        self.assertEqual(shift.served_ref, visit)
