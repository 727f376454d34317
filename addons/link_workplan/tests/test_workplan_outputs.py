# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import date, datetime
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .test_workplan_actions import WorkplanCase


class TestOutputs(WorkplanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_aside_demo_data()
        Partner = cls.env["res.partner"]
        # Demo members with a login stay active (the portal volunteer): keep
        # them out of the period this test counts.
        Partner.search(
            [("link_membership_type", "!=", False), ("user_ids", "!=", False)]
        ).write({"link_join_date": date(2000, 1, 1)})
        Partner.create(
            [
                {
                    "name": "In",
                    "link_membership_type": "full",
                    "link_join_date": date(2026, 5, 1),
                },
                {
                    "name": "In too",
                    "link_membership_type": "participant",
                    "link_join_date": date(2026, 6, 1),
                },
                {
                    "name": "Before",
                    "link_membership_type": "full",
                    "link_join_date": date(2026, 3, 31),
                },
            ]
        )
        cls.Output = cls.env["link.workplan.output"].with_user(cls.staff)

    def _output(self, **vals):
        return self.Output.create(
            {
                "workplan_id": self.plan.id,
                "name": "Recruitment of 30 full members",
                "target": 30,
                "date_start": date(2026, 4, 1),
                "date_end": date(2027, 3, 31),
                **vals,
            }
        )

    def test_counted_and_entered_actuals(self):
        full = self._output(measure="full_members_recruited")
        everyone = self._output(
            name="All members", target=4, measure="members_recruited"
        )
        surveys = self._output(name="9 surveys", target=9, actual_entered=3)
        self.assertEqual((full.actual, everyone.actual), (1, 2))
        self.assertAlmostEqual(everyone.progress, 50.0)
        self.assertEqual(surveys.actual, 3)
        self.assertEqual(
            full.with_user(self.monitor).actual, 1, "the monitor sees counts"
        )

    def test_counting_costs_the_same_for_2_or_20_outputs(self):
        def outputs(count):
            records = self.Output.browse()
            for _ in range(count):
                records |= self._output(measure="full_members_recruited")
                records |= self._output(measure="members_recruited")
            self.env.flush_all()
            records.invalidate_recordset()
            return records

        outputs(1).mapped("actual")  # warm the access-rights caches
        for records in (outputs(2), outputs(20)):
            self.env.invalidate_all()
            with self.assertQueryCount(3):  # the outputs, then one count per measure
                self.Output.browse(records.ids).mapped("actual")

    def test_issues_reviewed_are_counted(self):
        issues = self.env["link.community.issue"].create(
            [
                {
                    "name": f"Issue {i}",
                    "decision": "no_action",
                    "decision_reason": "National",
                }
                for i in range(2)
            ]
        )
        output = self._output(
            name="18 issues reviewed", target=18, measure="issues_reviewed"
        )
        # Demo issues may have been decided in the plan's period too.
        before = output.actual
        with freeze_time("2026-06-01"):
            issues.action_decide()
        output.invalidate_recordset(["actual"])
        self.assertEqual(output.actual, before + 2)

    def test_actions_completed_by_the_day_they_were_done(self):
        """Counted in the period it was marked done: an edit in a later
        period does not move it there (periods far from the demo's)."""
        action = self.env["link.workplan.action"].create(
            {
                "workstream_id": self.stream.id,
                "name": "Leaflet",
                "deadline_text": "Ongoing",
            }
        )
        first = self._output(
            name="Actions, first half",
            target=1,
            measure="actions_completed",
            date_start=date(2029, 4, 1),
            date_end=date(2029, 9, 30),
        )
        second = self._output(
            name="Actions, second half",
            target=1,
            measure="actions_completed",
            date_start=date(2029, 10, 1),
            date_end=date(2030, 3, 31),
        )
        with freeze_time("2029-06-15"):
            action.with_user(self.staff).state = "done"
        self.assertEqual(action.date_done, date(2029, 6, 15))
        with freeze_time("2029-11-02"):
            action.with_user(self.staff).outcome = "2,000 leaflets delivered"
        (first | second).invalidate_recordset(["actual"])
        self.assertEqual((first.actual, second.actual), (1, 0))

    def test_migration_dates_actions_done_before(self):
        """An action done before 18.0.1.4.0 had no "Done on": the migration
        gives it the day it was last changed, as the count used until then."""
        action = self.env["link.workplan.action"].create(
            {"workstream_id": self.stream.id, "name": "Old", "deadline_text": "Ongoing"}
        )
        action.state = "done"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE link_workplan_action SET date_done = NULL,"
            " write_date = '2025-02-03 10:00' WHERE id = %s",
            [action.id],
        )
        path = Path(__file__).parents[1] / "migrations/18.0.1.4.0/post-migration.py"
        spec = importlib.util.spec_from_file_location("link_workplan_post_1_4", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.3.0")
        action.invalidate_recordset(["date_done"])
        self.assertEqual(action.date_done, date(2025, 2, 3))

    def test_measures_of_other_addons_only_when_installed(self):
        offered = dict(self.env["link.workplan.output"]._selection_measure())
        self.assertIn("issues_reviewed", offered)
        self.assertEqual("link.ev.visit" in self.env, "visits_done" in offered)
        self.assertEqual("link.opportunity" in self.env, "surveys_run" in offered)

    def test_bad_outputs_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._output(target=-1)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._output(name="Backwards", date_end=date(2026, 1, 1))

    def test_steering_group_reads_outputs_only(self):
        output = self._output()
        self.assertEqual(output.with_user(self.steering).target, 30)
        with self.assertRaises(AccessError):
            output.with_user(self.steering).write({"target": 1})


class TestProgramme(WorkplanCase):
    def test_a_recurring_programme_event_stays_with_its_stream(self):
        ward = self.env["link.ward"].create({"name": "Abbey", "code": "E05000901"})
        self.env["calendar.event"].with_user(self.staff).create(
            {
                "name": "Community event",
                "link_workstream_id": self.stream.id,
                "link_ward_id": ward.id,
                "start": datetime(2026, 5, 10, 14, 0),
                "stop": datetime(2026, 5, 10, 16, 0),
                "recurrency": True,
                "rrule_type": "monthly",
                "month_by": "date",
                "day": 10,
                "end_type": "count",
                "count": 12,
            }
        )
        events = self.stream.event_ids
        self.assertEqual(len(events), 12)
        self.assertEqual({e.start.day for e in events}, {10})
        self.assertEqual(min(events.mapped("start")).date(), date(2026, 5, 10))
        self.assertEqual(max(events.mapped("start")).date(), date(2027, 4, 10))
