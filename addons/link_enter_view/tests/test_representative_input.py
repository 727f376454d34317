# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .common import EnterViewCase


class TestRepresentativeInput(EnterViewCase):
    """What a representative writes for a visit (declaration, notes), as the
    model decides it whoever calls: the portal form or host staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna_user = new_test_user(
            cls.env, "ev_input_anna", groups="base.group_portal", partner_id=cls.anna.id
        )

    def _as_anna(self, visit):
        return visit.with_user(self.anna_user)

    def test_windows_follow_the_state(self):
        visit = self._visit()
        windows = {
            "draft": (True, False),
            "planned": (True, True),
            "notified": (True, True),
            "visited": (False, True),
            "report_drafted": (False, False),
            "report_sent": (False, False),
            "response_received": (False, False),
            "published": (False, False),
            "cancelled": (False, False),
            "refused": (False, False),
        }
        self.assertEqual(
            set(windows), set(dict(visit._fields["state"].selection)), "every state"
        )
        for state, expected in windows.items():
            visit.write({"state": state})
            mine = self._as_anna(visit)
            self.assertEqual((mine.can_declare, mine.can_note), expected, state)

    def test_declaring_then_changing_it_is_noted_again(self):
        visit = self._visit()
        visit.write({"state": "planned"})
        mine = self._as_anna(visit)
        declaration = mine._declare(self.anna, "none", False)
        self.assertEqual(declaration.partner_id, self.anna)
        self.assertEqual(declaration.interest, "none")
        self.assertEqual(declaration.message_ids[0].author_id, self.anna)
        self.assertIn("Declared through the portal", declaration.message_ids[0].body)
        declaration.with_user(self.staff).action_note()
        # The same answer again: nothing to note afresh.
        self.assertEqual(mine._declare(self.anna, "none", ""), declaration)
        self.assertEqual(declaration.noted_by_id, self.staff)
        again = mine._declare(self.anna, "declared", "My aunt lives there")
        self.assertEqual(again, declaration)
        self.assertEqual(declaration.details, "My aunt lives there")
        self.assertFalse(declaration.noted_by_id)
        self.assertFalse(declaration.date_noted)
        self.assertEqual(len(visit.sudo().declaration_ids), 1)

    def test_declaration_refusals_say_why(self):
        visit = self._visit()
        mine = self._as_anna(visit)
        with self.assertRaisesRegex(UserError, "what the interest is"):
            mine._declare(self.anna, "declared", "   ")
        with self.assertRaisesRegex(UserError, "whether you have an interest"):
            mine._declare(self.anna, "maybe", "")
        self.assertFalse(visit.sudo().declaration_ids)
        visit.write({"state": "visited"})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            mine._declare(self.anna, "none", False)
        self.assertFalse(visit.sudo().declaration_ids)

    def test_staff_changing_a_noted_declaration_unnotes_it(self):
        visit = self._visit()
        self._declare_all(visit, "declared")
        declarations = visit.sudo().declaration_ids.with_user(self.staff)
        declarations.action_note()
        anna, ben = declarations.sorted(lambda d: d.partner_id != self.anna)
        anna.write({"details": "A relative works there"})  # unchanged
        self.assertEqual(anna.noted_by_id, self.staff)
        anna.write({"details": "My cousin works there"})
        self.assertFalse(anna.noted_by_id)
        self.assertFalse(anna.date_noted)
        self.assertEqual(ben.noted_by_id, self.staff, "only the changed one")
        ben.write({"interest": "none", "details": False})
        self.assertFalse(ben.noted_by_id)

    def test_declarations_stay_as_made_after_the_visit(self):
        """Noted before the visit, so never changed after it (it could not
        be noted again): staff are told to add a note instead."""
        visit = self._visit()
        self._declare_all(visit, "declared")
        declarations = visit.sudo().declaration_ids.with_user(self.staff)
        declarations.action_note()
        visit.write({"state": "visited"})
        anna = declarations.filtered(lambda d: d.partner_id == self.anna)
        anna.write({"details": anna.details})  # the same answer: nothing changes
        # assertRaises (not ...Regex): Odoo's rolls the refused write back.
        with self.assertRaises(UserError) as refused:
            anna.write({"details": "Something else"})
        self.assertIn("can no longer be changed", str(refused.exception))
        anna.invalidate_recordset()
        self.assertEqual(anna.noted_by_id, self.staff)
        self.assertNotEqual(anna.details, "Something else")

    def test_notes_are_written_while_open(self):
        visit = self._visit()
        mine = self._as_anna(visit)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            mine._write_note(self.anna, "Before planning")
        visit.write({"state": "planned"})
        with self.assertRaisesRegex(UserError, "write your observations"):
            mine._write_note(self.anna, "  ")
        note = mine._write_note(self.anna, "Lunch was hot")
        visit.write({"state": "visited"})
        self.assertEqual(mine._write_note(self.anna, "Lunch was hot and tasty"), note)
        self.assertEqual(note.body, "Lunch was hot and tasty")
        self.assertEqual(note.partner_id, self.anna)
        visit.write({"state": "report_drafted"})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            mine._write_note(self.anna, "Too late")
        self.assertEqual(note.body, "Lunch was hot and tasty")

    def test_only_the_team_writes(self):
        visit = self._visit()
        visit.write({"state": "planned"})
        for method, args in (("_declare", ("none", False)), ("_write_note", ("Hi",))):
            with self.assertRaisesRegex(UserError, "not on the team"):
                getattr(self._as_anna(visit), method)(self.carla, *args)
        self.assertFalse(visit.sudo().declaration_ids)
        self.assertFalse(visit.sudo().note_ids)
