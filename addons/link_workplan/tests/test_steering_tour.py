# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSteeringTour(HttpCase):
    """The steering group's day, in a browser, as the demo login `steering`:
    the quarterly RAG review from the "Due for review" list, and triage
    decisions on community issues (referred on; taken into the work plan);
    then host staff, as the demo login `staff`, publish the one taken into
    the plan on "You said, we did"."""

    def test_steering_group_reviews_and_triages_in_the_browser(self):
        today = fields.Date.today()
        steering = self.env.ref("link_membership.res_users_demo_steering")
        plan = self.env["link.workplan"].create(
            {
                "name": "Tour plan",
                "date_start": today - relativedelta(months=2),
                "date_end": today + relativedelta(months=10),
                "state": "approved",
            }
        )
        stream = self.env["link.workstream"].create(
            {"name": "Tour stream", "workplan_id": plan.id}
        )
        action = self.env["link.workplan.action"].create(
            {
                "name": "Tour review action",
                "workstream_id": stream.id,
                "deadline_text": "Ongoing",
                "review_frequency": "quarterly",
                "next_review_date": today - relativedelta(days=3),
            }
        )
        issue = self.env["link.community.issue"].create(
            {"name": "Tour issue: pharmacy closures"}
        )
        target = self.env["link.workplan.target"].create(
            {"code": "T", "name": "Tour target", "workstream_id": stream.id}
        )
        lead = self.env["res.partner"].create({"name": "Tour Lead Member"})
        asker = self.env["res.partner"].create(
            {"name": "Tour Asker", "email": "tour.asker@example.org"}
        )
        into_plan = self.env["link.community.issue"].create(
            {
                "name": "Tour decision: GP phone lines",
                "contact_ids": [(0, 0, {"partner_id": asker.id, "tell_back": True})],
            }
        )

        self.start_tour("/odoo", "link_steering_review_tour", login="steering")

        review = action.rag_review_ids
        self.assertEqual(len(review), 1)
        self.assertEqual(
            (review.status, review.reviewer_id, review.date),
            ("amber", steering, today),
        )
        self.assertIn("waiting for the trust", review.comment)
        self.assertEqual(action.review_date, today)
        self.assertEqual(action.next_review_date, today + relativedelta(months=3))
        self.assertEqual(
            (issue.state, issue.decision, issue.decided_by_id),
            ("decided", "refer_scrutiny", steering),
        )

        action = into_plan.action_id
        self.assertEqual(
            (into_plan.state, into_plan.decision, into_plan.decided_by_id),
            ("decided", "work_plan", steering),
        )
        self.assertEqual(
            (action.workstream_id, action.target_id, action.lead_id),
            (stream, target, lead),
        )
        self.assertEqual(action.deadline_text, "December school holiday")
        self.assertEqual(action.community_issue_ids, into_plan)
        told = self.env["mail.mail"].search(
            [("model", "=", into_plan._name), ("res_id", "=", into_plan.id)]
        )
        self.assertEqual(told.recipient_ids, asker)

        self.start_tour("/odoo", "link_you_said_we_did_tour", login="staff")

        self.assertTrue(into_plan.public_published)
        page = self.url_open("/you-said-we-did")
        self.assertIn("could not get through to their surgery at 8am", page.text)
        self.assertIn("call-back queue", page.text)
        self.assertNotIn("Tour Asker", page.text)
