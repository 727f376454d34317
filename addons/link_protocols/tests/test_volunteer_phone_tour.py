# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVolunteerPhoneTour(HttpCase):
    """The demo portal volunteer (Ada Whitfield, login ``volunteer``) does
    her round on a phone, 390 x 844 px, in a real browser."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        if not cls.user:
            return
        cls.ada = cls.user.partner_id
        # Her shifts and opportunity are made relative to now, so that the
        # tour holds whatever day it runs (the demo's own dates are relative
        # to the day the database was made).
        # In the evening, when no demo shift of hers runs (no double booking).
        evening = fields.Datetime.now().replace(
            hour=18, minute=0, second=0, microsecond=0
        )
        gateway = cls.env.ref("link_membership.link_volunteer_role_demo_gateway")
        Shift = cls.env["link.shift"]
        cls.signup_shift, cls.withdraw_shift = Shift.create(
            [
                {
                    "name": name,
                    "role_id": gateway.id,
                    "date_start": evening + timedelta(days=days),
                    "date_end": evening + timedelta(days=days, hours=2),
                    "max_volunteers": 2,
                    "state": "open",
                }
                for name, days in (
                    ("Library drop-in, phone tour", 2),
                    ("Carers café, phone tour", 3),
                )
            ]
        )
        Place = cls.env["link.shift.assignment"]
        cls.withdrawn_place = Place.create(
            {"shift_id": cls.withdraw_shift.id, "partner_id": cls.ada.id}
        )
        cls.opportunity = cls.env["link.opportunity"].create(
            {
                "name": "Walk-in centre, phone tour",
                "partner_id": cls.env.ref("link_protocols.res_partner_demo_trust").id,
                "kind": "consultation",
                "date_close": fields.Date.today() + timedelta(days=30),
            }
        )
        cls.env["link.opportunity.recipient"].create(
            {"opportunity_id": cls.opportunity.id, "partner_id": cls.ada.id}
        )
        cls.opportunity.state = "circulated"

    def test_volunteer_round_at_phone_width(self):
        if not self.user:
            self.skipTest("needs the demo data (the volunteer login)")
        self.start_tour("/my", "link_volunteer_phone_tour", login="volunteer")
        self.assertEqual(self.signup_shift.assignment_ids.partner_id, self.ada)
        self.assertEqual(self.signup_shift.assignment_ids.state, "confirmed")
        self.assertEqual(self.withdrawn_place.state, "cancelled")
        reply = self.opportunity.recipient_ids
        self.assertTrue(reply.interested)
        self.assertEqual(reply.note, "My mother uses the walk-in centre")
