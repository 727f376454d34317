# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.link_feedback import FEEDBACK_TEXT_MAX


class QuickLogPortalCase(HttpCase):
    """Two portal volunteers, Ann and Ben, each on their own gateway session
    now: each logs on their own shift and sees only what they logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.ann_user = new_test_user(cls.env, "ql_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "ql_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        cls.ann.write({"name": "Ann Gateway", "link_is_volunteer": True})
        cls.ben.write({"name": "Ben Gateway", "link_is_volunteer": True})
        role = cls.env["link.volunteer.role"].create({"name": "Quick log host"})
        now = fields.Datetime.now().replace(microsecond=0)
        Shift = cls.env["link.shift"]

        def shift(name, start, hours=3, state="open"):
            return Shift.create(
                {
                    "name": name,
                    "role_id": role.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=hours),
                    "max_volunteers": 3,
                    "state": state,
                }
            )

        cls.ann_shift = shift("Ann's gateway session", now - timedelta(hours=1))
        cls.ben_shift = shift("Ben's gateway session", now - timedelta(hours=1))
        cls.open_shift = shift("Next week's session", now + timedelta(days=7))
        cls.old_shift = shift("Session ten days ago", now - timedelta(days=10))
        Place = cls.env["link.shift.assignment"]
        Place.create(
            [
                {"shift_id": cls.ann_shift.id, "partner_id": cls.ann.id},
                {"shift_id": cls.ben_shift.id, "partner_id": cls.ben.id},
                {"shift_id": cls.old_shift.id, "partner_id": cls.ann.id},
            ]
        )
        cls.service = cls.env["res.partner"].create(
            {"name": "Quick Log Surgery", "link_premises_kind": "gp_practice"}
        )
        cls.ben_feedback = (
            cls.env["link.feedback"]
            .with_user(cls.ben_user)
            ._log_from_portal(cls.ben_shift, {"what_bad": "Ben heard this"})
        )
        cls.staff_feedback = cls.env["link.feedback"].create(
            {"channel": "phone", "what_bad": "Staff logged this"}
        )
        cls.Feedback = cls.env["link.feedback"]

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def _token(self):
        page = self._page(f"/my/feedback/shift/{self.ann_shift.id}").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _post(self, shift_id, allow_redirects=True, token=None, **data):
        token = token or self._token()
        return self.url_open(
            f"/my/feedback/shift/{shift_id}",
            data={"csrf_token": token, **data},
            allow_redirects=allow_redirects,
        )

    def _ann_feedback(self):
        return self.Feedback.search([("user_id", "=", self.ann_user.id)])


@tagged("post_install", "-at_install")
class TestQuickLogPortal(QuickLogPortalCase):
    def test_log_on_my_shift(self):
        self.authenticate("ql_ann", "ql_ann")
        response = self._page("/my/feedback")
        self.assertTrue(
            response.url.endswith(f"/my/feedback/shift/{self.ann_shift.id}"),
            "her only shift now opens straight away",
        )
        self.assertIn("Log this feedback", response.text)
        self.assertIn("Quick Log Surgery", response.text)
        response = self._post(
            self.ann_shift.id,
            what_bad="<script>alert(1)</script> The lift\x00 is broken",
            sentiment="negative",
            premises_id=str(self.service.id),
            contact_name="",
            postcode="bf1",
        )
        feedback = self._ann_feedback()
        self.assertEqual(len(feedback), 1)
        self.assertIn(f"Thank you: logged as <strong>{feedback.name}", response.text)
        self.assertNotIn("<script>alert(1)", response.text)
        self.assertIn(
            "&lt;script&gt;alert(1)&lt;/script&gt; The lift is broken", response.text
        )
        self.assertRecordValues(
            feedback,
            [
                {
                    "channel": "gateway",
                    "shift_id": self.ann_shift.id,
                    "premises_id": self.service.id,
                    "sentiment": "negative",
                    "anonymous": True,
                    "contact_name": False,
                    "postcode": "BF1",
                    "what_bad": "<script>alert(1)</script> The lift is broken",
                    "what_good": False,
                    "date": fields.Date.context_today(
                        feedback.with_user(self.ann_user), self.ann_shift.date_start
                    ),
                }
            ],
        )
        self.assertNotIn(self.ann, feedback.message_partner_ids, "not a follower")
        self.assertNotIn("Ben heard this", response.text)
        self.assertEqual(self.ann_shift.feedback_count, 1)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["gateway_shift_count"]}
        )
        self.assertEqual(counters, {"gateway_shift_count": 1})

    def test_query_count_of_the_post(self):
        self.authenticate("ql_ann", "ql_ann")
        self._post(self.ann_shift.id, what_bad="Warm-up")
        token = self._token()
        # The POST alone: the session, the shift and the place checked, the
        # feedback created with its reference and ward, its creation logged.
        with self.assertQueryCount(22):
            response = self._post(
                self.ann_shift.id,
                allow_redirects=False,
                token=token,
                what_bad="The stairs are steep",
                what_good="Friendly reception",
                sentiment="mixed",
                contact_name="Pat",
                postcode="BF2 4QT",
            )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(len(self._ann_feedback()), 2)

    def test_not_on_this_shift(self):
        self.authenticate("ql_ann", "ql_ann")
        for shift in (self.ben_shift, self.open_shift, self.old_shift):
            with self.subTest(shift=shift.name):
                page = self._page(f"/my/feedback/shift/{shift.id}").text
                self.assertIn("only if you are booked on it", page)
                self.assertNotIn("Log this feedback", page)
                response = self._post(shift.id, what_bad="Forged")
                self.assertEqual(response.status_code, 200)
                self.assertIn("only on a shift you are booked on", response.text)
        # Another volunteer's shift Ann cannot read, or no shift: not found.
        self.ben_shift.state = "done"
        for shift_id in (self.ben_shift.id, 2**31, 99999999, "x1"):
            with self.subTest(shift_id=shift_id), mute_logger("odoo.http"):
                response = self._post(shift_id, what_bad="Forged")
                self.assertEqual(response.status_code, 404)
                self.assertEqual(
                    self.url_open(f"/my/feedback/shift/{shift_id}").status_code, 404
                )
        self.assertFalse(self._ann_feedback())
        self.assertEqual(self.ben_shift.feedback_count, 1)

    def test_bad_input_clear_and_nothing_stored(self):
        self.authenticate("ql_ann", "ql_ann")
        cases = {
            "Write what the person said": {"what_bad": "  ", "what_good": ""},
            "under 10000 characters": {"what_bad": "x" * (FEEDBACK_TEXT_MAX + 1)},
            "not a UK postcode": {"what_bad": "Fine", "postcode": "12345"},
        }
        for message, data in cases.items():
            with self.subTest(message=message):
                response = self._post(self.ann_shift.id, **data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn("o_link_quick_log_error", response.text)
                if data["what_bad"].strip():
                    # What the volunteer typed is still there to correct.
                    self.assertIn(f">{data['what_bad']}</textarea>", response.text)
        self.assertFalse(self._ann_feedback())
        # What a browser cannot send is ignored, not stored.
        self._post(
            self.ann_shift.id,
            what_bad="Odd values",
            sentiment="furious",
            premises_id=str(self.ben.id),
            contact_name="N" * 500,
        )
        feedback = self._ann_feedback()
        self.assertRecordValues(
            feedback,
            [{"sentiment": False, "premises_id": False, "contact_name": "N" * 100}],
        )

    def test_another_volunteers_feedback_out_of_reach(self):
        self.authenticate("ql_ann", "ql_ann")
        page = self._page(
            f"/my/feedback/shift/{self.ann_shift.id}?logged={self.ben_feedback.id}"
        ).text
        self.assertNotIn(self.ben_feedback.name, page)
        self.assertNotIn("Thank you", page)
        page = self._page("/my/feedback").text
        self.assertNotIn("Ben heard this", page)
        self.assertNotIn("Staff logged this", page)

    @mute_logger("odoo.http")
    def test_json_rpc(self):
        self.authenticate("ql_ann", "ql_ann")
        self._post(self.ann_shift.id, what_bad="Mine")
        mine = self._ann_feedback()

        def call(method, *args, **kwargs):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "link.feedback",
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )

        found = call("search_read", [], ["name", "what_bad"])
        self.assertEqual([row["id"] for row in found], mine.ids)
        others = (self.ben_feedback | self.staff_feedback).ids
        for method, args in [
            ("read", (others, ["what_bad"])),
            ("write", (mine.ids, {"what_bad": "Changed"})),
            ("write", (mine.ids, {"shift_id": self.ben_shift.id})),
            ("write", (self.ben_feedback.ids, {"what_bad": "Changed"})),
            ("create", ({"channel": "gateway", "shift_id": self.ben_shift.id},)),
            ("unlink", (mine.ids,)),
            ("_log_from_portal", (self.ben_shift.id, {"what_bad": "Forged"})),
            ("message_post", (others, "Hello")),
        ]:
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                call(method, *args)
        self.assertEqual(mine.what_bad, "Mine")
        self.assertEqual(self.ben_feedback.what_bad, "Ben heard this")
        self.assertEqual(
            self.Feedback.search_count([("shift_id", "=", self.ben_shift.id)]), 1
        )


@tagged("post_install", "-at_install")
class TestQuickLogPortalSignposting(QuickLogPortalCase):
    """The same page, for an enquiry answered from the signposting
    directory and for a safeguarding concern heard at the desk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advice, cls.carers = cls.env["res.partner"].create(
            [
                {
                    "name": "QL Citizens Advice",
                    "link_signpost": True,
                    "link_signpost_help": "Benefits and debt",
                },
                {"name": "QL Carers' Centre", "link_signpost": True},
            ]
        )
        new_test_user(
            cls.env, login="ql_lead", groups="link_membership.group_link_safeguarding"
        )

    def _signpost(self, shift_id, data):
        return self.url_open(
            f"/my/feedback/shift/{shift_id}/signpost",
            data={"csrf_token": self._token(), **data},
        )

    def _ann_signposts(self):
        return self.env["link.signpost"].search([("user_id", "=", self.ann_user.id)])

    def test_enquiry_answered_from_the_directory(self):
        self.authenticate("ql_ann", "ql_ann")
        page = self._page(f"/my/feedback/shift/{self.ann_shift.id}?kind=enquiry").text
        self.assertIn("QL Citizens Advice", page)
        self.assertIn("Benefits and debt", page)
        response = self._signpost(
            self.ann_shift.id,
            {
                "enquiry": "Help with a carer's assessment",
                "service_ids": [str(self.carers.id), str(self.advice.id)],
            },
        )
        signpost = self._ann_signposts()
        self.assertIn(f"logged as <strong>{signpost.name}", response.text)
        self.assertEqual(signpost.service_ids, self.advice | self.carers)
        self.assertEqual(self.ann_shift.signpost_count, 1)

    def test_forged_services_and_shifts_refused(self):
        self.authenticate("ql_ann", "ql_ann")
        for ids in ([], [str(self.service.id)], ["abc"], [str(2**63)], ["%00"]):
            with self.subTest(ids=ids):
                response = self._signpost(
                    self.ann_shift.id, {"enquiry": "x", "service_ids": ids}
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("from the directory", response.text)
        response = self._signpost(
            self.ben_shift.id,
            {"enquiry": "x", "service_ids": [str(self.advice.id)]},
        )
        self.assertIn("only on a shift you are booked on", response.text)
        self.assertFalse(self._ann_signposts())

    def test_safeguarding_concern_from_the_desk(self):
        self.authenticate("ql_ann", "ql_ann")
        response = self._post(
            self.ann_shift.id,
            what_bad="Her son takes her pension.",
            safeguarding="on",
            safeguarding_text="",
        )
        self.assertIn("Say what worries you", response.text)
        self.assertFalse(self._ann_feedback(), "nothing half-stored")
        self._post(
            self.ann_shift.id,
            what_bad="Her son takes her pension.",
            safeguarding="on",
            safeguarding_text="An older woman says her son takes her pension.",
        )
        feedback = self._ann_feedback()
        concern = feedback.sudo().safeguarding_concern_ids
        self.assertEqual(concern.raised_by_id, self.ann_user)
        self.assertTrue(
            concern.lead_id.has_group("link_membership.group_link_safeguarding")
        )
        self.assertEqual(feedback.safeguarding_state, "open")
        page = self._page(f"/my/feedback/shift/{self.ann_shift.id}").text
        self.assertNotIn("son takes her pension.</", page.split("What I logged")[0])
