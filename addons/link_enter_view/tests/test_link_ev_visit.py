# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError

from odoo.addons.link_membership.tests.common import LinkCase


class TestLinkEvVisit(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env["res.partner"].create(
            {"name": "Test Care Home", "is_company": True}
        )

    def _create(self, **vals):
        return (
            self.env["link.ev.visit"]
            .with_user(self.staff)
            .create({"provider_id": self.provider.id, **vals})
        )

    @freeze_time("2026-03-02")
    def test_visits_are_numbered_by_year(self):
        first, second = self._create() | self._create()
        self.assertRegex(first.name, r"^EV/2026/\d{4}$")
        self.assertNotEqual(first.name, second.name)

    def test_visit_needs_a_date_before_it_is_done(self):
        visit = self._create()
        with self.assertRaisesRegex(UserError, "Set the visit date"):
            visit.action_done()
        visit.date_visit = datetime(2026, 3, 2, 10, 0)
        visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_cancel_and_plan_again(self):
        visit = self._create()
        visit.action_cancel()
        self.assertEqual(visit.state, "cancelled")
        visit.action_replan()
        self.assertEqual(visit.state, "planned")

    def test_visit_links_to_a_protocol(self):
        protocol = (
            self.env["link.protocol"]
            .with_user(self.staff)
            .create(
                {"name": "Working together", "partner_ids": [(6, 0, self.provider.ids)]}
            )
        )
        visit = self._create(protocol_id=protocol.id)
        self.assertEqual(visit.protocol_id.partner_ids, self.provider)

    def test_monitor_reads_but_cannot_plan_visits(self):
        visit = self._create()
        self.assertEqual(visit.with_user(self.monitor).state, "planned")
        with self.assertRaises(AccessError):
            self.env["link.ev.visit"].with_user(self.monitor).create(
                {"provider_id": self.provider.id}
            )
        with self.assertRaises(AccessError):
            visit.unlink()
