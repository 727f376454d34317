# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time
from lxml import html

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPublication(HttpCase):
    """Nothing is public until staff screen it; then the service's page
    shows the screened words and the provider's reply, to anyone, and
    nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="pub_staff", groups="link_membership.group_link_staff"
        )
        cls.lead = new_test_user(
            cls.env,
            login="pub_lead",
            groups="link_membership.group_link_safeguarding",
        )
        cls.trust = cls.env["res.partner"].create(
            {"name": "Publication Test Trust", "is_company": True}
        )
        cls.clinic, cls.other_clinic = cls.env["res.partner"].create(
            [
                {
                    "name": "Mill Road Eye Clinic",
                    "city": "Brookfield",
                    "is_company": True,
                    "link_premises_kind": "clinic",
                    "link_provider_id": cls.trust.id,
                },
                {
                    "name": "Quiet Clinic",
                    "is_company": True,
                    "link_premises_kind": "clinic",
                },
            ]
        )
        Feedback = cls.env["link.feedback"].with_user(cls.staff)
        with freeze_time("2027-03-10"):
            cls.said = Feedback.create(
                {
                    "channel": "phone",
                    "date": "2027-03-02",
                    "premises_id": cls.clinic.id,
                    "what_good": "Dr Okafor explained everything, said Joan Whitley.",
                    "what_bad": "On 3rd March I waited 2 hours. Ring me on "
                    "07700 900123 or joan.w@example.org.",
                    "rating": 4,
                    "contact_name": "Joan Whitley",
                }
            )
            cls.unscreened = Feedback.create(
                {
                    "channel": "phone",
                    "premises_id": cls.clinic.id,
                    "what_bad": "Still waiting for my letter.",
                    "public_text": "Never published: not screened.",
                }
            )

    def _publish(self, feedback=None, text="Staff explained everything. A long wait."):
        feedback = (feedback or self.said).with_user(self.staff)
        feedback.public_text = text
        feedback.action_publish()
        return feedback

    def test_starting_text_takes_out_names_dates_and_contacts(self):
        said = self.said.with_user(self.staff)
        said.action_fill_public_text()
        text = said.public_text
        for gone in ("Joan", "Whitley", "07700", "example.org", "3rd March"):
            self.assertNotIn(gone, text)
        self.assertIn("[date removed]", text)
        self.assertIn("[phone removed]", text)
        self.assertIn("[email removed]", text)
        self.assertIn("[name removed]", text)
        # A name the LINk does not know of is for staff to spot.
        self.assertIn("Dr Okafor", text)

    def test_refusals_say_what_to_do(self):
        said = self.said.with_user(self.staff)
        cases = [
            ({"public_text": False}, "write what we publish"),
            ({"public_text": "Joan was kept waiting."}, "“Joan”"),
            ({"public_text": "Seen on 12/03/2027."}, "“12/03/2027”"),
            ({"public_text": "Call 01632 960 001."}, "remove names and dates"),
            ({"public_text": "Fine.", "under_investigation": True}, "investigation"),
            ({"public_text": "Fine.", "premises_id": False}, "from the register"),
        ]
        for values, message in cases:
            with self.subTest(values=values), self.env.cr.savepoint() as savepoint:
                said.write(values)
                with self.assertRaisesRegex(UserError, message):
                    said.action_publish()
                savepoint.rollback()
        self.assertEqual(self.said.publication_state, "unscreened")

    def test_published_page_shows_screened_words_and_the_reply_only(self):
        feedback = self._publish()
        feedback.write(
            {
                "provider_reply": "We have added an evening clinic.",
                "provider_reply_date": "2027-03-20",
            }
        )
        self.assertEqual(feedback.publication_state, "published")
        index = self.url_open("/what-people-said")
        self.assertEqual(index.status_code, 200)
        links = html.fromstring(index.content).xpath(
            "//a[hasclass('o_link_public_service')]/@href"
        )
        self.assertIn(f"/what-people-said/{self.clinic.id}", links)
        self.assertNotIn(f"/what-people-said/{self.other_clinic.id}", links)
        page = self.url_open(f"/what-people-said/{self.clinic.id}")
        self.assertEqual(page.status_code, 200)
        items = html.fromstring(page.content).xpath(
            "//article[hasclass('o_link_public_feedback')]"
        )
        self.assertEqual(len(items), 1, "the unscreened one is not shown")
        text = items[0].text_content()
        self.assertIn("A long wait.", text)
        self.assertIn("March 2027", text, "the month, not the day")
        self.assertIn("evening clinic", text)
        self.assertIn("Reply from Publication Test Trust", text)
        for private in ("Joan", "Whitley", "07700", "2 hours", "Never published"):
            self.assertNotIn(private, page.text)

    def test_nothing_public_for_a_service_without_published_feedback(self):
        self._publish()
        for path in (
            f"/what-people-said/{self.other_clinic.id}",
            "/what-people-said/0",
            "/what-people-said/abc",
            "/what-people-said/99999999999",
            # Beyond the 4,300 digits Python's int() accepts.
            "/what-people-said/" + "9" * 5000,
            "/what-people-said/%00",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)

    def test_withdrawn_when_a_concern_or_an_investigation_arrives(self):
        feedback = self._publish()
        feedback._raise_safeguarding("She said her carer hits her.")
        self.assertEqual(feedback.publication_state, "unscreened")
        self.assertEqual(
            self.url_open(f"/what-people-said/{self.clinic.id}").status_code, 404
        )
        with self.assertRaisesRegex(UserError, "safeguarding"):
            feedback.action_publish()
        concern = feedback.sudo().safeguarding_concern_ids.with_user(self.lead)
        concern.outcome = "Spoke to her GP: no risk found."
        concern.action_close()
        feedback.action_publish()
        self.assertEqual(
            self.url_open(f"/what-people-said/{self.clinic.id}").status_code, 200
        )
        feedback.under_investigation = True
        self.assertEqual(feedback.publication_state, "unscreened")
        self.assertEqual(
            self.url_open(f"/what-people-said/{self.clinic.id}").status_code, 404
        )

    def test_withheld_is_never_shown(self):
        self._publish(self.unscreened, "Waiting for a letter.")
        self.said.with_user(self.staff).action_withhold()
        page = self.url_open(f"/what-people-said/{self.clinic.id}")
        self.assertIn("Waiting for a letter.", page.text)
        self.assertNotIn("explained everything", page.text)
