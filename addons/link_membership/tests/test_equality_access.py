# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import LinkCase


class TestEqualityAccess(LinkCase):
    """Identifiable equality answers: only the equality data officer, each way."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create(
            {"name": "Chiamaka Obi", "link_membership_type": "full"}
        )
        cls.profile = cls.env["link.equality.profile"].create(
            {"partner_id": cls.person.id, "ethnicity": "black_african", "sex": "female"}
        )
        cls.Profile = cls.env["link.equality.profile"]

    def test_officer_reads_and_corrects_answers(self):
        profile = self.profile.with_user(self.equality_officer)
        self.assertEqual(profile.ethnicity, "black_african")
        profile.write({"religion": "christian"})
        self.assertEqual(profile.religion, "christian")
        self.assertEqual(
            self.Profile.with_user(self.equality_officer).search(
                [("ethnicity", "=", "black_african"), ("id", "=", self.profile.id)]
            ),
            self.profile,
        )

    def test_no_other_role_reads_answers_through_the_orm(self):
        for user in (
            self.staff,
            self.manager,
            self.monitor,
            self.steering,
            self.portal_user,
        ):
            profile = self.profile.with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    profile.read(["ethnicity"])
                # Refused as AccessError, or UserError without the export right.
                with self.assertRaises(UserError):
                    profile.export_data(["sex"])
                with self.assertRaises(AccessError):
                    self.Profile.with_user(user).search([("sex", "=", "female")])
                with self.assertRaises(AccessError):
                    self.Profile.with_user(user).read_group([], ["sex"], ["sex"])
                with self.assertRaises(AccessError):
                    profile.write({"sex": "male"})

    def test_staff_see_that_a_form_exists_but_not_what_it_says(self):
        profile = self.profile.with_user(self.staff)
        self.assertEqual(profile.partner_id, self.person)
        fields = self.Profile.with_user(self.staff).fields_get()
        self.assertNotIn("ethnicity", fields)
        self.assertIn("objection_date", fields)

    def test_staff_record_a_paper_form_without_reading_it_back(self):
        newcomer = self.env["res.partner"].create(
            {"name": "Kiran Dhillon", "link_membership_type": "participant"}
        )
        entry = (
            self.env["link.equality.entry"]
            .with_user(self.staff)
            .create(
                {"partner_id": newcomer.id, "ethnicity": "asian_indian", "sex": "male"}
            )
        )
        entry.action_record()
        self.assertFalse(entry.exists(), "the keyed-in answers do not linger")
        profile = self.Profile.search([("partner_id", "=", newcomer.id)])
        self.assertEqual((profile.ethnicity, profile.sex), ("asian_indian", "male"))
        self.assertEqual(profile.channel, "paper")
        with self.assertRaises(AccessError):
            profile.with_user(self.staff).read(["ethnicity"])

    @mute_logger("odoo.sql_db")
    def test_one_profile_per_person(self):
        with self.assertRaises(IntegrityError):
            self.Profile.create({"partner_id": self.person.id})

    def test_objection_freezes_then_erase_keeps_the_objection(self):
        officer_profile = self.profile.with_user(self.equality_officer)
        officer_profile.objection_date = date(2026, 2, 1)
        with self.assertRaisesRegex(UserError, "objected in writing"):
            officer_profile.write({"ethnicity": "white_irish"})
        entry = (
            self.env["link.equality.entry"]
            .with_user(self.staff)
            .create({"partner_id": self.person.id, "sex": "male"})
        )
        with self.assertRaisesRegex(UserError, "objected in writing"):
            entry.action_record()
        with self.assertRaises(AccessError):
            self.profile.with_user(self.staff).action_erase_answers()
        officer_profile.action_erase_answers()
        self.assertFalse(officer_profile.ethnicity)
        self.assertFalse(officer_profile.sex)
        self.assertEqual(officer_profile.objection_date, date(2026, 2, 1))
        self.assertTrue(officer_profile.erased_date)

    def test_erasing_needs_a_recorded_objection(self):
        with self.assertRaisesRegex(UserError, "date of the written objection"):
            self.profile.with_user(self.equality_officer).action_erase_answers()

    def test_answers_stay_with_their_company(self):
        other_company = self.env["res.company"].create({"name": "Otherton LINk host"})
        stranger = self.env["res.partner"].create(
            {"name": "Otherton member", "company_id": other_company.id}
        )
        theirs = self.Profile.create({"partner_id": stranger.id, "sex": "male"})
        visible = self.Profile.with_user(self.equality_officer).search(
            [("id", "in", (theirs | self.profile).ids)]
        )
        self.assertEqual(visible, self.profile)
