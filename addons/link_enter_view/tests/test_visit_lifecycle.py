# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EnterViewCase


class TestVisitLifecycle(EnterViewCase):
    @freeze_time("2026-03-02")
    def test_visits_are_numbered_by_year(self):
        first = self._visit()
        second = self._visit()
        self.assertRegex(first.name, r"^EV/2026/\d{4}$")
        self.assertNotEqual(first.name, second.name)

    def test_premises_give_provider_and_protocol(self):
        visit = self._visit()
        self.assertEqual(visit.provider_id, self.trust)
        self.assertEqual(visit.protocol_id, self.protocol)
        self.assertEqual(visit.premises_kind, "care_home")
        self.assertEqual(visit.visit_day, date(2026, 5, 22))

    @freeze_time("2026-05-01")
    def test_whole_lifecycle_with_bank_holiday(self):
        """Friday 22 May 2026, then the Spring bank holiday on Monday 25 May:
        the report is due 20 working days later, on Monday 22 June (19 June
        without the bank holiday)."""
        visit = self._visit(team=(self.anna, self.ben, self.carla))
        self.assertEqual(visit.report_due_date, date(2026, 6, 22))
        visit.action_plan()
        self.assertEqual(visit.state, "planned")
        event = visit.calendar_event_id
        self.assertEqual(
            event.partner_ids,
            self.anna | self.ben | self.carla | self.staff.partner_id,
        )
        visit.action_notify()
        self.assertEqual(visit.date_notified, date(2026, 5, 1))
        with self.assertRaisesRegex(UserError, "has not taken place yet"):
            visit.action_visited()
        with freeze_time("2026-05-22 15:00"):
            self._declare_all(visit)
            visit.action_visited()
        self.assertEqual(visit.state, "visited")
        self.env["link.ev.note"].with_user(self.staff).create(
            {"visit_id": visit.id, "partner_id": self.anna.id, "body": "Warm welcome"}
        )
        visit.report_body = "<p>Residents choose their meals.</p>"
        visit.recommendation_ids = [Command.create({"name": "Print the menu larger"})]
        visit.action_draft_report()
        with freeze_time("2026-06-23"):
            visit.action_send_report()
        self.assertEqual(visit.date_report_sent, date(2026, 6, 23))
        self.assertTrue(visit.report_late, "sent the day after it was due")
        self.assertEqual(visit.response_due_date, date(2026, 7, 21))
        self.assertEqual(visit.publish_date, date(2026, 7, 21))
        with (
            freeze_time("2026-07-21"),
            self.assertRaisesRegex(UserError, "until 21/07"),
        ):
            visit.action_publish()
        with freeze_time("2026-07-22"):
            visit.action_publish()
        self.assertEqual(visit.state, "published")
        self.assertEqual(visit.date_published, date(2026, 7, 22))
        self.assertEqual(visit.recommendation_ids.status, "no_answer")

    @freeze_time("2026-06-01")
    def test_response_received_on_time(self):
        visit = self._visit()
        visit.write({"state": "report_drafted", "report_body": "<p>Fine</p>"})
        visit.action_send_report()
        with self.assertRaisesRegex(UserError, "response first"):
            visit.action_response_received()
        visit.response = "<p>We will act on it.</p>"
        with freeze_time("2026-06-10"):
            visit.action_response_received()
        self.assertEqual(visit.state, "response_received")
        self.assertEqual(visit.publish_date, date(2026, 6, 10))
        self.assertFalse(visit.report_late)
        self.assertFalse(visit.response_late)
        visit.action_publish()
        self.assertEqual(visit.state, "published")

    def test_protocol_term_sets_the_clock(self):
        self.protocol.sla_ids = [
            Command.create(
                {
                    "type_id": self.env.ref(
                        "link_protocols.link_sla_type_visit_report"
                    ).id,
                    "days": 10,
                }
            )
        ]
        visit = self._visit()
        # Friday 22 May + 10 working days, skipping the bank holiday.
        self.assertEqual(visit.report_due_date, date(2026, 6, 8))

    def test_refuses_people_not_authorised(self):
        with self.assertRaisesRegex(ValidationError, "Olly Outsider cannot join"):
            self._visit(team=(self.anna, self.outsider))

    def test_refuses_expired_authorisation(self):
        lapsing = self._rep("Lena Lapsed", date_expiry=date(2026, 5, 1))
        with self.assertRaisesRegex(ValidationError, "Lena Lapsed cannot join"):
            self._visit(team=(self.anna, lapsing))
        # Before the expiry it is fine.
        early = self._visit(team=(self.anna, lapsing), when=datetime(2026, 4, 20, 9))
        self.assertEqual(early.sudo().team_member_ids.partner_id, self.anna | lapsing)

    def test_refuses_lapsed_qualification_on_the_visit_day(self):
        # Safeguarding lasts 24 months: obtained 1 May 2024, gone by May 2026.
        stale = self._rep("Sam Stale", obtained=date(2024, 5, 1))
        with self.assertRaisesRegex(ValidationError, "Sam Stale cannot join"):
            self._visit(team=(self.anna, stale))

    def test_refuses_suspended_and_unauthorised_added_later(self):
        visit = self._visit()
        self.anna_auth = self.env["link.ev.authorisation"].search(
            [("partner_id", "=", self.carla.id)]
        )
        self.anna_auth.state = "suspended"
        with self.assertRaisesRegex(ValidationError, "Carla Rep cannot join"):
            visit.team_member_ids = [Command.create({"partner_id": self.carla.id})]

    def test_moving_the_date_rechecks_the_team(self):
        lapsing = self._rep("Lena Lapsed", date_expiry=date(2026, 5, 1))
        visit = self._visit(team=(self.anna, lapsing), when=datetime(2026, 4, 20, 9))
        with self.assertRaisesRegex(ValidationError, "Lena Lapsed"):
            visit.date_visit = datetime(2026, 5, 22, 9)

    def test_team_of_two_to_four_with_a_lead(self):
        solo = self._visit(team=(self.anna,))
        with self.assertRaisesRegex(UserError, "team of 2 to 4"):
            solo.action_plan()
        extra = self._rep("Eve Rep")
        with self.assertRaisesRegex(ValidationError, "at most 4"):
            self._visit(team=(self.anna, self.ben, self.carla, self.dev, extra))
        leaderless = self._visit()
        leaderless.sudo().team_member_ids.is_lead = False
        with self.assertRaisesRegex(UserError, "lead representative"):
            leaderless.action_plan()

    @freeze_time("2026-05-22 15:00")
    def test_declarations_gate_the_visit(self):
        visit = self._visit()
        visit.write({"state": "planned"})
        self.env["link.ev.declaration"].with_user(self.staff).create(
            {"visit_id": visit.id, "partner_id": self.anna.id, "interest": "none"}
        )
        with self.assertRaisesRegex(UserError, "missing from Ben Rep"):
            visit.action_visited()
        self.assertEqual(visit.sudo().declarations_missing, "Ben Rep")
        declaration = (
            self.env["link.ev.declaration"]
            .with_user(self.staff)
            .create(
                {
                    "visit_id": visit.id,
                    "partner_id": self.ben.id,
                    "interest": "declared",
                    "details": "My aunt lives there",
                }
            )
        )
        declaration.action_note()
        self.assertEqual(declaration.noted_by_id, self.staff)
        visit.action_visited()
        self.assertEqual(visit.state, "visited")

    def test_declaration_needs_details_and_a_team_member(self):
        visit = self._visit()
        Declaration = self.env["link.ev.declaration"].with_user(self.staff)
        with self.assertRaisesRegex(ValidationError, "Describe the interest"):
            Declaration.create(
                {
                    "visit_id": visit.id,
                    "partner_id": self.anna.id,
                    "interest": "declared",
                }
            )
        with self.assertRaisesRegex(ValidationError, "not on the team"):
            Declaration.create({"visit_id": visit.id, "partner_id": self.dev.id})

    def test_notes_lock_once_the_report_is_drafted(self):
        visit = self._visit()
        visit.write({"state": "visited"})
        note = (
            self.env["link.ev.note"]
            .with_user(self.staff)
            .create(
                {"visit_id": visit.id, "partner_id": self.ben.id, "body": "Clean rooms"}
            )
        )
        visit.write({"state": "report_drafted"})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            note.body = "Changed afterwards"

    def test_cancel_and_reschedule_keep_history(self):
        visit = self._visit()
        visit.action_plan()
        event = visit.calendar_event_id
        visit.date_visit = datetime(2026, 5, 29, 9)
        self.assertEqual(event.start, datetime(2026, 5, 29, 9))
        with self.assertRaisesRegex(UserError, "Say why"):
            visit.action_cancel()
        visit.cancel_reason = "Outbreak of flu at the home"
        action = visit.action_reschedule()
        self.assertEqual(visit.state, "cancelled")
        self.assertFalse(event.active)
        new = self.env["link.ev.visit"].browse(action["res_id"])
        self.assertEqual(new.rescheduled_from_id, visit)
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.sudo().team_member_ids.partner_id, self.anna | self.ben)
        self.assertEqual(new.sudo().lead_partner_id, self.anna)
        self.assertIn(new.name, visit.message_ids[0].body)

    def test_revisit_follows_up_a_published_visit(self):
        visit = self._visit(theme="Mealtimes")
        with self.assertRaisesRegex(UserError, "whose report was sent"):
            visit.action_revisit()
        visit.write({"state": "published"})
        revisit = self.env["link.ev.visit"].browse(visit.action_revisit()["res_id"])
        self.assertEqual(revisit.predecessor_id, visit)
        self.assertEqual(revisit.premises_id, self.care_home)
        self.assertEqual(revisit.theme, "Mealtimes")
        self.assertEqual(revisit.state, "draft")
        self.assertFalse(revisit.date_visit)
        self.assertFalse(revisit.sudo().team_member_ids)

    def test_entry_refused_with_reason(self):
        visit = self._visit()
        visit.action_plan()
        with self.assertRaisesRegex(UserError, "reason the provider gave"):
            visit.action_refuse()
        visit.refusal_reason = "Manager absent"
        visit.action_refuse()
        self.assertEqual(visit.state, "refused")
        self.assertFalse(visit.calendar_event_id.active)

    def test_visits_with_history_are_not_deleted(self):
        draft = self._visit(user=self.manager)
        planned = self._visit(user=self.manager)
        planned.action_plan()
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            planned.with_user(self.manager).unlink()
        draft.with_user(self.manager).unlink()
        self.assertFalse(draft.exists())

    def test_monitor_reads_visits_but_no_person(self):
        visit = self._visit()
        as_monitor = visit.with_user(self.monitor)
        self.assertEqual(as_monitor.state, "draft")
        self.assertEqual(as_monitor.report_due_date, date(2026, 6, 22))
        with self.assertRaises(AccessError):
            as_monitor.read(["team_member_ids"])
        with self.assertRaises(AccessError):
            self.env["link.ev.team.member"].with_user(self.monitor).search([])
        for model in ("link.ev.authorisation", "link.ev.declaration", "link.ev.note"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.monitor).search([])
        with self.assertRaises(AccessError):
            self.env["link.ev.visit"].with_user(self.monitor).create(
                {"provider_id": self.trust.id}
            )

    def test_views_open_for_each_role(self):
        views = [(False, kind) for kind in ("form", "list", "kanban", "search")]
        for user in (self.staff, self.steering, self.monitor):
            with self.subTest(user=user.login):
                arch = (
                    self.env["link.ev.visit"]
                    .with_user(user)
                    .get_views([*views, (False, "calendar"), (False, "pivot")])
                )
                form = arch["views"]["form"]["arch"]
                # People's names stay out of the monitor's view of a visit.
                self.assertEqual(
                    "team_member_ids" in form, user != self.monitor, user.login
                )
        for model in ("link.ev.authorisation", "link.ev.recommendation"):
            self.env[model].with_user(self.staff).get_views(
                [(False, "list"), (False, "search")]
            )
