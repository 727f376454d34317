# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.link_membership.tests.common import LinkCase

from ..models.link_feedback import CHANNELS


class FeedbackCase(LinkCase):
    """Tests run on 10 March 2027 (each test class is frozen on its own:
    freezegun's class decorator does not follow subclasses)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["link.feedback"].with_user(cls.staff)
        cls.ada, cls.bo = cls.env["res.partner"].create(
            [{"name": "Ada Whitcombe"}, {"name": "Bo Lindqvist"}]
        )
        cls.trust = cls.env["res.partner"].create(
            {"name": "Test Hospitals Trust", "is_company": True}
        )
        cls.outpatients = cls.env["res.partner"].create(
            {"name": "Test Outpatients", "parent_id": cls.trust.id, "type": "other"}
        )
        cls.north, cls.south = cls.env["link.ward"].create(
            [
                {"name": "North", "code": "E05990001", "postcode_prefixes": "ZZ1"},
                {"name": "South", "code": "E05990002", "postcode_prefixes": "ZZ2, ZZ9"},
            ]
        )
        cls.issue, cls.other_issue = cls.env["link.community.issue"].create(
            [{"name": "Test issue"}, {"name": "Other test issue"}]
        )

    def _feedback(self, **vals):
        return self.Feedback.create({"channel": "phone", **vals})


@freeze_time("2027-03-10")
class TestFeedback(FeedbackCase):
    def test_each_channel(self):
        feedbacks = self.Feedback.create(
            [{"channel": channel} for channel, _label in CHANNELS]
        )
        self.assertEqual(
            feedbacks.mapped("channel"), [channel for channel, _label in CHANNELS]
        )
        self.assertEqual(feedbacks.user_id, self.staff)
        self.assertEqual(set(feedbacks.mapped("date")), {date(2027, 3, 10)})
        self.assertTrue(all(f.name.startswith("FB/2027/") for f in feedbacks))
        self.assertEqual(len(set(feedbacks.mapped("name"))), len(CHANNELS))

    def test_reference_from_the_year_and_kept(self):
        feedback = self._feedback(date=date(2026, 12, 30))
        self.assertTrue(feedback.name.startswith("FB/2026/"))
        reference = feedback.name
        feedback.date = date(2027, 1, 2)
        self.assertEqual(feedback.name, reference)

    def test_not_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "future"):
            self._feedback(date=date(2027, 3, 11))

    def test_rating(self):
        self.assertEqual(self._feedback(rating=5).rating, 5)
        for rating in (-1, 6):
            with self.assertRaisesRegex(ValidationError, "from 1 to 5"):
                self._feedback(rating=rating)

    def test_provider_from_premises(self):
        feedback = self._feedback(premises_id=self.outpatients.id)
        self.assertEqual(feedback.provider_id, self.trust)
        other = self.env["res.partner"].create(
            {"name": "Other provider", "is_company": True}
        )
        feedback.provider_id = other
        self.assertEqual(feedback.provider_id, other, "staff may change it")

    def test_postcode_normalised_and_ward(self):
        cases = {
            "zz1 4ab": ("ZZ1 4AB", self.north),
            "ZZ24AB": ("ZZ2 4AB", self.south),
            " zz9  3xy ": ("ZZ9 3XY", self.south),
            "zz2": ("ZZ2", self.south),
            "ZZ12 3AB": ("ZZ12 3AB", self.env["link.ward"]),
        }
        for given, (stored, ward) in cases.items():
            with self.subTest(postcode=given):
                feedback = self._feedback(postcode=given)
                self.assertEqual(feedback.postcode, stored)
                self.assertEqual(feedback.ward_id, ward)
        feedback = self._feedback(postcode="ZZ1 4AB")
        feedback.postcode = "zz2 1aa"
        self.assertEqual(feedback.ward_id, self.south)
        for bad in ("12345", "not a postcode", "ZZ1 4A", " "):
            with (
                self.subTest(postcode=bad),
                self.assertRaisesRegex(ValidationError, "not a UK postcode"),
            ):
                self._feedback(postcode=bad)

    def test_ward_set_by_hand(self):
        feedback = self._feedback(postcode="QQ1 1AA", ward_id=self.north.id)
        self.assertEqual(feedback.ward_id, self.north)
        feedback.postcode = "QQ7"
        self.assertEqual(feedback.ward_id, self.north, "no ward lists QQ7: kept")

    def test_ward_districts_validated(self):
        with self.assertRaisesRegex(ValidationError, "postcode district"):
            self.north.postcode_prefixes = "ZZ1, 12"

    def test_person_or_anonymous(self):
        self.assertEqual(self._feedback(partner_id=self.ada.id).partner_id, self.ada)
        self.assertTrue(self._feedback(anonymous=True).anonymous)
        with self.assertRaisesRegex(ValidationError, "Anonymous"):
            self._feedback(anonymous=True, partner_id=self.ada.id)
        with self.assertRaisesRegex(ValidationError, "Anonymous"):
            self._feedback(anonymous=True, contact_email="x@example.org")
        with self.assertRaisesRegex(ValidationError, "contact the person"):
            self._feedback(consent_to_contact=True, contact_name="No details")
        feedback = self._feedback(
            consent_to_contact=True,
            contact_name="Cara Penhallow",
            contact_email="cara@example.org",
        )
        self.assertTrue(feedback.consent_to_contact)
        with self.assertRaisesRegex(ValidationError, "not an email address"):
            self._feedback(contact_email="cara at example")

    def test_compliment_from_sentiment(self):
        positive, negative, mixed = self.Feedback.create(
            [
                {"channel": "web", "sentiment": "positive"},
                {"channel": "web", "sentiment": "negative"},
                {"channel": "web", "sentiment": "mixed", "is_compliment": True},
            ]
        )
        self.assertTrue(positive.is_compliment)
        self.assertFalse(negative.is_compliment)
        self.assertTrue(mixed.is_compliment, "ticked by staff")
        positive.is_compliment = False
        self.assertFalse(positive.is_compliment)
        negative.sentiment = "positive"
        self.assertTrue(negative.is_compliment)

    def test_monitor_cannot_read(self):
        feedback = self._feedback(what_bad="Waited for hours")
        with self.assertRaises(AccessError):
            feedback.with_user(self.monitor).read(["what_bad"])
        with self.assertRaises(AccessError):
            self.env["link.feedback"].with_user(self.monitor).search([])
        with self.assertRaises(AccessError):
            feedback.with_user(self.portal_user).read(["name"])
        self.assertEqual(feedback.with_user(self.steering).what_bad, "Waited for hours")
        with self.assertRaises(AccessError):
            feedback.with_user(self.steering).write({"what_bad": "Changed"})


@freeze_time("2027-03-10")
class TestFeedbackIssue(FeedbackCase):
    def _contacts(self, feedback):
        return self.env["link.community.issue.contact"].search(
            [("feedback_id", "in", feedback.ids)]
        )

    def test_attached_feedback_is_one_contact(self):
        first = self._feedback(issue_id=self.issue.id, partner_id=self.ada.id)
        contact = self._contacts(first)
        self.assertEqual(len(contact), 1)
        self.assertEqual(contact.issue_id, self.issue)
        self.assertEqual(contact.partner_id, self.ada)
        self.assertEqual(contact.date, first.date)
        self.assertEqual(contact.channel, "phone")
        self._feedback(issue_id=self.issue.id, partner_id=self.ada.id, channel="web")
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (2, 1))
        stall = self._feedback(
            issue_id=self.issue.id, channel="gateway", anonymous=True
        )
        self.assertEqual(self._contacts(stall).channel, "event")
        self.assertFalse(self._contacts(stall).partner_id)
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (3, 2))
        paper = self._feedback(issue_id=self.issue.id, channel="paper", anonymous=True)
        self.assertEqual(self._contacts(paper).channel, "paper")
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (4, 3))

    def test_contact_follows_the_feedback(self):
        feedback = self._feedback(issue_id=self.issue.id, partner_id=self.ada.id)
        contact = self._contacts(feedback)
        feedback.write(
            {"partner_id": self.bo.id, "date": date(2027, 3, 1), "channel": "email"}
        )
        self.assertEqual(self._contacts(feedback), contact, "the same contact")
        self.assertEqual(
            (contact.partner_id, contact.date, contact.channel),
            (self.bo, date(2027, 3, 1), "email"),
        )
        feedback.write({"partner_id": False, "anonymous": True})
        self.assertFalse(contact.partner_id)
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (1, 1))

    def test_move_and_detach(self):
        feedback = self._feedback(issue_id=self.issue.id, partner_id=self.ada.id)
        self._feedback(issue_id=self.issue.id, partner_id=self.bo.id)
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (2, 2))
        feedback.issue_id = self.other_issue
        self.assertEqual(len(self._contacts(feedback)), 1)
        self.assertEqual(self._contacts(feedback).issue_id, self.other_issue)
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (1, 1))
        self.assertEqual(
            (self.other_issue.contact_count, self.other_issue.people_count), (1, 1)
        )
        feedback.issue_id = False
        self.assertFalse(self._contacts(feedback))
        self.assertEqual(self.other_issue.contact_count, 0)
        self.assertEqual(self.issue.contact_count, 1)

    def test_assessed_issue_keeps_its_evidence(self):
        feedback = self._feedback(issue_id=self.issue.id, partner_id=self.ada.id)
        self.issue.state = "assessed"
        with self.assertRaisesRegex(UserError, "stays attached"):
            feedback.issue_id = self.other_issue
        with self.assertRaisesRegex(UserError, "stays attached"):
            feedback.issue_id = False
        self.assertEqual(self._contacts(feedback).issue_id, self.issue)
        feedback.partner_id = self.bo
        self.assertEqual(self._contacts(feedback).partner_id, self.bo)

    def test_batch_create_attached(self):
        people = self.env["res.partner"].create(
            [{"name": f"Caller {n}"} for n in range(25)]
        )
        vals_list = [
            {
                "channel": "phone",
                "issue_id": self.issue.id,
                "partner_id": people[n % 25].id,
                "postcode": "ZZ1 1AA",
            }
            for n in range(50)
        ]
        # The same registry caches whatever ran before: warm (a first
        # feedback), but the group definitions, which an earlier test may
        # have emptied, read afresh.
        warm_up = self.env["link.community.issue"].create({"name": "Warm-up"})
        self.Feedback.create(
            {"channel": "phone", "issue_id": warm_up.id, "partner_id": people[0].id}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.registry.clear_cache("groups")
        with self.assertQueryCount(202):
            feedbacks = self.Feedback.create(vals_list)
            self.env.flush_all()
        self.assertEqual(len(self._contacts(feedbacks)), 50)
        self.assertEqual((self.issue.contact_count, self.issue.people_count), (50, 25))
        self.assertEqual(feedbacks.ward_id, self.north)


@freeze_time("2027-03-10")
class TestFeedbackDelete(FeedbackCase):
    """Only a mistake is deleted: the day it was logged, while it is not
    evidence of an assessed issue. Otherwise it is archived."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The day the database logs as create_date (not frozen by freezegun).
        cls.logged_on = fields.Date.context_today(
            cls.env["link.feedback"].with_user(cls.staff), cls.env.cr.now()
        )

    def test_mistake_deleted_the_same_day(self):
        with freeze_time(self.logged_on):
            feedback = self._feedback(issue_id=self.issue.id, anonymous=True)
            self.assertEqual(self.issue.contact_count, 1)
            feedback.unlink()
            self.assertFalse(feedback.exists())
            self.assertEqual(self.issue.contact_count, 0)
            self.assertFalse(self.issue.contact_ids)

    def test_kept_after_the_day(self):
        with freeze_time(self.logged_on):
            feedback = self._feedback()
        with freeze_time(self.logged_on + timedelta(days=1)):
            with self.assertRaisesRegex(UserError, "Archive it instead"):
                feedback.unlink()
            with self.assertRaisesRegex(UserError, "Archive it instead"):
                feedback.with_user(self.manager).unlink()
            feedback.action_archive()
            self.assertFalse(feedback.active)

    def test_kept_as_evidence_of_an_assessed_issue(self):
        with freeze_time(self.logged_on):
            feedback = self._feedback(issue_id=self.issue.id, anonymous=True)
            self.issue.state = "assessed"
            with self.assertRaisesRegex(UserError, "Archive it instead"):
                feedback.unlink()
            self.assertEqual(self.issue.contact_count, 1)
            feedback.action_archive()
            self.assertEqual(self.issue.contact_count, 1, "archived: still counted")


@freeze_time("2027-03-10")
class TestFeedbackTheme(FeedbackCase):
    def test_theme_in_use_is_archived_not_deleted(self):
        Theme = self.env["link.feedback.theme"].with_user(self.manager)
        used, unused = Theme.create([{"name": "Used theme"}, {"name": "Unused theme"}])
        self._feedback(theme_ids=[(6, 0, used.ids)])
        with self.assertRaisesRegex(UserError, "Archive the theme instead"):
            used.unlink()
        unused.unlink()
        self.assertFalse(unused.exists())
        used.action_archive()
        self.assertFalse(used.active)

    def test_sub_theme(self):
        Theme = self.env["link.feedback.theme"].with_user(self.staff)
        parent = Theme.create({"name": "Parent theme"})
        child = Theme.create({"name": "Child theme", "parent_id": parent.id})
        with self.assertRaisesRegex(ValidationError, "part of itself"):
            parent.parent_id = child
