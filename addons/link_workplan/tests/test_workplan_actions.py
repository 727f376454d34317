# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.link_membership.tests.common import LinkCase

from ..models.deadline import parse_deadline


class TestDeadlineWords(LinkCase):
    def test_every_kent_deadline_form(self):
        start = date(2010, 4, 1)
        cases = {
            "9 July 2010": (date(2010, 7, 9), "day"),
            "27 August 2010": (date(2010, 8, 27), "day"),
            "October 2010": (date(2010, 10, 31), "month"),
            "March 2011": (date(2011, 3, 31), "month"),
            "End of August": (date(2010, 8, 31), "month"),
            "December school holiday": (date(2010, 12, 31), "term"),
            "Ongoing": (None, "ongoing"),
            "": (None, None),
            "Sept 2010": (date(2010, 9, 30), "month"),
            "February 2012": (date(2012, 2, 29), "month"),
            "Autumn": (date(2010, 11, 30), "term"),
        }
        for words, expected in cases.items():
            with self.subTest(words=words):
                self.assertEqual(parse_deadline(words, start), expected)

    def test_a_deadline_without_year_is_the_next_one_in_the_plan(self):
        self.assertEqual(
            parse_deadline("March", date(2010, 4, 1)), (date(2011, 3, 31), "month")
        )
        self.assertEqual(
            parse_deadline("March", date(2010, 1, 1)), (date(2010, 3, 31), "month")
        )

    def test_unreadable_deadlines(self):
        for words in ("next week", "31 February 2011", "soon"):
            with self.subTest(words=words), self.assertRaises(ValueError):
                parse_deadline(words, date(2010, 4, 1))


class WorkplanCase(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "2026-27",
                "date_start": date(2026, 4, 1),
                "date_end": date(2027, 3, 31),
            }
        )
        cls.stream = cls.env["link.workstream"].create(
            {
                "name": "Active engagement",
                "workplan_id": cls.plan.id,
                "responsible_user_id": cls.manager.id,
            }
        )
        cls.Action = cls.env["link.workplan.action"].with_user(cls.staff)

    def _action(self, deadline, **vals):
        return self.Action.create(
            {
                "name": "Collate all groups",
                "workstream_id": self.stream.id,
                "deadline_text": deadline,
                **vals,
            }
        )


class TestRag(WorkplanCase):
    @staticmethod
    def _fresh(action):
        """The suggestion depends on today: drop the value computed yesterday."""
        action.invalidate_recordset(["rag_suggested"])
        return action

    def test_suggestions_at_the_edges(self):
        on_day = self._action("30 July 2026")
        in_month = self._action("August 2026")
        ongoing = self._action("Ongoing")
        with freeze_time("2026-06-15"):
            self.assertEqual(on_day.rag_suggested, "green")
        with freeze_time("2026-07-30"):
            self.assertEqual(self._fresh(on_day).rag_suggested, "amber", "due today")
        with freeze_time("2026-07-31"):
            self.assertEqual(self._fresh(on_day).rag_suggested, "red")
        with freeze_time("2026-08-20"):
            self.assertEqual(in_month.rag_suggested, "amber", "month not over yet")
        with freeze_time("2026-09-01"):
            self.assertEqual(self._fresh(in_month).rag_suggested, "red")
        with freeze_time("2026-09-01"):
            self.assertEqual(ongoing.rag_suggested, "amber", "no progress recorded")
            ongoing.progress_ids = [
                (0, 0, {"note": "List populated", "date": date(2026, 8, 1)})
            ]
            self.assertEqual(ongoing.rag_suggested, "green")
        on_day.state = "done"
        self.assertEqual(on_day.rag_suggested, "green")
        on_day.state = "cancelled"
        self.assertFalse(on_day.rag_suggested)

    @freeze_time("2026-09-01")
    def test_stream_shows_its_worst_action(self):
        self._action("March 2027")
        self.assertEqual(self.stream.rag_suggested, "green")
        self._action("August 2026")
        self.stream.invalidate_recordset()
        self.assertEqual(self.stream.rag_suggested, "red")

    def test_words_are_kept_and_bad_words_refused(self):
        action = self._action("December school holiday")
        self.assertEqual(action.deadline_text, "December school holiday")
        self.assertEqual(
            (action.deadline_date, action.deadline_precision),
            (date(2026, 12, 31), "term"),
        )
        with self.assertRaisesRegex(ValidationError, "Cannot read the deadline"):
            self._action("when we can")

    def test_target_must_belong_to_the_stream(self):
        other = self.env["link.workstream"].create(
            {"name": "Other", "workplan_id": self.plan.id}
        )
        target = self.env["link.workplan.target"].create(
            {"code": "A", "name": "Identify groups", "workstream_id": other.id}
        )
        with self.assertRaisesRegex(ValidationError, "must belong to its work stream"):
            self._action("Ongoing", target_id=target.id)


class TestReviews(WorkplanCase):
    def test_steering_group_reviews_but_does_not_edit(self):
        action = self._action("March 2027")
        Review = self.env["link.rag.review"].with_user(self.steering)
        Review.create(
            {"action_id": action.id, "status": "amber", "date": date(2026, 6, 30)}
        )
        Review.create(
            {
                "action_id": action.id,
                "status": "green",
                "date": date(2026, 9, 30),
                "comment": "Back on track",
            }
        )
        self.assertEqual(action.rag_reviewed, "green")
        self.assertEqual(
            len(action.with_user(self.steering).rag_review_ids), 2, "history kept"
        )
        with self.assertRaises(AccessError):
            action.with_user(self.steering).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["link.rag.review"].with_user(self.staff).create(
                {"action_id": action.id, "status": "red"}
            )
        Review.create({"workstream_id": self.stream.id, "status": "amber"})
        self.assertEqual(self.stream.rag_reviewed, "amber")

    def test_a_review_is_of_one_thing(self):
        action = self._action("March 2027")
        with self.assertRaisesRegex(
            ValidationError, "one action or of one work stream"
        ):
            self.env["link.rag.review"].create(
                {
                    "action_id": action.id,
                    "workstream_id": self.stream.id,
                    "status": "red",
                }
            )


class TestDeadlineCron(WorkplanCase):
    def _activities(self, actions):
        return self.env["mail.activity"].search(
            [("res_model", "=", actions._name), ("res_id", "in", actions.ids)]
        )

    def test_reminder_then_overdue_once_each(self):
        lead_user = new_test_user(self.env, "lead_with_login", groups="base.group_user")
        with_login = self._action("30 July 2026", lead_id=lead_user.partner_id.id)
        without_login = self._action(
            "30 July 2026",
            lead_id=self.env["res.partner"].create({"name": "Volunteer lead"}).id,
        )
        actions = with_login | without_login
        Action = self.env["link.workplan.action"]
        with freeze_time("2026-07-15"):
            Action._cron_link_deadlines()
        self.assertFalse(self._activities(actions), "notice is 14 days")
        with freeze_time("2026-07-16"):
            Action._cron_link_deadlines()
            Action._cron_link_deadlines()
        reminders = self._activities(actions)
        self.assertEqual(len(reminders), 2)
        self.assertEqual(self._activities(with_login).user_id, lead_user)
        self.assertEqual(self._activities(without_login).user_id, self.manager)
        with freeze_time("2026-07-31"):
            Action._cron_link_deadlines()
            Action._cron_link_deadlines()
        # One activity per deadline: the notice replaced the pending reminder.
        overdue = self._activities(actions)
        self.assertEqual(len(overdue), 2)
        self.assertEqual(
            overdue.activity_type_id,
            self.env.ref("link_workplan.mail_activity_type_link_action_overdue"),
        )
        self.assertEqual(overdue.user_id, self.manager)

    def test_first_run_after_the_deadline_raises_one_activity(self):
        action = self._action("30 July 2026")
        with freeze_time("2026-08-05"):
            self.env["link.workplan.action"]._cron_link_deadlines()
            self.env["link.workplan.action"]._cron_link_deadlines()
        activity = self._activities(action)
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("link_workplan.mail_activity_type_link_action_overdue"),
        )

    def test_closed_archived_or_ended_plans_raise_nothing(self):
        closed = self._action("30 July 2026")
        self.plan.write({"state": "closed"})
        Action = self.env["link.workplan.action"]
        with freeze_time("2026-08-05"):
            Action._cron_link_deadlines()
        self.assertFalse(self._activities(closed))
        old_plan = self.env["link.workplan"].create(
            {
                "name": "2010-11",
                "date_start": date(2010, 4, 1),
                "date_end": date(2011, 3, 31),
            }
        )
        old_stream = self.stream.copy({"workplan_id": old_plan.id})
        ended = self._action("30 July 2010", workstream_id=old_stream.id)
        archived_plan = old_plan.copy(
            {"date_start": date(2026, 4, 1), "date_end": date(2027, 3, 31)}
        )
        archived = self._action(
            "30 July 2026",
            workstream_id=self.stream.copy({"workplan_id": archived_plan.id}).id,
        )
        archived_plan.active = False
        with freeze_time("2026-08-05"):
            Action._cron_link_deadlines()
        self.assertFalse(self._activities(closed | ended | archived))

    def test_cron_queries_do_not_grow(self):
        Action = self.env["link.workplan.action"]

        def add(count):
            self.env["link.workplan.action"].create(
                [
                    {
                        "name": f"A{i}",
                        "workstream_id": self.stream.id,
                        "deadline_text": "30 July 2026",
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()

        add(2)
        with freeze_time("2026-07-31"):
            Action._cron_link_deadlines()  # warm the caches
        add(5)
        with freeze_time("2026-07-31"), self.assertQueryCount(20):
            Action._cron_link_deadlines()
        add(40)
        with freeze_time("2026-07-31"), self.assertQueryCount(20):
            Action._cron_link_deadlines()

    def test_replacing_reminders_queries_do_not_grow(self):
        """The overdue notice replaces pending reminders in one go."""
        Action = self.env["link.workplan.action"]
        counts = []
        for size in (2, 10, 50):
            self.env["link.workplan.action"].create(
                [
                    {
                        "name": f"A{i}",
                        "workstream_id": self.stream.id,
                        "deadline_text": "30 July 2026",
                    }
                    for i in range(size)
                ]
            )
            with freeze_time("2026-07-20"):
                Action._cron_link_deadlines()
            self.env.flush_all()
            with freeze_time("2026-07-31"):
                start = self.cr.sql_log_count
                Action._cron_link_deadlines()
                self.env.flush_all()
                counts.append(self.cr.sql_log_count - start)
        self.assertEqual(counts[1], counts[2], counts)
