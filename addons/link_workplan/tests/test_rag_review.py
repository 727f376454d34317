# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tests import new_test_user
from odoo.tools.safe_eval import safe_eval

from .test_workplan_actions import WorkplanCase


class ReviewCase(WorkplanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.state = "approved"
        cls.lead_user = new_test_user(
            cls.env, login="review_lead", groups="base.group_user", name="Lead"
        )

    def _review(self, user, record, status="amber", comment="Checked", day=None):
        """What the Review button does, as ``user``."""
        field = record._review_field
        values = {"status": status, "comment": comment}
        if day:
            values["date"] = day
        wizard = (
            self.env["link.rag.review.wizard"]
            .with_user(user)
            .with_context(**{f"default_{field}": record.id})
            .create(values)
        )
        return wizard.action_record()

    def _review_activities(self, records):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(records._review_activity).id,
                ),
            ]
        )


class TestRecordingReviews(ReviewCase):
    @freeze_time("2026-06-15")
    def test_a_review_moves_the_dates_on_by_the_frequency(self):
        expected = {
            "monthly": date(2026, 7, 15),
            "quarterly": date(2026, 9, 15),
            "six_monthly": date(2026, 12, 15),
            "annual": date(2027, 6, 15),
        }
        for frequency, next_date in expected.items():
            with self.subTest(frequency=frequency):
                action = self._action("March 2027", review_frequency=frequency)
                action.next_review_date = date(2026, 6, 1)
                self._review(self.steering, action, day=date(2026, 6, 15))
                self.assertEqual(action.review_date, date(2026, 6, 15))
                self.assertEqual(action.next_review_date, next_date)
        self.stream.review_frequency = "six_monthly"
        self._review(self.steering, self.stream, status="green")
        self.assertEqual(self.stream.review_date, date(2026, 6, 15), "today")
        self.assertEqual(self.stream.next_review_date, date(2026, 12, 15))
        self.assertEqual(self.stream.rag_reviewed, "green")

    @freeze_time("2026-06-15")
    def test_an_older_review_does_not_move_the_dates_back(self):
        action = self._action("March 2027")
        self._review(self.steering, action, day=date(2026, 6, 10))
        self._review(self.steering, action, status="red", day=date(2026, 3, 10))
        self.assertEqual(action.review_date, date(2026, 6, 10))
        self.assertEqual(action.next_review_date, date(2026, 9, 10))
        self.assertEqual(action.rag_reviewed, "amber", "the latest review counts")

    @freeze_time("2026-06-15")
    def test_changing_the_frequency_moves_the_next_review(self):
        action = self._action("March 2027")
        self._review(self.steering, action, day=date(2026, 6, 1))
        action.with_user(self.staff).review_frequency = "monthly"
        self.assertEqual(action.next_review_date, date(2026, 7, 1))
        never = self._action("March 2027")
        never.with_user(self.staff).next_review_date = date(2026, 7, 31)
        never.with_user(self.staff).review_frequency = "annual"
        self.assertEqual(never.next_review_date, date(2026, 7, 31), "set by hand")

    @freeze_time("2026-06-15")
    def test_steering_group_reviews_what_it_may_not_edit(self):
        action = self._action("March 2027")
        as_steering = action.with_user(self.steering)
        with self.assertRaises(AccessError):
            as_steering.write({"next_review_date": date(2026, 12, 1)})
        with self.assertRaises(AccessError):
            as_steering.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.stream.with_user(self.steering).write({"review_frequency": "annual"})
        self._review(self.steering, action, comment="Waiting for the trust")
        review = action.rag_review_ids
        self.assertEqual(
            (review.status, review.comment, review.reviewer_id, review.date),
            ("amber", "Waiting for the trust", self.steering, date(2026, 6, 15)),
        )
        self.assertEqual(review.create_uid, self.steering, "recorded as them")
        self.assertEqual(action.next_review_date, date(2026, 9, 15))
        self.assertEqual(as_steering.rag_reviewed, "amber")

    @freeze_time("2026-06-15")
    def test_staff_review_too_but_not_the_monitor(self):
        action = self._action("March 2027")
        self._review(self.staff, action, status="green")
        self.assertEqual(action.rag_review_ids.reviewer_id, self.staff)
        self.assertEqual(action.next_review_date, date(2026, 9, 15))
        with self.assertRaises(AccessError):
            self._review(self.monitor, action)
        with self.assertRaises(AccessError):
            action.with_user(self.monitor)._record_review("red")
        with self.assertRaises(AccessError):
            action.with_user(self.equality_officer)._record_review("red")
        self.assertEqual(len(action.rag_review_ids), 1)

    @freeze_time("2026-06-15")
    def test_refused_reviews_say_what_to_do(self):
        action = self._action("March 2027")
        with self.assertRaisesRegex(ValidationError, "cannot be dated in the future"):
            self._review(self.steering, action, day=date(2026, 6, 16))
        self.plan.state = "closed"
        with self.assertRaisesRegex(UserError, "Review the current plan instead"):
            self._review(self.steering, action)
        self.assertFalse(action.rag_review_ids)

    def test_the_review_button_opens_the_wizard_on_the_record(self):
        action = self._action("August 2026")
        opened = action.with_user(self.steering).action_link_review()
        self.assertEqual(opened["res_model"], "link.rag.review.wizard")
        with freeze_time("2026-09-01"):
            wizard = (
                self.env["link.rag.review.wizard"]
                .with_user(self.steering)
                .with_context(**opened["context"])
                .create({})
            )
            self.assertEqual(wizard.action_id, action)
            self.assertEqual(wizard.status, "red", "starts at the suggestion")
            self.assertEqual(wizard.date, date(2026, 9, 1))
            self.assertEqual(wizard.reviewer_id, self.steering)
            self.assertEqual(wizard.next_review_date, date(2026, 12, 1))


class TestOverdueReviewReminder(ReviewCase):
    def _cron(self):
        Action, Stream = self.env["link.workplan.action"], self.env["link.workstream"]
        Action._cron_link_review_reminders()
        Stream._cron_link_review_reminders()

    def test_one_reminder_per_record_per_overdue_date(self):
        lead = self.lead_user.partner_id
        other = new_test_user(self.env, login="review_lead2", groups="base.group_user")
        with_login = self._action("March 2027", lead_id=lead.id)
        no_login = self._action("March 2027", lead_id=other.partner_id.id)
        done = self._action("March 2027", state="done", lead_id=lead.id)
        cancelled = self._action("March 2027", state="cancelled", lead_id=lead.id)
        not_yet = self._action("March 2027", lead_id=lead.id)
        actions = with_login | no_login | done | cancelled | not_yet
        actions.write({"next_review_date": date(2026, 6, 30)})
        not_yet.next_review_date = date(2026, 7, 31)
        self.stream.write({"next_review_date": date(2026, 6, 30), "lead_id": lead.id})
        with freeze_time("2026-06-30"):
            self._cron()
        self.assertFalse(self._review_activities(actions), "due today")
        self.assertFalse(self._review_activities(self.stream))
        with freeze_time("2026-07-01"):
            self._cron()
            self._cron()
        reminders = self._review_activities(actions)
        self.assertEqual(reminders.mapped("res_id"), (with_login | no_login).ids)
        self.assertEqual(set(reminders.mapped("date_deadline")), {date(2026, 6, 30)})
        self.assertEqual(len(self._review_activities(self.stream)), 1)
        self.assertEqual(self._review_activities(with_login).user_id, self.lead_user)
        self.assertEqual(self._review_activities(no_login).user_id, other)

        # The review marks the reminder done and moves the date on; when the
        # new date passes, a new reminder goes.
        with freeze_time("2026-07-02"):
            self._review(self.steering, with_login)
        self.assertFalse(self._review_activities(with_login))
        self.assertTrue(
            with_login.message_ids.filtered(lambda m: "Review recorded" in m.body),
            "marked done, not deleted",
        )
        self.assertEqual(with_login.next_review_date, date(2026, 10, 2))
        with freeze_time("2026-09-01"):
            self._cron()
        self.assertFalse(self._review_activities(with_login))
        with freeze_time("2026-10-03"):
            self._cron()
            self._cron()
        again = self._review_activities(with_login)
        self.assertEqual(again.date_deadline, date(2026, 10, 2))
        self.assertEqual(len(self._review_activities(no_login)), 1, "still one")
        self.assertFalse(self._review_activities(done | cancelled))
        self.assertEqual(
            self._review_activities(not_yet).date_deadline, date(2026, 7, 31)
        )

    def test_marked_done_without_a_review_is_not_raised_again(self):
        action = self._action("March 2027", lead_id=self.lead_user.partner_id.id)
        action.next_review_date = date(2026, 6, 30)
        with freeze_time("2026-07-01"):
            self._cron()
            self._review_activities(action).action_feedback("Seen")
            self._cron()
        self.assertFalse(self._review_activities(action))

    def test_closed_plans_raise_nothing(self):
        action = self._action("March 2027")
        action.next_review_date = date(2026, 6, 30)
        self.stream.next_review_date = date(2026, 6, 30)
        self.plan.state = "closed"
        with freeze_time("2026-07-01"):
            self._cron()
        self.assertFalse(self._review_activities(action))
        self.assertFalse(self._review_activities(self.stream))

    def test_lead_logins_that_cannot_act_are_not_reminded(self):
        """Nobody is named for these: the activity mixin then finds the
        coordinator (link.activity.once.mixin)."""
        portal = new_test_user(
            self.env, login="review_portal", groups="base.group_portal"
        )
        gone = new_test_user(self.env, login="review_gone", groups="base.group_user")
        gone_partner = gone.partner_id
        gone.active = False
        no_login = self.env["res.partner"].create({"name": "Volunteer lead"})
        for partner in (portal.partner_id, gone_partner, no_login):
            with self.subTest(partner=partner.name):
                action = self._action("March 2027", lead_id=partner.id)
                self.assertFalse(action._review_user())

    def test_cron_queries_do_not_grow(self):
        Action = self.env["link.workplan.action"]

        def add(count):
            actions = Action.create(
                [
                    {
                        "name": f"R{i}",
                        "workstream_id": self.stream.id,
                        "lead_id": self.lead_user.partner_id.id,
                        "next_review_date": date(2026, 6, 30),
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            return actions

        def queries(count):
            actions = add(count)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with freeze_time("2026-07-01"):
                Action._cron_link_review_reminders()
                self.env.flush_all()
            self.assertEqual(len(self._review_activities(actions)), count)
            return self.cr.sql_log_count - before

        queries(2)  # warm the caches
        ten, fifty = queries(10), queries(50)
        self.assertEqual(ten, fifty, "same queries for 10 and 50 records")
        self.assertLess(ten, 30)  # 26: the batch, the people who act, the activities


class TestMenusOpenOnTheCurrentPlan(ReviewCase):
    """Each work programme menu's default filters, read from its action and
    search view and applied as the web client does (filters of one group
    joined by OR, groups by AND)."""

    def _default_domain(self, xmlid):
        action = self.env.ref(xmlid)
        context = safe_eval(action.context or "{}")
        view = self.env[action.res_model].get_view(view_type="search")
        groups, group = [], []
        for node in etree.fromstring(view["arch"]):
            if node.tag == "separator" or node.tag != "filter":
                if group:
                    groups.append(group)
                group = []
                continue
            if context.get(f"search_default_{node.get('name')}") and node.get("domain"):
                group.append(
                    safe_eval(node.get("domain"), {"context_today": date.today})
                )
        if group:
            groups.append(group)
        return expression.AND(expression.OR(g) for g in groups)

    def _found(self, xmlid, records):
        domain = [("id", "in", records.ids), *self._default_domain(xmlid)]
        return records.search(domain)

    def test_current_plan_by_default_closed_plans_out_of_the_way(self):
        today = date.today()
        current = self.env["link.workplan"].create(
            {
                "name": "Now",
                "date_start": today - relativedelta(months=1),
                "date_end": today + relativedelta(months=11),
                "state": "approved",
            }
        )
        closed = current.copy({"name": "2010-11", "state": "closed"})
        closed.write({"date_start": date(2010, 4, 1), "date_end": date(2011, 3, 31)})
        streams = self.env["link.workstream"].create(
            [{"name": p.name, "workplan_id": p.id} for p in current | closed]
        )
        actions = self.env["link.workplan.action"].create(
            [
                {
                    "name": s.name,
                    "workstream_id": s.id,
                    "next_review_date": today - relativedelta(days=1),
                }
                for s in streams
            ]
        )
        plans = current | closed | self.plan
        self.assertEqual(
            self._found("link_workplan.link_workplan_action", plans),
            current | self.plan,
            "plans not closed",
        )
        self.assertEqual(
            self._found("link_workplan.link_workstream_action", streams),
            streams[0],
        )
        self.assertEqual(
            self._found("link_workplan.link_workplan_action_action", actions),
            actions[0],
        )
        self.assertEqual(
            self._found("link_workplan.link_workplan_action_review_action", actions),
            actions[0],
            "due for review, current plan only",
        )
        actions[0].rag_review_ids = [(0, 0, {"status": "green"})]
        self.assertFalse(
            self._found("link_workplan.link_workplan_action_review_action", actions),
            "reviewed: no longer due",
        )
