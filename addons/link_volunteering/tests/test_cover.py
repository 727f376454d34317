# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import NOW, VolunteeringCase

RANKING_QUERIES = 12


@tagged("post_install", "-at_install")
class TestCoverRequests(VolunteeringCase):
    """A shift short of volunteers: the N best-ranked qualified, free
    volunteers are asked; the first to accept gets the place."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Only this test's volunteers.
        cls.env["res.partner"].search([("link_is_volunteer", "=", True)]).write(
            {"link_is_volunteer": False}
        )
        cls.ward = cls.env["link.ward"].create(
            {"name": "Cover ward", "code": "E05999001"}
        )
        cls.role = cls.env["link.volunteer.role"].create(
            {"name": "Cover stall", "qualification_type_ids": [(6, 0, cls.ed.ids)]}
        )
        cls.other_role = cls.env["link.volunteer.role"].create({"name": "Cover desk"})
        cls.ann = cls._volunteer("Ann Cover", login="cover_ann")
        cls.ben = cls._volunteer("Ben Cover", login="cover_ben")
        cls.cat = cls._volunteer("Cat Cover", link_ward_id=cls.ward.id)
        cls.dan = cls._volunteer("Dan Unqualified")
        cls.eve = cls._volunteer("Eve Busy")
        cls.fay = cls._volunteer("Fay Noemail")
        cls.fay.email = False
        with freeze_time(NOW - timedelta(days=400)):
            cls.env["link.qualification"].create(
                [
                    {"partner_id": p.id, "type_id": cls.ed.id}
                    for p in (cls.ann, cls.ben, cls.cat, cls.eve, cls.fay)
                ]
            )
        Shift = cls.env["link.shift"]
        cls.shift = Shift.create(
            {
                "name": "Short stall",
                "role_id": cls.role.id,
                "ward_id": cls.ward.id,
                "date_start": cls._start(3),
                "date_end": cls._start(3, 13),
                "min_volunteers": 2,
                "max_volunteers": 2,
                "state": "open",
            }
        )
        # Ann has done this role before; Eve is booked elsewhere at the time.
        past = Shift.create(
            {
                "name": "Past stall",
                "role_id": cls.role.id,
                "date_start": cls._start(-30),
                "date_end": cls._start(-30, 12),
                "state": "open",
            }
        )
        Place = cls.env["link.shift.assignment"]
        Place.create({"shift_id": past.id, "partner_id": cls.ann.id}).write(
            {"state": "attended"}
        )
        clash = Shift.create(
            {
                "name": "Clashing desk",
                "role_id": cls.other_role.id,
                "date_start": cls._start(3, 12),
                "date_end": cls._start(3, 15),
                "state": "open",
            }
        )
        Place.create({"shift_id": clash.id, "partner_id": cls.eve.id})

    def _request(self, **vals):
        return (
            self.env["link.cover.request"]
            .with_user(self.staff)
            .create({"shift_id": self.shift.id, **vals})
        )

    def test_ranked_eligible_and_free_volunteers_are_asked(self):
        with freeze_time(NOW):
            request = self._request(ask_count=3)
            ranked = request._candidates()
            # Ann did the role, Cat lives in the ward; Dan lacks the
            # qualification, Eve is busy, Fay has no email.
            self.assertEqual(ranked, self.ann | self.cat | self.ben)
            self.assertEqual(ranked[0], self.ann)
            self.assertEqual(ranked[1], self.cat)
            request.action_send()
        self.assertEqual(request.state, "open")
        self.assertEqual(request.offer_ids.mapped("rank"), [1, 2, 3])
        self.assertEqual(request.offer_ids.partner_id, self.ann | self.cat | self.ben)
        for partner in (self.ann, self.ben, self.cat):
            mail = self.env["mail.mail"].search(
                [("recipient_ids", "in", partner.ids), ("subject", "like", "cover")]
            )
            self.assertEqual(len(mail), 1)
            offer = request.offer_ids.filtered(lambda o, p=partner: o.partner_id == p)
            self.assertIn(f"/my/cover/{offer.id}", mail.body_html)
        with self.assertRaisesRegex(UserError, "already sent"):
            request.action_send()

    def test_the_first_to_accept_gets_the_place(self):
        with freeze_time(NOW):
            request = self._request(ask_count=3)
            request.action_send()
            ann, cat, ben = request.offer_ids
            place = cat.sudo()._accept()
        self.assertEqual(place.state, "confirmed")
        self.assertEqual(request.state, "filled")
        self.assertEqual(cat.state, "accepted")
        self.assertEqual((ann | ben).mapped("state"), ["taken", "taken"])
        taken_mails = self.env["mail.mail"].search([("subject", "like", "Covered:")])
        self.assertEqual(taken_mails.recipient_ids, self.ann | self.ben)
        with freeze_time(NOW), self.assertRaisesRegex(UserError, "Someone else"):
            ann.sudo()._accept()
        self.assertEqual(len(self.shift.assignment_ids), 1)

    def test_two_places_two_acceptances(self):
        with freeze_time(NOW):
            request = self._request(places=2, ask_count=3)
            request.action_send()
            ann, cat, ben = request.offer_ids
            ann.sudo()._accept()
            self.assertEqual(request.state, "open")
            ben.sudo()._accept()
        self.assertEqual(request.state, "filled")
        self.assertEqual(cat.state, "taken")
        self.assertEqual(self.shift.state, "full")

    def test_everyone_declines_and_whoever_asked_is_told(self):
        with freeze_time(NOW):
            request = self._request(ask_count=2)
            request.action_send()
            for offer in request.offer_ids:
                offer.sudo()._decline()
        self.assertEqual(request.state, "open")
        activity = request.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.staff)
        with freeze_time(NOW), self.assertRaisesRegex(UserError, "cannot cover"):
            request.offer_ids[0].sudo()._accept()

    def test_cron_closes_requests_once_the_shift_starts(self):
        with freeze_time(NOW):
            request = self._request(ask_count=2)
            request.action_send()
        with freeze_time(self._start(2, 11)):
            self.env["link.cover.request"]._cron_cover_requests()
            self.env["link.cover.request"]._cron_cover_requests()
        self.assertEqual(len(request.activity_ids), 1)
        self.assertIn("not filled", request.activity_ids.summary)
        with freeze_time(self._start(3, 10)):
            self.env["link.cover.request"]._cron_cover_requests()
        self.assertEqual(request.state, "unfilled")
        self.assertEqual(set(request.offer_ids.mapped("state")), {"expired"})

    def test_nobody_free_is_a_clear_refusal(self):
        with freeze_time(NOW):
            request = self._request(ask_count=3)
            self.env["res.partner"].search([("link_is_volunteer", "=", True)]).write(
                {"link_is_volunteer": False}
            )
            with self.assertRaisesRegex(UserError, "No volunteer is qualified"):
                request.action_send()
        with self.assertRaises(ValidationError):
            self._request(places=3, ask_count=2)
        with self.assertRaises(ValidationError):
            self._request(ask_count=500)

    def test_the_ask_button_of_a_shift(self):
        with freeze_time(NOW):
            action = self.shift.with_user(self.staff).action_ask_cover()
        self.assertEqual(action["context"]["default_places"], 2)
        self.shift.write({"min_volunteers": 1, "max_volunteers": 1})
        self.env["link.shift.assignment"].create(
            {"shift_id": self.shift.id, "partner_id": self.ann.id}
        )
        with freeze_time(NOW), self.assertRaisesRegex(UserError, "is full"):
            self.shift.with_user(self.staff).action_ask_cover()
        self.shift.action_cancel()
        with freeze_time(NOW), self.assertRaisesRegex(UserError, "open shift"):
            self.shift.with_user(self.staff).action_ask_cover()

    def test_ranking_takes_the_same_queries_for_more_volunteers(self):
        def measure(count):
            self.env.flush_all()
            for __ in range(2):  # warm the caches (access rules, then records)
                request._candidates()
                self.env.invalidate_all()
            with self.assertQueryCount(count):
                return request._candidates()

        with freeze_time(NOW):
            request = self._request()
            self.assertEqual(len(measure(RANKING_QUERIES)), 3)
            for number in range(10):
                partner = self._volunteer(f"Extra{number} Cover")
                self.env["link.qualification"].create(
                    {
                        "partner_id": partner.id,
                        "type_id": self.ed.id,
                        "date_obtained": NOW.date() - timedelta(days=10),
                    }
                )
            self.assertEqual(len(measure(RANKING_QUERIES)), 13)

    def test_who_may_do_what(self):
        with freeze_time(NOW):
            request = self._request(ask_count=3)
            request.action_send()
        ann_offer = request.offer_ids.filtered(lambda o: o.partner_id == self.ann)
        ann_user = self.ann.user_ids
        self.assertEqual(
            self.env["link.cover.offer"].with_user(ann_user).search([]), ann_offer
        )
        ben_offer = request.offer_ids.filtered(lambda o: o.partner_id == self.ben)
        with self.assertRaises(AccessError):
            ben_offer.with_user(ann_user).read(["state"])
        with self.assertRaises(AccessError):
            ann_offer.with_user(ann_user).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            request.with_user(ann_user).read(["state"])
        with self.assertRaises(AccessError):
            ann_offer.with_user(self.staff).write({"state": "accepted"})
        for user in (self.monitor, self.steering):
            with self.assertRaises(AccessError):
                request.with_user(user).read(["state"])
        with self.assertRaisesRegex(UserError, "cancel the request"):
            request.with_user(self.staff).unlink()
        request.with_user(self.staff).action_cancel()
        self.assertEqual(set(request.offer_ids.mapped("state")), {"expired"})
