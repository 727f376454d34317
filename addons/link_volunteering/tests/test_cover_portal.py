# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCoverPortal(HttpCase):
    """Two portal volunteers asked to cover one place: each sees only their
    own request; the first to accept gets it, the second is told."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner"].search([("link_is_volunteer", "=", True)]).write(
            {"link_is_volunteer": False}
        )
        cls.users = {}
        for login, name in (
            ("cov_ann", "Ann Portalcover"),
            ("cov_ben", "Ben Portalcover"),
        ):
            user = new_test_user(cls.env, login=login, groups="base.group_portal")
            user.partner_id.write(
                {
                    "name": name,
                    "email": f"{login}@example.org",
                    "link_is_volunteer": True,
                }
            )
            cls.users[login] = user
        role = cls.env["link.volunteer.role"].create({"name": "Portal cover desk"})
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=5)
        cls.shift = cls.env["link.shift"].create(
            {
                "name": "Clinic survey, portal cover",
                "role_id": role.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "min_volunteers": 1,
                "max_volunteers": 1,
                "state": "open",
            }
        )
        cls.request = cls.env["link.cover.request"].create(
            {"shift_id": cls.shift.id, "ask_count": 2}
        )
        cls.request.action_send()
        cls.offers = {
            login: cls.request.offer_ids.filtered(
                lambda o, u=user: o.partner_id == u.partner_id
            )
            for login, user in cls.users.items()
        }

    def _page(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url)

    def _answer(self, login, answer):
        offer = self.offers[login]
        page = self._page(login, f"/my/cover/{offer.id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            f"/my/cover/{offer.id}/{answer}", data={"csrf_token": token}
        )

    def test_first_to_accept_gets_it_and_the_other_is_told(self):
        page = self._page("cov_ann", "/my/cover")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Clinic survey, portal cover", page.text)
        self.assertNotIn("Ben Portalcover", page.text)
        response = self._answer("cov_ann", "accept")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You have taken this shift", response.text)
        place = self.offers["cov_ann"].assignment_id
        self.assertEqual(place.state, "confirmed")
        self.assertEqual(place.partner_id, self.users["cov_ann"].partner_id)
        page = self._page("cov_ben", f"/my/cover/{self.offers['cov_ben'].id}")
        self.assertIn("Someone else has already covered this shift", page.text)
        self.assertNotIn("o_link_cover_accept", page.text)
        self.assertEqual(self.offers["cov_ben"].state, "taken")

    def test_a_late_acceptance_is_a_clear_refusal(self):
        self.authenticate("cov_ben", "cov_ben")
        page = self.url_open(f"/my/cover/{self.offers['cov_ben'].id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        # Ann accepts meanwhile.
        self.offers["cov_ann"].sudo()._accept()
        response = self.url_open(
            f"/my/cover/{self.offers['cov_ben'].id}/accept", data={"csrf_token": token}
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("Someone else has already covered this shift", response.text)
        self.assertEqual(len(self.shift.assignment_ids), 1)

    def test_another_persons_offer_and_bad_ids_are_not_found(self):
        self.authenticate("cov_ann", "cov_ann")
        page = self.url_open(f"/my/cover/{self.offers['cov_ann'].id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        ben_offer = self.offers["cov_ben"]
        self.assertEqual(self.url_open(f"/my/cover/{ben_offer.id}").status_code, 404)
        response = self.url_open(
            f"/my/cover/{ben_offer.id}/accept", data={"csrf_token": token}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(ben_offer.state, "offered")
        for url in (
            "/my/cover/0",
            "/my/cover/99999999999",
            "/my/cover/abc",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        response = self.url_open(
            f"/my/cover/{self.offers['cov_ann'].id}/steal", data={"csrf_token": token}
        )
        self.assertEqual(response.status_code, 404)
        # The public is sent to log in.
        self.logout()
        response = self.url_open(
            f"/my/cover/{self.offers['cov_ann'].id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_decline(self):
        response = self._answer("cov_ben", "decline")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You said you cannot cover this shift", response.text)
        self.assertEqual(self.offers["cov_ben"].state, "declined")

    def test_offer_page_takes_a_fixed_number_of_queries(self):
        self.authenticate("cov_ann", "cov_ann")
        url = f"/my/cover/{self.offers['cov_ann'].id}"
        self.url_open(url)  # warm the caches
        self.url_open("/my/cover")
        with self.assertQueryCount(9):
            self.assertEqual(self.url_open(url).status_code, 200)
        with self.assertQueryCount(9):
            self.assertEqual(self.url_open("/my/cover").status_code, 200)
