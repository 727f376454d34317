# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import LinkCase


class TestMembers(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ward = cls.env["link.ward"].create(
            {"name": "Abbey", "code": "E05000001", "local_authority": "Brookfield"}
        )
        cls.other_ward = cls.env["link.ward"].create(
            {"name": "Elsewhere", "code": "E05000002", "local_authority": "Otherton"}
        )
        cls.Partner = cls.env["res.partner"].with_user(cls.staff)

    def _member(self, **vals):
        return self.Partner.create(
            {"name": "Ada Whitfield", "link_membership_type": "full", **vals}
        )

    @freeze_time("2026-05-04")
    def test_new_member_gets_a_number_and_todays_join_date(self):
        first, second = self._member(), self._member(name="Bilal Qureshi")
        self.assertRegex(first.link_member_number, r"^M\d{5}$")
        self.assertNotEqual(first.link_member_number, second.link_member_number)
        self.assertEqual(first.link_join_date, date(2026, 5, 4))
        contact = self.Partner.create({"name": "Not a member"})
        self.assertFalse(contact.link_member_number)
        contact.write({"link_membership_type": "participant"})
        self.assertTrue(contact.link_member_number)
        number = contact.link_member_number
        contact.write({"link_membership_type": "full"})
        self.assertEqual(contact.link_member_number, number, "number kept")

    def test_leaving_before_joining_is_refused(self):
        member = self._member(link_join_date=date(2026, 3, 1))
        with self.assertRaisesRegex(ValidationError, "cannot leave .* before joining"):
            member.link_leave_date = date(2026, 2, 1)

    def test_ward_of_another_authority_is_refused(self):
        self.env.company.link_local_authority = "Brookfield"
        self._member(link_ward_id=self.ward.id)
        with self.assertRaisesRegex(
            ValidationError, "ward of Otherton, not of Brookfield"
        ):
            self._member(link_ward_id=self.other_ward.id)

    def test_member_with_history_is_archived_not_deleted(self):
        member = self._member()
        with self.assertRaisesRegex(UserError, "archive them"):
            member.sudo().unlink()
        member.action_archive()
        self.assertFalse(member.active)
        self.Partner.create({"name": "Plain contact"}).sudo().unlink()

    @freeze_time("2026-05-04")
    def test_status_follows_leave_date(self):
        current = self._member(link_join_date=date(2025, 1, 1))
        leaving = self._member(
            name="Leaving soon",
            link_join_date=date(2025, 1, 1),
            link_leave_date=date(2026, 6, 1),
            link_leave_reason="Moving away",
        )
        former = self._member(
            name="Left",
            link_join_date=date(2025, 1, 1),
            link_leave_date=date(2026, 1, 1),
            link_leave_reason="Moved away",
        )
        self.assertEqual(current.link_member_state, "active")
        self.assertEqual(leaving.link_member_state, "active")
        self.assertEqual(former.link_member_state, "left")
        people = current | leaving | former
        active = self.Partner.search(
            [("id", "in", people.ids), ("link_member_state", "=", "active")]
        )
        self.assertEqual(active, current | leaving)
        left = self.Partner.search(
            [("id", "in", people.ids), ("link_member_state", "=", "left")]
        )
        self.assertEqual(left, former)
        not_active = self.Partner.search(
            [("id", "in", people.ids), ("link_member_state", "!=", "active")]
        )
        self.assertEqual(not_active, former)

    def test_duplicate_warning_on_same_email_or_name_and_postcode(self):
        existing = self._member(
            name="Zora Testwell", email="zora@example.net", zip="ZZ1 2AA"
        )
        same_email = self.Partner.new(
            {"name": "Z. Testwell", "email": "ZORA@example.net "}
        )
        warning = same_email._onchange_link_duplicates()["warning"]
        self.assertIn("Zora Testwell", warning["message"])
        self.assertIn(existing.link_member_number, warning["message"])
        same_name_zip = self.Partner.new({"name": "zora testwell", "zip": "zz1 2aa"})
        self.assertEqual(same_name_zip._link_find_duplicates(), existing)
        different = self.Partner.new({"name": "Zora Testwell", "zip": "ZZ9 9ZZ"})
        self.assertFalse(different._onchange_link_duplicates())
        self.assertFalse(
            existing._link_find_duplicates(), "a record is not its own duplicate"
        )

    def test_organisations_and_networks_hold_their_people(self):
        network = self.Partner.create(
            {
                "name": "BME Health Network",
                "is_company": True,
                "link_membership_type": "network",
                "link_mailing_consent": True,
                "link_mailing_consent_date": date(2026, 1, 5),
            }
        )
        person = self.Partner.create({"name": "Grace Adeyemi", "parent_id": network.id})
        mailout = self.Partner.search(
            [
                ("link_mailing_consent", "=", True),
                ("link_member_state", "=", "active"),
                ("id", "in", (network | person).ids),
            ]
        )
        self.assertEqual(mailout, network)
        self.assertEqual(network.child_ids, person)
