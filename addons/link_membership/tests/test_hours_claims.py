# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import VolunteerCase

# Approving claims, whatever their number: decision, tracking, mails.
QUERIES_BULK_APPROVAL = 17


class HoursClaimCase(VolunteerCase):
    def _claim(self, partner=None, hours=2.0, day="2027-02-20", **values):
        """A claim sent from the portal by ``partner`` (Ann by default)."""
        partner = partner or self.ann
        user = partner.user_ids[:1] or self.portal_user
        return (
            self.env["link.hours.claim"]
            .with_user(user)
            ._portal_submit(
                partner,
                {
                    "date": fields.Date.to_date(day),
                    "hours": hours,
                    "kind": "outreach",
                    "description": "Leaflets at the market",
                    **values,
                },
            )
            .with_user(self.env.user)
        )


@freeze_time(VolunteerCase.NOW)
class TestHoursClaims(HoursClaimCase):
    def test_staff_approve_in_bulk_and_the_report_counts_them(self):
        first, second = self._claim(hours=2.5), self._claim(self.ben, hours=1.5)
        declined = self._claim(hours=4)
        waiting = self._claim(hours=8)
        self.assertEqual((first | second | declined).mapped("state"), ["submitted"] * 3)
        Report = self.env["link.volunteering.report"].with_user(self.monitor)
        self.env.flush_all()
        before = Report._link_hours("2027-02-01", "2027-02-28")
        claims = self.env["link.hours.claim"].with_user(self.staff)
        claims.browse((first | second).ids).action_approve()
        self.assertEqual((first | second).mapped("state"), ["approved"] * 2)
        self.assertEqual(first.decided_by_id, self.staff)
        self.assertEqual(first.decided_on, date(2027, 3, 1))
        as_staff = claims.browse(declined.id)
        as_staff.decline_reason = "Counted on the market shift already"
        as_staff.action_decline()
        self.env.flush_all()
        # Only the approved claims count, as rows with no place and no person.
        self.assertEqual(Report._link_hours("2027-02-01", "2027-02-28"), before + 4.0)
        [claimed] = Report.read_group(
            [
                ("source", "=", "claim"),
                ("date", ">=", "2027-02-01"),
                ("date", "<=", "2027-02-28"),
            ],
            ["hours_done:sum", "place_count:sum"],
            [],
        )
        self.assertEqual(claimed["hours_done"], 4.0)
        self.assertEqual(claimed["place_count"], 0)
        self.assertEqual(claimed["__count"], 2)
        self.assertEqual(waiting.state, "submitted")

    @staticmethod
    def _figures(Report):
        return {
            (f["code"] if isinstance(f, dict) else f[0]): (
                f["value"] if isinstance(f, dict) else f[2]
            )
            for f in Report._link_figures("2027-02-01", "2027-02-28")
        }

    def test_the_pack_counts_approved_claims_at_the_hourly_value(self):
        self.env.company.link_volunteer_hour_rate = 10.0
        claim = self._claim(hours=3.0)
        Report = self.env["link.volunteering.report"].with_user(self.monitor)
        before_hours = self._figures(Report)["volunteer_hours"]
        claim.with_user(self.staff).action_approve()
        self.env.flush_all()
        figures = self._figures(Report)
        self.assertEqual(figures["volunteer_hours"], before_hours + 3.0)
        self.assertAlmostEqual(
            figures["volunteer_value"], (before_hours + 3.0) * 10.0, 2
        )

    def test_decline_needs_a_reason_and_claims_are_never_deleted(self):
        claim = self._claim().with_user(self.staff)
        with self.assertRaises(UserError):
            claim.action_decline()
        claim.decline_reason = "Not LINk work"
        claim.action_decline()
        self.assertEqual(claim.state, "declined")
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                claim.with_user(user).unlink()
        with self.assertRaises(UserError):
            claim.sudo().unlink()
        self.assertTrue(claim.exists())
        # Back to approval, then approved.
        claim.action_reset_to_submitted()
        claim.action_approve()
        with self.assertRaises(AccessError, msg="only a manager reopens"):
            claim.action_reset_to_submitted()
        claim.with_user(self.manager).action_reset_to_submitted()
        self.assertEqual(claim.state, "submitted")

    def test_decided_claims_are_locked_and_decided_by_the_buttons(self):
        claim = self._claim().with_user(self.staff)
        with self.assertRaises(UserError):
            claim.write({"state": "approved"})
        with self.assertRaises(UserError):
            self.env["link.hours.claim"].with_user(self.staff).create(
                {
                    "partner_id": self.ann.id,
                    "hours": 2,
                    "description": "Born approved",
                    "state": "approved",
                }
            )
        claim.action_approve()
        with self.assertRaises(UserError):
            claim.hours = 12
        with self.assertRaises(UserError, msg="decided once"):
            claim.action_approve()

    def test_bad_hours_and_dates_are_refused(self):
        for hours in (0, -1, 24.5):
            with self.subTest(hours=hours), self.assertRaises(ValidationError):
                self._claim(hours=hours)
        with self.assertRaises(ValidationError):
            self._claim(day="2027-03-02")
        with self.assertRaises(ValidationError):
            self._claim(kind="approved")
        with self.assertRaises(ValidationError):
            self._claim(description="   ")
        with self.assertRaises(ValidationError):
            self._claim(ward_id=2**31 - 1)
        self.ben.link_is_volunteer = False
        with self.assertRaises(ValidationError, msg="volunteers claim hours"):
            self._claim(self.ben)

    def test_what_each_role_may_not_do(self):
        mine, theirs = self._claim(), self._claim(self.ben)
        for user in (self.monitor, self.steering, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["link.hours.claim"].with_user(user).search([])
        Claims = self.env["link.hours.claim"].with_user(self.portal_user)
        self.assertEqual(Claims.search([]), mine)
        with self.assertRaises(AccessError):
            Claims.browse(theirs.id).read(["hours"])
        with self.assertRaises(AccessError):
            Claims.create({"partner_id": self.ann.id, "hours": 1, "description": "x"})
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user).write({"hours": 9})
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user).action_approve()
        self.assertEqual(mine.state, "submitted")
        # The council monitor reads the report, which names no one.
        self.assertNotIn("partner_id", self.env["link.volunteering.report"]._fields)


@tagged("post_install", "-at_install")
@freeze_time(VolunteerCase.NOW)
class TestHoursClaimMails(HoursClaimCase):
    """The volunteer is told, once, how their claim was decided."""

    def _mails(self, claims):
        return self.env["mail.mail"].search(
            [("model", "=", "link.hours.claim"), ("res_id", "in", claims.ids)]
        )

    def test_volunteer_told_of_approval_and_of_decline_with_the_reason(self):
        self.ann.email = "ann@example.org"
        approved, declined = self._claim(hours=2.5), self._claim(hours=4)
        self.assertFalse(self._mails(approved | declined), "none on claiming")
        approved.with_user(self.staff).action_approve()
        mail = self._mails(approved)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.ann)
        self.assertEqual(mail.state, "outgoing", "queued, not sent in the request")
        self.assertIn("20/02/2027 are approved", mail.subject)
        self.assertIn("2.5 hour(s)", str(mail.body_html))
        # On the claim's chatter, as a comment.
        self.assertEqual(
            mail.mail_message_id.subtype_id, self.env.ref("mail.mt_comment")
        )
        self.assertIn(mail.mail_message_id, approved.message_ids)
        as_staff = declined.with_user(self.staff)
        as_staff.decline_reason = "Counted on the market shift already"
        as_staff.action_decline()
        mail = self._mails(declined)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.ann)
        self.assertIn("are not approved", mail.subject)
        self.assertIn("Counted on the market shift already", str(mail.body_html))
        # Sent (test mode never reaches SMTP), the note stays on the chatter.
        message = mail.mail_message_id
        mail.send()
        self.assertFalse(mail.exists(), "auto-deleted once sent")
        self.assertIn(message, declined.message_ids)

    def test_volunteer_without_an_email_is_not_told(self):
        self.ben.email = False
        claim = self._claim(self.ben)
        claim.with_user(self.staff).action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertFalse(self._mails(claim))

    def test_bulk_approval_queries_do_not_grow_with_claims(self):
        Claim = self.env["link.hours.claim"]
        counts = {}
        for total in (2, 5, 30):  # the first warms the caches
            claims = Claim.create(
                [
                    {
                        "partner_id": (self.ann, self.ben)[i % 2].id,
                        "date": "2027-02-20",
                        "hours": 1,
                        "description": f"Round {i}",
                    }
                    for i in range(total)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            claims.with_user(self.staff).action_approve()
            self.env.flush_all()
            # The tracking notes too (logged at commit).
            self.env.cr.precommit.run()
            counts[total] = self.cr.sql_log_count - before
            self.assertEqual(len(self._mails(claims)), total)
            if total > 2:
                self.assertEqual(counts[total], QUERIES_BULK_APPROVAL, counts)


class TestHoursClaimPortal(HttpCase):
    """Two portal volunteers claim hours on /my/hours: each sees their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann_user = new_test_user(cls.env, "hours_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "hours_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        cls.ann.write({"name": "Ann Hours", "link_is_volunteer": True})
        cls.ben.write({"name": "Ben Hours", "link_is_volunteer": True})
        cls.staff = new_test_user(
            cls.env, "hours_staff", groups="link_membership.group_link_staff"
        )
        cls.ben_claim = cls.env["link.hours.claim"].create(
            {
                "partner_id": cls.ben.id,
                "date": fields.Date.today() - timedelta(days=2),
                "hours": 3,
                "kind": "survey",
                "description": "Ben's secret survey round",
            }
        )

    def _page(self, login, url="/my/hours"):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _post(self, page, **data):
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        values = {
            "date": fields.Date.to_string(fields.Date.today()),
            "hours": "2.5",
            "kind": "outreach",
            "description": "Leaflets at the library",
            "ward_id": "",
        }
        values.update(data)
        return self.url_open(
            "/my/hours",
            data={"csrf_token": token, **values},
            allow_redirects=False,
        )

    def test_claim_and_see_only_my_claims(self):
        page = self._page("hours_ann")
        self.assertIn("Claim hours", page)
        self.assertNotIn("secret survey", page)
        response = self._post(page, state="approved", partner_id=str(self.ben.id))
        self.assertEqual(response.status_code, 303)
        claim = self.env["link.hours.claim"].search([("partner_id", "=", self.ann.id)])
        self.assertEqual(claim.hours, 2.5)
        self.assertEqual(claim.state, "submitted")
        page = self._page("hours_ann", response.headers["Location"])
        self.assertIn("o_link_hours_thanks", page)
        self.assertIn("Leaflets at the library", page)
        self.assertIn("To approve", page)
        # Ben sees his own, and the reason once declined.
        self.ben_claim.decline_reason = "Not LINk work"
        self.ben_claim.with_user(self.staff).action_decline()
        page = self._page("hours_ben")
        self.assertIn("secret survey", page)
        self.assertIn("Not LINk work", page)
        self.assertNotIn("Leaflets at the library", page)

    def test_bad_input_is_a_400_with_a_message(self):
        page = self._page("hours_ann")
        tomorrow = fields.Date.to_string(fields.Date.today() + timedelta(days=1))
        cases = [
            ({"hours": "abc"}, "Give the hours as a number"),
            ({"hours": "1e3"}, "Give the hours as a number"),
            ({"hours": "nan"}, "Give the hours as a number"),
            ({"hours": "-2"}, "Give the hours as a number"),
            ({"hours": "30"}, "not 30"),
            ({"date": "2027-02-30"}, "Give the day"),
            ({"date": "x" * 5000}, "Give the day"),
            ({"date": tomorrow}, "still to come"),
            ({"kind": "approved"}, "Choose the kind"),
            ({"ward_id": "99999999999"}, "Choose a ward"),
            ({"ward_id": str(2**31 - 1)}, "Choose a ward"),
            ({"description": "\x00  "}, "Say what you did"),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                response = self._post(page, **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertFalse(
            self.env["link.hours.claim"].search([("partner_id", "=", self.ann.id)])
        )

    @mute_logger("odoo.http")
    def test_json_rpc_keeps_volunteers_apart(self):
        self.authenticate("hours_ann", "hours_ann")

        def call(method, *args):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "link.hours.claim",
                    "method": method,
                    "args": list(args),
                    "kwargs": {},
                },
            )

        self.assertEqual(call("search_read", [], ["hours"]), [])
        for method, args in [
            ("read", (self.ben_claim.ids, ["description"])),
            ("write", (self.ben_claim.ids, {"hours": 9})),
            ("action_approve", (self.ben_claim.ids,)),
            ("unlink", (self.ben_claim.ids,)),
            (
                "create",
                (
                    {
                        "partner_id": self.ann.id,
                        "hours": 5,
                        "description": "x",
                        "state": "approved",
                    },
                ),
            ),
        ]:
            with self.assertRaises(JsonRpcException, msg=method):
                call(method, *args)
        self.assertEqual(self.ben_claim.state, "submitted")
        self.assertEqual(self.ben_claim.hours, 3)

    def test_home_counter(self):
        self.authenticate("hours_ben", "hours_ben")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["hours_claim_count"]}
        )
        self.assertEqual(counters, {"hours_claim_count": 1})

    def test_queries_do_not_grow_with_claims(self):
        page = self._page("hours_ann")
        self._post(page)  # warm-up
        for total in (5, 40):
            self.env["link.hours.claim"].create(
                [
                    {
                        "partner_id": self.ann.id,
                        "date": fields.Date.today() - timedelta(days=i % 30),
                        "hours": 1,
                        "description": f"Claim {i}",
                    }
                    for i in range(total)
                ]
            )
            self.env.flush_all()
            self.url_open("/my/hours")
            with self.assertQueryCount(7):
                response = self.url_open("/my/hours")
            self.assertEqual(response.status_code, 200)
            page = response.text
            self.env.flush_all()
            with self.assertQueryCount(12):
                response = self._post(page)
            self.assertEqual(response.status_code, 303)


@tagged("post_install", "-at_install")
class TestHoursClaimTours(HttpCase):
    def test_volunteer_claims_hours_at_phone_width(self):
        user = self.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        if not user:
            self.skipTest("needs the demo data (the volunteer login)")
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my", "link_hours_claim_phone_tour", login="volunteer")
        claim = self.env["link.hours.claim"].search(
            [("partner_id", "=", user.partner_id.id)], order="id desc", limit=1
        )
        self.assertEqual(claim.description, "Door to door survey, Mill Lane")
        self.assertEqual(claim.hours, 1.5)
        self.assertEqual(claim.kind, "survey")
        self.assertEqual(claim.state, "submitted")

    def test_staff_approve_claims_in_bulk(self):
        staff = self.env.ref(
            "link_membership.res_users_demo_staff", raise_if_not_found=False
        )
        if not staff:
            self.skipTest("needs the demo data (the staff login)")
        volunteers = self.env["res.partner"].create(
            [
                {"name": f"Tour Claimant {letter}", "link_is_volunteer": True}
                for letter in "AB"
            ]
        )
        claims = self.env["link.hours.claim"].create(
            [
                {
                    "partner_id": volunteer.id,
                    "date": fields.Date.today(),
                    "hours": 2,
                    "kind": "outreach",
                    "description": "Tour outreach",
                }
                for volunteer in volunteers
            ]
        )
        self.start_tour("/odoo", "link_hours_claim_staff_tour", login="staff")
        self.assertEqual(claims.mapped("state"), ["approved", "approved"])
        self.assertEqual(claims.decided_by_id, staff)
