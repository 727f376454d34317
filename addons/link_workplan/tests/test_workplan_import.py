# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import file_open

from odoo.addons.link_membership.tests.common import LinkCase

KENT = "link_workplan/demo/kent_action_plan.csv"


class TestWorkplanImport(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Working better together",
                "date_start": date(2010, 4, 1),
                "date_end": date(2011, 3, 31),
            }
        )
        with file_open(KENT, "rb") as kent:
            cls.kent = kent.read()

    def _import(self, data, filename="plan.csv", user=None):
        wizard = (
            self.env["link.workplan.import"]
            .with_user(user or self.staff)
            .create(
                {
                    "workplan_id": self.plan.id,
                    "file": base64.b64encode(data),
                    "filename": filename,
                }
            )
        )
        wizard.action_import()
        return wizard

    def test_the_kent_plan_arrives_whole(self):
        wizard = self._import(self.kent)
        streams = self.plan.workstream_ids
        self.assertEqual(len(streams), 5)
        self.assertEqual(len(streams.target_ids), 22)
        self.assertEqual(len(self.plan.action_ids), 55)
        self.assertEqual(
            streams.mapped("name"),
            [
                "Active engagement",
                "Engaging with people who are seldom heard",
                "Engaging with primary care",
                "First point of contact",
                "Digital engagement",
            ],
        )
        self.assertIn("55 actions", wizard.report)
        self.assertIn("KMN", wizard.report, "a lead missing from the key is reported")

        horizon = self.plan.action_ids.filtered(
            lambda a: a.name.startswith("Develop a system to 'Horizon Scan'")
        )
        self.assertTrue(
            horizon.name.endswith("opportunities to bring actively engaged together"),
            "a row wrapped onto the next line is joined",
        )
        self.assertEqual(horizon.lead_id.name, "Rhys Bolton")
        self.assertEqual(horizon.support_ids.mapped("name"), ["Harriet Pell"])
        self.assertEqual(
            (horizon.deadline_date, horizon.deadline_precision),
            (date(2010, 7, 30), "day"),
        )
        self.assertEqual(horizon.progress_ids.note, "Linked into above")
        self.assertEqual(horizon.target_id.code, "C")

        seldom_a = streams[1].target_ids[0]
        self.assertTrue(
            seldom_a.name.startswith("To put in place a sustainable process")
        )
        self.assertTrue(
            seldom_a.milestone.startswith("Identify, document and contact"),
            "target and milestone shared one cell",
        )
        holiday = self.plan.action_ids.filtered(
            lambda a: a.deadline_text == "December school holiday"
        )
        self.assertEqual(
            (holiday.deadline_date, holiday.deadline_precision),
            (date(2010, 12, 31), "term"),
        )
        self.assertEqual(
            self.plan.action_ids.filtered(
                lambda a: a.deadline_text == "Ongoing"
            ).deadline_precision,
            "ongoing",
        )
        self.assertEqual(
            self.plan.action_ids.filtered(
                lambda a: a.deadline_text == "End of August"
            ).deadline_date,
            date(2010, 8, 31),
        )

    def test_an_excel_file_gives_the_same_plan(self):
        book = openpyxl.Workbook()
        for row in csv.reader(io.StringIO(self.kent.decode("utf-8"))):
            book.active.append(row)
        stream = io.BytesIO()
        book.save(stream)
        self._import(stream.getvalue(), filename="kent.xlsx")
        self.assertEqual(len(self.plan.workstream_ids), 5)
        self.assertEqual(len(self.plan.action_ids), 55)

    def test_all_or_nothing_with_every_bad_row_listed(self):
        bad = (
            "Key: AB – Ann Bee\n"
            "Work Stream One: TESTING\n"
            "ACTION,LEAD,SUPPORT,DEADLINE,PROGRESS\n"
            "Target A: Something\n"
            "Do the first thing,AB,,9 July 2010,\n"
            "Do the second thing,AB,,when pigs fly,\n"
            "Milestone: orphan milestone after actions\n"
            "Do the third thing,AB,,31 February 2011,\n"
        ).encode()
        with self.assertRaises(UserError) as refusal:
            self._import(bad)
        message = str(refusal.exception)
        self.assertIn("Nothing was imported", message)
        self.assertIn("Line 6: cannot read the deadline “when pigs fly”", message)
        self.assertIn("Line 8: cannot read the deadline “31 February 2011”", message)
        self.assertFalse(self.plan.workstream_ids)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Ann Bee")]))

    def test_people_in_the_key_are_found_not_duplicated(self):
        existing = self.env["res.partner"].create({"name": "Ann Bee"})
        self._import(
            b"Key: AB \xe2\x80\x93 Ann Bee\nWork Stream One: TESTING\n"
            b"Do the first thing,AB,AB/CD,March 2011,\n"
        )
        action = self.plan.action_ids
        self.assertEqual(action.lead_id, existing)
        self.assertEqual(action.support_ids.mapped("name"), ["Ann Bee", "CD"])

    def test_a_file_without_streams_is_refused(self):
        with self.assertRaisesRegex(UserError, "Work Stream"):
            self._import(b"just,some,text\n")

    def test_only_staff_import(self):
        with self.assertRaises(AccessError):
            self._import(self.kent, user=self.steering)

    def test_the_imported_plan_prints_as_a_nested_list(self):
        self._import(self.kent)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("link_workplan.report_workplan", self.plan.ids)[0]
            .decode()
        )
        self.assertEqual(html.count("o_link_stream"), 5)
        self.assertEqual(html.count("o_link_target_row"), 22)
        self.assertEqual(html.count("o_link_action_row"), 55)
        first_stream = html.index("Active engagement")
        first_target = html.index("Target A:", first_stream)
        first_action = html.index(
            "Gather information on all PCT actively engaged groups"
        )
        self.assertLess(first_stream, first_target)
        self.assertLess(first_target, first_action)
        self.assertIn("Linked into above", html)
