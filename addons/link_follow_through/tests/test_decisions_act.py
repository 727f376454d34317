# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError

from odoo.addons.link_enter_view.tests.common import EnterViewCase


class FollowThroughCase(EnterViewCase):
    """EnterViewCase's care home and trust, a scrutiny committee with its
    lead, and issues logged by staff and decided by the steering group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.scrutiny = Partner.create(
            {
                "name": "Test Health Scrutiny Committee",
                "is_company": True,
                "link_partner_kind": "scrutiny",
            }
        )
        cls.scrutiny.link_partner_lead_id = Partner.create(
            {
                "name": "Scrutiny Officer",
                "parent_id": cls.scrutiny.id,
                "email": "scrutiny@council.example",
            }
        )

    def _issue(self, **vals):
        return (
            self.env["link.community.issue"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Long waits for a care home place",
                    "description": "<p>Families wait months.</p>",
                    "provider_id": self.care_home.id,
                    **vals,
                }
            )
        )

    def _decide(self, issue, decision, **vals):
        as_steering = issue.with_user(self.steering)
        as_steering.write({"decision": decision, **vals})
        as_steering.action_decide()
        return issue

    def _todo(self, record):
        return self.env["mail.activity"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )


class TestDecisionsAct(FollowThroughCase):
    """A steering group decision on a community issue creates the referral,
    visit or information request it calls for, linked both ways and handed
    to the host officer who logged the issue."""

    def test_referral_to_scrutiny_is_made_and_handed_to_staff(self):
        issue = self._issue()
        self._decide(
            issue,
            "refer_scrutiny",
            refer_to_id=self.scrutiny.id,
            decision_reason="A pattern across the borough",
        )
        referral = issue.sudo().referral_ids
        self.assertEqual(len(referral), 1)
        self.assertEqual(referral.community_issue_id, issue)
        self.assertEqual(referral.recipient_id, self.scrutiny)
        self.assertEqual(referral.recipient_lead_id, self.scrutiny.link_partner_lead_id)
        self.assertEqual(referral.subject, issue.name)
        self.assertIn("Families wait months.", referral.body)
        self.assertIn("A pattern across the borough", referral.body)
        self.assertEqual(referral.state, "draft")
        activity = self._todo(referral)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(issue.with_user(self.steering).referral_count, 1)
        # Deciding again makes no second referral.
        issue.sudo()._link_act_on_decision()
        self.assertEqual(len(issue.sudo().referral_ids), 1)

    def test_referral_answered_on_time_across_bank_holidays(self):
        """Decided and sent on Friday 19/12/2025: the 20 working days skip
        Christmas Day, Boxing Day and New Year's Day."""
        with freeze_time("2025-12-19"):
            issue = self._issue()
            self._decide(
                issue,
                "refer_scrutiny",
                refer_to_id=self.scrutiny.id,
                decision_reason="A pattern across the borough",
            )
            referral = issue.sudo().referral_ids.with_user(self.staff)
            referral.action_send()
        self.assertEqual(referral.date_sent, date(2025, 12, 19))
        self.assertEqual(referral.response_due_date, date(2026, 1, 21))
        mail = self.env["mail.mail"].search(
            [("model", "=", "link.referral"), ("res_id", "=", referral.id)]
        )
        self.assertEqual(mail.recipient_ids, self.scrutiny.link_partner_lead_id)
        with freeze_time("2026-01-21"):
            referral.response = "<p>The committee will review it.</p>"
            referral.action_record_response()
        self.assertTrue(referral.on_time)

    def test_referral_body_proposed_when_only_one_of_its_kind(self):
        self.env["res.partner"].search(
            [("link_partner_kind", "=", "scrutiny")]
        ).filtered(lambda p: p != self.scrutiny).active = False
        issue = self._issue().with_user(self.steering)
        issue.write({"decision": "refer_scrutiny", "decision_reason": "Borough-wide"})
        self.assertEqual(issue.refer_to_id, self.scrutiny)
        issue.decision = "refer_regulator"
        self.assertNotEqual(issue.refer_to_id, self.scrutiny)

    def test_referral_to_a_statutory_partner(self):
        """Any statutory partner may be referred to; none is proposed."""
        issue = self._issue()
        issue.with_user(self.steering).write(
            {"decision": "refer_partner", "decision_reason": "The trust's to answer"}
        )
        self.assertFalse(issue.refer_to_id)
        issue.with_user(self.steering).refer_to_id = self.trust
        issue.with_user(self.steering).action_decide()
        referral = issue.sudo().referral_ids
        self.assertEqual(
            (referral.recipient_id, referral.recipient_lead_id), (self.trust, self.lead)
        )
        self.assertEqual(referral.protocol_id, self.protocol)
        report = self.env["link.community.issue.report"].search(
            [("decision", "=", "refer_partner")]
        )
        self.assertIn(issue.id, report.ids)

    def test_referral_needs_a_body(self):
        issue = self._issue()
        issue.with_user(self.steering).write(
            {
                "decision": "refer_link",
                "decision_reason": "Their area",
                "refer_to_id": False,
            }
        )
        with self.assertRaisesRegex(UserError, "Choose the body"):
            issue.with_user(self.steering).action_decide()
        self.assertEqual(issue.state, "new")

    def test_enter_and_view_decision_opens_a_draft_visit(self):
        issue = self._issue()
        self._decide(issue, "enter_view", decision_reason="See it for ourselves")
        visit = issue.sudo().visit_ids
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.state, "draft")
        self.assertEqual(visit.premises_id, self.care_home)
        self.assertEqual(visit.provider_id, self.trust)
        self.assertEqual(visit.theme, issue.name)
        self.assertIn("See it for ourselves", visit.purpose)
        self.assertEqual(visit.community_issue_id, issue)
        self.assertEqual(self._todo(visit).user_id, self.staff)
        # Staff plan it from there: it is theirs to edit.
        visit.with_user(self.staff).date_visit = "2026-06-01 09:00:00"

    def test_information_request_goes_to_the_provider_organisation(self):
        issue = self._issue()
        self._decide(issue, "information_request", decision_reason="Need figures")
        request = issue.sudo().information_request_ids
        self.assertEqual(request.partner_id, self.trust)
        self.assertEqual(request.partner_lead_id, self.lead)
        self.assertEqual(request.protocol_id, self.protocol)
        self.assertEqual(request.requester_id, self.staff)
        self.assertEqual(request.community_issue_id, issue)
        request.with_user(self.staff).action_send()
        self.assertEqual(request.state, "sent")

    def test_provider_needed_for_visits_and_requests(self):
        issue = self._issue(provider_id=False)
        for decision in ("enter_view", "information_request"):
            issue.with_user(self.steering).write(
                {"decision": decision, "decision_reason": "Look into it"}
            )
            with self.assertRaisesRegex(UserError, "Name the service or provider"):
                issue.with_user(self.steering).action_decide()

    def test_steering_decides_but_does_not_write_referrals(self):
        with self.assertRaises(AccessError):
            self.env["link.referral"].with_user(self.steering).create(
                {"subject": "Direct", "recipient_id": self.scrutiny.id}
            )
        issue = self._issue()
        self._decide(
            issue, "refer_scrutiny", refer_to_id=self.scrutiny.id, decision_reason="Why"
        )
        referral = issue.with_user(self.steering).referral_ids
        self.assertEqual(referral.subject, issue.name)
        with self.assertRaises(AccessError):
            referral.write({"subject": "Changed"})

    def test_monitor_reads_the_issue_not_its_referrals(self):
        issue = self._issue()
        self._decide(
            issue, "refer_scrutiny", refer_to_id=self.scrutiny.id, decision_reason="Why"
        )
        as_monitor = issue.with_user(self.monitor)
        self.assertEqual(as_monitor.decision, "refer_scrutiny")
        with self.assertRaises(AccessError):
            as_monitor.read(["referral_ids"])

    def test_children_social_care_is_not_visited(self):
        childrens_home = self.env["res.partner"].create(
            {
                "name": "Test Children's Home",
                "is_company": True,
                "link_premises_kind": "children_social_care",
            }
        )
        issue = self._issue(provider_id=childrens_home.id)
        # assertRaises (not ...Regex) rolls back what the failed decision did.
        with self.assertRaises(UserError) as refusal:
            self._decide(issue, "enter_view")
        self.assertIn("no power to enter and view", str(refusal.exception))
        self.assertEqual(issue.state, "new")
        self.assertFalse(
            self.env["link.ev.visit"].search([("community_issue_id", "=", issue.id)])
        )


class TestFollowUpDone(FollowThroughCase):
    """The loop closes: when what the decision made is done, the people who
    raised the issue and asked to hear are told, once, and the monitoring
    pack counts the referral answered on time."""

    def _told(self, issue):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "link.community.issue"),
                ("res_id", "=", issue.id),
                ("recipient_ids", "=", self.anna.id),
            ]
        )

    def test_referral_closed_tells_back_and_counts(self):
        with freeze_time("2026-04-01"):
            issue = self._issue(
                contact_ids=[
                    (0, 0, {"partner_id": self.anna.id, "tell_back": True}),
                    (0, 0, {"partner_id": self.ben.id}),
                ]
            )
            self._decide(
                issue,
                "refer_scrutiny",
                refer_to_id=self.scrutiny.id,
                decision_reason="Why",
            )
            self.assertEqual(len(self._told(issue)), 1)  # decided
            referral = issue.sudo().referral_ids.with_user(self.staff)
            referral.action_send()
        with freeze_time("2026-04-20"):
            referral.response = "<p>Accepted: a review in June.</p>"
            referral.action_record_response()
            referral.outcome = "Scrutiny review held"
            referral.action_close()
        told = self._told(issue)
        self.assertEqual(len(told), 2)  # decided, then done
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", issue._name), ("recipient_ids", "=", self.ben.id)]
            )
        )
        told.send()
        # Sent and, as the template says, deleted from the queue; a failure
        # would have stayed there in "exception".
        self.assertFalse(told.exists())
        figures = {
            line["code"]: line["value"]
            for line in self.env["link.monitoring.period"]._link_compute_figures(
                date(2026, 4, 1), date(2026, 6, 30)
            )
        }
        self.assertEqual(figures["referrals_sent"], 1)
        self.assertEqual(figures["referrals_on_time"], 1)

    def test_visit_published_tells_back(self):
        issue = self._issue(
            contact_ids=[(0, 0, {"partner_id": self.anna.id, "tell_back": True})]
        )
        self._decide(issue, "enter_view")
        visit = issue.sudo().visit_ids
        self.assertTrue(issue.told_back_decided)
        self.assertFalse(issue.told_back_done)
        visit.write({"state": "response_received", "response": "<p>Thank you</p>"})
        visit.with_user(self.staff).action_publish()
        self.assertTrue(issue.told_back_done)
        self.assertEqual(len(self._told(issue)), 2)
