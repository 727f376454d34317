# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSteeringTour(HttpCase):
    """The steering group's day, in a browser, as the demo login `steering`:
    the quarterly RAG review from the "Due for review" list, and a triage
    decision on a community issue."""

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
