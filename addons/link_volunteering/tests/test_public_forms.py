# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from lxml import html

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPublicForms(HttpCase):
    """The application form and the referees' form, over real HTTP as the
    public (no login): tokens are the only key, bad ones a clear refusal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.email = "volunteers@link.example.org"
        cls.Application = cls.env["link.volunteer.application"]
        cls.role = cls.env["link.volunteer.role"].create({"name": "Public form desk"})
        partner = cls.env["res.partner"].create(
            {
                "name": "Quinn Applicant",
                "email": "quinn@example.org",
                "phone": "07700 900123",
            }
        )
        cls.application = cls.Application.create(
            {
                "partner_id": partner.id,
                "motivation": "Private motivation text",
                "reference_ids": [
                    fields.Command.create(
                        {"referee_name": name, "referee_email": f"{name}@example.org"}
                    )
                    for name in ("rita", "saul")
                ],
            }
        )
        cls.application.action_request_references()
        cls.rita, cls.saul = cls.application.reference_ids

    def _form(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        return response, token.group(1)

    def _apply(self, **values):
        __, token = self._form("/volunteer/apply")
        data = {
            "csrf_token": token,
            "name": "Tom Public",
            "email": "tom.public@example.org",
            "phone": "01632 960001",
            "zip": "BR1 1AA",
            "motivation": "I like people",
            "consent": "1",
            "role_ids": [str(self.role.id), "999999999999", "abc"],
            "referee1_name": "Una Ref",
            "referee1_email": "una.ref@example.org",
            "referee2_name": "Vic Ref",
            "referee2_email": "vic.ref@example.org",
            **values,
        }
        return self.url_open("/volunteer/apply", data=data, allow_redirects=False)

    def test_apply_creates_the_application_and_tells_the_applicant(self):
        response = self.url_open("/volunteer/apply")
        page = html.fromstring(response.content)
        labelled = set(page.xpath("//label/@for"))
        for field in page.xpath(
            "//form[hasclass('o_link_apply_form')]"
            "//input[not(@type='hidden')] | //textarea"
        ):
            self.assertIn(field.get("id"), labelled)
        self.assertIn("Public form desk", response.text)
        response = self._apply()
        self.assertEqual(response.status_code, 303)
        self.assertTrue(
            response.headers["Location"].endswith("/volunteer/apply/thanks")
        )
        application = self.Application.search([("partner_id.name", "=", "Tom Public")])
        self.assertEqual(len(application), 1)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.role_ids, self.role)
        self.assertEqual(application.partner_id.email, "tom.public@example.org")
        self.assertFalse(application.partner_id.link_is_volunteer)
        self.assertEqual(
            sorted(application.reference_ids.mapped("referee_email")),
            ["una.ref@example.org", "vic.ref@example.org"],
        )
        self.assertEqual(set(application.reference_ids.mapped("state")), {"draft"})
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", application.partner_id.ids)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(application.name, mail.subject)
        thanks = self.url_open("/volunteer/apply/thanks")
        self.assertEqual(thanks.status_code, 200)
        self.assertNotIn("Tom Public", thanks.text)

    def test_bad_applications_are_refused_with_a_message(self):
        before = self.Application.search_count([])
        for values, message in (
            ({"name": ""}, "Please fill in Your name"),
            ({"email": "not-an-email"}, "is not an email address"),
            ({"consent": ""}, "tick the box"),
            ({"referee2_email": "una.ref@example.org"}, "two different referees"),
            ({"referee1_email": "tom.public@example.org"}, "other than yourself"),
            ({"motivation": "x" * 5000}, "too long"),
            ({"name": "Nul\x00 Byte", "motivation": ""}, "Please fill in"),
        ):
            with self.subTest(values=values):
                response = self._apply(**values)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, html.fromstring(response.content).text_content())
        self.assertEqual(self.Application.search_count([]), before)
        # Robots filling the hidden field are thanked, and nothing is kept.
        response = self._apply(website="http://spam.example")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.Application.search_count([]), before)

    def test_referee_gives_a_reference_once(self):
        url = f"/volunteer/reference/{self.rita.access_token}"
        response, token = self._form(url)
        self.assertIn("Reference for Quinn Applicant", response.text)
        # Nothing else of the applicant or of the other referee.
        for private in (
            "quinn@example.org",
            "07700 900123",
            "Private motivation",
            "saul",
        ):
            self.assertNotIn(private, response.text)
        response = self.url_open(
            url,
            data={"csrf_token": token, "suitable": "maybe", "comments": "Fine"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("good volunteer", response.text)
        response = self.url_open(
            url,
            data={
                "csrf_token": token,
                "suitable": "yes",
                "years_known": "5",
                "comments": "Kind and reliable",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("we have received your reference", response.text)
        self.assertEqual(self.rita.state, "received")
        self.assertEqual(self.rita.comments, "Kind and reliable")
        again = self.url_open(url)
        self.assertEqual(again.status_code, 410)
        self.assertIn("we have received your reference", again.text)
        self.assertNotIn("Quinn", again.text)
        response = self.url_open(
            url, data={"csrf_token": token, "suitable": "no", "comments": "Changed"}
        )
        self.assertEqual(response.status_code, 410)
        self.assertEqual(self.rita.suitable, "yes")

    def test_referee_can_decline(self):
        url = f"/volunteer/reference/{self.saul.access_token}"
        __, token = self._form(url)
        response = self.url_open(url, data={"csrf_token": token, "decline": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.saul.state, "declined")

    def test_forged_and_expired_tokens_are_refused(self):
        for token in (
            "x" * 43,
            self.rita.access_token[:-1]
            + ("A" if self.rita.access_token[-1] != "A" else "B"),
            "a" * 400,
            "%00",
            "-" * 30,
        ):
            with self.subTest(token=token):
                self.assertEqual(
                    self.url_open(f"/volunteer/reference/{token}").status_code, 404
                )
        with mute_logger("odoo.http"):  # Odoo warns of the missing token
            self.assertEqual(
                self.url_open(
                    f"/volunteer/reference/{self.rita.access_token}",
                    data={"suitable": "yes", "comments": "x"},
                ).status_code,
                400,  # no CSRF token
            )
        # An expired link says so, and nothing else.
        self.saul.date_expiry = fields.Datetime.now() - timedelta(minutes=1)
        response = self.url_open(f"/volunteer/reference/{self.saul.access_token}")
        self.assertEqual(response.status_code, 410)
        self.assertIn("This link has expired", response.text)
        self.assertNotIn("Quinn", response.text)
        # A new link replaces the old one.
        old = self.saul.access_token
        self.saul.action_request_again()
        self.assertEqual(self.url_open(f"/volunteer/reference/{old}").status_code, 404)
        self.assertEqual(
            self.url_open(f"/volunteer/reference/{self.saul.access_token}").status_code,
            200,
        )

    def test_public_pages_take_a_fixed_number_of_queries(self):
        url = f"/volunteer/reference/{self.rita.access_token}"
        self.url_open("/volunteer/apply")  # warm the caches
        self.url_open(url)
        with self.assertQueryCount(10):
            self.url_open("/volunteer/apply")
        with self.assertQueryCount(13):
            self.url_open(url)
        for number in range(5):
            self.env["link.volunteer.role"].create({"name": f"Extra role {number}"})
        self.env.flush_all()
        with self.assertQueryCount(10):
            self.url_open("/volunteer/apply")

    def test_the_hourly_limit_per_address(self):
        for number in range(5):
            response = self._apply(
                name=f"Flood {number}", email=f"flood{number}@example.org"
            )
            self.assertEqual(response.status_code, 303)
        response = self._apply(name="Flood 6", email="flood6@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertIn("cannot take more", response.text)
