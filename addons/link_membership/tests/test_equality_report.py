# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..report.small_numbers import cells_to_suppress
from .common import LinkCase


def recoverable(cells, hidden, threshold=5):
    """Blank cells that a reader could work out from a published row or column
    total (a total below the threshold is itself blank)."""
    found = set()
    for axis in range(len(next(iter(cells)))):
        lines = {}
        for key in cells:
            lines.setdefault(key[:axis] + key[axis + 1 :], []).append(key)
        for line in lines.values():
            blanks = [key for key in line if key in hidden]
            total_published = sum(cells[key] for key in line) >= threshold
            if len(blanks) == 1 and total_published:
                found.add(blanks[0])
    return found


class TestSmallNumbers(LinkCase):
    def test_primary_suppression_below_threshold(self):
        cells = {("a",): 4, ("b",): 5, ("c",): 30, ("d",): 0}
        hidden = cells_to_suppress(cells, 5)
        self.assertIn(("a",), hidden)
        self.assertIn(("d",), hidden)
        self.assertNotIn(("b",), hidden)

    def test_single_blank_in_a_row_is_protected_by_a_second_one(self):
        # Designed to be recovered: row total 40 - 12 - 25 = 3.
        cells = {
            ("ward1", "x"): 3,
            ("ward1", "y"): 12,
            ("ward1", "z"): 25,
            ("ward2", "x"): 9,
            ("ward2", "y"): 11,
            ("ward2", "z"): 20,
        }
        hidden = cells_to_suppress(cells, 5)
        self.assertIn(("ward1", "x"), hidden)
        self.assertGreaterEqual(len(hidden), 4, "a rectangle of blanks is needed")
        self.assertFalse(recoverable(cells, hidden))

    def test_designed_recoveries_are_all_blocked(self):
        tables = [
            {("a", 1): 2, ("a", 2): 50, ("b", 1): 40, ("b", 2): 60},
            {
                ("a", 1): 1,
                ("a", 2): 1,
                ("a", 3): 40,
                ("b", 1): 7,
                ("b", 2): 8,
                ("b", 3): 9,
            },
            {(r, c): (r * 7 + c * 3) % 11 for r in range(5) for c in range(4)},
            {("only",): 3},
        ]
        for cells in tables:
            with self.subTest(cells=cells):
                hidden = cells_to_suppress(cells, 5)
                self.assertTrue({k for k, v in cells.items() if v < 5} <= hidden)
                self.assertFalse(recoverable(cells, hidden))

    def test_nothing_hidden_when_all_counts_are_large(self):
        self.assertFalse(cells_to_suppress({("a",): 5, ("b",): 6}, 5))


@tagged("post_install", "-at_install")
class TestEqualityReport(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ward = cls.env["link.ward"].create({"name": "Abbey", "code": "E05000001"})
        cls.Report = cls.env["link.equality.report"]
        cls._set_aside_demo_data()
        # Members with a login (the demo portal volunteer) stay active: leave
        # their answers out of the counts these tests make.
        cls.env["link.equality.profile"].search(
            [("partner_id.user_ids", "!=", False)]
        ).write({"objection_date": date(2000, 1, 1)})

    def _members(self, count, **answers):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Member {i}",
                    "link_membership_type": "full",
                    "link_ward_id": self.ward.id,
                    "link_join_date": date(2020, 1, 1),
                }
                for i in range(count)
            ]
        )
        self.env["link.equality.profile"].create(
            [{"partner_id": p.id, **answers} for p in partners]
        )
        return partners

    def _disability_counts(self, user):
        groups = self.Report.with_user(user).read_group(
            [("characteristic", "=", "disability"), ("ward_id", "=", self.ward.id)],
            ["member_count:sum"],
            ["answer"],
            lazy=False,
        )
        return {g["answer"].split(":")[1]: g["member_count"] for g in groups}

    def test_counts_are_suppressed_for_every_reader(self):
        self._members(12, disability="no")
        self._members(3, disability="limited_a_lot")
        self._members(6, disability="limited_a_little")
        for user in (self.staff, self.monitor, self.equality_officer):
            with self.subTest(user=user.login):
                counts = self._disability_counts(user)
                self.assertIs(counts["limited_a_lot"], False)
                self.assertIs(counts["limited_a_little"], False, "secondary")
                self.assertEqual(counts["no"], 12)

    def test_threshold_is_configurable(self):
        self._members(3, disability="limited_a_lot")
        self._members(4, disability="no")
        self.env["ir.config_parameter"].set_param(
            "link_membership.suppression_threshold", 3
        )
        self.assertEqual(
            self._disability_counts(self.monitor), {"limited_a_lot": 3, "no": 4}
        )

    def test_objection_and_leaving_remove_people_from_the_report(self):
        stayers = self._members(6, disability="no")
        objector, leaver = self._members(2, disability="no")
        objection = self.env["link.equality.profile"].search(
            [("partner_id", "=", objector.id)]
        )
        objection.objection_date = date.today()
        leaver.link_leave_date = date.today()
        leaver.link_leave_reason = "Moved"
        self.assertEqual(self._disability_counts(self.staff), {"no": len(stayers)})
        objection = self.env["link.equality.profile"].search(
            [("partner_id", "=", objector.id)]
        )
        objection.objection_date = date.today() + timedelta(1)
        self.assertEqual(self._disability_counts(self.staff), {"no": 7})

    def test_rows_cannot_be_read_one_by_one(self):
        self._members(6, disability="no")
        for user in (self.staff, self.monitor, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Report.with_user(user).search_read([], ["answer", "ward_id"])

    def test_report_queries_do_not_grow_with_members(self):
        def run():
            self.env.invalidate_all()
            self.Report.with_user(self.monitor).read_group(
                [("characteristic", "=", "ethnicity")],
                ["member_count:sum"],
                ["answer", "ward_id"],
                lazy=False,
            )

        self._members(10, ethnicity="white_british")
        with self.assertQueryCount(6):
            run()
        self._members(190, ethnicity="asian_indian")
        with self.assertQueryCount(6):
            run()

    def test_members_against_census_shares(self):
        self.env["link.census.share"].search([]).unlink()
        self._members(15, disability="no")
        self._members(5, disability="limited_a_lot")
        self._members(2, disability="limited_a_little")
        self._members(4, disability="prefer_not")
        Share = self.env["link.census.share"]
        no, lot, little = Share.create(
            [
                {
                    "characteristic": "disability",
                    "answer": f"disability:{key}",
                    "share": s,
                }
                for key, s in (
                    ("no", 80),
                    ("limited_a_lot", 8),
                    ("limited_a_little", 12),
                )
            ]
        )
        no, lot, little = (no | lot | little).with_user(self.monitor)
        # 22 answered (prefer-not-to-say left out): 2 is blank, and 5 too so
        # that it cannot be worked out from the total.
        self.assertFalse(little.member_share)
        self.assertFalse(lot.member_share)
        self.assertAlmostEqual(no.member_share, 100 * 15 / 22, places=1)
        self.assertAlmostEqual(no.gap, 100 * 15 / 22 - 80, places=1)

    def test_census_shares_are_checked(self):
        Share = self.env["link.census.share"]
        Share.search([]).unlink()
        with self.assertRaisesRegex(ValidationError, "does not belong"):
            Share.create(
                {"characteristic": "sex", "answer": "marriage:neither", "share": 5}
            )
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            Share.create(
                {"characteristic": "pregnancy", "answer": "pregnancy:yes", "share": 120}
            )
        Share.create({"characteristic": "carer", "answer": "carer:yes", "share": 60})
        with self.assertRaisesRegex(ValidationError, "more than 100%"):
            Share.create({"characteristic": "carer", "answer": "carer:no", "share": 50})
