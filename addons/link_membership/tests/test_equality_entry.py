# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError, UserError

from ..models.equality_questions import ANSWER_FIELDS, QUESTIONS
from .common import LinkCase

ON_FILE = {
    "ethnicity": "white_irish",
    "age_band": "45_54",
    "sex": "female",
    "gender_identity_same": "yes",
    "religion": "buddhist",
    "sexual_orientation": "bisexual",
    "disability": "limited_a_little",
    "marriage": "civil_partnership",
    "pregnancy": "no",
    "carer": "yes",
}


class TestEqualityEntry(LinkCase):
    """Keying in a paper form as host staff: a blank question keeps what is
    on file, replacing an answer needs a confirmation, and staff never learn
    what is on file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create(
            {"name": "Siobhan Keane", "link_membership_type": "full"}
        )
        cls.profile = cls.env["link.equality.profile"].create(
            {"partner_id": cls.person.id, **ON_FILE}
        )

    def _entry(self, **answers):
        return (
            self.env["link.equality.entry"]
            .with_user(self.staff)
            .create({"partner_id": self.person.id, **answers})
        )

    def _on_file(self):
        profile = self.profile.with_user(self.equality_officer)
        profile.invalidate_recordset()
        return {name: profile[name] for name in ANSWER_FIELDS}

    def test_a_new_answer_keeps_the_other_nine(self):
        self.profile.carer = False
        entry = self._entry(carer="no")
        self.assertFalse(entry.existing_answer_count)
        entry.action_record()
        self.assertEqual(self._on_file(), {**ON_FILE, "carer": "no"})

    def test_a_blank_form_question_is_not_asked_again(self):
        """The form offers no answer by default: nothing is 'not asked'
        unless staff choose it."""
        entry = self._entry()
        self.assertFalse(any(entry[name] for name in ANSWER_FIELDS))
        entry.action_record()
        self.assertEqual(self._on_file(), ON_FILE)

    def test_replacing_an_answer_needs_a_confirmation(self):
        entry = self._entry(sex="male", religion="none")
        self.assertEqual(entry.existing_answer_count, 2)
        with self.assertRaisesRegex(UserError, "already has answers on file for 2"):
            entry.action_record()
        self.assertEqual(self._on_file(), ON_FILE)
        entry.confirm_replace = True
        entry.action_record()
        self.assertEqual(
            self._on_file(), {**ON_FILE, "sex": "male", "religion": "none"}
        )

    def test_not_asked_on_file_is_not_an_answer_to_protect(self):
        self.profile.write({"sex": "not_asked"})
        entry = self._entry(sex="female")
        self.assertFalse(entry.existing_answer_count)
        entry.action_record()
        self.assertEqual(self._on_file()["sex"], "female")

    def test_the_warning_never_says_what_is_on_file(self):
        entry = self._entry(**dict.fromkeys(ANSWER_FIELDS, "prefer_not"))
        self.assertEqual(entry.existing_answer_count, 10)
        labels = {
            label
            for name, __, answers in QUESTIONS
            for key, label in answers
            if key == ON_FILE[name]
        }
        with self.assertRaises(UserError) as refused:
            entry.action_record()
        for text in (entry.replace_warning, str(refused.exception)):
            for secret in (*ON_FILE.values(), *labels):
                self.assertNotRegex(text, rf"(?i)\b{re.escape(secret)}\b")
        self.assertIn("10 of the questions", entry.replace_warning)

    def test_staff_still_cannot_read_the_answers(self):
        entry = self._entry(sex="male")
        entry.confirm_replace = True
        entry.action_record()
        for name in ANSWER_FIELDS:
            with self.assertRaises(AccessError):
                self.profile.with_user(self.staff).read([name])
        self.assertNotIn(
            "sex", self.env["link.equality.profile"].with_user(self.staff).fields_get()
        )
