# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime, timedelta

from lxml import html

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

START = datetime(2031, 3, 3, 10)


@tagged("post_install", "-at_install")
class TestShiftPortal(HttpCase):
    """Two portal volunteers, Ann and Ben: each sees open shifts and their own
    places, never the other's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann_user = new_test_user(cls.env, "vol_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "vol_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        cls.ann.write({"name": "Ann Portal", "link_is_volunteer": True})
        cls.ben.write(
            {"name": "Ben Portal", "link_is_volunteer": True, "phone": "01234 999888"}
        )
        cls.dbs = cls.env.ref("link_membership.qualification_type_dbs_enhanced")
        cls.gateway = cls.env["link.volunteer.role"].create({"name": "Portal host"})
        cls.board = cls.env["link.volunteer.role"].create(
            {
                "name": "Portal board seat",
                "qualification_type_ids": [(6, 0, cls.dbs.ids)],
            }
        )
        # Only this test's shifts are open.
        cls.env["link.shift"].search([("state", "in", ("open", "full"))]).write(
            {"state": "draft"}
        )
        cls.open_shift = cls._shift("Tour gateway shift", 0, max_volunteers=1)
        cls.board_shift = cls._shift("Hospital board", 1, role=cls.board)
        cls.ben_shift = cls._shift("Ben's stall", 2)
        cls.ben_place = cls.env["link.shift.assignment"].create(
            {"shift_id": cls.ben_shift.id, "partner_id": cls.ben.id}
        )

    @classmethod
    def _shift(cls, name, day, role=None, **vals):
        start = START + timedelta(days=day)
        return cls.env["link.shift"].create(
            {
                "name": name,
                "role_id": (role or cls.gateway).id,
                "date_start": start,
                "date_end": start + timedelta(hours=3),
                "max_volunteers": 3,
                "state": "open",
                **vals,
            }
        )

    def _page(self, login, url="/my/shifts"):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _post(self, url, page, allow_redirects=True, **data):
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.url_open(
            url, data={"csrf_token": token, **data}, allow_redirects=allow_redirects
        )

    def _shift_card(self, page, shift):
        """The text of ``shift``'s card in the list of open shifts."""
        cards = html.fromstring(page).xpath(
            f"//div[hasclass('o_link_shift')][@data-shift-id='{shift.id}']"
        )
        self.assertEqual(len(cards), 1)
        return " ".join(cards[0].text_content().split())

    def _title(self, page):
        return " ".join(html.fromstring(page).findtext(".//title").split())

    def test_list_shows_places_left_and_why_not_qualified(self):
        page = self._page("vol_ann")
        self.assertIn("Tour gateway shift", page)
        self.assertIn("1 of 1 places left", page)
        self.assertRegex(
            page, r"Hospital board(.|\n)*You cannot sign up(.|\n)*Needs DBS check"
        )
        self.assertIn("You have no shifts booked", page)
        # Ben's place shows on his page, and nothing of him on Ann's.
        self.assertNotIn("Ben Portal", page)
        self.assertNotIn("01234 999888", page)
        ben_page = self._page("vol_ben")
        self.assertRegex(ben_page, r"My upcoming shifts(.|\n)*Ben&#39;s stall")

    def test_sign_up_waitlist_and_withdraw(self):
        page = self._page("vol_ann")
        response = self._post(f"/my/shifts/{self.open_shift.id}/signup", page)
        self.assertIn("You are booked on Tour gateway shift", response.text)
        ann_place = self.open_shift.assignment_ids
        self.assertEqual(ann_place.state, "confirmed")
        self.assertEqual(ann_place.assigned_by_id, self.ann_user)
        page = self._page("vol_ben")
        self.assertIn("Join the waiting list", page)
        response = self._post(f"/my/shifts/{self.open_shift.id}/signup", page)
        self.assertIn("you are on its waiting list", response.text)
        ben_place = self.open_shift.assignment_ids - ann_place
        self.assertEqual(ben_place.state, "waitlisted")
        # Ben cannot withdraw Ann's place; Ann withdraws and Ben moves up.
        response = self._post(f"/my/shifts/place/{ann_place.id}/withdraw", page)
        self.assertEqual(response.status_code, 404)
        page = self._page("vol_ann")
        response = self._post(f"/my/shifts/place/{ann_place.id}/withdraw", page)
        self.assertIn("You have withdrawn", response.text)
        self.assertEqual(ann_place.state, "cancelled")
        self.assertEqual(ben_place.state, "confirmed")

    def test_wording_follows_the_volunteers_place(self):
        """On a full shift, the holder of its place is told so, and the
        people waiting their number: nobody who holds a place is offered the
        waiting list."""
        carl = new_test_user(self.env, "vol_carl", groups="base.group_portal")
        Place = self.env["link.shift.assignment"]
        Place.create({"shift_id": self.open_shift.id, "partner_id": self.ann.id})
        Place.create({"shift_id": self.open_shift.id, "partner_id": self.ben.id})
        Place.create({"shift_id": self.open_shift.id, "partner_id": carl.partner_id.id})
        self.assertEqual(
            self.open_shift.assignment_ids.mapped("state"),
            ["confirmed", "waitlisted", "waitlisted"],
        )
        ann = self._shift_card(self._page("vol_ann"), self.open_shift)
        self.assertIn("You have a place", ann)
        self.assertNotIn("waiting list", ann)
        self.assertNotIn("Sign up", ann)
        ben_page = self._page("vol_ben")
        ben = self._shift_card(ben_page, self.open_shift)
        self.assertIn("You are number 1 on the waiting list", ben)
        self.assertNotIn("You have a place", ben)
        self.assertNotIn("Join the waiting list", ben)
        self.assertRegex(
            ben_page,
            r"My upcoming shifts(.|\n)*Tour gateway shift(.|\n)*"
            r"Waiting list: number 1",
        )
        carl_card = self._shift_card(self._page("vol_carl"), self.open_shift)
        self.assertIn("You are number 2 on the waiting list", carl_card)
        carl_place = self.open_shift.assignment_ids.filtered(
            lambda a: a.partner_id == carl.partner_id
        )
        question = self._page("vol_carl", f"/my/shifts/place/{carl_place.id}/withdraw")
        self.assertIn("You are number 2 on the waiting list", question)
        self.assertIn("you lose your turn", question)
        # Someone with no place may join; someone not qualified is only told
        # that it is full, and why they cannot sign up.
        self.open_shift.assignment_ids.filtered(
            lambda a: a.partner_id == carl.partner_id
        ).action_cancel()
        carl_card = self._shift_card(self._page("vol_carl"), self.open_shift)
        self.assertIn("Full: you can join the waiting list", carl_card)
        self.assertIn("Join the waiting list", carl_card)
        self.env["link.qualification"].create(
            {
                "partner_id": self.ben.id,
                "type_id": self.dbs.id,
                "date_obtained": "2030-06-01",
                "evidence_state": "checked",
            }
        )
        self.board_shift.max_volunteers = 1
        Place.create({"shift_id": self.board_shift.id, "partner_id": self.ben.id})
        board = self._shift_card(self._page("vol_ann"), self.board_shift)
        self.assertIn("You cannot sign up", board)
        self.assertNotIn("join the waiting list", board.lower())

    def test_withdraw_asks_to_confirm(self):
        place = self.env["link.shift.assignment"].create(
            {"shift_id": self.open_shift.id, "partner_id": self.ann.id}
        )
        page = self._page("vol_ann")
        withdraw_url = f"/my/shifts/place/{place.id}/withdraw"
        # The list only links to the question; nothing on it withdraws.
        tree = html.fromstring(page)
        self.assertFalse(tree.xpath(f"//form[@action='{withdraw_url}']"))
        self.assertTrue(tree.xpath(f"//a[@href='{withdraw_url}']"))
        confirm = self._page("vol_ann", withdraw_url)
        self.assertEqual(place.state, "confirmed")
        self.assertIn("Withdraw from Tour gateway shift?", confirm)
        self.assertIn("it goes to the next person on the waiting list", confirm)
        self.assertEqual(self._title(confirm), "Withdraw from Tour gateway shift")
        self.assertTrue(
            html.fromstring(confirm).xpath(
                f"//form[@action='{withdraw_url}'][@method='post']"
                "//button[contains(., 'Yes, withdraw')]"
            )
        )
        self.assertIn('href="/my/shifts"', confirm)  # keep my place
        response = self._post(withdraw_url, confirm)
        self.assertIn("You have withdrawn", response.text)
        self.assertEqual(place.state, "cancelled")
        # Someone else's place, or one given up already: no question asked.
        self.authenticate("vol_ann", "vol_ann")
        self.assertEqual(self.url_open(withdraw_url).status_code, 404)
        self.assertEqual(
            self.url_open(f"/my/shifts/place/{self.ben_place.id}/withdraw").status_code,
            404,
        )

    def test_withdraw_question_says_when_it_is_too_late(self):
        soon = fields.Datetime.now() + timedelta(hours=2)
        shift = self.env["link.shift"].create(
            {
                "name": "Starting soon",
                "role_id": self.gateway.id,
                "date_start": soon,
                "date_end": soon + timedelta(hours=2),
                "state": "open",
            }
        )
        place = self.env["link.shift.assignment"].create(
            {"shift_id": shift.id, "partner_id": self.ann.id}
        )
        confirm = self._page("vol_ann", f"/my/shifts/place/{place.id}/withdraw")
        self.assertIn("It is too late to withdraw online from Starting soon", confirm)
        self.assertNotIn("Yes, withdraw", confirm)
        self.assertEqual(place.state, "confirmed")

    def test_page_titles_say_what_the_page_is(self):
        self.assertEqual(self._title(self._page("vol_ann")), "My shifts")
        self.assertEqual(
            self._title(self._page("vol_ann", "/my/qualifications")),
            "My qualifications",
        )
        self.assertEqual(self._title(self._page("vol_ann", "/my")), "My account")

    def test_home_shows_the_volunteer_tiles_with_no_place_yet(self):
        """Ann has no place: her tiles still show (before and without any
        script), with their counters."""
        tree = html.fromstring(self._page("vol_ann", "/my"))
        for url, counter in (
            ("/my/shifts", "shift_count"),
            ("/my/qualifications", "qualification_count"),
        ):
            (card,) = tree.xpath(
                f"//div[hasclass('o_portal_index_card')][.//a[@href='{url}']]"
            )
            self.assertNotIn("d-none", card.get("class"), url)
            self.assertTrue(card.xpath(f".//*[@data-placeholder_count='{counter}']"))

    def test_unqualified_sign_up_is_refused_with_the_reason(self):
        page = self._page("vol_ann")
        response = self._post(f"/my/shifts/{self.board_shift.id}/signup", page)
        self.assertIn("We could not change your place", response.text)
        self.assertFalse(self.board_shift.assignment_ids)
        draft = self._shift("Not open yet", 5, state="draft")
        response = self._post(f"/my/shifts/{draft.id}/signup", page)
        self.assertEqual(response.status_code, 404)

    def test_qualifications_page_and_evidence(self):
        mine = self.env["link.qualification"].create(
            {
                "partner_id": self.ann.id,
                "type_id": self.dbs.id,
                "date_obtained": "2030-01-01",
            }
        )
        theirs = self.env["link.qualification"].create(
            {
                "partner_id": self.ben.id,
                "type_id": self.dbs.id,
                "reference": "BEN-SECRET",
            }
        )
        page = self._page("vol_ann", "/my/qualifications")
        self.assertIn("DBS check (enhanced)", page)
        # Cards that stack at phone width, not a table wider than the screen
        # (the phone-width tour measures it); the evidence form in each card.
        tree = html.fromstring(page)
        self.assertFalse(tree.xpath("//main//table"))
        (card,) = tree.xpath("//li[hasclass('o_link_qualification')]")
        self.assertIn("DBS check (enhanced)", card.text_content())
        self.assertTrue(card.xpath(".//form[hasclass('o_link_evidence_form')]"))
        self.assertIn("Awaiting evidence", page)
        self.assertNotIn("BEN-SECRET", page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/qualifications/{mine.id}/evidence",
            data={"csrf_token": token},
            files={"evidence": ("dbs.pdf", b"%PDF-1.4 certificate", "application/pdf")},
        )
        self.assertIn("your volunteer coordinator will check it", response.text)
        self.assertEqual(mine.evidence_state, "submitted")
        self.assertEqual(mine.evidence_filename, "dbs.pdf")
        response = self.url_open(
            f"/my/qualifications/{theirs.id}/evidence",
            data={"csrf_token": token},
            files={"evidence": ("x.pdf", b"%PDF", "application/pdf")},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(theirs.evidence_state, "none")

    def test_home_counters(self):
        self.authenticate("vol_ben", "vol_ben")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["shift_count", "qualification_count"]}
        )
        self.assertEqual(counters, {"shift_count": 1, "qualification_count": 0})

    @mute_logger("odoo.http")
    def test_json_rpc_keeps_volunteers_apart(self):
        self.authenticate("vol_ann", "vol_ann")

        def call(model, method, *args):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": list(args), "kwargs": {}},
            )

        self.assertEqual(
            call("link.shift.assignment", "search_read", [], ["state"]), []
        )
        for model, method, args in [
            ("link.shift.assignment", "read", (self.ben_place.ids, ["partner_id"])),
            ("res.partner", "read", (self.ben.ids, ["name", "phone"])),
            (
                "link.shift.assignment",
                "create",
                ({"shift_id": self.open_shift.id, "partner_id": self.ann.id},),
            ),
            ("link.shift.assignment", "write", (self.ben_place.ids, {"hours": 99})),
            ("link.shift", "write", (self.open_shift.ids, {"max_volunteers": 99})),
        ]:
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                call(model, method, *args)
        shifts = call("link.shift", "search_read", [], ["name", "seats_left"])
        self.assertEqual(
            {s["name"] for s in shifts},
            {"Tour gateway shift", "Hospital board", "Ben's stall"},
        )
        self.assertFalse(self.open_shift.assignment_ids)

    def test_queries_do_not_grow_with_open_shifts(self):
        def open_shifts(count):
            self.env["link.shift"].with_context(tracking_disable=True).create(
                [
                    {
                        "name": f"Extra shift {i}",
                        "role_id": (self.board if i % 2 else self.gateway).id,
                        "date_start": START + timedelta(days=10, hours=i),
                        "date_end": START + timedelta(days=10, hours=i + 1),
                        "state": "open",
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()

        # Ann already holds a place (on a shift that is not open to others),
        # so that each page shows all its parts.
        self.env["link.shift.assignment"].create(
            {
                "shift_id": self._shift("Pre-booked", 500, state="draft").id,
                "partner_id": self.ann.id,
            }
        )
        self.authenticate("vol_ann", "vol_ann")
        page = self.url_open("/my/shifts").text
        self._post(f"/my/shifts/{self.ben_shift.id}/signup", page)  # warm-up
        for total in (10, 300):
            open_shifts(total - 3)
            # Warm the caches (the pager's template is read once).
            self.url_open("/my/shifts")
            with self.assertQueryCount(13):
                page = self.url_open("/my/shifts").text
            shift = self._shift(f"Sign-up {total}", 30 + total)
            self.url_open("/my/shifts")
            self.env.flush_all()
            # 34: the sign-up locks the shift and, since #17, the person too;
            # 37 since #21: the confirmation mail carries the place as .ics.
            with self.assertQueryCount(37):
                response = self._post(
                    f"/my/shifts/{shift.id}/signup", page, allow_redirects=False
                )
            self.assertEqual(response.status_code, 303)
            self.assertEqual(shift.assignment_ids.partner_id, self.ann)
            self.env["link.shift"].search([("name", "=like", "Extra shift%")]).write(
                {"state": "draft"}
            )

    def test_tour_signs_up_in_a_real_browser(self):
        self.start_tour("/my/shifts", "link_shift_portal_tour", login="vol_ann")
        self.assertEqual(self.open_shift.assignment_ids.partner_id, self.ann)
        self.assertEqual(self.open_shift.assignment_ids.state, "confirmed")
