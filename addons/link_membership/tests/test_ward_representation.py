# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError

from .common import LinkCase


class TestWardRepresentation(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_aside_demo_data(wards=True)
        cls.north, cls.south = cls.env["link.ward"].create(
            [
                {"name": "North", "code": "E05000101", "population": 3000},
                {"name": "South", "code": "E05000102", "population": 2000},
            ]
        )
        members = [
            {
                "name": f"North {i}",
                "link_membership_type": "full",
                "link_ward_id": cls.north.id,
                # Joined before today in every time zone: the report counts
                # members on the database's current date.
                "link_join_date": date(2025, 1, 1),
            }
            for i in range(3)
        ] + [
            {
                "name": "South 1",
                "link_membership_type": "participant",
                "link_ward_id": cls.south.id,
                "link_join_date": date(2025, 1, 1),
            },
            {
                "name": "Left",
                "link_membership_type": "full",
                "link_ward_id": cls.south.id,
                "link_join_date": date(2020, 1, 1),
                "link_leave_date": date(2021, 1, 1),
                "link_leave_reason": "Moved",
            },
            {
                "name": "Group",
                "is_company": True,
                "link_membership_type": "organisation",
                "link_ward_id": cls.south.id,
            },
        ]
        cls.env["res.partner"].create(members)

    def test_members_against_population_share(self):
        rows = self.env["link.ward.representation"].with_user(self.monitor).search([])
        by_ward = {row.ward_id: row for row in rows}
        self.assertEqual(set(by_ward), {self.north, self.south})
        north, south = by_ward[self.north], by_ward[self.south]
        # Individuals who are members today: 3 in North, 1 in South.
        self.assertEqual((north.member_count, south.member_count), (3, 1))
        self.assertAlmostEqual(north.member_share, 75.0)
        self.assertAlmostEqual(south.population_share, 40.0)
        self.assertAlmostEqual(south.gap, -15.0)
        self.assertAlmostEqual(north.gap, 15.0)
        self.assertEqual(rows[0].ward_id, self.south, "most under-represented first")

    def test_portal_cannot_read_it(self):
        with self.assertRaises(AccessError):
            self.env["link.ward.representation"].with_user(self.portal_user).search([])
