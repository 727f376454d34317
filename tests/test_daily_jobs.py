# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The daily jobs on the demo data: every LINk cron run as the cron runs it.

Every activity they raise goes to an active internal person (never OdooBot,
the superuser, an archived or a portal user); no record gets two activities
for one deadline; the actions of a closed or ended plan raise nothing; a
second run of every cron adds nothing."""

from collections import Counter

from freezegun import freeze_time

from odoo import SUPERUSER_ID, fields

from .common import SuiteCase


class TestDailyJobs(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.crons = (
            cls.env["ir.cron"]
            .with_context(active_test=False)
            .search([])
            .filtered(lambda c: (c.get_external_id()[c.id] or "").startswith("link_"))
        )

    def _run_all(self):
        for cron in self.crons:
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_daily_jobs_reach_somebody_once(self):
        # The nine crons of the four addons (deadlines, expiry, shifts,
        # reviews, report back, bank holidays, authorisations).
        self.assertGreaterEqual(len(self.crons), 9)
        Activity = self.env["mail.activity"]
        before = Activity.search([])
        # A frozen instant: the demo data is dated from its install day.
        with freeze_time(fields.Datetime.now()):
            self._run_all()
            raised = Activity.search([]) - before
            self.assertTrue(raised, "the demo data has deadlines to chase")
            every = Activity.search([])
            robot = self.env.ref("base.user_root")
            for activity in every:
                user = activity.user_id
                with self.subTest(activity=activity.summary, user=user.login):
                    self.assertTrue(user, "assigned to nobody")
                    self.assertNotIn(user.id, (SUPERUSER_ID, robot.id))
                    self.assertTrue(user.active, "an archived user")
                    self.assertFalse(user.share, "a portal user")
            per_deadline = Counter(
                (a.res_model, a.res_id, a.date_deadline) for a in raised
            )
            twice = [key for key, count in per_deadline.items() if count > 1]
            self.assertFalse(twice, "two activities for one deadline")
            actions = (
                self.env["link.workplan.action"]
                .with_context(active_test=False)
                .browse(
                    raised.filtered(
                        lambda a: a.res_model == "link.workplan.action"
                    ).mapped("res_id")
                )
            )
            today = fields.Date.today()
            over = actions.filtered(
                lambda a: (
                    a.workplan_id.state == "closed"
                    or not a.workplan_id.active
                    or a.workplan_id.date_end < today
                )
            )
            self.assertFalse(over, "a closed or ended plan raised reminders")
            self._run_all()
            self.assertEqual(Activity.search([]), every, "a second run adds nothing")

    def test_demo_settings_name_the_people(self):
        company = self.env.ref("base.main_company")
        staff = self.env.ref("link_membership.res_users_demo_staff")
        self.assertEqual(company.link_activity_coordinator_id, staff)
        self.assertEqual(company.link_volunteer_coordinator_id, staff)
        self.assertEqual(
            company.link_escalation_user_id,
            self.env.ref("link_membership.res_users_demo_manager"),
        )
        self.assertEqual(
            company.link_issue_steering_user_id,
            self.env.ref("link_membership.res_users_demo_steering"),
        )
