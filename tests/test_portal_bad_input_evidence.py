# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile files and file names at the qualification evidence upload, as
volunteer A."""

import base64

from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import tagged

from . import portal_bad_input_common as common
from .portal_bad_input_common import (
    HOSTILE_PATH_ID,
    HOSTILE_TEXT,
    SCRIPT,
    SETTINGS,
    route_id,
)


@tagged("post_install", "-at_install")
class TestPortalBadInputEvidence(common.PortalBadInputCase):
    # --- qualifications ---------------------------------------------------------

    @SETTINGS
    @given(
        qualification=st.one_of(
            HOSTILE_PATH_ID, st.sampled_from(["other_qualification", "own", "own"])
        ),
        filename=HOSTILE_TEXT,
        content=st.one_of(
            st.sampled_from(
                [
                    b"",
                    SCRIPT.encode(),
                    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                    b"\x00\xff\xfe" * 1000,
                    b"%PDF-1.4 not really a pdf",
                ]
            ),
            st.binary(max_size=2000),
        ),
        as_file=st.booleans(),
    )
    @example(qualification="own", filename=SCRIPT + ".html", content=b"x", as_file=True)
    @example(
        qualification="own", filename="evidence\x00.pdf", content=b"x", as_file=True
    )
    @example(qualification="own", filename="a" * 100_000, content=b"x", as_file=True)
    @example(qualification="own", filename="a.pdf", content=b"x", as_file=False)
    @example(
        qualification="other_qualification",
        filename="a.pdf",
        content=b"x",
        as_file=True,
    )
    def test_qualification_evidence(self, qualification, filename, content, as_file):
        def check():
            own = qualification == "own" or (
                route_id(self._id(qualification)) == self.a_qualification.id
            )
            qualification_id = (
                self.a_qualification.id if own else self._id(qualification)
            )
            url = f"/my/qualifications/{qualification_id}/evidence"
            before = self._counts("link.qualification", "mail.activity")
            if as_file:
                response = self._request(
                    url,
                    data={"csrf_token": self.token},
                    files={"evidence": (filename, content)},
                )
            else:
                # A plain text field where a file is expected.
                response = self._post(url, evidence=content.decode("latin-1"))
            self.env.invalidate_all()
            location = response.headers.get("Location", "")
            self.assertEqual(
                self._counts("link.qualification", "mail.activity")[
                    "link.qualification"
                ],
                before["link.qualification"],
            )
            if own and "uploaded=1" in location:
                self.assertTrue(as_file and content)
                self.assertEqual(self.a_qualification.evidence_state, "submitted")
                self.assertEqual(
                    base64.b64decode(self.a_qualification.evidence), content
                )
                # Whatever the file says it is, it is not served as HTML.
                attachment = self.env["ir.attachment"].search(
                    [
                        ("res_model", "=", "link.qualification"),
                        ("res_id", "=", self.a_qualification.id),
                        ("res_field", "=", "evidence"),
                    ]
                )
                self.assertNotIn(
                    attachment.mimetype, ("text/html", "image/svg+xml", "text/xml")
                )
            else:
                self.assertEqual(self.a_qualification.evidence_state, "none")
                self.assertFalse(self.a_qualification.evidence)
                self.assertEqual(
                    self._counts("mail.activity"),
                    {"mail.activity": before["mail.activity"]},
                )
            self._assert_clean("/my/qualifications")

        self._example(check)

    def test_qualification_evidence_too_big(self):
        def check():
            response = self._request(
                f"/my/qualifications/{self.a_qualification.id}/evidence",
                data={"csrf_token": self.token},
                files={"evidence": ("big.pdf", b"x" * (10 * 1024 * 1024 + 1))},
            )
            self.assertIn("error=1", response.headers.get("Location", ""))
            self.env.invalidate_all()
            self.assertFalse(self.a_qualification.evidence)

        self._example(check)
