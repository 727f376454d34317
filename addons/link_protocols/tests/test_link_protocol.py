# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError

from odoo.addons.link_membership.tests.common import LinkCase


class TestLinkProtocol(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trust = cls.env["res.partner"].create(
            {"name": "Test Hospital NHS Trust", "is_company": True}
        )

    def _create(self, **vals):
        return (
            self.env["link.protocol"]
            .with_user(self.staff)
            .create({"name": "Working together", **vals})
        )

    def test_next_review_follows_issue_date_and_period(self):
        protocol = self._create(date_issue=date(2008, 11, 28), review_period_months=12)
        self.assertEqual(protocol.next_review_date, date(2009, 11, 28))
        protocol.review_period_months = 0
        self.assertFalse(protocol.next_review_date, "review period still to be agreed")
        protocol.next_review_date = date(2009, 6, 1)
        self.assertEqual(protocol.next_review_date, date(2009, 6, 1))

    def test_agreeing_needs_partners_and_issue_date(self):
        protocol = self._create()
        with self.assertRaisesRegex(UserError, "Add the partners"):
            protocol.action_agree()
        protocol.partner_ids = self.trust
        with self.assertRaisesRegex(UserError, "date of issue"):
            protocol.action_agree()
        protocol.date_issue = date(2008, 11, 28)
        protocol.action_agree()
        self.assertEqual(protocol.state, "agreed")
        protocol.action_start_review()
        self.assertEqual(protocol.state, "under_review")

    def test_staff_cannot_delete_and_monitor_only_reads(self):
        protocol = self._create()
        with self.assertRaises(AccessError):
            protocol.unlink()
        as_monitor = protocol.with_user(self.monitor)
        self.assertEqual(as_monitor.name, "Working together")
        with self.assertRaises(AccessError):
            as_monitor.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            protocol.with_user(self.portal_user).read(["name"])
