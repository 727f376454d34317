# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re
from datetime import timedelta

from lxml import html
from requests.adapters import HTTPAdapter

from odoo.tests import HttpCase, tagged
from odoo.tests.common import Opener
from odoo.tools.misc import hash_sign

from ..controllers.public_feedback import THANKS_SCOPE

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class SourceAddressAdapter(HTTPAdapter):
    """Requests from another loopback address (127.0.0.x), so that the
    server sees a second internet address for real."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        return super().init_poolmanager(*args, **kwargs)


@tagged("post_install", "-at_install")
class TestPublicFeedback(HttpCase):
    """Share your experience, over real HTTP as the public (no login)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["link.feedback"].with_context(active_test=False)
        cls.env.company.write(
            {
                "link_feedback_hourly_limit": 10,
                "link_feedback_embed_origins": False,
                "email": "hello@brookfield-voice.example.org",
            }
        )
        cls.surgery = cls.env["res.partner"].create(
            {
                "name": "Test Lane Surgery",
                "city": "Brookfield",
                "is_company": True,
                "link_premises_kind": "gp_practice",
            }
        )

    def _post(self, data=None, files=None, opener=None):
        data = {"what_bad": "The waiting room was cold.", **(data or {})}
        return (opener or self.opener).post(
            self.base_url() + "/share-your-experience",
            data=data,
            files=files,
            allow_redirects=False,
            timeout=20,
        )

    def _stored(self):
        return self.Feedback.search_count([("channel", "=", "web")])

    def test_form_is_labelled_and_framed_by_this_site_only(self):
        response = self.url_open("/share-your-experience")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["X-Frame-Options"], "SAMEORIGIN")
        self.assertEqual(
            response.headers["Content-Security-Policy"], "frame-ancestors 'self'"
        )
        page = html.fromstring(response.content)
        form = page.xpath("//form[hasclass('o_link_public_form')]")[0]
        self.assertIsNone(form.get("target"))
        labelled = set(page.xpath("//label/@for"))
        fields = form.xpath(".//input[not(@type='hidden')] | .//textarea")
        self.assertGreater(len(fields), 10)
        for field in fields:
            with self.subTest(field=field.get("name")):
                self.assertIn(field.get("id"), labelled, "every field has a label")
        self.assertIn(
            "Test Lane Surgery, Brookfield",
            page.xpath("//datalist[@id='link_services']/option/@value"),
        )
        self.assertTrue(page.xpath("//header"), "the site's own header")

    def test_embedded_in_the_hosts_website(self):
        self.env.company.link_feedback_embed_origins = (
            "https://www.brookfieldvoice.example.org"
        )
        response = self.url_open("/share-your-experience?embed=1")
        self.assertEqual(
            response.headers["Content-Security-Policy"],
            "frame-ancestors 'self' https://www.brookfieldvoice.example.org",
        )
        self.assertNotIn("X-Frame-Options", response.headers)
        page = html.fromstring(response.content)
        self.assertFalse(page.xpath("//header"), "no header inside the host's page")
        self.assertEqual(page.xpath("//input[@name='embed']/@value"), ["1"])

    def test_feedback_with_a_photo_and_the_reference_on_thanks(self):
        before = self._stored()
        response = self._post(
            {
                "service": "Test Lane Surgery, Brookfield",
                "what_good": "The receptionist was <b>kind</b>.",
                "what_bad": "Eight weeks for an appointment\x00.",
                "rating": "2",
                "postcode": "bf1 2ab",
                "contact_name": "Cara Penhallow",
                "contact_email": "cara@example.org",
                "consent_to_contact": "on",
            },
            files=[("attachments", ("letter.pdf", PDF, "application/pdf"))],
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._stored(), before + 1)
        feedback = self.Feedback.search([("channel", "=", "web")], limit=1)
        self.assertRecordValues(
            feedback,
            [
                {
                    "premises_id": self.surgery.id,
                    "service_name": False,
                    "what_good": "The receptionist was <b>kind</b>.",
                    "what_bad": "Eight weeks for an appointment.",
                    "rating": 2,
                    "sentiment": "negative",
                    "postcode": "BF1 2AB",
                    "contact_name": "Cara Penhallow",
                    "anonymous": False,
                    "consent_to_contact": True,
                    "user_id": False,
                    "safeguarding_state": "none",
                }
            ],
        )
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "link.feedback"), ("res_id", "=", feedback.id)]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertFalse(attachment.public)
        ack = self.env["mail.mail"].search(
            [("model", "=", "link.feedback"), ("res_id", "=", feedback.id)]
        )
        self.assertEqual(ack.email_to, "cara@example.org")
        thanks = self.url_open(response.headers["Location"])
        self.assertEqual(thanks.status_code, 200)
        reference = html.fromstring(thanks.content).xpath(
            "//*[hasclass('o_link_public_reference')]/text()"
        )
        self.assertEqual(reference, [feedback.name])
        self.assertNotIn("Eight weeks", thanks.text, "the page shows no feedback")

    def test_anonymous_with_a_service_not_in_the_register(self):
        response = self._post({"service": "The walk-in centre on Mill Road"})
        self.assertEqual(response.status_code, 303)
        feedback = self.Feedback.search([("channel", "=", "web")], limit=1)
        self.assertRecordValues(
            feedback,
            [
                {
                    "premises_id": False,
                    "service_name": "The walk-in centre on Mill Road",
                    "anonymous": True,
                    "rating": 0,
                    "sentiment": False,
                }
            ],
        )
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "link.feedback"), ("res_id", "=", feedback.id)]
            ),
            "no mail without consent",
        )

    def test_robots_filling_the_honeypot_store_nothing(self):
        before = self._stored()
        response = self._post({"website": "http://spam.example"})
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/thanks/received"))
        self.assertEqual(self._stored(), before)
        thanks = self.url_open(response.headers["Location"])
        self.assertIn("has reached us", thanks.text)

    def test_bad_input_is_refused_with_a_message_and_nothing_stored(self):
        cases = [
            ({"what_bad": "", "what_good": "  "}, "tell us about your experience"),
            ({"what_bad": "x" * 10001}, "too long"),
            ({"contact_name": "n" * 101}, "too long"),
            ({"postcode": "<script>"}, "not a UK postcode"),
            ({"contact_email": "not-an-email"}, "not an email address"),
            (
                {"consent_to_contact": "on", "contact_name": "Al"},
                "email address or phone",
            ),
            ({"rating": "7"}, "rating from 1 to 5"),
            ({"rating": "2**63"}, "rating from 1 to 5"),
        ]
        before = self._stored()
        for data, message in cases:
            with self.subTest(data={k: v[:30] for k, v in data.items()}):
                response = self._post(data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertNotIn("<script>alert", response.text, "escaped")
                self.assertEqual(self._stored(), before)

    def test_files_only_of_allowed_types_and_size(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        cases = {
            "an SVG named as a photo": [("photo.png", svg, "image/png")],
            "a page": [("page.pdf", b"<html><script>x</script></html>", "text/html")],
            "a program": [("setup.exe", b"MZ\x90\x00" + b"\x00" * 200, "image/jpeg")],
            "too big": [("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")],
            "too many": [(f"p{n}.png", PNG, "image/png") for n in range(4)],
        }
        before = self._stored()
        attachments = self.env["ir.attachment"].search_count([])
        for case, files in cases.items():
            with self.subTest(case=case):
                response = self._post(
                    files=[("attachments", file) for file in files],
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("attach", response.text)
                self.assertEqual(self._stored(), before, "nothing half-stored")
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        response = self._post(files=[("attachments", ("ok.png", PNG, "image/png"))])
        self.assertEqual(response.status_code, 303)

    def test_thanks_shows_only_a_genuine_recent_reference(self):
        token = hash_sign(self.env, THANKS_SCOPE, "FB/2026/0001", expiration_hours=1)
        self.assertEqual(
            self.url_open(f"/share-your-experience/thanks/{token}").status_code, 200
        )
        expired = hash_sign(
            self.env, THANKS_SCOPE, "FB/2026/0001", expiration=-timedelta(hours=1)
        )
        forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        other_scope = hash_sign(self.env, "another.scope", "FB/2026/0001")
        not_text = hash_sign(self.env, THANKS_SCOPE, {"id": 1})
        for token in (expired, forged, other_scope, not_text, "%00", "x" * 5000, "é"):
            with self.subTest(token=token[:20]):
                response = self.url_open(f"/share-your-experience/thanks/{token}")
                self.assertEqual(response.status_code, 404)

    def test_a_flood_from_one_address_never_crowds_out_another(self):
        """Two hundred posts from one address: ten are taken, the rest are
        refused with a message; someone else's feedback still gets in. (A
        thousand at once from 20 connections: bench/voice.py; between
        committed transactions: test_public_feedback_race.)"""
        before = self._stored()
        flooder = Opener(self.cr)
        flooder.mount("http://", SourceAddressAdapter("127.0.0.2"))
        statuses = [self._post(opener=flooder).status_code for _n in range(200)]
        self.assertEqual(statuses[:10], [303] * 10)
        self.assertEqual(set(statuses[10:]), {429})
        refused = self._post(opener=flooder)
        self.assertIn("a lot of feedback from your connection", refused.text)
        self.assertEqual(self._stored(), before + 10)
        neighbour = Opener(self.cr)
        neighbour.mount("http://", SourceAddressAdapter("127.0.0.3"))
        for _n in range(3):
            self.assertEqual(self._post(opener=neighbour).status_code, 303)
        self.assertEqual(self._stored(), before + 13)
        keys = (
            self.Feedback.sudo().search([("channel", "=", "web")]).mapped("source_key")
        )
        self.assertFalse(
            [key for key in keys if re.search(r"127\.0\.0", key or "")],
            "the address itself is never kept",
        )
