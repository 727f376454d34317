# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import WKHTMLTOPDF_LOGGER


def due_at_the_tour_meeting(env):
    """What the steering group's tour finds on its meeting's agenda: an
    action of the demo plan due for review and an issue past its trigger
    point, by the names the tour looks for."""
    today = fields.Date.today()
    plan = env.ref("link_workplan.link_workplan_demo_current")
    stream = env["link.workstream"].create(
        {"name": "Tour stream", "workplan_id": plan.id}
    )
    action = env["link.workplan.action"].create(
        {
            "name": "Tour review action",
            "workstream_id": stream.id,
            "deadline_text": "Ongoing",
            "next_review_date": today - timedelta(days=2),
        }
    )
    issue = env["link.community.issue"].create({"name": "Tour issue: car park charges"})
    issue.triggered = True
    return action, issue


@tagged("post_install", "-at_install")
class TestSteeringTour(HttpCase):
    """The demo's planned meeting run in a browser by the demo login
    `steering` (agenda, a RAG review and a decision made from it, marked
    held), then its minutes issued by the demo login `staff`."""

    def test_steering_group_runs_a_meeting_in_the_browser(self):
        meeting = self.env.ref("link_governance.link_steering_meeting_demo_planned")
        meeting.write(
            {
                "name": "Tour meeting",
                "start": fields.Datetime.now() - timedelta(hours=1),
            }
        )
        action, issue = due_at_the_tour_meeting(self.env)

        self.start_tour("/odoo", "link_steering_meeting_tour", login="steering")

        self.assertEqual(meeting.state, "held")
        self.assertEqual(action.rag_review_ids.meeting_id, meeting)
        self.assertEqual(action.rag_review_ids.status, "amber")
        self.assertEqual(issue.state, "decided")
        self.assertEqual(issue.meeting_id, meeting)
        decision = meeting.decision_ids
        self.assertEqual(decision.route, "meeting")
        self.assertEqual(decision.res_id, issue.id)
        self.assertFalse(decision.breach)

        with mute_logger(WKHTMLTOPDF_LOGGER):
            self.start_tour("/odoo", "link_steering_minutes_tour", login="staff")

        self.assertEqual(meeting.state, "minutes_issued")
        self.assertEqual(meeting.minutes_attachment_id.mimetype, "application/pdf")
