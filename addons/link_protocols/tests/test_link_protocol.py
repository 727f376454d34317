# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

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

    def test_new_version_supersedes_the_old_one_when_agreed(self):
        old = self._create(
            partner_ids=[(6, 0, self.trust.ids)], date_issue=date(2008, 11, 28)
        )
        old.action_agree()
        self.env["link.protocol.sla"].create(
            {
                "protocol_id": old.id,
                "type_id": self.env.ref(
                    "link_protocols.link_sla_type_information_request"
                ).id,
                "days": 20,
            }
        )
        action = old.action_new_version()
        new = self.env["link.protocol"].browse(action["res_id"])
        self.assertEqual((new.version, new.state), ("2.0", "draft"))
        self.assertEqual(new.previous_version_id, old)
        self.assertEqual(new.sla_ids.days, 20)
        self.assertEqual(old.state, "agreed", "in force until the new one is agreed")
        new.date_issue = date(2010, 1, 4)
        new.action_agree()
        self.assertEqual(old.state, "superseded")
        self.assertEqual(old.with_user(self.monitor).name, "Working together")

    def test_review_activity_once_a_month_before(self):
        protocol = self._create(
            partner_ids=[(6, 0, self.trust.ids)],
            date_issue=date(2025, 3, 1),
            review_period_months=12,
        )
        protocol.action_agree()
        Protocol = self.env["link.protocol"]
        with freeze_time("2026-01-15"):
            Protocol._cron_link_review_reminders()
        self.assertFalse(protocol.activity_ids)
        with freeze_time("2026-02-10"):
            Protocol._cron_link_review_reminders()
            Protocol._cron_link_review_reminders()
        self.assertEqual(len(protocol.activity_ids), 1)
        self.assertEqual(protocol.activity_ids.date_deadline, date(2026, 3, 1))

    def test_review_activity_again_when_the_review_date_moves(self):
        protocol = self._create(
            partner_ids=[(6, 0, self.trust.ids)],
            date_issue=date(2025, 3, 1),
            review_period_months=12,
        )
        protocol.action_agree()
        Protocol = self.env["link.protocol"]
        with freeze_time("2026-02-10"):
            Protocol._cron_link_review_reminders()
        protocol.review_period_months = 13
        with freeze_time("2026-03-05"):
            Protocol._cron_link_review_reminders()
            Protocol._cron_link_review_reminders()
        self.assertEqual(
            sorted(protocol.activity_ids.mapped("date_deadline")),
            [date(2026, 3, 1), date(2026, 4, 1)],
        )
        self.assertEqual(protocol.review_reminded_for, date(2026, 4, 1))

    def test_partner_lead_must_be_one_of_its_contacts(self):
        stranger = self.env["res.partner"].create({"name": "Someone else"})
        with self.assertRaisesRegex(ValidationError, "must be one of the partner"):
            self.trust.link_partner_lead_id = stranger
