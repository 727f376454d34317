# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from lxml import html as lxml_html

from .test_workplan_actions import WorkplanCase


class TestOutputsInThePack(WorkplanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.with_user(cls.manager).action_approve()
        cls.owner = cls.env["res.partner"].create({"name": "Gareth Owen"})
        Output = cls.env["link.workplan.output"].with_user(cls.staff)
        cls.output = Output.create(
            {
                "workplan_id": cls.plan.id,
                "objective": "Involvement",
                "name": "Recruitment of 30\nfull members",
                "previous_year": 24,
                "target": 30,
                "actual_entered": 7,
                "date_start": date(2026, 4, 1),
                "date_end": date(2027, 3, 31),
                "owner_ids": [(6, 0, cls.owner.ids)],
                "note": "Stall at the summer fair",
            }
        )
        cls.later = Output.create(
            {
                "workplan_id": cls.plan.id,
                "name": "Second half only",
                "target": 4,
                "date_start": date(2026, 10, 1),
                "date_end": date(2027, 3, 31),
            }
        )

    def test_outputs_equal_the_list_and_pivot_the_monitor_opens(self):
        q2 = (date(2026, 7, 1), date(2026, 9, 30))
        Period = self.env["link.monitoring.period"].with_user(self.staff)
        Period.search([("date_from", "=", q2[0])]).sudo().unlink()  # demo
        period = Period.create(
            {"name": "2026-27 Q2", "date_from": q2[0], "date_to": q2[1]}
        )
        with freeze_time("2026-10-02"):
            period.action_refresh_figures()
        figures = period.figure_ids.filtered(lambda f: f.section == "outputs")
        by_code = {f.code: f for f in figures}
        self.assertIn(f"output_{self.output.id}", by_code)
        self.assertNotIn(f"output_{self.later.id}", by_code, "not running in Q2")
        figure = by_code[f"output_{self.output.id}"]
        # The previous column is the output's previous year, not last quarter.
        self.assertEqual(
            (figure.previous_value, figure.target_value, figure.value),
            (24.0, 30.0, 7.0),
        )
        self.assertEqual(figure.label, "Recruitment of 30 full members")
        self.assertEqual(figure.owner, "Gareth Owen")
        self.assertEqual(figure.note, "Stall at the summer fair")
        # The monitor's Outputs list and pivot, filtered on the same dates.
        Output = self.env["link.workplan.output"].with_user(self.monitor)
        domain = [
            ("workplan_id.state", "in", ("approved", "closed")),
            ("date_start", "<=", q2[1]),
            ("date_end", ">=", q2[0]),
        ]
        rows = Output.search_read(
            domain, ["previous_year", "target", "actual", "owner_ids", "note"]
        )
        self.assertEqual(len(rows), len(figures))
        for row in rows:
            figure = by_code[f"output_{row['id']}"]
            self.assertEqual(figure.previous_value, row["previous_year"])
            self.assertEqual(figure.target_value, row["target"])
            self.assertEqual(figure.value, row["actual"])
            self.assertEqual(figure.note or False, row["note"])
        [pivot] = Output.read_group(domain, ["target:sum", "previous_year:sum"], [])
        self.assertEqual(sum(figures.mapped("target_value")), pivot["target"])
        self.assertEqual(sum(figures.mapped("previous_value")), pivot["previous_year"])
        # Frozen text: renaming the owner later does not change the pack.
        self.owner.name = "Gareth O."
        self.assertEqual(by_code[f"output_{self.output.id}"].owner, "Gareth Owen")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "link_membership.link_monitoring_period_report", period.ids
            )[0]
            .decode()
        )
        tree = lxml_html.fromstring(html)
        [section] = tree.xpath("//div[@id='link_monitoring_outputs']")
        text = " ".join(section.text_content().split())
        self.assertIn("Recruitment of 30 full members 24 30 7 Gareth Owen", text)
        self.assertIn("Stall at the summer fair", text)


class TestPrintedPlan(WorkplanCase):
    def test_outputs_outcome_review_and_not_reviewed_rag(self):
        with freeze_time("2026-06-01"):
            reviewed = self._action("30 April 2026", outcome="Forum set up")
            suggested = self._action("August 2026", name="Not yet reviewed")
            reviewed.with_user(self.steering)._record_review(
                "amber", comment="Slipping, chase the venue"
            )
            self.env["link.workplan.output"].with_user(self.staff).create(
                {
                    "workplan_id": self.plan.id,
                    "objective": "Marketing",
                    "name": "Attend 18 external events",
                    "previous_year": 12,
                    "target": 18,
                    "actual_entered": 5,
                    "date_start": date(2026, 4, 1),
                    "date_end": date(2027, 3, 31),
                    "note": "Two fairs booked",
                }
            )
            html = (
                self.env["ir.actions.report"]
                .with_user(self.staff)
                ._render_qweb_html("link_workplan.report_workplan", self.plan.ids)[0]
                .decode()
            )
        tree = lxml_html.fromstring(html)
        headers = [
            " ".join(th.text_content().split())
            for th in tree.xpath("//table[contains(@class, 'o_link_plan_table')]//th")
        ]
        self.assertEqual(
            headers,
            [
                "Action",
                "Lead",
                "Support",
                "Deadline",
                "Progress",
                "Outcome",
                "Review",
                "RAG",
            ],
        )
        rows = {
            " ".join(row.xpath("./td")[0].text_content().split()): row.xpath("./td")
            for row in tree.xpath("//tr[contains(@class, 'o_link_action_row')]")
        }
        done = rows[reviewed.name]
        self.assertEqual(done[5].text_content().strip(), "Forum set up")
        self.assertIn("01/06/2026: Slipping, chase the venue", done[6].text_content())
        self.assertEqual(done[7].text_content().strip(), "Amber")
        self.assertNotIn("not reviewed", done[7].text_content())
        self.assertEqual(suggested.rag_reviewed, False)
        rag = " ".join(rows["Not yet reviewed"][7].text_content().split())
        self.assertEqual(rag, "Green Suggested, not reviewed")
        [outputs] = tree.xpath("//table[contains(@class, 'o_link_outputs_table')]")
        text = " ".join(outputs.text_content().split())
        self.assertIn("Marketing Attend 18 external events 12 18 5", text)
        self.assertIn("Two fairs booked", text)
