# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestReportTours(HttpCase):
    """Host staff send a report from the visit's form and see the mail in
    its chatter; the public reads a published report on a phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env.ref(
            "link_membership.res_users_demo_staff", raise_if_not_found=False
        )
        provider = cls.env["res.partner"].create(
            {"name": "Tour Care Ltd", "is_company": True}
        )
        cls.lead = cls.env["res.partner"].create(
            {
                "name": "Tess Lead",
                "parent_id": provider.id,
                "email": "tess.lead@tour-care.example",
            }
        )
        provider.link_partner_lead_id = cls.lead
        cls.regulator = cls.env["res.partner"].create(
            {
                "name": "Tour Regulator",
                "is_company": True,
                "email": "enquiries@tour-regulator.example",
            }
        )
        cls.env.company.link_ev_report_recipient_ids = cls.regulator
        cls.home = cls.env["res.partner"].create(
            {
                "name": "Tour Report Home",
                "is_company": True,
                "city": "Brookfield",
                "link_premises_kind": "care_home",
                "link_provider_id": provider.id,
            }
        )

    def _visit(self, **vals):
        visit = self.env["link.ev.visit"].create(
            {
                "premises_id": self.home.id,
                "date_visit": datetime(2026, 5, 22, 9),
                "theme": "Getting about the home",
                "user_id": self.staff.id if self.staff else self.env.uid,
            }
        )
        visit.write(
            {
                "report_body": "<p>Corridors were clear; the stairs had no rail.</p>",
                "recommendation_ids": [
                    Command.create(
                        {"name": "Fit a handrail on the stairs.", "status": "accepted"}
                    )
                ],
                **vals,
            }
        )
        return visit

    def test_staff_send_a_report_and_see_the_mail(self):
        if not self.staff:
            self.skipTest("needs the demo data (the staff login)")
        visit = self._visit(state="report_drafted")
        self.start_tour("/odoo", "link_ev_send_report_tour", login="staff")
        self.assertEqual(visit.state, "report_sent")
        mails = self.env["mail.mail"].search(
            [("model", "=", "link.ev.visit"), ("res_id", "=", visit.id)]
        )
        self.assertEqual(mails.recipient_ids, self.lead | self.regulator)
        self.assertEqual(mails.author_id, self.staff.partner_id)
        self.assertTrue(mails.attachment_ids)

    def test_public_reads_a_report_on_a_phone(self):
        self._visit(
            state="published",
            date_report_sent=date(2026, 6, 1),
            date_published=date(2026, 7, 1),
        )
        self.browser_size = "375x812"
        self.touch_enabled = True
        self.start_tour("/visit-reports", "link_ev_public_report_tour")
