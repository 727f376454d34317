# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Work plan outputs counted from other addons' records (#20's fixes): the
LINk's own surveys, not partners'; the visits that took place."""

from datetime import date, datetime

from .common import SuiteCase


class TestWorkplanMeasures(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Measures plan",
                "date_start": date(2031, 4, 1),
                "date_end": date(2032, 3, 31),
            }
        )

    def _actual(self, measure):
        return (
            self.env["link.workplan.output"]
            .create(
                {
                    "workplan_id": self.plan.id,
                    "name": measure,
                    "target": 1,
                    "measure": measure,
                    "date_start": date(2031, 4, 1),
                    "date_end": date(2032, 3, 31),
                }
            )
            .actual
        )

    def test_surveys_run_are_the_links_own(self):
        trust = self.env["res.partner"].create(
            {"name": "Measures Trust", "is_company": True}
        )
        Opportunity = self.env["link.opportunity"]
        values = {
            "kind": "survey",
            "date_open": date(2031, 5, 1),
            "date_close": date(2031, 6, 1),
        }
        own = Opportunity.create(
            {
                **values,
                "name": "Our survey of GP access",
                "partner_id": self.env.company.partner_id.id,
            }
        )
        partners = Opportunity.create(
            {**values, "name": "The trust's survey", "partner_id": trust.id}
        )
        (own | partners).write({"state": "circulated"})
        self.assertEqual(self._actual("surveys_run"), 1)

    def test_visits_done_are_those_that_took_place(self):
        home = self.env["res.partner"].create(
            {
                "name": "Measures Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
            }
        )
        Visit = self.env["link.ev.visit"]
        visits = Visit.create(
            [
                {"premises_id": home.id, "date_visit": datetime(2031, 6, day, 9)}
                for day in (2, 3, 4)
            ]
        )
        visits[0].state = "visited"
        visits[1].state = "published"
        visits[2].write({"state": "cancelled", "cancel_reason": "Outbreak"})
        self.assertEqual(self._actual("visits_done"), 2)
