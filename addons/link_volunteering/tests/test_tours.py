# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


class PhoneTourCase(HttpCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestPublicPhoneTours(PhoneTourCase):
    """Applying and giving a reference, on a phone, with no login."""

    def test_apply_at_phone_width(self):
        role = self.env["link.volunteer.role"].create({"name": "Tour front desk"})
        self.start_tour("/volunteer/apply", "link_volunteer_apply_tour")
        application = self.env["link.volunteer.application"].search(
            [("partner_id.name", "=", "Tess Tourapplicant")]
        )
        self.assertEqual(len(application), 1)
        self.assertEqual(application.role_ids, role)
        self.assertEqual(application.partner_id.zip, "BR2 9XY")
        self.assertEqual(len(application.reference_ids), 2)

    def test_give_a_reference_at_phone_width(self):
        partner = self.env["res.partner"].create(
            {"name": "Uma Tourapplicant", "email": "uma@example.org"}
        )
        application = self.env["link.volunteer.application"].create(
            {
                "partner_id": partner.id,
                "reference_ids": [
                    fields.Command.create(
                        {"referee_name": name, "referee_email": f"{name}@example.org"}
                    )
                    for name in ("wendy", "xavier")
                ],
            }
        )
        application.action_request_references()
        reference = application.reference_ids[0]
        self.start_tour(
            f"/volunteer/reference/{reference.access_token}",
            "link_volunteer_reference_tour",
        )
        self.assertEqual(reference.state, "received")
        self.assertEqual(reference.years_known, 7)
        self.assertEqual(reference.suitable, "yes")
        self.assertEqual(reference.comments, "Kind, punctual and a good listener")


@tagged("post_install", "-at_install")
class TestCoverPhoneTour(PhoneTourCase):
    """The demo portal volunteer (Ada Whitfield, login ``volunteer``)
    accepts a cover request on a phone."""

    def test_accept_cover_at_phone_width(self):
        user = self.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        if not user:
            self.skipTest("needs the demo data (the volunteer login)")
        evening = fields.Datetime.now().replace(
            hour=18, minute=0, second=0, microsecond=0
        )
        shift = self.env["link.shift"].create(
            {
                "name": "Pharmacy survey, cover tour",
                "role_id": self.env.ref(
                    "link_membership.link_volunteer_role_demo_gateway"
                ).id,
                "date_start": evening + timedelta(days=6),
                "date_end": evening + timedelta(days=6, hours=2),
                "min_volunteers": 1,
                "max_volunteers": 1,
                "state": "open",
            }
        )
        request = self.env["link.cover.request"].create(
            {"shift_id": shift.id, "state": "open"}
        )
        offer = self.env["link.cover.offer"].create(
            {"request_id": request.id, "partner_id": user.partner_id.id, "rank": 1}
        )
        self.start_tour("/my", "link_cover_portal_tour", login="volunteer")
        self.assertEqual(offer.state, "accepted")
        self.assertEqual(request.state, "filled")
        self.assertEqual(shift.assignment_ids.partner_id, user.partner_id)
        self.assertEqual(shift.assignment_ids.state, "confirmed")


@tagged("post_install", "-at_install")
class TestApprovalTour(HttpCase):
    """Host staff (demo login ``staff``) approve an application whose
    references and DBS check are in, ticking the last induction step."""

    def test_staff_approve_an_application(self):
        if not self.env.ref(
            "link_membership.res_users_demo_staff", raise_if_not_found=False
        ):
            self.skipTest("needs the demo data (the staff login)")
        partner = self.env["res.partner"].create(
            {"name": "Vera Tourapproval", "email": "vera.tour@example.org"}
        )
        dbs = self.env.ref("link_membership.qualification_type_dbs_enhanced")
        self.env["link.qualification"].create(
            {
                "partner_id": partner.id,
                "type_id": dbs.id,
                "date_obtained": fields.Date.today() - timedelta(days=2),
                "evidence_state": "checked",
            }
        )
        application = self.env["link.volunteer.application"].create(
            {
                "partner_id": partner.id,
                "state": "checks",
                "dbs_type_id": dbs.id,
                "reference_ids": [
                    fields.Command.create(
                        {
                            "referee_name": name,
                            "referee_email": f"{name}@example.org",
                            "state": "received",
                            "suitable": "yes",
                        }
                    )
                    for name in ("yusuf", "zoe")
                ],
            }
        )
        application.induction_step_ids[:-1].write({"done": True})
        self.start_tour("/odoo", "link_application_approval_tour", login="staff")
        self.assertEqual(application.state, "approved")
        self.assertTrue(partner.link_is_volunteer)
        self.assertTrue(partner.user_ids)
