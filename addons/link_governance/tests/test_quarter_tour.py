# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import WKHTMLTOPDF_LOGGER

from .test_steering_tour import due_at_the_tour_meeting


@tagged("post_install", "-at_install")
class TestQuarterTour(HttpCase):
    """A quarter run in the browser from its first steering group meeting to
    its issued monitoring pack, each step by the demo login whose job it is:
    staff plan the meeting (its agenda fills itself), the steering group
    reviews the work plan and decides an issue there and marks it held,
    staff issue the minutes, address the quarter's pack and take its
    figures, and a host manager issues the pack and sends it."""

    def test_a_quarter_from_its_first_meeting_to_its_issued_pack(self):
        action, issue = due_at_the_tour_meeting(self.env)
        recipients = self.env["res.partner"].create(
            [
                {"name": "Quarter Council Monitor", "email": "qm@council.example.org"},
                {"name": "Quarter Commissioner", "email": "qc@council.example.org"},
            ]
        )
        Period = self.env["link.monitoring.period"]
        running = Period.search(
            [
                ("period_type", "=", "quarter"),
                ("date_from", "=", Period.default_get(["date_from"])["date_from"]),
            ]
        )
        self.assertNotEqual(running.state, "issued")
        running.unlink()  # a demo draft of the running quarter, if any

        self.start_tour("/odoo", "link_quarter_first_meeting_tour", login="staff")
        meeting = self.env["link.steering.meeting"].search(
            [("name", "=", "Tour meeting, quarter opening")]
        )
        self.assertEqual(meeting.state, "planned")
        self.assertTrue(meeting.event_id)
        agenda = meeting.agenda_item_ids
        self.assertIn(
            action.id,
            agenda.filtered(lambda i: i.res_model == action._name).mapped("res_id"),
        )
        self.assertIn(
            issue.id,
            agenda.filtered(lambda i: i.res_model == issue._name).mapped("res_id"),
        )

        self.start_tour("/odoo", "link_steering_meeting_tour", login="steering")
        self.assertEqual(meeting.state, "held")
        self.assertEqual(action.rag_review_ids.meeting_id, meeting)
        self.assertEqual(issue.meeting_id, meeting)
        self.assertEqual(meeting.decision_ids.res_id, issue.id)
        self.assertEqual(meeting.decision_ids.route, "meeting")

        with mute_logger(WKHTMLTOPDF_LOGGER):
            self.start_tour("/odoo", "link_steering_minutes_tour", login="staff")
        self.assertEqual(meeting.state, "minutes_issued")
        self.assertTrue(meeting.minutes_attachment_id.raw.startswith(b"%PDF"))

        self.start_tour("/odoo", "link_quarter_pack_tour", login="staff")
        period = Period.search([("recipient_ids", "in", recipients.ids)])
        self.assertEqual(period.recipient_ids, recipients)
        self.assertEqual(period.state, "draft")
        sections = set(period.figure_ids.mapped("section"))
        self.assertLessEqual(
            {"volunteering", "outputs", "budget", "representation", "voice"},
            sections,
        )

        with mute_logger(WKHTMLTOPDF_LOGGER):
            self.start_tour("/odoo", "link_quarter_issue_tour", login="manager")
        self.assertEqual(period.state, "issued")
        self.assertTrue(period.attachment_id.raw.startswith(b"%PDF"))
        sent = period.message_ids.filtered(
            lambda m: m.message_type == "comment" and m.partner_ids
        )
        self.assertEqual(sent.partner_ids, recipients)
        self.assertEqual(sent.attachment_ids, period.attachment_id)
        # The frozen figures are those the reports give for the quarter.
        frozen = {f.code: f.value for f in period.figure_ids}
        fresh = {
            f["code"]: f["value"]
            for f in Period._link_compute_figures(period.date_from, period.date_to)
        }
        self.assertEqual(frozen.keys(), fresh.keys())
        for code, value in fresh.items():
            self.assertAlmostEqual(frozen[code], value, places=2, msg=code)
        hours = self.env["link.volunteering.report"]._link_hours(
            period.date_from, period.date_to
        )
        self.assertEqual(
            frozen["volunteer_value"], self.env.company._link_volunteer_value(hours)
        )
