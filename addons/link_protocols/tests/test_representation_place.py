# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ProtocolCase


@freeze_time("2026-06-01")
class TestRepresentationPlace(ProtocolCase):
    """An offered board place becomes a seat, filled by staff from the
    members who registered interest; seats require qualifications as
    volunteer roles do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.ada, cls.ben, cls.cy, cls.di = Partner.create(
            [
                {"name": name, "email": f"{name.split()[0].lower()}@example.org"}
                for name in ("Ada Place", "Ben Place", "Cy Place", "Di Place")
            ]
        )
        cls.board = Partner.create(
            {"name": "Care Partnership Board", "is_company": True}
        )
        cls.dbs = cls.env.ref("link_membership.qualification_type_dbs_enhanced")
        cls.equality = cls.env.ref(
            "link_membership.qualification_type_equality_diversity"
        )

    def setUp(self):
        super().setUp()
        self.place = (
            self.env["link.opportunity"]
            .with_user(self.staff)
            .create(
                {
                    "name": "LINk place on the care board",
                    "partner_id": self.board.id,
                    "kind": "place",
                    "date_open": date(2026, 5, 1),
                    "date_close": date(2026, 5, 30),
                }
            )
        )
        Recipient = self.env["link.opportunity.recipient"]
        self.replies = {
            partner: Recipient.create(
                {"opportunity_id": self.place.id, "partner_id": partner.id}
            )
            for partner in (self.ada, self.ben, self.cy, self.di)
        }
        for partner in (self.ada, self.ben, self.di):
            self.replies[partner]._register_interest(note=f"{partner.name} cares")
        self.place.state = "circulated"

    def _wizard(self, user=None, **vals):
        return (
            self.env["link.representation.appoint"]
            .with_user(user or self.staff)
            .with_context(default_opportunity_id=self.place.id)
            .create({"recipient_id": self.replies[self.ada].id, **vals})
        )

    def _mails(self):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "link.opportunity.recipient"),
                ("res_id", "in", [r.id for r in self.replies.values()]),
            ]
        )

    def test_the_place_becomes_a_seat_with_the_chosen_member(self):
        wizard = self._wizard(
            deputy_recipient_id=self.replies[self.ben].id,
            committee="Partnership board",
            date_end=date(2028, 5, 31),
        )
        self.assertEqual(
            wizard.interested_ids,
            self.replies[self.ada] | self.replies[self.ben] | self.replies[self.di],
        )
        self.assertEqual(wizard.name, "LINk place on the care board")
        action = wizard.action_appoint()
        seat = self.env["link.representation"].browse(action["res_id"])
        self.assertEqual(seat.partner_id, self.board)
        self.assertEqual(seat.representative_id, self.ada)
        self.assertEqual(seat.deputy_id, self.ben)
        self.assertEqual(seat.committee, "Partnership board")
        self.assertEqual(
            (seat.date_start, seat.date_end), (date(2026, 6, 1), date(2028, 5, 31))
        )
        self.assertEqual(seat.user_id, self.staff)
        self.assertEqual(seat.opportunity_ids, self.place)
        self.assertEqual(self.place.representation_id, seat)
        self.assertEqual(self.place.state, "closed")
        self.assertEqual(
            [
                self.replies[p].place_outcome
                for p in (self.ada, self.ben, self.cy, self.di)
            ],
            ["representative", "deputy", False, "thanked"],
        )
        # The chosen are told, the other interested member thanked; the one
        # who did not answer gets nothing.
        mails = self._mails()
        by_person = {mail.recipient_ids: mail for mail in mails}
        self.assertEqual(set(by_person), {self.ada, self.ben, self.di})
        self.assertIn("representative", by_person[self.ada].subject)
        self.assertIn("LINk place on the care board", by_person[self.ada].subject)
        self.assertIn("deputy", by_person[self.ben].subject)
        self.assertIn("01/06/2026", by_person[self.ada].body_html)
        self.assertIn("Representation", by_person[self.ada].body_html)
        self.assertIn("Thank you", by_person[self.di].subject)
        self.assertNotIn("deputy", by_person[self.di].body_html)
        mails.send()
        self.assertEqual(set(mails.exists().mapped("state")) - {"sent"}, set())
        self.assertIn("became the seat", self.place.message_ids[0].body)

    def test_a_vacant_seat_is_filled(self):
        vacant = (
            self.env["link.representation"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Care board seat",
                    "partner_id": self.board.id,
                    "deputy_id": self.cy.id,
                    "report_days": 10,
                }
            )
        )
        wizard = self._wizard(representation_id=vacant.id)
        self.assertEqual((wizard.name, wizard.report_days), ("Care board seat", 10))
        wizard.action_appoint()
        self.assertEqual(vacant.representative_id, self.ada)
        self.assertEqual(vacant.deputy_id, self.cy)  # kept
        self.assertEqual(self.place.representation_id, vacant)
        self.assertEqual(
            self.env["link.representation"].search_count(
                [("partner_id", "=", self.board.id)]
            ),
            1,
        )

    def test_a_seat_already_held_is_not_taken_over(self):
        held = self.env["link.representation"].create(
            {
                "name": "Held seat",
                "partner_id": self.board.id,
                "representative_id": self.cy.id,
                "date_end": date(2027, 1, 1),
            }
        )
        with self.assertRaisesRegex(UserError, "already has Cy Place"):
            self._wizard(representation_id=held.id).action_appoint()
        self.assertEqual(held.representative_id, self.cy)
        self.assertFalse(self.place.representation_id)

    def test_only_a_member_who_registered_interest_is_chosen(self):
        with self.assertRaisesRegex(UserError, "Cy Place did not register interest"):
            self._wizard(recipient_id=self.replies[self.cy].id).action_appoint()
        other = self.place.copy({"name": "Another place"})
        stranger = self.env["link.opportunity.recipient"].create(
            {"opportunity_id": other.id, "partner_id": self.cy.id, "interested": True}
        )
        with self.assertRaisesRegex(UserError, "did not register interest"):
            self._wizard(recipient_id=stranger.id).action_appoint()
        self.assertFalse(self._mails())
        self.assertFalse(any(r.place_outcome for r in self.replies.values()))

    def test_only_a_circulated_place_not_yet_filled(self):
        self.place.with_user(self.staff).action_fill_seat()
        self._wizard().action_appoint()
        with self.assertRaisesRegex(UserError, "already filled"):
            self.place.with_user(self.staff).action_fill_seat()
        survey = self.place.copy({"name": "A survey", "kind": "survey"})
        survey.state = "circulated"
        with self.assertRaisesRegex(UserError, "Only a board or panel place"):
            survey.with_user(self.staff).action_fill_seat()
        draft = self.place.copy({"name": "Not yet out"})
        with self.assertRaisesRegex(UserError, "Circulate"):
            draft.with_user(self.staff).action_fill_seat()

    def test_appointing_someone_without_the_qualifications_is_refused(self):
        wizard = self._wizard(
            qualification_type_ids=[(6, 0, (self.dbs | self.equality).ids)],
            deputy_recipient_id=self.replies[self.ben].id,
        )
        self.assertIn(
            "Ada Place needs DBS check (enhanced), Equality and", wizard.missing_text
        )
        self.assertIn("Ben Place needs", wizard.missing_text)
        with self.assertRaisesRegex(
            ValidationError,
            r"Ada Place cannot sit on LINk place on the care board: they need DBS "
            r"check \(enhanced\), Equality and diversity valid on 01/06/2026",
        ):
            wizard.action_appoint()
        self.assertFalse(self.place.representation_id)
        self.assertFalse(self._mails())
        Qualification = self.env["link.qualification"]
        for partner in (self.ada, self.ben):
            Qualification.create(
                [
                    {
                        "partner_id": partner.id,
                        "type_id": self.dbs.id,
                        "date_obtained": date(2026, 1, 1),
                        "evidence_state": "checked",
                    },
                    {
                        "partner_id": partner.id,
                        "type_id": self.equality.id,
                        "date_obtained": date(2026, 1, 1),
                    },
                ]
            )
        wizard.invalidate_recordset(["missing_text"])
        self.assertFalse(wizard.missing_text)
        wizard.action_appoint()
        self.assertEqual(self.place.representation_id.representative_id, self.ada)

    def test_the_seat_refuses_the_unqualified_whoever_appoints(self):
        seat = (
            self.env["link.representation"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Safeguarding board",
                    "partner_id": self.board.id,
                    "qualification_type_ids": [(6, 0, self.dbs.ids)],
                }
            )
        )
        with self.assertRaisesRegex(ValidationError, "Di Place cannot sit on"):
            seat.representative_id = self.di
        # A term starting later: what counts is the day it starts.
        self.env["link.qualification"].create(
            {
                "partner_id": self.di.id,
                "type_id": self.dbs.id,
                "date_obtained": date(2023, 7, 1),  # 36 months: to 30/06/2026
                "evidence_state": "checked",
            }
        )
        with self.assertRaisesRegex(ValidationError, "valid on 01/09/2026"):
            seat.write(
                {"date_start": date(2026, 9, 1), "representative_id": self.di.id}
            )
        seat.write({"date_start": date(2026, 6, 1), "representative_id": self.di.id})
        self.assertFalse(seat.missing_qualification_ids)
        with freeze_time("2026-07-15"):
            seat.invalidate_recordset(["missing_qualification_ids"])
            self.assertEqual(seat.missing_qualification_ids, self.dbs)
        # Requiring more of the seat than its holder has is refused too.
        with self.assertRaisesRegex(ValidationError, "Equality and diversity"):
            seat.qualification_type_ids |= self.equality

    def test_who_may_fill_a_seat(self):
        for user in (self.steering, self.monitor, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._wizard(user=user)
        with self.assertRaises(AccessError):
            self.place.with_user(self.steering).write({"representation_id": False})
        for user in (self.steering, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.replies[self.ada].with_user(user).read(["place_outcome"])
        # The manager can, as staff.
        self._wizard(user=self.manager).action_appoint()
        seat = self.place.representation_id
        self.assertTrue(seat)
        # The seat keeps the place it was filled from: archived, not deleted.
        with self.assertRaisesRegex(UserError, "Archive the representation"):
            seat.with_user(self.manager).unlink()
