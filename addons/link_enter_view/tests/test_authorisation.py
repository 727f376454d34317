# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EnterViewCase


class TestAuthorisation(EnterViewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.link_volunteer_coordinator_id = cls.staff

    def _apply(self, name, qualified=True):
        partner = self.env["res.partner"].create({"name": name})
        if qualified:
            self._qualify(partner, date(2025, 1, 6))
        return (
            self.env["link.ev.authorisation"]
            .with_user(self.staff)
            .create({"partner_id": partner.id})
        )

    def test_default_required_qualifications(self):
        application = self._apply("Gina Applicant")
        self.assertEqual(application.qualification_type_ids, self.qualification_types)
        self.assertEqual(application.state, "applied")

    @freeze_time("2026-03-02")
    def test_manager_authorises_a_qualified_person(self):
        application = self._apply("Gina Applicant")
        self.assertTrue(application.qualifications_ok)
        application.with_user(self.manager).action_authorise()
        self.assertEqual(application.state, "authorised")
        self.assertEqual(application.authorised_by_id, self.manager)
        self.assertEqual(application.date_authorised, date(2026, 3, 2))
        self.assertEqual(application.date_expiry, date(2029, 3, 2))
        self.assertRegex(application.badge_number, r"^AR-\d{5}$")

    def test_staff_cannot_authorise(self):
        application = self._apply("Gina Applicant")
        with self.assertRaises(AccessError):
            application.action_authorise()
        self.assertEqual(application.state, "applied")

    @freeze_time("2026-03-02")
    def test_refused_naming_the_missing_qualifications(self):
        application = self._apply("Harry Unqualified", qualified=False)
        self.assertFalse(application.qualifications_ok)
        with self.assertRaisesRegex(
            UserError, r"Harry Unqualified: DBS check \(enhanced\), Enter and View"
        ):
            application.with_user(self.manager).action_authorise()

    def test_unchecked_dbs_evidence_does_not_count(self):
        application = self._apply("Ivy Unchecked")
        dbs = self.env["link.qualification"].search(
            [
                ("partner_id", "=", application.partner_id.id),
                ("type_id", "=", self.qualification_types[0].id),
            ]
        )
        dbs.evidence_state = "submitted"
        self.assertEqual(application.missing_qualification_ids, dbs.type_id)

    def test_one_authorisation_in_force_per_person(self):
        with self.assertRaisesRegex(ValidationError, "already has an authorisation"):
            self.env["link.ev.authorisation"].with_user(self.staff).create(
                {"partner_id": self.anna.id}
            )

    def test_given_authorisations_are_revoked_not_deleted(self):
        authorisation = self.env["link.ev.authorisation"].search(
            [("partner_id", "=", self.anna.id)]
        )
        with self.assertRaisesRegex(UserError, "revoke it"):
            authorisation.with_user(self.manager).unlink()
        authorisation.with_user(self.manager).action_revoke()
        self.assertEqual(authorisation.state, "revoked")

    def _told(self, authorisations):
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.ev.authorisation"),
                ("res_id", "in", authorisations.ids),
            ]
        )
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "link.ev.authorisation"),
                ("res_id", "in", authorisations.ids),
            ]
        )
        return activities, mails

    def test_cron_expires_and_suspends_and_tells_once(self):
        Authorisation = self.env["link.ev.authorisation"]
        expiring = self._rep("Kim Expiring", date_expiry=date(2026, 6, 30))
        stale = self._rep("Sam Stale", obtained=date(2024, 7, 1))
        ok = self._rep("Olivia Fine")
        by_partner = {
            a.partner_id: a
            for a in Authorisation.search(
                [("partner_id", "in", (expiring | stale | ok).ids)]
            )
        }
        for __ in range(2):
            with freeze_time("2026-07-02"):
                Authorisation._cron_link_lapse()
        self.assertEqual(by_partner[expiring].state, "expired")
        self.assertEqual(by_partner[stale].state, "suspended")
        self.assertEqual(by_partner[ok].state, "authorised")
        told = by_partner[expiring] | by_partner[stale]
        activities, mails = self._told(told)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.staff)
        self.assertEqual(len(mails), 2)
        self.assertEqual(
            mails.filtered(lambda m: m.res_id == by_partner[stale].id).recipient_ids,
            stale,
        )
        self.assertIn(
            "Safeguarding",
            mails.filtered(lambda m: m.res_id == by_partner[stale].id).body_html,
        )
        self.assertFalse(any(self._told(by_partner[ok])))

    def test_cron_queries_do_not_grow(self):
        Authorisation = self.env["link.ev.authorisation"]

        def lapsing(count, tag):
            return [
                self._rep(f"Rep {tag} {i}", date_expiry=date(2026, 6, 30))
                for i in range(count)
            ]

        lapsing(2, "warm")
        with freeze_time("2026-07-02"):
            Authorisation._cron_link_lapse()  # warm the caches
        lapsing(3, "few")
        self.env.flush_all()
        with freeze_time("2026-07-02"), self.assertQueryCount(23):
            Authorisation._cron_link_lapse()
        lapsing(15, "many")
        self.env.flush_all()
        with freeze_time("2026-07-02"), self.assertQueryCount(23):
            Authorisation._cron_link_lapse()
