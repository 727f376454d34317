# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRepresentativePhoneTour(HttpCase):
    """The demo representative (Ada Whitfield, login ``volunteer``, the
    LINk's co-optee on the scrutiny committee) files her report back on a
    phone, 390 x 844 px, in a real browser."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        cls.seat = cls.env.ref(
            "link_protocols.link_representation_demo_osc", raise_if_not_found=False
        )
        if not (cls.user and cls.seat):
            return
        # Relative to now, so that the tour holds whatever day it runs.
        start = fields.Datetime.now().replace(microsecond=0) - timedelta(days=1)
        cls.meeting = (
            cls.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Scrutiny, phone tour",
                    "link_representation_id": cls.seat.id,
                    "start": start,
                    "stop": start + timedelta(hours=2),
                }
            )
        )

    def test_representative_files_a_report_back_at_phone_width(self):
        if not (self.user and self.seat):
            self.skipTest("needs the demo data (the volunteer login and her seat)")
        self.assertEqual(self.seat.representative_id, self.user.partner_id)
        self.start_tour("/my", "link_representative_phone_tour", login="volunteer")
        report = self.env["link.representation.report"].search(
            [("event_id", "=", self.meeting.id)]
        )
        self.assertEqual(report.representative_id, self.user.partner_id)
        self.assertEqual(report.hours, 3)
        self.assertIn("corridor care", report.summary)
        self.assertEqual(report.on_time_count, 1)


@tagged("post_install", "-at_install")
class TestPlaceToSeatTour(HttpCase):
    """The demo host staff member (login ``staff``) turns an offered place
    into a seat, in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env["res.users"].search([("login", "=", "staff")])
        forum = cls.env["res.partner"].create(
            {"name": "Tour Mental Health Forum", "is_company": True}
        )
        cls.place = cls.env["link.opportunity"].create(
            {
                "name": "Tour place on the forum",
                "partner_id": forum.id,
                "kind": "place",
                "date_close": fields.Date.today() + timedelta(days=10),
            }
        )
        cls.keen = cls.env["res.partner"].create(
            [
                {"name": "Tour Keen One", "email": "keen.one@example.org"},
                {"name": "Tour Keen Two", "email": "keen.two@example.org"},
            ]
        )
        replies = cls.env["link.opportunity.recipient"].create(
            [
                {"opportunity_id": cls.place.id, "partner_id": partner.id}
                for partner in cls.keen
            ]
        )
        replies._register_interest()
        cls.place.state = "circulated"

    def test_staff_turn_a_place_into_a_seat(self):
        if not self.staff:
            self.skipTest("needs the demo data (the staff login)")
        self.start_tour("/odoo", "link_place_to_seat_tour", login="staff")
        seat = self.place.representation_id
        self.assertEqual(seat.representative_id, self.keen[0])
        self.assertEqual(seat.committee, "Mental health forum")
        self.assertEqual(
            self.place.recipient_ids.mapped("place_outcome"),
            ["representative", "thanked"],
        )
