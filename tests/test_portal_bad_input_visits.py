# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile input at the Enter and View forms (declaration of interest,
observation notes), as representative A."""

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
    typed,
)


@tagged("post_install", "-at_install")
class TestPortalBadInputVisits(common.PortalBadInputCase):
    # --- Enter and View ----------------------------------------------------------

    @SETTINGS
    @given(
        visit=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_visit", "own", "own", "own"])
        ),
        interest=st.one_of(
            st.sampled_from(["none", "declared", "declared", "", "NONE", SCRIPT]),
            HOSTILE_TEXT,
        ),
        details=HOSTILE_TEXT,
        missing=st.sampled_from([(), ("interest",), ("details",)]),
        extra=EXTRA_FIELDS,
    )
    @example(visit="own", interest="declared", details=SCRIPT, missing=(), extra={})
    @example(visit="own", interest="declared", details=IMG, missing=(), extra={})
    @example(visit="own", interest="declared", details="a\x00b", missing=(), extra={})
    @example(
        visit="own",
        interest="declared",
        details="a" * 100_000,
        missing=(),
        extra={},
    )
    @example(visit="other_visit", interest="none", details="", missing=(), extra={})
    def test_visit_declaration(self, visit, interest, details, missing, extra):
        def check():
            visit_id = self.a_visit.id if visit == "own" else self._id(visit)
            data = {"interest": interest, "details": details, **dict(extra)}
            for name in missing:
                data.pop(name)
            if "partner_id" in data:
                data["partner_id"] = self._id(data["partner_id"])
            Declaration = self.env["link.ev.declaration"]
            before = self._counts("link.ev.declaration")
            response = self._post(f"/my/visits/{visit_id}/declaration", **data)
            self.env.invalidate_all()
            mine = Declaration.search([("partner_id", "=", self.a.id)])
            if "saved=declaration" in response.headers.get("Location", ""):
                self.assertEqual(len(mine), 1)
                self.assertEqual(mine.visit_id, self.a_visit)
                self.assertEqual(mine.interest, data["interest"])
                if mine.interest == "declared":
                    self.assertEqual(mine.details, typed(details)[:5000])
            else:
                self.assertFalse(mine)
                self.assertEqual(self._counts("link.ev.declaration"), before)
            self._assert_clean(
                "/my/visits",
                f"/my/visits/{self.a_visit.id}",
                shown=mine.interest == "declared" and mine.details,
            )
            self._assert_staff_sees_escaped(mine)

        self._example(check)

    @SETTINGS
    @given(
        visit=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_visit", "own", "own", "own"])
        ),
        body=HOSTILE_TEXT,
        missing=st.booleans(),
        extra=EXTRA_FIELDS,
    )
    @example(visit="own", body=SCRIPT, missing=False, extra={})
    @example(visit="own", body=IMG, missing=False, extra={})
    @example(visit="own", body="x\x00y", missing=False, extra={})
    @example(visit="own", body="a" * 100_000, missing=False, extra={})
    @example(visit="other_visit", body="mine now", missing=False, extra={})
    def test_visit_notes(self, visit, body, missing, extra):
        def check():
            visit_id = self.a_visit.id if visit == "own" else self._id(visit)
            data = {} if missing else {"body": body}
            data.update(dict(extra))
            if "partner_id" in data:
                data["partner_id"] = self._id(data["partner_id"])
            Note = self.env["link.ev.note"]
            before = self._counts("link.ev.note")
            response = self._post(f"/my/visits/{visit_id}/notes", **data)
            self.env.invalidate_all()
            mine = Note.search([("partner_id", "=", self.a.id)])
            if "saved=notes" in response.headers.get("Location", ""):
                self.assertEqual(mine.visit_id, self.a_visit)
                self.assertEqual(mine.body, typed(body)[:5000])
            else:
                self.assertFalse(mine)
                self.assertEqual(self._counts("link.ev.note"), before)
            self._assert_clean(
                "/my/visits", f"/my/visits/{self.a_visit.id}", shown=mine.body
            )
            self._assert_staff_sees_escaped(mine)

        self._example(check)
