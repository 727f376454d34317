# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time
from lxml import html

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestYouSaidWeDid(HttpCase):
    """Staff choose what is public; the public pages show that, and nothing
    about who raised an issue or attends a meeting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="ysd_staff", groups="link_membership.group_link_staff"
        )
        cls.steering = new_test_user(
            cls.env, login="ysd_steering", groups="link_membership.group_link_steering"
        )
        # Only this test's issues and meetings are public.
        cls.env["link.community.issue"].search([("public_published", "=", True)]).write(
            {"public_published": False}
        )
        cls.env["calendar.event"].search(
            [("link_decides_work_programme", "=", True)]
        ).write({"link_decides_work_programme": False})
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Test public plan",
                "date_start": date(2026, 4, 1),
                "date_end": date(2027, 3, 31),
                "state": "approved",
            }
        )
        cls.stream = cls.env["link.workstream"].create(
            {"name": "Public stream", "workplan_id": cls.plan.id}
        )
        cls.person = cls.env["res.partner"].create(
            {"name": "Winifred Oyelaran", "email": "winifred.oyelaran@example.org"}
        )
        Issue = cls.env["link.community.issue"]
        cls.issue = Issue.create(
            {
                "name": "Medicines late after discharge",
                "contact_ids": [
                    (0, 0, {"partner_id": cls.person.id, "tell_back": True})
                ],
                "decision": "work_plan",
                "plan_workstream_id": cls.stream.id,
            }
        )
        cls.unpublished = Issue.create(
            {
                "name": "Unpublished issue",
                "decision": "no_action",
                "decision_reason": "A confidential reason",
                "public_summary": "Never shown: not published.",
            }
        )
        with freeze_time("2026-09-15"):
            (cls.issue | cls.unpublished).with_user(cls.steering).action_decide()

    def _publish(self, issue=None, **vals):
        issue = (issue or self.issue).with_user(self.staff)
        issue.write(
            {
                "public_summary": "People waited days for medicines after "
                "leaving hospital.",
                "public_outcome": "The trust's pharmacy now checks every discharge.",
                **vals,
            }
        )
        issue.action_publish()
        return issue

    def test_publish_refusals_say_what_to_do(self):
        as_staff = self.issue.with_user(self.staff)
        with self.assertRaisesRegex(UserError, "write what we publish"):
            as_staff.action_publish()
        cases = [
            ("Winifred Oyelaran waited a week.", "take out the names"),
            ("Write to winifred@example.org.", "email addresses and phone numbers"),
            ("Ring 07700 900123.", "email addresses and phone numbers"),
        ]
        for summary, message in cases:
            with self.subTest(summary=summary):
                as_staff.public_summary = summary
                with self.assertRaisesRegex(UserError, message):
                    as_staff.action_publish()
        new = self.env["link.community.issue"].create(
            {"name": "Not decided", "public_summary": "Fine words."}
        )
        with self.assertRaisesRegex(UserError, "record the decision first"):
            new.with_user(self.staff).action_publish()
        self.assertFalse(self.issue.public_published)

    def test_only_staff_choose_what_is_public(self):
        as_steering = self.issue.with_user(self.steering)
        with self.assertRaises(AccessError):
            as_steering.write({"public_summary": "Steering words"})
        with self.assertRaises(AccessError):
            as_steering.action_publish()
        self._publish()
        with self.assertRaises(AccessError):
            as_steering.action_take_down()
        self.assertTrue(self.issue.public_published)

    def test_the_public_page_shows_published_issues_only(self):
        self._publish()
        self.issue.action_id.with_user(self.staff).write({"state": "done"})
        self.issue.action_id.date_done = date(2026, 11, 2)
        page = self.url_open("/you-said-we-did")
        self.assertEqual(page.status_code, 200)
        cards = html.fromstring(page.content).xpath(
            "//article[hasclass('o_link_public_issue')]"
        )
        self.assertEqual(len(cards), 1)
        text = cards[0].text_content()
        self.assertIn("People waited days for medicines", text)
        self.assertIn("Take into the work plan", text)
        self.assertIn("15/09/2026", text)
        self.assertIn("pharmacy now checks", text)
        self.assertIn("Done on 02/11/2026", text)
        for private in (
            "Winifred",
            "Oyelaran",
            "example.org",
            "Medicines late after discharge",
            "confidential reason",
            "Never shown",
            "Unpublished issue",
        ):
            self.assertNotIn(private, page.text)
        one = self.url_open(f"/you-said-we-did/{self.issue.id}")
        self.assertEqual(one.status_code, 200)
        self.assertIn("pharmacy now checks", one.text)
        self.assertNotIn("Winifred", one.text)
        # Taken down: gone.
        self.issue.with_user(self.staff).action_take_down()
        self.assertNotIn("People waited days", self.url_open("/you-said-we-did").text)
        self.assertEqual(
            self.url_open(f"/you-said-we-did/{self.issue.id}").status_code, 404
        )

    def test_bad_addresses_are_not_found(self):
        self._publish()
        for path in (
            f"/you-said-we-did/{self.unpublished.id}",
            "/you-said-we-did/0",
            "/you-said-we-did/abc",
            "/you-said-we-did/99999999999",
            "/you-said-we-did/%00",
            "/you-said-we-did/-1",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)
        # Past the last page: the last page; a page that is no number: the
        # first.
        for path in (
            "/you-said-we-did/page/999",
            "/you-said-we-did/page/99999999999",
            "/you-said-we-did?page=abc",
            "/you-said-we-did?page=%00",
            "/you-said-we-did?page=-3",
        ):
            with self.subTest(path=path):
                page = self.url_open(path)
                self.assertEqual(page.status_code, 200)
                self.assertIn("People waited days", page.text)
        self.assertEqual(self.url_open("/work-programme?x=%00").status_code, 200)

    def test_a_decided_issue_moved_back_leaves_the_page(self):
        self._publish()
        self.issue.state = "assessed"
        self.assertNotIn("People waited days", self.url_open("/you-said-we-did").text)

    def test_the_list_reads_the_same_few_queries_for_many_issues(self):
        Issue = self.env["link.community.issue"]

        def publish(count):
            issues = Issue.create(
                [
                    {
                        "name": f"Load {n}",
                        "decision": "work_plan",
                        "plan_workstream_id": self.stream.id,
                    }
                    for n in range(count)
                ]
            )
            issues.action_decide()
            issues.write({"public_summary": "Said", "public_outcome": "Did"})
            issues.action_publish()
            self.env.flush_all()
            self.env.invalidate_all()

        publish(2)
        Issue._link_public_page()  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            first = Issue._link_public_page()
        publish(15)
        with self.assertQueryCount(4):
            second = Issue._link_public_page()
        self.assertEqual((first["total"], second["total"]), (2, 17))
        self.assertEqual(len(second["rows"]), 17)

    def test_work_programme_page(self):
        today = fields.Date.today()
        self.env["link.workplan"].search([("state", "=", "approved")]).active = False
        self.running = self.env["link.workplan"].create(
            {
                "name": "Running plan",
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=330),
                "state": "approved",
            }
        )
        now = fields.Datetime.now()
        Event = self.env["calendar.event"]
        attendee = self.env["res.partner"].create({"name": "Perpetua Attendee"})
        Event.create(
            [
                {
                    "name": "Steering group: work programme",
                    "start": now + timedelta(days=10),
                    "stop": now + timedelta(days=10, hours=2),
                    "location": "Mill Lane Community Centre",
                    "link_decides_work_programme": True,
                    "partner_ids": [(6, 0, attendee.ids)],
                    "description": "Private agenda notes",
                },
                {
                    "name": "Steering group: last programme meeting",
                    "start": now - timedelta(days=30),
                    "stop": now - timedelta(days=30, hours=-2),
                    "location": "Mill Lane Community Centre",
                    "link_decides_work_programme": True,
                },
                {
                    "name": "Ordinary team meeting",
                    "start": now + timedelta(days=5),
                    "stop": now + timedelta(days=5, hours=1),
                },
            ]
        )
        page = self.url_open("/work-programme")
        self.assertEqual(page.status_code, 200)
        tree = html.fromstring(page.content)
        upcoming = tree.xpath("//ul[hasclass('o_link_public_upcoming')]")[0]
        self.assertIn("Steering group: work programme", upcoming.text_content())
        self.assertIn("Mill Lane Community Centre", upcoming.text_content())
        start = (now + timedelta(days=10)).strftime("%d/%m/%Y")
        self.assertIn(start, upcoming.text_content())
        past = tree.xpath("//ul[hasclass('o_link_public_past')]")[0]
        self.assertIn("last programme meeting", past.text_content())
        self.assertNotIn("Ordinary team meeting", page.text)
        for private in ("Perpetua", "Private agenda"):
            self.assertNotIn(private, page.text)
        self.assertIn('href="/you-said-we-did"', page.text)
        plan = tree.xpath("//*[hasclass('o_link_public_plan')]")[0].text_content()
        self.assertIn("Running plan", plan)
        self.assertIn(
            "{} to {}".format(
                self.running.date_start.strftime("%d/%m/%Y"),
                self.running.date_end.strftime("%d/%m/%Y"),
            ),
            plan,
        )

    def test_the_meeting_flag_is_on_the_event_form(self):
        arch = self.env["calendar.event"].with_user(self.steering).get_view()["arch"]
        self.assertIn("link_decides_work_programme", arch)
        monitor = new_test_user(
            self.env, login="ysd_monitor", groups="link_membership.group_link_monitor"
        )
        arch = self.env["calendar.event"].with_user(monitor).get_view()["arch"]
        self.assertNotIn("link_decides_work_programme", arch)
