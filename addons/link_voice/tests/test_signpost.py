# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.link_membership.tests.common import LinkCase

FOLLOW_UP = "link_voice.mail_activity_type_link_signpost_follow_up"


@freeze_time("2027-03-10 11:00:00")
class TestSignpost(LinkCase):
    """Signposting: an enquiry, where the person was sent from the
    directory, a follow-up that reaches whoever logged it, and the counts
    of each gateway session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advice, cls.pals = cls.env["res.partner"].create(
            [
                {
                    "name": "Test Citizens Advice",
                    "is_company": True,
                    "link_signpost": True,
                    "link_signpost_help": "Benefits, debt, housing.",
                    "phone": "0300 330 1234",
                },
                {
                    "name": "Test PALS",
                    "is_company": True,
                    "link_signpost": True,
                    "link_signpost_help": "Concerns about hospital care.",
                },
            ]
        )
        cls.not_in_directory = cls.env["res.partner"].create(
            {"name": "Not listed", "is_company": True}
        )
        cls.Signpost = cls.env["link.signpost"].with_user(cls.staff)

    def _activities(self, signpost):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "link.signpost"),
                ("res_id", "=", signpost.id),
                ("activity_type_id", "=", self.env.ref(FOLLOW_UP).id),
            ]
        )

    def test_enquiry_with_a_follow_up_for_whoever_logged_it(self):
        signpost = self.Signpost.create(
            {
                "enquiry": "Needs help appealing a care charge.",
                "service_ids": [(6, 0, (self.advice | self.pals).ids)],
                "follow_up": True,
                "follow_up_date": "2027-03-24",
                "contact_name": "Mr Hale",
                "contact_phone": "01632 960 555",
            }
        )
        self.assertTrue(signpost.name.startswith("SP/2027/"))
        activity = self._activities(signpost)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, date(2027, 3, 24))
        # A new date moves it; saving again does not add one.
        signpost.follow_up_date = "2027-03-31"
        signpost.write({"enquiry": "Needs help appealing a care charge (home)."})
        activity = self._activities(signpost)
        self.assertEqual(activity.date_deadline, date(2027, 3, 31))
        signpost.follow_up_note = "Citizens Advice took the appeal on."
        signpost.action_follow_up_done()
        self.assertTrue(signpost.follow_up_done)
        self.assertFalse(self._activities(signpost))

    def test_bad_input_is_refused_with_a_message(self):
        base = {
            "enquiry": "Where can I get a wheelchair repaired?",
            "service_ids": [(6, 0, self.advice.ids)],
        }
        cases = [
            ({"service_ids": [(6, 0, [])]}, "signposting directory"),
            ({"follow_up": True, "contact_phone": "01632 960 555"}, "Follow-up date"),
            ({"follow_up": True, "follow_up_date": "2027-03-20"}, "phone number"),
            ({"date": "2027-03-11"}, "future"),
        ]
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self.Signpost.create({**base, **values})

    def test_counted_per_gateway_session(self):
        role = self.env["link.volunteer.role"].create({"name": "Gateway host"})
        session = self.env["link.shift"].create(
            {
                "name": "Library drop-in",
                "role_id": role.id,
                "date_start": datetime(2027, 3, 9, 10),
                "date_end": datetime(2027, 3, 9, 13),
                "max_volunteers": 2,
                "state": "open",
            }
        )
        self.Signpost.create(
            [
                {
                    "channel": "gateway",
                    "shift_id": session.id,
                    "enquiry": f"Enquiry {n}",
                    "service_ids": [(6, 0, self.pals.ids)],
                }
                for n in range(3)
            ]
        )
        self.assertEqual(session.with_user(self.staff).signpost_count, 3)
        action = session.with_user(self.staff).action_view_signposts()
        self.assertEqual(self.Signpost.search_count(action["domain"]), 3)

    def test_kept_once_it_is_in_the_counts(self):
        # The day the database logs as create_date (freezegun does not
        # freeze it).
        logged_on = fields.Date.context_today(self.Signpost, self.env.cr.now())
        with freeze_time(logged_on):
            mistake, kept = self.Signpost.create(
                [
                    {"enquiry": enquiry, "service_ids": [(6, 0, self.pals.ids)]}
                    for enquiry in ("Typed by mistake", "Counted")
                ]
            )
            mistake.unlink()
            self.assertFalse(mistake.exists())
        with (
            freeze_time(logged_on + timedelta(days=1)),
            self.assertRaisesRegex(UserError, "correct it instead"),
        ):
            kept.unlink()

    def test_read_by_staff_and_steering_never_by_the_monitor(self):
        signpost = self.Signpost.create(
            {"enquiry": "Private", "service_ids": [(6, 0, self.pals.ids)]}
        )
        signpost.with_user(self.steering).read(["enquiry"])
        for user in (self.monitor, self.equality_officer, self.portal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                signpost.with_user(user).read(["enquiry"])

    def test_portal_log_only_on_own_shift_and_directory(self):
        role = self.env["link.volunteer.role"].create({"name": "Gateway host"})
        shift = self.env["link.shift"].create(
            {
                "name": "Dover Gateway",
                "role_id": role.id,
                "date_start": datetime(2027, 3, 10, 10),
                "date_end": datetime(2027, 3, 10, 10) + timedelta(hours=3),
                "max_volunteers": 2,
                "state": "open",
            }
        )
        self.portal_user.partner_id.link_is_volunteer = True
        self.env["link.shift.assignment"].create(
            {"shift_id": shift.id, "partner_id": self.portal_user.partner_id.id}
        )
        Signpost = self.env["link.signpost"].with_user(self.portal_user)
        for ids in ([], [self.not_in_directory.id], [None], [self.pals.id, 2**63]):
            with self.subTest(ids=ids), self.assertRaisesRegex(UserError, "directory"):
                Signpost._log_from_portal(shift, {"enquiry": "x", "service_ids": ids})
        with self.assertRaisesRegex(UserError, "wanted help"):
            Signpost._log_from_portal(
                shift, {"enquiry": "\x00 ", "service_ids": [self.pals.id]}
            )
        logged = Signpost._log_from_portal(
            shift, {"enquiry": "Dentist?\x00", "service_ids": [self.pals.id]}
        )
        self.assertRecordValues(
            logged,
            [
                {
                    "channel": "gateway",
                    "shift_id": shift.id,
                    "enquiry": "Dentist?",
                    "user_id": self.portal_user.id,
                }
            ],
        )
        self.assertEqual(Signpost.search([]), logged.with_user(self.portal_user))
        other = self.env["link.shift"].create(
            {
                "name": "Not hers",
                "role_id": role.id,
                "date_start": datetime(2027, 3, 10, 9),
                "date_end": datetime(2027, 3, 10, 12),
                "max_volunteers": 2,
                "state": "open",
            }
        )
        with self.assertRaisesRegex(UserError, "booked on"):
            Signpost._log_from_portal(
                other, {"enquiry": "x", "service_ids": [self.pals.id]}
            )
