# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date

from lxml import html

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestOpportunityPortal(HttpCase):
    """Two portal members: each sees and answers only what reached them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna = new_test_user(cls.env, "portal_anna", groups="base.group_portal")
        cls.ben = new_test_user(cls.env, "portal_ben", groups="base.group_portal")
        trust = cls.env["res.partner"].create({"name": "Trust", "is_company": True})
        Opportunity = cls.env["link.opportunity"]
        values = {"partner_id": trust.id, "date_close": date(2099, 1, 1)}
        cls.for_anna = Opportunity.create({"name": "Survey for Anna", **values})
        cls.for_ben = Opportunity.create({"name": "Panel for Ben", **values})
        Recipient = cls.env["link.opportunity.recipient"]
        Recipient.create(
            {"opportunity_id": cls.for_anna.id, "partner_id": cls.anna.partner_id.id}
        )
        Recipient.create(
            {"opportunity_id": cls.for_ben.id, "partner_id": cls.ben.partner_id.id}
        )
        (cls.for_anna | cls.for_ben).state = "circulated"

    def _page(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/opportunities")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_each_member_sees_only_their_opportunities(self):
        page = self._page("portal_anna")
        self.assertIn("Survey for Anna", page)
        self.assertNotIn("Panel for Ben", page)
        self.assertIn("Panel for Ben", self._page("portal_ben"))

    def test_home_has_an_opportunities_tile_with_its_count(self):
        """A member finds the tile on /my as the page comes (no script
        needed to reveal it), with the number open to them."""
        self.anna.partner_id.link_membership_type = "full"
        self.authenticate("portal_anna", "portal_anna")
        tree = html.fromstring(self.url_open("/my").text)
        (card,) = tree.xpath(
            "//div[hasclass('o_portal_index_card')][.//a[@href='/my/opportunities']]"
        )
        self.assertNotIn("d-none", card.get("class"))
        (counter,) = card.xpath(".//*[@data-placeholder_count='opportunity_count']")
        self.assertIn("fw-bold", counter.get("class"))  # the count is shown
        self.assertEqual(
            self.make_jsonrpc_request(
                "/my/counters", {"counters": ["opportunity_count"]}
            ),
            {"opportunity_count": 1},
        )
        # Still there when nothing is open to her.
        self.for_anna.state = "closed"
        tree = html.fromstring(self.url_open("/my").text)
        (card,) = tree.xpath(
            "//div[hasclass('o_portal_index_card')][.//a[@href='/my/opportunities']]"
        )
        self.assertNotIn("d-none", card.get("class"))

    def test_page_title(self):
        title = html.fromstring(self._page("portal_anna")).findtext(".//title")
        self.assertEqual(title.strip(), "Opportunities")

    def test_registering_interest(self):
        page = self._page("portal_anna")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/opportunities/{self.for_anna.id}/interest",
            data={"csrf_token": token, "note": "I use the service every week"},
        )
        self.assertIn("noted your interest", response.text)
        reply = self.for_anna.recipient_ids
        self.assertTrue(reply.interested)
        self.assertEqual(reply.note, "I use the service every week")
        self.assertIn("would like to take part", self.for_anna.message_ids[0].body)
        self.assertIn("You have registered your interest", self._page("portal_anna"))

    def test_tour_registers_interest_in_a_real_browser(self):
        self.start_tour(
            "/my/opportunities", "link_opportunity_portal_tour", login="portal_anna"
        )
        reply = self.for_anna.recipient_ids
        self.assertTrue(reply.interested)
        self.assertEqual(reply.note, "I use the service every week")
        self.assertFalse(self.for_ben.recipient_ids.interested)

    def test_cannot_answer_someone_elses_opportunity(self):
        page = self._page("portal_anna")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/opportunities/{self.for_ben.id}/interest", data={"csrf_token": token}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.for_ben.recipient_ids.interested)

    @mute_logger("odoo.http")
    def test_json_rpc_respects_the_same_limits(self):
        self.authenticate("portal_anna", "portal_anna")
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "link.opportunity.recipient",
                "method": "search_read",
                "args": [[], ["partner_id", "interested"]],
                "kwargs": {},
            },
        )
        self.assertEqual([r["partner_id"][0] for r in found], [self.anna.partner_id.id])
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "link.opportunity.recipient",
                    "method": "write",
                    "args": [self.for_anna.recipient_ids.ids, {"interested": True}],
                    "kwargs": {},
                },
            )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "link.opportunity",
                    "method": "read",
                    "args": [self.for_ben.ids, ["name"]],
                    "kwargs": {},
                },
            )

    @mute_logger("odoo.http")
    def test_nobody_registers_interest_over_rpc(self):
        """Registering interest speaks in the recipient's name in the chatter:
        only the portal route does it, for the user's own row."""
        new_test_user(
            self.env, "opp_rpc_staff", groups="link_membership.group_link_staff"
        )
        for login in ("portal_anna", "opp_rpc_staff"):
            self.authenticate(login, login)
            for method in ("register_interest", "_register_interest"):
                with self.assertRaises(JsonRpcException, msg=(login, method)):
                    self.make_jsonrpc_request(
                        "/web/dataset/call_kw",
                        {
                            "model": "link.opportunity.recipient",
                            "method": method,
                            "args": [self.for_anna.recipient_ids.ids],
                            "kwargs": {},
                        },
                    )
        self.assertFalse(self.for_anna.recipient_ids.interested)
        said = self.for_anna.message_ids.filtered(lambda m: "part" in (m.body or ""))
        self.assertFalse(said)
