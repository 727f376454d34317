# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from .test_workplan_actions import WorkplanCase


@freeze_time("2026-09-15")
class TestTellBack(WorkplanCase):
    """The people who raised an issue and asked to hear get one mail each
    when it is decided and when what was decided is done; nobody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.email = "office@brookfield-link.example"
        Partner = cls.env["res.partner"]
        cls.ada, cls.bo, cls.cy, cls.dee, cls.eve = Partner.create(
            [
                {"name": "Ada Tellme", "email": "ada.tellme@example.org"},
                {"name": "Bo Quiet", "email": "bo.quiet@example.org"},
                {"name": "Cy Noemail"},
                # Shares Ada's address: one mail to it.
                {"name": "Dee Tellme", "email": "ADA.tellme@example.org"},
                {"name": "Eve Hearing", "email": "eve.hearing@example.org"},
            ]
        )

    def _issue(self, name="Sent home without medicines"):
        contact = [
            (0, 0, {"partner_id": self.ada.id, "tell_back": True}),
            (0, 0, {"partner_id": self.ada.id, "tell_back": True, "channel": "email"}),
            (0, 0, {"partner_id": self.bo.id}),
            (0, 0, {"partner_id": self.cy.id, "tell_back": True}),
            (0, 0, {"partner_id": self.dee.id, "tell_back": True}),
            (0, 0, {"partner_id": self.eve.id, "tell_back": True}),
            (0, 0, {"channel": "web"}),
        ]
        issue = (
            self.env["link.community.issue"]
            .with_user(self.staff)
            .create(
                {
                    "name": name,
                    "contact_ids": contact,
                    "public_summary": "Medicines arrive days after people get home.",
                    "public_outcome": "We took it to the trust's pharmacy.",
                }
            )
        )
        issue.with_user(self.steering).write(
            {
                "decision": "work_plan",
                "plan_workstream_id": self.stream.id,
                "decision_reason": "Confidential: Dr Marsh told us in private.",
            }
        )
        return issue

    def _mails(self, issues):
        return self.env["mail.mail"].search(
            [("model", "=", "link.community.issue"), ("res_id", "in", issues.ids)]
        )

    def test_told_of_the_decision_one_mail_each(self):
        issue = self._issue()
        issue.with_user(self.steering).action_decide()
        mails = self._mails(issue)
        self.assertEqual(len(mails), 2)
        self.assertEqual(
            sorted(mails.mapped(lambda m: len(m.recipient_ids))), [1, 1], "one each"
        )
        self.assertEqual(mails.recipient_ids, self.ada | self.eve)
        self.assertFalse(any(mails.mapped("email_to")))
        for email_from in mails.mapped("email_from"):
            self.assertIn("office@brookfield-link.example", email_from)
        for mail in mails:
            self.assertIn("what we decided", mail.subject)
            body = mail.body_html
            self.assertIn("Medicines arrive days after people get home.", body)
            self.assertIn("Take into the work plan", body)
            self.assertIn("15/09/2026", body)
            self.assertIn("took it to the trust", body)
            for private in ("Confidential", "Marsh", "Ada", "Bo Quiet", "Eve", "Dee"):
                self.assertNotIn(private, body)
        self.assertEqual(
            (issue.told_back_decided, issue.told_back_decided_count),
            (True, 2),
        )
        self.assertEqual(issue.told_back_decided_on, date(2026, 9, 15))
        note = issue.message_ids.filtered(lambda m: "Told 2 people" in (m.body or ""))
        self.assertEqual(len(note), 1)
        # A mail to one person is not part of the issue's record for others.
        self.assertFalse(
            issue.with_user(self.steering).message_ids & mails.mail_message_id
        )
        # Once per event: deciding again, or telling again, sends nothing.
        issue.state = "assessed"
        issue.with_user(self.steering).action_decide()
        issue._link_tell_back("decided")
        self.assertEqual(self._mails(issue), mails)
        mails.send()
        self.assertFalse(mails.exists(), "sent, then deleted from the queue")

    def test_told_when_the_action_is_done(self):
        issue = self._issue()
        issue.with_user(self.steering).action_decide()
        decided = self._mails(issue)
        action = issue.action_id.with_user(self.staff)
        action.state = "progress"
        self.assertEqual(self._mails(issue), decided, "nothing until it is done")
        action.state = "done"
        self.assertEqual(action.date_done, date(2026, 9, 15))
        done = self._mails(issue) - decided
        self.assertEqual(done.recipient_ids, self.ada | self.eve)
        self.assertEqual(len(done), 2)
        self.assertIn("what we did", done[0].subject)
        self.assertIn("took it to the trust", done[0].body_html)
        self.assertEqual((issue.told_back_done, issue.told_back_done_count), (True, 2))
        # Reopened and done again: told once.
        action.state = "progress"
        self.assertFalse(action.date_done)
        action.state = "done"
        self.assertEqual(self._mails(issue), decided | done)

    def test_batch_of_issues_each_told_its_own(self):
        first, second = self._issue("First"), self._issue("Second")
        second.contact_ids.filtered(
            lambda c: c.partner_id == self.eve
        ).tell_back = False
        (first | second).with_user(self.steering).action_decide()
        self.assertEqual(self._mails(first).recipient_ids, self.ada | self.eve)
        self.assertEqual(self._mails(second).recipient_ids, self.ada)
        self.assertEqual(
            (first.told_back_decided_count, second.told_back_decided_count), (2, 1)
        )

    def test_nobody_to_tell(self):
        issue = self._issue()
        issue.contact_ids.write({"tell_back": False})
        issue.with_user(self.steering).action_decide()
        self.assertFalse(self._mails(issue))
        self.assertEqual(
            (issue.told_back_decided, issue.told_back_decided_count), (True, 0)
        )

    def test_tell_back_partners_of_the_contacts(self):
        issue = self._issue()
        self.assertEqual(
            issue.contact_ids._link_tell_back_partners(), self.ada | self.eve
        )
