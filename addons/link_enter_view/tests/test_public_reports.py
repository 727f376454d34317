# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import EnterViewCase


@tagged("post_install", "-at_install")
class TestPublicVisitReports(EnterViewCase, HttpCase):
    """/visit-reports: what staff published, for anyone, and nothing about
    the people who made or hosted the visit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.care_home.city = "Brookfield"
        cls.manager_contact = cls.env["res.partner"].create(
            {"name": "Mavis Manager", "parent_id": cls.care_home.id}
        )
        Visit = cls.env["link.ev.visit"].with_user(cls.staff)
        team = [
            Command.create({"partner_id": cls.anna.id, "is_lead": True}),
            Command.create({"partner_id": cls.ben.id}),
        ]
        common = {
            "premises_id": cls.care_home.id,
            "provider_contact_id": cls.manager_contact.id,
            "date_visit": datetime(2026, 5, 22, 9),
            "team_member_ids": team,
        }
        cls.answered = Visit.create(
            {
                **common,
                "theme": "Mealtimes and choice",
                "purpose": "To see lunch from the residents' point of view.",
                "report_body": "<p>Residents chose between two hot meals.</p>",
                "recommendation_ids": [
                    Command.create(
                        {
                            "name": "Print the menu in large type.",
                            "answer": "Done from June.",
                            "status": "accepted",
                        }
                    )
                ],
            }
        )
        cls.answered.write(
            {
                "state": "published",
                "date_report_sent": date(2026, 6, 1),
                "date_response": date(2026, 6, 20),
                "response": "<p>We welcome the report and print a larger menu.</p>",
                "date_published": date(2026, 6, 25),
            }
        )
        cls.silent = Visit.create(
            {
                **common,
                "date_visit": datetime(2026, 7, 1, 9),
                "theme": "Night-time care",
                "report_body": "<p>Call bells were answered quickly.</p>",
            }
        )
        cls.silent.write(
            {
                "state": "published",
                "date_report_sent": date(2026, 7, 6),
                "date_published": date(2026, 8, 5),
            }
        )
        cls.draft = Visit.create(
            {**common, "theme": "Draft theme", "report_body": "<p>Not yet</p>"}
        )
        cls.sent = Visit.create({**common, "theme": "Sent not published"})
        cls.sent.write({"state": "report_sent", "date_report_sent": date(2026, 6, 1)})
        cls.cancelled = Visit.create(
            {**common, "theme": "Cancelled theme", "cancel_reason": "Outbreak"}
        )
        cls.cancelled.write({"state": "cancelled"})
        cls.taken_down = Visit.create(
            {**common, "theme": "Taken down theme", "report_body": "<p>Oops</p>"}
        )
        cls.taken_down.write(
            {
                "state": "published",
                "date_report_sent": date(2026, 6, 1),
                "takedown_reason": "Named a resident",
            }
        )
        cls.taken_down.action_take_down()
        cls.private = (
            "Anna Rep",
            "Ben Rep",
            "Mavis Manager",
            cls.staff.name,
            "Named a resident",
            "rep.example",
        )

    def _assert_nothing_personal(self, text):
        for private in self.private:
            self.assertNotIn(private, text)

    def test_list_shows_published_reports_only_newest_first(self):
        page = self.url_open("/visit-reports")
        self.assertEqual(page.status_code, 200)
        links = html.fromstring(page.content).xpath(
            "//a[hasclass('o_link_ev_public_report_link')]/@href"
        )
        mine = [
            link
            for link in links
            if link in {f"/visit-reports/{v.id}" for v in self.silent | self.answered}
        ]
        self.assertEqual(
            mine,
            [f"/visit-reports/{self.silent.id}", f"/visit-reports/{self.answered.id}"],
            "the July visit before the May one",
        )
        for hidden in self.draft | self.sent | self.cancelled | self.taken_down:
            self.assertNotIn(f"/visit-reports/{hidden.id}", links)
        self.assertIn("No response by 03/08/2026", page.text)
        self.assertIn("Response received on 20/06/2026", page.text)
        self._assert_nothing_personal(page.text)

    def test_detail_with_the_response_and_answers(self):
        page = self.url_open(f"/visit-reports/{self.answered.id}")
        self.assertEqual(page.status_code, 200)
        [article] = html.fromstring(page.content).xpath(
            "//article[hasclass('o_link_ev_public_report')]"
        )
        text = article.text_content()
        for shown in (
            "Test Care Home",
            "Brookfield",
            "Run by Test Hospital NHS Trust",
            "Visited on 22/05/2026",
            "Mealtimes and choice",
            "To see lunch from the residents' point of view.",
            "Residents chose between two hot meals.",
            "Print the menu in large type.",
            "Accepted",
            "Done from June.",
            "We welcome the report and print a larger menu.",
        ):
            self.assertIn(shown, text)
        self.assertNotIn("10:00", text, "the day only")
        self._assert_nothing_personal(page.text)

    def test_detail_without_a_response(self):
        page = self.url_open(f"/visit-reports/{self.silent.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("No response by 03/08/2026", page.text)
        self.silent.response_requested = False
        page = self.url_open(f"/visit-reports/{self.silent.id}")
        self.assertIn("No response was requested", page.text)
        self._assert_nothing_personal(page.text)

    def test_not_found_for_anything_not_public(self):
        paths = [
            f"/visit-reports/{visit.id}"
            for visit in self.draft | self.sent | self.cancelled | self.taken_down
        ]
        paths += [
            "/visit-reports/0",
            "/visit-reports/-1",
            "/visit-reports/abc",
            "/visit-reports/%00",
            f"/visit-reports/{self.answered.id}%00",
            "/visit-reports/99999999999",
            "/visit-reports/1e3",
        ]
        for path in paths:
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)

    def test_taking_down_removes_it_and_putting_back_restores_it(self):
        path = f"/visit-reports/{self.answered.id}"
        self.assertEqual(self.url_open(path).status_code, 200)
        visit = self.answered.with_user(self.staff)
        visit.takedown_reason = "The provider asked us to correct a figure."
        visit.action_take_down()
        self.assertEqual(self.url_open(path).status_code, 404)
        self.assertNotIn(path, self.url_open("/visit-reports").text)
        visit.action_put_back()
        self.assertEqual(self.url_open(path).status_code, 200)

    def test_pages_take_the_same_queries_for_more_reports(self):
        self.url_open("/visit-reports")  # warm the caches
        self.url_open(f"/visit-reports/{self.answered.id}")
        with self.assertQueryCount(12):
            self.url_open("/visit-reports")
        with self.assertQueryCount(12):
            self.url_open(f"/visit-reports/{self.answered.id}")
        more = self.answered.copy()
        more.write({"state": "published", "date_report_sent": date(2026, 6, 1)})
        for __ in range(4):
            more.copy().write(
                {"state": "published", "date_report_sent": date(2026, 6, 1)}
            )
        self.env.flush_all()
        with self.assertQueryCount(12):
            self.url_open("/visit-reports")

    def test_paged(self):
        for __ in range(21):
            self.silent.copy().write(
                {"state": "published", "date_report_sent": date(2026, 7, 6)}
            )
        first = self.url_open("/visit-reports")
        self.assertIn("/visit-reports/page/2", first.text)
        second = self.url_open("/visit-reports/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertIn("o_link_ev_public_report_link", second.text)
