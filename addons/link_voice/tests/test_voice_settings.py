# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.link_membership.tests.common import LinkCase


class TestVoiceSettings(LinkCase):
    """The public form's settings, as a host manager sets them in LINk >
    Configuration > Settings."""

    def _save(self, user=None, **values):
        settings = self.env["link.settings"].with_user(user or self.manager)
        return settings.create(values)

    def test_manager_sets_the_limit_the_embedding_sites_and_the_hub(self):
        hub = self.env["res.partner"].create(
            {"name": "Settings Test Safeguarding Hub", "is_company": True}
        )
        self._save(
            link_feedback_hourly_limit=25,
            link_feedback_embed_origins="https://www.example.org  https://voice.example.org:8443",
            link_safeguarding_hub_id=hub.id,
        )
        company = self.env.company
        self.assertEqual(company.link_feedback_hourly_limit, 25)
        self.assertEqual(
            company._link_feedback_embed_origins(),
            ["https://www.example.org", "https://voice.example.org:8443"],
        )
        self.assertEqual(company.link_safeguarding_hub_id, hub)

    def test_bad_values_are_refused_with_a_message(self):
        cases = [
            ({"link_feedback_hourly_limit": 0}, "between 1 and"),
            ({"link_feedback_hourly_limit": 10001}, "between 1 and"),
            (
                {"link_feedback_embed_origins": "https://www.example.org/page"},
                "no path",
            ),
            ({"link_feedback_embed_origins": "javascript:alert(1)"}, "not a website"),
            ({"link_feedback_embed_origins": "'self' *"}, "not a website"),
        ]
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._save(**values)

    def test_only_managers(self):
        for user in (self.staff, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._save(user=user, link_feedback_hourly_limit=99)
        self.assertNotEqual(self.env.company.link_feedback_hourly_limit, 99)
