# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .common import LinkCase


@freeze_time("2026-06-15")
class TestMembershipTarget(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_aside_demo_data(wards=True)
        Ward = cls.env["link.ward"]
        cls.abbey = Ward.create({"name": "Abbey", "code": "E05000001"})
        cls.mill = Ward.create({"name": "Millgate", "code": "E05000002"})
        cls.social_care = cls.env.ref("link_membership.link_interest_social_care")
        Partner = cls.env["res.partner"]
        cls.ada, cls.bilal, cls.cai, cls.dee = Partner.create(
            [
                {
                    "name": "Ada",
                    "link_membership_type": "full",
                    "link_ward_id": cls.abbey.id,
                    "link_join_date": date(2026, 1, 10),
                    "link_interest_ids": [(6, 0, cls.social_care.ids)],
                },
                {
                    "name": "Bilal",
                    "link_membership_type": "full",
                    "link_ward_id": cls.abbey.id,
                    "link_join_date": date(2026, 2, 1),
                },
                {
                    "name": "Cai",
                    "link_membership_type": "participant",
                    "link_ward_id": cls.mill.id,
                    "link_join_date": date(2026, 3, 1),
                    "link_leave_date": date(2026, 5, 1),
                    "link_leave_reason": "Moved",
                },
                {
                    "name": "Dee",
                    "link_membership_type": "participant",
                    "link_join_date": date(2026, 9, 1),
                },
            ]
        )
        Profile = cls.env["link.equality.profile"]
        Profile.create({"partner_id": cls.ada.id, "sex": "female"})
        Profile.create(
            {
                "partner_id": cls.bilal.id,
                "sex": "male",
                "objection_date": date(2026, 4, 1),
            }
        )
        Profile.create({"partner_id": cls.cai.id, "sex": "male"})

    def _target(self, **vals):
        return (
            self.env["link.membership.target"]
            .create(
                {
                    "name": "Target",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2027, 6, 30),
                    **vals,
                }
            )
            .with_user(self.monitor)
        )

    def test_member_count_counts_members_on_the_day(self):
        full = self._target(kind="member_count", membership_type="full", target_value=2)
        self.assertEqual((full.actual, full.met), (2, True))
        everyone = self._target(kind="member_count", target_value=3)
        self.assertEqual(everyone.actual, 2, "Cai left, Dee has not joined yet")
        self.assertFalse(everyone.met)

    def test_a_closed_period_is_judged_at_its_end(self):
        spring = self._target(
            kind="member_count", target_value=3, date_end=date(2026, 4, 30)
        )
        self.assertEqual(spring.actual, 3, "Cai was still a member on 30 April")

    def test_ward_coverage_lists_wards_still_missing(self):
        wards = self._target(kind="ward_coverage")
        self.assertFalse(wards.met)
        self.assertEqual(wards.missing, "Millgate")
        self.env["res.partner"].create(
            {
                "name": "Eve",
                "link_membership_type": "full",
                "link_ward_id": self.mill.id,
                "link_join_date": date(2026, 6, 1),
            }
        )
        wards.invalidate_recordset()
        self.assertTrue(wards.met)
        self.assertFalse(wards.missing)

    def test_characteristic_coverage_respects_objections(self):
        sex = self._target(kind="characteristic_coverage", characteristic="sex")
        self.assertEqual(sex.actual, 1)
        self.assertEqual(sex.missing, "Male", "Bilal objected, Cai left")
        self.assertFalse(sex.met)

    def test_interest_share(self):
        share = self._target(
            kind="interest_share", interest_id=self.social_care.id, target_value=25
        )
        self.assertEqual(share.actual, 50.0)
        self.assertTrue(share.met)

    def test_bad_targets_are_refused(self):
        bad = [
            ({"kind": "member_count", "target_value": -1}, "cannot be negative"),
            (
                {
                    "kind": "interest_share",
                    "interest_id": self.social_care.id,
                    "target_value": 120,
                },
                "cannot be over 100",
            ),
            ({"kind": "interest_share", "target_value": 10}, "Choose the interest"),
            ({"kind": "characteristic_coverage"}, "Choose the equality question"),
            ({"kind": "member_count", "date_end": date(2025, 1, 1)}, "ends before"),
        ]
        for vals, message in bad:
            with (
                self.subTest(message=message),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._target(**vals)

    def test_only_managers_set_targets(self):
        with self.assertRaises(AccessError):
            self.env["link.membership.target"].with_user(self.staff).create(
                {
                    "name": "x",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                }
            )
