# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from .common import EnterViewCase


class TestVisitDeadlines(EnterViewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.link_escalation_user_id = cls.manager
        cls.lead_user = new_test_user(
            cls.env, login="ev_lead", groups="base.group_user", name="Lena Lead"
        )
        cls._qualify(cls.lead_user.partner_id, date(2025, 1, 6))
        cls.env["link.ev.authorisation"].create(
            {
                "partner_id": cls.lead_user.partner_id.id,
                "state": "authorised",
                "date_authorised": date(2025, 2, 1),
            }
        )
        cls.due_type = cls.env.ref("link_enter_view.mail_activity_type_link_ev_due")
        cls.overdue_type = cls.env.ref(
            "link_enter_view.mail_activity_type_link_ev_overdue"
        )

    def _visited(self, count=1, team=None):
        visits = self.env["link.ev.visit"]
        for __ in range(count):
            visits |= self._visit(team=team)
        visits.write({"state": "visited"})
        return visits

    def _activities(self, visits, activity_type):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.ev.visit"),
                ("res_id", "in", visits.ids),
                ("activity_type_id", "in", activity_type.ids),
            ]
        )

    def test_reminder_to_the_lead_then_escalation_once_each(self):
        with_user_lead = self._visited(team=(self.lead_user.partner_id, self.anna))
        volunteer_lead = self._visited()
        visits = with_user_lead | volunteer_lead
        self.assertEqual(visits.mapped("report_reminder_date"), [date(2026, 6, 15)] * 2)
        Visit = self.env["link.ev.visit"]
        with freeze_time("2026-06-12"):
            Visit._cron_link_deadlines()
        self.assertFalse(self._activities(visits, self.due_type))
        for __ in range(2):
            with freeze_time("2026-06-15"):
                Visit._cron_link_deadlines()
        reminders = self._activities(visits, self.due_type)
        self.assertEqual(len(reminders), 2)
        by_visit = {a.res_id: a for a in reminders}
        self.assertEqual(by_visit[with_user_lead.id].user_id, self.lead_user)
        # A lead without a login: the host officer is reminded instead.
        self.assertEqual(by_visit[volunteer_lead.id].user_id, self.staff)
        self.assertEqual(by_visit[with_user_lead.id].date_deadline, date(2026, 6, 22))
        self.assertFalse(visits.filtered("report_late"))
        for __ in range(2):
            with freeze_time("2026-06-23"):
                Visit._cron_link_deadlines()
        escalations = self._activities(visits, self.overdue_type)
        self.assertEqual(len(escalations), 2)
        self.assertEqual(escalations.user_id, self.manager)
        self.assertEqual(visits.mapped("report_late"), [True, True])

    def test_response_deadlines(self):
        visit = self._visited()
        visit.write({"state": "report_drafted", "report_body": "<p>Report</p>"})
        with freeze_time("2026-06-01"):
            visit.action_send_report()
        self.assertEqual(visit.response_due_date, date(2026, 6, 29))
        self.assertEqual(visit.response_reminder_date, date(2026, 6, 22))
        with freeze_time("2026-06-22"):
            self.env["link.ev.visit"]._cron_link_deadlines()
        self.assertEqual(len(self._activities(visit, self.due_type)), 1)
        with freeze_time("2026-06-30"):
            self.env["link.ev.visit"]._cron_link_deadlines()
        self.assertEqual(len(self._activities(visit, self.overdue_type)), 1)
        self.assertTrue(visit.response_late)
        self.assertFalse(visit.report_late)

    def test_nothing_for_a_visit_done_with(self):
        visit = self._visited()
        visit.write({"state": "cancelled"})
        with freeze_time("2026-07-30"):
            self.env["link.ev.visit"]._cron_link_deadlines()
        self.assertFalse(self._activities(visit, self.due_type | self.overdue_type))

    def test_cron_queries_do_not_grow_with_visits(self):
        Visit = self.env["link.ev.visit"]
        self._visited(2)
        with freeze_time("2026-06-23"):
            Visit._cron_link_deadlines()  # warm the caches
        self._visited(3)
        self.env.flush_all()
        with freeze_time("2026-06-23"), self.assertQueryCount(20):
            Visit._cron_link_deadlines()
        self._visited(30)
        self.env.flush_all()
        with freeze_time("2026-06-23"), self.assertQueryCount(20):
            Visit._cron_link_deadlines()

    def test_calendar_event_follows_the_team(self):
        visit = self._visit(when=datetime(2026, 5, 22, 9))
        visit.action_plan()
        event = visit.calendar_event_id
        self.assertEqual(event.res_id, visit.id)
        self.assertEqual(event.stop, datetime(2026, 5, 22, 11))
        self.assertIn(self.anna, event.partner_ids)
        visit.team_member_ids = [Command.create({"partner_id": self.carla.id})]
        self.assertIn(self.carla, event.partner_ids)
        visit.sudo().team_member_ids.filtered(
            lambda m: m.partner_id == self.ben
        ).unlink()
        self.assertEqual(
            event.partner_ids, self.anna | self.carla | self.staff.partner_id
        )
