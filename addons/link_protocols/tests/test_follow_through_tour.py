# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFollowThroughTour(HttpCase):
    """The demo host staff member (login ``staff``) refers a matter to the
    scrutiny committee and acknowledges a complaint, in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.scrutiny = Partner.create(
            {
                "name": "Tour Scrutiny Committee",
                "is_company": True,
                "link_partner_kind": "scrutiny",
            }
        )
        cls.officer = Partner.create(
            {
                "name": "Tour Scrutiny Officer",
                "parent_id": cls.scrutiny.id,
                "email": "tour.scrutiny@council.example",
            }
        )
        cls.scrutiny.link_partner_lead_id = cls.officer
        trust = Partner.create(
            {
                "name": "Tour Complaint Trust",
                "is_company": True,
                "link_partner_kind": "nhs_trust",
            }
        )
        trust.link_partner_lead_id = Partner.create(
            {
                "name": "Tour Trust Lead",
                "parent_id": trust.id,
                "email": "tour.lead@trust.example",
            }
        )
        cls.env["link.protocol"].create(
            {
                "name": "Tour protocol",
                "partner_ids": [(6, 0, trust.ids)],
                "date_issue": fields.Date.today(),
                "state": "agreed",
            }
        )
        cls.complaint = cls.env["link.protocol.complaint"].create(
            {
                "partner_id": trust.id,
                "about": "link",
                "description": "<p>Quoted a draft report.</p>",
            }
        )
        cls.complaint.action_raise()

    def test_staff_refers_and_acknowledges(self):
        staff = self.env.ref("link_membership.res_users_demo_staff")
        self.assertTrue(self.complaint.activity_ids)
        self.start_tour("/odoo", "link_follow_through_tour", login="staff")
        referral = self.env["link.referral"].search(
            [("subject", "=", "Tour referral of overnight closures")]
        )
        self.assertEqual(referral.state, "sent")
        self.assertEqual(referral.user_id, staff)
        self.assertIn("41 times", referral.body)
        self.assertTrue(referral.response_due_date)
        mail = self.env["mail.mail"].search(
            [("model", "=", "link.referral"), ("res_id", "=", referral.id)]
        )
        self.assertEqual(mail.recipient_ids, self.officer)
        self.assertEqual(self.complaint.state, "acknowledged")
        self.assertTrue(self.complaint.acknowledged_on_time)
        self.assertFalse(self.complaint.activity_ids, "the activity is done")
