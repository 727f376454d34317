# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from odoo.addons.link_membership.tests.common import LinkCase


class TestFeedbackTellBack(LinkCase):
    """People whose feedback counts as a contact about a community issue,
    and who agreed to be contacted, are told what happened to it: at their
    contact's address or the one they gave, once each, and never made a
    contact of the LINk for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.email = "office@brookfield-link.example"
        cls.plan = cls.env["link.workplan"].create(
            {"name": "Voice plan", "date_start": "2026-04-01", "date_end": "2027-03-31"}
        )
        cls.stream = cls.env["link.workstream"].create(
            {"name": "Voice stream", "workplan_id": cls.plan.id}
        )
        cls.issue = cls.env["link.community.issue"].create(
            {
                "name": "Tablets late after discharge",
                "public_summary": "People waited days for their tablets.",
            }
        )
        Partner = cls.env["res.partner"]
        cls.known, cls.silent = Partner.create(
            [
                {"name": "Known Person", "email": "known.person@example.org"},
                {"name": "Silent Person", "email": "silent.person@example.org"},
            ]
        )
        Feedback = cls.env["link.feedback"].with_user(cls.staff)
        base = {"channel": "web", "issue_id": cls.issue.id, "what_bad": "Late tablets"}
        cls.feedback = Feedback.create(
            [
                # Only a name and address: told at that address.
                {
                    **base,
                    "contact_name": "Rosalind Achterberg",
                    "contact_email": "rosalind@example.org",
                    "consent_to_contact": True,
                },
                # A contact of the LINk who agreed: told at their address.
                {**base, "partner_id": cls.known.id, "consent_to_contact": True},
                # The same address again: one mail.
                {
                    **base,
                    "contact_name": "Known Again",
                    "contact_email": "Known.Person@example.org",
                    "consent_to_contact": True,
                },
                # Did not agree: not told.
                {
                    **base,
                    "contact_name": "No Consent",
                    "contact_email": "no.consent@example.org",
                },
                {**base, "partner_id": cls.silent.id},
                # Agreed, but only by phone: no mail.
                {
                    **base,
                    "contact_name": "Phone Only",
                    "contact_phone": "01632 960 111",
                    "consent_to_contact": True,
                },
                {**base, "anonymous": True},
            ]
        )

    def _mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", self.issue._name), ("res_id", "=", self.issue.id)]
        )

    @staticmethod
    def _addresses(mails):
        return sorted(
            email_normalize(address)
            for mail in mails
            for address in (mail.recipient_ids.mapped("email") or [mail.email_to])
        )

    def test_recipients_from_feedback_consent(self):
        partners = self.issue.contact_ids._link_tell_back_partners()
        self.assertEqual(len(partners), 2)
        self.assertEqual(partners.filtered("id"), self.known)
        self.assertEqual(
            partners.filtered(lambda p: not p.id).email, "rosalind@example.org"
        )

    def test_told_once_each_on_decision_and_when_done(self):
        partners_before = self.env["res.partner"].search_count([])
        as_steering = self.issue.with_user(self.steering)
        as_steering.write(
            {"decision": "work_plan", "plan_workstream_id": self.stream.id}
        )
        as_steering.action_decide()
        decided = self._mails()
        self.assertEqual(len(decided), 2, "one mail each")
        self.assertEqual(
            self._addresses(decided),
            ["known.person@example.org", "rosalind@example.org"],
        )
        by_address = decided.filtered(lambda m: not m.recipient_ids)
        self.assertEqual(
            by_address.email_to, '"Rosalind Achterberg" <rosalind@example.org>'
        )
        self.assertIn("People waited days for their tablets.", by_address.body_html)
        for other in ("Known", "Rosalind", "Achterberg", "Silent"):
            self.assertNotIn(other, by_address.body_html)
        self.assertEqual(
            self.env["res.partner"].search_count([]),
            partners_before,
            "nobody made a contact",
        )
        self.assertEqual(self.issue.told_back_decided_count, 2)
        # Once per event.
        self.issue._link_tell_back("decided")
        self.assertEqual(self._mails(), decided)
        self.issue.action_id.with_user(self.staff).state = "done"
        done = self._mails() - decided
        self.assertEqual(
            self._addresses(done),
            ["known.person@example.org", "rosalind@example.org"],
        )
        self.assertEqual(self.issue.told_back_done_count, 2)
        done.send()

    def test_names_given_on_feedback_are_not_published(self):
        issue = self.issue
        issue.with_user(self.steering).write(
            {"decision": "no_action", "decision_reason": "National question"}
        )
        issue.with_user(self.steering).action_decide()
        issue.with_user(
            self.staff
        ).public_summary = "Rosalind Achterberg waited days for her tablets."
        with self.assertRaisesRegex(UserError, "Rosalind Achterberg"):
            issue.with_user(self.staff).action_publish()
