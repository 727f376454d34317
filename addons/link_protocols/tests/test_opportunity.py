# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import ProtocolCase


class OpportunityCase(ProtocolCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_aside_demo_data()
        Partner = cls.env["res.partner"]
        cls.abbey = cls.env["link.ward"].create({"name": "Abbey", "code": "E05000301"})
        cls.mill = cls.env["link.ward"].create({"name": "Mill", "code": "E05000302"})
        cls.carers = cls.env.ref("link_membership.link_interest_carers")

        def member(name, **vals):
            return Partner.create(
                {
                    "name": name,
                    "email": f"{name.lower()}@example.org",
                    "link_membership_type": "full",
                    "link_mailing_consent": True,
                    "link_mailing_consent_date": date(2026, 1, 1),
                    "link_join_date": date(2026, 1, 1),
                    **vals,
                }
            )

        cls.ada = member(
            "Ada", link_ward_id=cls.abbey.id, link_interest_ids=[(6, 0, cls.carers.ids)]
        )
        cls.bo = member(
            "Bo", link_membership_type="participant", link_ward_id=cls.mill.id
        )
        cls.cy = member("Cy", link_mailing_consent=False)
        cls.di = member(
            "Di", link_leave_date=date(2026, 2, 1), link_leave_reason="Moved"
        )
        cls.network = member("Network", is_company=True, link_membership_type="network")
        cls.net_contact = Partner.create(
            {
                "name": "Net Contact",
                "parent_id": cls.network.id,
                "email": "nc@example.org",
            }
        )
        cls.Opportunity = cls.env["link.opportunity"].with_user(cls.staff)

    def _opportunity(self, **vals):
        return self.Opportunity.create(
            {
                "name": "Urgent care consultation",
                "partner_id": self.trust.id,
                "date_open": date(2026, 3, 1),
                "date_close": date(2026, 4, 30),
                "response_deadline": date(2026, 5, 15),
                **vals,
            }
        )


@freeze_time("2026-03-02")
class TestOpportunity(OpportunityCase):
    def test_audience_follows_types_interests_wards_and_consent(self):
        everyone = self._opportunity()._audience()
        self.assertEqual(
            everyone,
            self.ada | self.bo | self.net_contact,
            "no consent (Cy), left (Di); a network reaches its people",
        )
        full_only = self._opportunity(
            audience_participant=False, audience_network=False
        )
        self.assertEqual(full_only._audience(), self.ada)
        carers = self._opportunity(audience_interest_ids=[(6, 0, self.carers.ids)])
        self.assertEqual(carers._audience(), self.ada)
        mill = self._opportunity(audience_ward_ids=[(6, 0, self.mill.ids)])
        self.assertEqual(mill._audience(), self.bo)

    def test_opted_out_people_are_left_out(self):
        self.env["mail.blacklist"].sudo()._add(self.bo.email)
        self.assertNotIn(self.bo, self._opportunity()._audience())

    def test_circulation_is_queued_once_per_person(self):
        opportunity = self._opportunity()
        opportunity.action_circulate()
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("model", "=", "link.opportunity"), ("res_id", "=", opportunity.id)]
            )
        )
        self.assertEqual(len(mails), 3)
        self.assertTrue(all(m.subject.startswith("[LINk opportunity]") for m in mails))
        self.assertEqual(mails.recipient_ids, self.ada | self.bo | self.net_contact)
        self.assertEqual(opportunity.state, "circulated")
        opportunity.action_circulate()
        self.assertEqual(opportunity.recipient_count, 3, "nobody twice")
        newcomer = self.env["res.partner"].create(
            {
                "name": "Eve",
                "email": "eve@example.org",
                "link_membership_type": "full",
                "link_mailing_consent": True,
                "link_mailing_consent_date": date(2026, 3, 1),
            }
        )
        opportunity.action_circulate()
        self.assertEqual(
            opportunity.recipient_ids.partner_id - mails.recipient_ids, newcomer
        )

    def test_members_replies_land_on_the_opportunity(self):
        opportunity = self._opportunity()
        opportunity.action_circulate()
        sent = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "link.opportunity"),
                    ("res_id", "=", opportunity.id),
                    ("recipient_ids", "in", self.ada.ids),
                ]
            )
        )
        reply = (
            "From: Ada <ada@example.org>\r\n"
            "To: link@example.org\r\n"
            f"Subject: Re: {sent.subject}\r\n"
            f"In-Reply-To: {sent.message_id}\r\n"
            "Message-ID: <ada-reply@example.org>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Option two would suit older people in my ward.\r\n"
        )
        self.assertEqual(
            self.env["mail.thread"].message_process(False, reply), opportunity.id
        )
        self.assertIn("Option two", opportunity.message_ids[0].body)
        self.assertEqual(opportunity.message_ids[0].author_id, self.ada)

    def test_a_batch_costs_the_same_whatever_its_size(self):
        Partner = self.env["res.partner"]

        def batch(count, start):
            opportunity = self._opportunity()
            people = Partner.create(
                [
                    {"name": f"P{i}", "email": f"p{i}@example.org"}
                    for i in range(start, start + count)
                ]
            )
            self.env.flush_all()
            return opportunity, people

        opportunity, people = batch(3, 0)
        opportunity._circulate_batch(people)  # warm the template and caches
        opportunity, people = batch(5, 100)
        with self.assertQueryCount(7):
            opportunity._circulate_batch(people)
        opportunity, people = batch(60, 200)
        with self.assertQueryCount(7):
            opportunity._circulate_batch(people)

    def test_response_is_chased_then_recorded(self):
        opportunity = self._opportunity()
        opportunity.action_circulate()
        activity = opportunity.activity_ids
        self.assertEqual(
            activity.date_deadline, date(2026, 5, 12), "3 working days before"
        )
        with self.assertRaisesRegex(UserError, "Write the LINk's response"):
            opportunity.action_responded()
        opportunity.response = "<p>Members prefer option two.</p>"
        opportunity.action_responded()
        self.assertEqual(
            (opportunity.state, opportunity.date_responded),
            ("responded", date(2026, 3, 2)),
        )
        self.assertFalse(opportunity.activity_ids)
        with self.assertRaisesRegex(UserError, "not circulated any more"):
            opportunity.action_circulate()

    def test_bad_opportunities_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "closes before it opens"):
            self._opportunity(date_close=date(2026, 2, 1))
        with self.assertRaisesRegex(ValidationError, "cannot be due before it opens"):
            self._opportunity(name="Second", response_deadline=date(2026, 2, 1))
        with self.assertRaisesRegex(ValidationError, "at least one kind of member"):
            self._opportunity(
                name="Third",
                audience_full=False,
                audience_participant=False,
                audience_organisation=False,
                audience_network=False,
            )
