# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile input at the opportunity interest form, as volunteer A."""

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import tagged

from . import portal_bad_input_common as common
from .portal_bad_input_common import (
    EXTRA_FIELDS,
    HOSTILE_PATH_ID,
    HOSTILE_TEXT,
    IMG,
    SCRIPT,
    SETTINGS,
    route_id,
    typed,
)


@tagged("post_install", "-at_install")
class TestPortalBadInputOpportunities(common.PortalBadInputCase):
    # --- opportunities ------------------------------------------------------------

    @SETTINGS
    @given(
        opportunity=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_opportunity", "own", "own"])
        ),
        note=HOSTILE_TEXT,
        missing=st.booleans(),
        extra=EXTRA_FIELDS,
    )
    @example(opportunity="own", note=SCRIPT, missing=False, extra={})
    @example(opportunity="own", note=IMG, missing=False, extra={})
    @example(opportunity="own", note="x\x00y", missing=False, extra={})
    @example(opportunity="own", note="a" * 100_000, missing=False, extra={})
    @example(opportunity="other_opportunity", note="", missing=True, extra={})
    def test_opportunity_interest(self, opportunity, note, missing, extra):
        def check():
            own = opportunity == "own" or (
                route_id(self._id(opportunity)) == self.a_opportunity.id
            )
            opportunity_id = self.a_opportunity.id if own else self._id(opportunity)
            data = {} if missing else {"note": note}
            data.update(dict(extra))
            if "partner_id" in data:
                data["partner_id"] = self._id(data["partner_id"])
            reply = self.a_opportunity.recipient_ids
            before = self._counts("link.opportunity.recipient")
            response = self._post(
                f"/my/opportunities/{opportunity_id}/interest", **data
            )
            self.env.invalidate_all()
            self.assertEqual(self._counts("link.opportunity.recipient"), before)
            if "registered=" in response.headers.get("Location", ""):
                self.assertTrue(own)
                self.assertTrue(reply.interested)
                expected = typed(note)[:2000] or False
                self.assertEqual(reply.note, False if missing else expected)
                if reply.note and SCRIPT in reply.note:
                    # Host staff read it in the opportunity's chatter: as text.
                    body = str(self.a_opportunity.message_ids[0].body)
                    self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", body)
            else:
                self.assertFalse(reply.interested)
            self._assert_clean("/my/opportunities")
            self._assert_staff_sees_escaped(self.a_opportunity)

        self._example(check)
