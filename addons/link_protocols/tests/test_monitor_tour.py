# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestMonitorTour(HttpCase):
    """The council contract monitor's daily job in a real browser, as the
    demo login ``monitor`` (#16): LINk > Reporting, a pivot regrouped, the
    monitoring periods and a pack, Partners > Opportunities, and the
    partners' SLA compliance with referrals answered on time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["res.users"])
        trust = cls.env["res.partner"].create(
            {"name": "Tour Hospital Trust", "is_company": True}
        )
        opportunity = cls.env["link.opportunity"].create(
            {
                "name": "Tour consultation",
                "partner_id": trust.id,
                "date_close": today + timedelta(days=30),
            }
        )
        person = cls.env["res.partner"].create(
            {"name": "Tour Member", "email": "tour.member@example.org"}
        )
        # Somebody it reached: the monitor sees the count, never who.
        cls.env["link.opportunity.recipient"].create(
            {"opportunity_id": opportunity.id, "partner_id": person.id}
        )
        period = cls.env["link.monitoring.period"].create(
            {
                "name": "Tour quarter",
                "date_from": date(2019, 1, 1),
                "date_to": date(2019, 3, 31),
            }
        )
        period.action_refresh_figures()
        # A referral answered on time: the monitor counts it, never reads it.
        scrutiny = cls.env["res.partner"].create(
            {
                "name": "Tour Scrutiny Committee",
                "is_company": True,
                "link_partner_kind": "scrutiny",
                "email": "scrutiny@tour.example",
            }
        )
        cls.env["link.referral"].create(
            {
                "subject": "Tour referral",
                "recipient_id": scrutiny.id,
                "state": "answered",
                "date_sent": today - timedelta(days=20),
                "date_response": today - timedelta(days=10),
            }
        )

    def test_monitor_day(self):
        monitor = self.env.ref("link_membership.res_users_demo_monitor")
        self.assertEqual(
            monitor.groups_id.filtered(lambda g: g.category_id.name == "LINk"),
            self.env.ref("link_membership.group_link_monitor"),
        )
        self.start_tour("/odoo", "link_monitor_day_tour", login="monitor")
