# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import EnterViewCase


class TestRecommendationFollowUp(EnterViewCase):
    """The host officer is reminded of each recommendation on its follow-up
    date, once; a later date reminds again, following it up ends it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.follow_up = cls.env.ref(
            "link_enter_view.mail_activity_type_link_ev_follow_up"
        )
        cls.Recommendation = cls.env["link.ev.recommendation"]

    def _sent_visit(self, follow_ups):
        """A visit whose report was sent, with one recommendation per
        follow-up date."""
        visit = self._visit()
        visit.write(
            {
                "state": "report_sent",
                "report_body": "<p>Report</p>",
                "recommendation_ids": [
                    Command.create(
                        {"name": f"Recommendation {i}", "date_follow_up": day}
                    )
                    for i, day in enumerate(follow_ups, start=1)
                ],
            }
        )
        return visit

    def _reminders(self, recommendations):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.ev.recommendation"),
                ("res_id", "in", recommendations.ids),
                ("activity_type_id", "=", self.follow_up.id),
            ]
        )

    def _cron(self, day):
        with freeze_time(day):
            self.env["link.ev.visit"]._cron_link_deadlines()

    def test_reminded_once_on_the_follow_up_date(self):
        visit = self._sent_visit([date(2026, 9, 1)])
        rec = visit.recommendation_ids
        rec.name = "Print the menu in large type, with pictures of the dishes " * 3
        self._cron("2026-08-31")
        self.assertFalse(self._reminders(rec))
        for __ in range(2):
            self._cron("2026-09-01")
        reminder = self._reminders(rec)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.staff, "the visit's host officer")
        self.assertEqual(reminder.date_deadline, date(2026, 9, 1))
        self.assertTrue(
            reminder.summary.startswith(
                "Follow up recommendation: Print the menu in large type"
            )
        )
        self.assertLessEqual(len(reminder.summary), 120)
        self.assertEqual(rec.follow_up_reminded_for, date(2026, 9, 1))
        self._cron("2026-09-20")
        self.assertEqual(self._reminders(rec), reminder, "not again for the same date")

    def test_a_later_date_reminds_again(self):
        rec = self._sent_visit([date(2026, 9, 1)]).recommendation_ids
        self._cron("2026-09-01")
        self.assertEqual(len(self._reminders(rec)), 1)
        rec.with_user(self.staff).date_follow_up = date(2026, 10, 1)
        self.assertFalse(self._reminders(rec), "the reminder for 1 September goes")
        self._cron("2026-09-15")
        self.assertFalse(self._reminders(rec))
        self._cron("2026-10-01")
        reminder = self._reminders(rec)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.date_deadline, date(2026, 10, 1))
        # Moved back to the first date: reminded again too.
        rec.with_user(self.staff).date_follow_up = date(2026, 9, 1)
        self._cron("2026-10-02")
        self.assertEqual(self._reminders(rec).date_deadline, date(2026, 9, 1))

    def test_followed_up_ends_the_reminder(self):
        implemented, closed = self._sent_visit(
            [date(2026, 9, 1), date(2026, 9, 1)]
        ).recommendation_ids
        self._cron("2026-09-01")
        self.assertEqual(len(self._reminders(implemented | closed)), 2)
        with freeze_time("2026-09-03"):
            implemented.with_user(self.staff).action_mark_implemented()
            closed.with_user(self.staff).action_close_follow_up()
        self.assertFalse(self._reminders(implemented | closed))
        self.assertEqual(implemented.follow_up_status, "implemented")
        self.assertEqual(closed.follow_up_status, "closed")
        self.assertEqual(implemented.date_followed_up, date(2026, 9, 3))
        self.assertIn(
            "Recommendation followed up.",
            "".join(implemented.message_ids.mapped("body")),
            "marked done, not deleted",
        )
        self._cron("2026-09-10")
        self.assertFalse(self._reminders(implemented | closed))
        # Reopened: due again on its date.
        closed.with_user(self.staff).action_reopen_follow_up()
        self.assertFalse(closed.date_followed_up)
        self._cron("2026-09-11")
        self.assertEqual(len(self._reminders(closed)), 1)

    def test_nothing_before_the_report_is_sent(self):
        visit = self._visit()
        visit.recommendation_ids = [
            Command.create({"name": "Draft idea", "date_follow_up": date(2026, 9, 1)})
        ]
        self._cron("2026-09-02")
        self.assertFalse(self._reminders(visit.recommendation_ids))
        with self.assertRaisesRegex(UserError, "once the report has been sent"):
            visit.recommendation_ids.with_user(self.staff).action_mark_implemented()

    def test_only_staff_follow_up(self):
        rec = self._sent_visit([date(2026, 9, 1)]).recommendation_ids
        for user in (self.steering, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                rec.with_user(user).action_mark_implemented()
        self.assertEqual(rec.follow_up_status, "open")

    def test_cron_queries_do_not_grow_with_recommendations(self):
        Recommendation = self.Recommendation
        self._sent_visit([date(2026, 9, 1)] * 2)
        with freeze_time("2026-09-01"):
            Recommendation._cron_link_follow_ups()  # warm the caches
        self._sent_visit([date(2026, 9, 1)] * 3)
        self.env.flush_all()
        with freeze_time("2026-09-01"), self.assertQueryCount(12):
            Recommendation._cron_link_follow_ups()
        for __ in range(6):
            self._sent_visit([date(2026, 9, 1)] * 5)
        self.env.flush_all()
        with freeze_time("2026-09-01"), self.assertQueryCount(12):
            Recommendation._cron_link_follow_ups()
        self.assertEqual(
            len(
                self._reminders(
                    Recommendation.search([("name", "like", "Recommendation")])
                )
            ),
            35,
        )
        # Nothing left to do: one search.
        self.env.flush_all()
        with freeze_time("2026-09-01"), self.assertQueryCount(1):
            Recommendation._cron_link_follow_ups()
