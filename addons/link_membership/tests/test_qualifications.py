# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .common import VolunteerCase


class TestQualifications(VolunteerCase):
    def _qualification(self, partner=None, qualification_type=None, **vals):
        return (
            self.env["link.qualification"]
            .with_user(self.staff)
            .create(
                {
                    "partner_id": (partner or self.ann).id,
                    "type_id": (qualification_type or self.safeguarding).id,
                    "date_obtained": "2025-05-01",
                    **vals,
                }
            )
        )

    def test_expiry_follows_the_type_validity_and_can_be_changed(self):
        qualification = self._qualification()
        self.assertEqual(qualification.date_expiry, date(2027, 5, 1))  # 24 months
        qualification.date_expiry = "2027-04-15"
        self.assertEqual(qualification.date_expiry, date(2027, 4, 15))
        lifelong = self.env["link.qualification.type"].create(
            {"name": "First aid (lifelong)"}
        )
        self.assertFalse(self._qualification(qualification_type=lifelong).date_expiry)
        with self.assertRefused(ValidationError, "cannot expire"):
            self._qualification(date_expiry="2025-01-01")

    @freeze_time("2027-03-01")
    def test_state_and_search_agree(self):
        valid = self._qualification(date_obtained="2026-01-10")  # to 2028
        expiring = self._qualification(date_obtained="2025-04-20")  # 2027-04-20
        expired = self._qualification(date_obtained="2025-01-01")  # 2027-01-01
        pending = self._qualification(
            qualification_type=self.dbs, date_obtained="2026-06-01"
        )
        mine = valid | expiring | expired | pending
        expected = {
            valid: "valid",
            expiring: "expiring",
            expired: "expired",
            pending: "pending",
        }
        for qualification, state in expected.items():
            self.assertEqual(qualification.state, state)
            found = self.env["link.qualification"].search(
                [("id", "in", mine.ids), ("state", "=", state)]
            )
            self.assertEqual(found, qualification, state)
        self.assertEqual(
            self.env["link.qualification"].search(
                [("id", "in", mine.ids), ("state", "!=", "valid")]
            ),
            mine - valid,
        )

    def test_evidence_counts_once_checked(self):
        dbs = self._qualification(
            qualification_type=self.dbs, date_obtained="2026-06-01"
        )
        missing = self.env["link.qualification"]._missing(
            self.ann, self.dbs | self.safeguarding, date(2026, 7, 1)
        )
        self.assertEqual(missing[self.ann.id], self.dbs | self.safeguarding)
        dbs.with_user(self.portal_user).sudo()._submit_evidence(b"%PDF-1.4", "dbs.pdf")
        self.assertEqual(dbs.evidence_state, "submitted")
        self.assertEqual(dbs.activity_ids.user_id, self.manager)
        dbs.with_user(self.staff).action_check_evidence()
        missing = self.env["link.qualification"]._missing(
            self.ann | self.ben, self.dbs | self.safeguarding, date(2026, 7, 1)
        )
        self.assertEqual(missing[self.ann.id], self.safeguarding)
        self.assertEqual(missing[self.ben.id], self.dbs | self.safeguarding)
        # Not yet obtained, or expired, on the day: missing again.
        missing = self.env["link.qualification"]._missing(
            self.ann, self.dbs, date(2026, 5, 1)
        )
        self.assertEqual(missing[self.ann.id], self.dbs)

    def test_volunteers_read_only_their_own(self):
        mine = self._qualification()
        theirs = self._qualification(partner=self.ben)
        Qualification = self.env["link.qualification"].with_user(self.portal_user)
        self.assertEqual(Qualification.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_user).read(["reference"])
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user).write({"date_expiry": "2099-01-01"})
        with self.assertRaises(AccessError):
            self.env["link.qualification"].with_user(self.monitor).search([])

    def test_expiry_alerts_once_per_threshold(self):
        # Expires 2027-05-01; alerts are due from 2027-03-02 (60 days),
        # 2027-04-01 (30 days) and 2027-04-24 (7 days).
        qualification = self._qualification()
        Qualification = self.env["link.qualification"]
        Mail = self.env["mail.mail"]

        def run(day):
            with freeze_time(day):
                mine = [
                    ("model", "=", Qualification._name),
                    ("res_id", "=", qualification.id),
                ]
                mails_before = Mail.search_count(mine)
                Qualification._cron_expiry_alerts()
                Qualification._cron_expiry_alerts()
                return Mail.search_count(mine) - mails_before

        self.assertEqual(run("2027-03-01"), 0)
        self.assertEqual(run("2027-03-02"), 1)
        self.assertEqual(qualification.expiry_alert_days, 60)
        self.assertEqual(run("2027-03-20"), 0)
        self.assertEqual(run("2027-04-01"), 1)
        self.assertEqual(run("2027-04-24"), 1)
        self.assertEqual(run("2027-04-30"), 0)
        self.assertEqual(len(qualification.activity_ids), 3)
        self.assertEqual(qualification.activity_ids.user_id, self.manager)
        # Renewed: announced again before the new expiry.
        qualification.write({"date_obtained": "2027-04-30"})
        self.assertEqual(qualification.expiry_alert_days, 0)
        self.assertEqual(run("2029-04-29"), 1)

    def test_first_seen_late_gets_only_the_nearest_alert(self):
        qualification = self._qualification(date_obtained="2025-03-05")  # 2027-03-05
        with freeze_time("2027-03-01"):
            self.env["link.qualification"]._cron_expiry_alerts()
        self.assertEqual(qualification.expiry_alert_days, 7)
        self.assertEqual(len(qualification.activity_ids), 1)

    def test_expiry_alert_cron_queries_do_not_grow(self):
        Qualification = self.env["link.qualification"]
        with freeze_time("2027-03-02"):
            self._qualification()
            Qualification._cron_expiry_alerts()  # warm-up
            for size in (3, 30):
                people = self.env["res.partner"].create(
                    [
                        {"name": f"Volunteer {i}", "email": f"v{i}@example.org"}
                        for i in range(size)
                    ]
                )
                for person in people:
                    self._qualification(partner=person)
                self.env.flush_all()
                with self.assertQueryCount(__system__=20):
                    Qualification._cron_expiry_alerts()
                self.assertEqual(
                    set(
                        Qualification.search([("partner_id", "in", people.ids)]).mapped(
                            "expiry_alert_days"
                        )
                    ),
                    {60},
                )
