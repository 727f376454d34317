# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every portal form refuses a missing or forged csrf token."""

from odoo.tests import tagged
from odoo.tools import mute_logger

from . import portal_bad_input_common as common
from .portal_bad_input_common import LIVE_MARKUP, SCRIPT


@tagged("post_install", "-at_install")
class TestPortalBadInputCsrf(common.PortalBadInputCase):
    # --- unexpected requests ------------------------------------------------------

    @mute_logger("odoo.http")  # the refused CSRF token is logged as a warning
    def test_forms_refuse_a_missing_or_forged_csrf_token(self):
        urls = [
            f"/my/shifts/{self.shifts[0].id}/signup",
            f"/my/shifts/place/{self.a_place.id}/withdraw",
            f"/my/qualifications/{self.a_qualification.id}/evidence",
            f"/my/visits/{self.a_visit.id}/declaration",
            f"/my/visits/{self.a_visit.id}/notes",
            f"/my/opportunities/{self.a_opportunity.id}/interest",
        ]
        before = self._counts(
            "link.shift.assignment", "link.ev.declaration", "link.ev.note"
        )
        for url in urls:
            for token in ({}, {"csrf_token": "forged"}, {"csrf_token": SCRIPT}):
                response = self.url_open(
                    url,
                    data={"interest": "none", "body": "x", **token},
                    allow_redirects=False,
                )
                self.assertEqual(response.status_code, 400, url)
                self.assertIsNone(LIVE_MARKUP.search(response.text))
        self.assertEqual(
            self._counts(
                "link.shift.assignment", "link.ev.declaration", "link.ev.note"
            ),
            before,
        )
        self.assertEqual(self.a_place.state, "confirmed")
