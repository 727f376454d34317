# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile input at the shift forms (sign-up, the withdraw question and
withdraw) and the /my/shifts query string and pager, as volunteer A."""

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import tagged

from . import portal_bad_input_common as common
from .portal_bad_input_common import (
    EXTRA_FIELDS,
    HOSTILE_NUMBER_TEXT,
    HOSTILE_PATH_ID,
    HOSTILE_TEXT,
    IMG,
    LIVE_MARKUP,
    SCRIPT,
    SETTINGS,
    quote,
    route_id,
)


@tagged("post_install", "-at_install")
class TestPortalBadInputShifts(common.PortalBadInputCase):
    # --- shifts ---------------------------------------------------------------

    @SETTINGS
    @given(
        shift=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_shift", "draft_shift", "own"])
        ),
        extra=EXTRA_FIELDS,
    )
    @example(shift="own", extra={"partner_id": "other_partner", "state": "attended"})
    @example(shift=str(2**63), extra={})
    @example(shift="draft_shift", extra={})
    def test_shift_signup(self, shift, extra):
        def check():
            shift_id = self.shifts[0].id if shift == "own" else self._id(shift)
            extra_fields = dict(extra)
            if "partner_id" in extra_fields:
                extra_fields["partner_id"] = self._id(extra_fields["partner_id"])
            Place = self.env["link.shift.assignment"]
            mine = Place.search([("partner_id", "=", self.a.id)])
            before = self._counts("link.shift.assignment")
            response = self._post(f"/my/shifts/{shift_id}/signup", **extra_fields)
            self.env.invalidate_all()
            new = Place.search([("partner_id", "=", self.a.id)]) - mine
            location = response.headers.get("Location", "")
            if "signed=" in location:
                # Only Ann, only on the open shift she asked for, as the model
                # decides (confirmed, never what the form said).
                self.assertEqual(new.shift_id.ids, [route_id(shift_id)])
                self.assertIn(new.state, ("confirmed", "waitlisted"))
            else:
                self.assertFalse(new)
                self.assertEqual(self._counts("link.shift.assignment"), before)
            self._assert_clean("/my/shifts")

        self._example(check)

    @SETTINGS
    @given(
        place=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_place", "own", "own"])
        ),
        extra=EXTRA_FIELDS,
    )
    @example(place="other_place", extra={})
    def test_shift_withdraw(self, place, extra):
        def check():
            place_id = self.a_place.id if place == "own" else self._id(place)
            mine = route_id(place_id) == self.a_place.id
            extra_fields = dict(extra)
            if "partner_id" in extra_fields:
                extra_fields["partner_id"] = self._id(extra_fields["partner_id"])
            before = self._counts("link.shift.assignment")
            # The question asked first (a GET) changes nothing and names
            # nothing of anyone else's.
            question = self._request(f"/my/shifts/place/{place_id}/withdraw")
            if mine:
                self.assertEqual(question.status_code, 200)
                self.assertIsNone(LIVE_MARKUP.search(question.text))
            else:
                self.assertIn(question.status_code, (301, 303, 404))
                self.assertNotIn("Bad input shift 2", question.text)
            self.assertEqual(self.a_place.state, "confirmed")
            response = self._post(
                f"/my/shifts/place/{place_id}/withdraw", **extra_fields
            )
            self.env.invalidate_all()
            self.assertEqual(self._counts("link.shift.assignment"), before)
            if "withdrawn=1" in response.headers.get("Location", ""):
                self.assertTrue(mine)
                self.assertEqual(self.a_place.state, "cancelled")
            if not mine:
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.a_place.state, "confirmed")
            self._assert_clean("/my/shifts")

        self._example(check)

    @SETTINGS
    @given(
        signed=st.one_of(HOSTILE_NUMBER_TEXT, HOSTILE_TEXT, st.just("other_place")),
        error=st.one_of(HOSTILE_NUMBER_TEXT, HOSTILE_TEXT),
        withdrawn=HOSTILE_TEXT,
        page=HOSTILE_PATH_ID,
    )
    @example(signed="other_place", error=SCRIPT, withdrawn=IMG, page="1")
    @example(signed="²", error="²", withdrawn="1", page="1")
    @example(signed="9" * 40, error="9" * 40, withdrawn="1", page=str(2**63))
    def test_shift_page_parameters(self, signed, error, withdrawn, page):
        """The page the forms redirect to, with its query string tampered."""

        def check():
            params = {
                "signed": self._id(signed)[:2000],
                "error": error[:2000],
                "withdrawn": withdrawn[:2000],
            }
            response = self._request(f"/my/shifts/page/{page}", data=None)
            self.assertIn(response.status_code, (200, 301, 303, 404))
            response = self._request(
                "/my/shifts?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())
            )
            self.assertEqual(response.status_code, 200)
            self.assertIsNone(LIVE_MARKUP.search(response.text))
            # Ben's shift name would only appear if Ann were told about his
            # place.
            if signed == "other_place":
                self.assertNotIn("You are booked on Bad input shift 2", response.text)

        self._example(check)
