# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date, datetime

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

QUALIFICATIONS = ("dbs_enhanced", "enter_view", "safeguarding")


@tagged("post_install", "-at_install")
class TestEnterViewPortal(HttpCase):
    """Two representatives on the portal, each on a different visit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna = new_test_user(cls.env, "ev_portal_anna", groups="base.group_portal")
        cls.ben = new_test_user(cls.env, "ev_portal_ben", groups="base.group_portal")
        cls.carl = new_test_user(cls.env, "ev_portal_carl", groups="base.group_portal")
        people = cls.anna.partner_id | cls.ben.partner_id | cls.carl.partner_id
        types = cls.env["link.qualification.type"]
        for name in QUALIFICATIONS:
            types |= cls.env.ref(f"link_membership.qualification_type_{name}")
        cls.env["link.qualification"].create(
            [
                {
                    "partner_id": partner.id,
                    "type_id": qualification_type.id,
                    "date_obtained": date.today(),
                    "evidence_state": "checked",
                }
                for partner in people
                for qualification_type in types
            ]
        )
        cls.env["link.ev.authorisation"].create(
            [
                {
                    "partner_id": partner.id,
                    "state": "authorised",
                    "date_authorised": date.today(),
                }
                for partner in people
            ]
        )
        home = cls.env["res.partner"].create(
            {
                "name": "Tour Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
            }
        )
        other = cls.env["res.partner"].create(
            {
                "name": "Secret Surgery",
                "is_company": True,
                "link_premises_kind": "gp_practice",
            }
        )
        soon = datetime.combine(date.today(), datetime.min.time()).replace(
            year=date.today().year + 1
        )
        Visit = cls.env["link.ev.visit"]
        cls.anna_visit = Visit.create(
            {
                "premises_id": home.id,
                "date_visit": soon,
                "state": "planned",
                "team_member_ids": [
                    Command.create(
                        {"partner_id": cls.anna.partner_id.id, "is_lead": True}
                    ),
                    Command.create({"partner_id": cls.carl.partner_id.id}),
                ],
            }
        )
        cls.ben_visit = Visit.create(
            {
                "premises_id": other.id,
                "date_visit": soon,
                "state": "planned",
                "team_member_ids": [
                    Command.create(
                        {"partner_id": cls.ben.partner_id.id, "is_lead": True}
                    ),
                    Command.create({"partner_id": cls.carl.partner_id.id}),
                ],
            }
        )
        cls.ben_note = cls.env["link.ev.note"].create(
            {
                "visit_id": cls.ben_visit.id,
                "partner_id": cls.ben.partner_id.id,
                "body": "Ben's secret note",
            }
        )
        cls.carl_declaration = cls.env["link.ev.declaration"].create(
            {
                "visit_id": cls.ben_visit.id,
                "partner_id": cls.carl.partner_id.id,
                "interest": "declared",
                "details": "Carl's interest",
            }
        )

    def _page(self, login, url="/my/visits"):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _token(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def test_each_representative_sees_only_their_visits(self):
        page = self._page("ev_portal_anna")
        self.assertIn("Tour Care Home", page)
        self.assertNotIn("Secret Surgery", page)
        self.assertIn("Secret Surgery", self._page("ev_portal_ben"))
        self.authenticate("ev_portal_anna", "ev_portal_anna")
        self.assertEqual(
            self.url_open(f"/my/visits/{self.ben_visit.id}").status_code, 404
        )
        detail = self._page("ev_portal_anna", f"/my/visits/{self.anna_visit.id}")
        self.assertIn(self.carl.partner_id.name, detail)
        self.assertIn("(lead)", detail)
        self.assertIn("Enter and view visits", self._page("ev_portal_anna", "/my"))

    def test_page_titles_say_what_the_page_is(self):
        def title(url):
            page = self._page("ev_portal_anna", url)
            return " ".join(html.fromstring(page).findtext(".//title").split())

        self.assertEqual(title("/my/visits"), "My visits")
        self.assertEqual(
            title(f"/my/visits/{self.anna_visit.id}"),
            f"Visit {self.anna_visit.name}: Tour Care Home",
        )

    def test_declaration_and_notes_through_the_portal(self):
        url = f"/my/visits/{self.anna_visit.id}"
        token = self._token(self._page("ev_portal_anna", url))
        response = self.url_open(
            f"{url}/declaration",
            data={"csrf_token": token, "interest": "declared", "details": " "},
        )
        self.assertIn("Please say what the interest is", response.text)
        self.assertFalse(self.anna_visit.declaration_ids)
        response = self.url_open(
            f"{url}/declaration",
            data={
                "csrf_token": token,
                "interest": "declared",
                "details": "My aunt lives there",
            },
        )
        self.assertIn("Thank you: saved", response.text)
        declaration = self.anna_visit.declaration_ids
        self.assertEqual(declaration.partner_id, self.anna.partner_id)
        self.assertEqual(declaration.interest, "declared")
        self.assertEqual(declaration.details, "My aunt lives there")
        self.assertIn("Declared through the portal", declaration.message_ids[0].body)
        self.assertEqual(declaration.message_ids[0].author_id, self.anna.partner_id)
        self.assertNotIn("My aunt", "".join(self.anna_visit.message_ids.mapped("body")))
        response = self.url_open(
            f"{url}/notes", data={"csrf_token": token, "body": "Lunch was hot"}
        )
        self.assertEqual(self.anna_visit.note_ids.body, "Lunch was hot")
        self.url_open(
            f"{url}/notes",
            data={"csrf_token": token, "body": "Lunch was hot and tasty"},
        )
        self.assertEqual(self.anna_visit.note_ids.body, "Lunch was hot and tasty")
        self.anna_visit.write({"state": "report_drafted"})
        response = self.url_open(
            f"{url}/notes", data={"csrf_token": token, "body": "Too late"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.anna_visit.note_ids.body, "Lunch was hot and tasty")

    def test_refusals_are_shown_on_the_page(self):
        """What the model refuses comes back as the page's message, escaped."""
        url = f"/my/visits/{self.anna_visit.id}"
        token = self._token(self._page("ev_portal_anna", url))
        response = self.url_open(f"{url}/notes", data={"csrf_token": token})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Please write your observations first", response.text)
        response = self.url_open(
            f"{url}/declaration",
            data={"csrf_token": token, "interest": "<b>maybe</b>"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("whether you have an interest to declare", response.text)
        self.assertNotIn("<b>maybe", response.text)
        self.assertFalse(self.anna_visit.note_ids)
        self.assertFalse(self.anna_visit.declaration_ids)

    def test_published_report_shown_afterwards(self):
        self.anna_visit.write(
            {
                "report_body": "<p>Residents were happy.</p>",
                "recommendation_ids": [Command.create({"name": "Open the garden"})],
            }
        )
        url = f"/my/visits/{self.anna_visit.id}"
        self.assertNotIn("Residents were happy", self._page("ev_portal_anna", url))
        self.anna_visit.write({"state": "published"})
        page = self._page("ev_portal_anna", url)
        self.assertIn("Residents were happy", page)
        self.assertIn("Open the garden", page)

    def test_cannot_write_to_someone_elses_visit(self):
        token = self._token(
            self._page("ev_portal_anna", f"/my/visits/{self.anna_visit.id}")
        )
        response = self.url_open(
            f"/my/visits/{self.ben_visit.id}/declaration",
            data={"csrf_token": token, "interest": "none"},
        )
        self.assertEqual(response.status_code, 404)
        response = self.url_open(
            f"/my/visits/{self.ben_visit.id}/notes",
            data={"csrf_token": token, "body": "Intrusion"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.ben_visit.note_ids.body, "Ben's secret note")
        self.assertEqual(self.ben_visit.declaration_ids, self.carl_declaration)

    def _rpc(self, model, method, *args):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    @mute_logger("odoo.http")
    def test_json_rpc_respects_the_same_limits(self):
        self.authenticate("ev_portal_anna", "ev_portal_anna")
        visits = self._rpc("link.ev.visit", "search_read", [], ["name"])
        self.assertEqual([v["id"] for v in visits], self.anna_visit.ids)
        with self.assertRaises(JsonRpcException):
            self._rpc("link.ev.visit", "read", self.ben_visit.ids, ["name"])
        self.assertFalse(self._rpc("link.ev.note", "search_read", [], ["body"]))
        with self.assertRaises(JsonRpcException):
            self._rpc("link.ev.note", "read", self.ben_note.ids, ["body"])
        self.assertFalse(
            self._rpc("link.ev.declaration", "search_read", [], ["details"])
        )
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "link.ev.declaration", "read", self.carl_declaration.ids, ["details"]
            )
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "link.ev.declaration",
                "create",
                {"visit_id": self.anna_visit.id, "partner_id": self.anna.partner_id.id},
            )
        with self.assertRaises(JsonRpcException):
            self._rpc("link.ev.visit", "read", self.anna_visit.ids, ["report_body"])
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "link.ev.visit", "write", self.anna_visit.ids, {"theme": "Mine now"}
            )
        # Carl, on both visits, sees his own declaration and both visits.
        self.authenticate("ev_portal_carl", "ev_portal_carl")
        found = self._rpc("link.ev.declaration", "search_read", [], ["details"])
        self.assertEqual([d["details"] for d in found], ["Carl's interest"])
        visits = self._rpc("link.ev.visit", "search_read", [], ["name"])
        self.assertEqual(
            {v["id"] for v in visits}, {self.anna_visit.id, self.ben_visit.id}
        )

    def test_public_list_of_representatives_names_only(self):
        self.env["link.ev.authorisation"].search(
            [("partner_id", "=", self.anna.partner_id.id)]
        ).badge_number = "AR-PUBLIC"
        self.ben.partner_id.email = "ben.private@rep.example"
        response = self.url_open("/enter-and-view/representatives")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.anna.partner_id.name, response.text)
        self.assertIn(self.ben.partner_id.name, response.text)
        self.assertNotIn("AR-PUBLIC", response.text)
        self.assertNotIn("ben.private@rep.example", response.text)

    def test_tour_declares_an_interest_in_a_real_browser(self):
        self.start_tour(
            "/my/visits", "link_ev_portal_declaration_tour", login="ev_portal_anna"
        )
        declaration = self.anna_visit.declaration_ids
        self.assertEqual(declaration.interest, "declared")
        self.assertEqual(declaration.details, "My aunt lives there")
        self.assertFalse(
            self.ben_visit.declaration_ids.filtered(
                lambda d: d.partner_id == self.anna.partner_id
            )
        )
