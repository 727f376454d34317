# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .test_budget import BudgetCase

# Approving claims, whatever their number: costs, decision, tracking, mails.
QUERIES_BULK_APPROVAL = 27

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


class ExpenseCase(BudgetCase):
    """Ann worked a shift and, with Ben, went to a forum meeting; Cara, a
    representative, went to the forum only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann_user = new_test_user(cls.env, "exp_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "exp_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        cls.ann.write({"name": "Ann Claimant", "link_is_volunteer": True})
        cls.ben.write({"name": "Ben Claimant", "link_is_volunteer": True})
        role = cls.env["link.volunteer.role"].create({"name": "Stall host"})
        cls.shift = cls.env["link.shift"].create(
            {
                "name": "Expense stall",
                "role_id": role.id,
                "date_start": datetime(2026, 5, 4, 9),
                "date_end": datetime(2026, 5, 4, 12),
                "max_volunteers": 3,
            }
        )
        cls.place = cls.env["link.shift.assignment"].create(
            {"shift_id": cls.shift.id, "partner_id": cls.ann.id, "state": "attended"}
        )
        cls.forum = (
            cls.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Patient forum",
                    "start": datetime(2026, 5, 6, 10),
                    "stop": datetime(2026, 5, 6, 12),
                    "partner_ids": [fields.Command.set((cls.ann | cls.ben).ids)],
                }
            )
        )
        cls.line = cls.env["link.budget.line"].create(
            {
                "workplan_id": cls.plan.id,
                "workstream_id": cls.stream.id,
                "name": "Volunteer expenses",
                "amount_allocated": 500,
            }
        )

    def _claim(self, partner=None, what=None, receipts=None, **values):
        partner = partner or self.ann
        return (
            self.env["link.expense.claim"]
            .with_user(partner.user_ids[:1])
            ._portal_submit(
                partner,
                {
                    "what": what or f"shift-{self.shift.id}",
                    "expense_type": "travel",
                    "amount": 4.8,
                    "description": "Bus fare",
                    **values,
                },
                [("ticket.pdf", PDF)] if receipts is None else receipts,
            )
            .with_user(self.env.user)
        )


class TestExpenseClaims(ExpenseCase):
    def test_approval_books_a_volunteer_expense_on_the_budget_line(self):
        fare = self._claim()
        meal = self._claim(
            what=f"event-{self.forum.id}", expense_type="meal", amount=6.5
        )
        self.assertEqual(fare.state, "submitted")
        self.assertEqual(fare.date, date(2026, 5, 4))
        self.assertEqual(meal.date, date(2026, 5, 6))
        self.assertRegex(fare.name, r"^EXP/\d{4}/\d{4}$")
        receipt = fare.receipt_ids
        self.assertEqual(receipt.name, "ticket.pdf")
        self.assertEqual((receipt.res_model, receipt.res_id), (fare._name, fare.id))
        claims = (fare | meal).with_user(self.staff)
        with self.assertRaises(UserError, msg="a budget line first"):
            claims.action_approve()
        claims.write({"budget_line_id": self.line.id})
        with freeze_time("2026-05-10"):
            claims.action_approve()
        self.assertEqual(claims.mapped("state"), ["approved", "approved"])
        self.assertEqual(fare.decided_by_id, self.staff)
        cost = fare.cost_id
        self.assertEqual(
            (cost.kind, cost.state, cost.amount, cost.date, cost.budget_line_id),
            ("expense", "approved", 4.8, date(2026, 5, 4), self.line),
        )
        self.assertNotIn("Ann", cost.name, "costs never name the claimant")
        self.assertEqual(self.line.amount_spent, 11.3)
        # The budget figures (pack, annual report) count it.
        groups = self.env["link.budget.line"]._link_budget_groups(
            "2026-04-01", "2026-06-30"
        )
        self.assertEqual(groups[self.stream][1], 11.3)
        # The council monitor reads the approved cost, never the claim.
        self.assertEqual(
            self.env["link.budget.cost"].with_user(self.monitor).browse(cost.id).amount,
            4.8,
        )
        with self.assertRaises(AccessError):
            self.env["link.expense.claim"].with_user(self.monitor).search([])
        # Paid, many at once, on the day.
        with freeze_time("2026-05-20"):
            claims.action_mark_paid()
        self.assertEqual(claims.mapped("state"), ["paid", "paid"])
        self.assertEqual(fare.paid_date, date(2026, 5, 20))
        with self.assertRaises(UserError, msg="a decided claim is locked"):
            fare.with_user(self.staff).amount = 40
        # Its cost stays approved with it, even for a host manager.
        with self.assertRaisesRegex(UserError, "kept as approved with their claims"):
            cost.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(cost.state, "approved")

    def test_paid_date_given_and_never_in_the_future(self):
        claim = self._claim().with_user(self.staff)
        claim.budget_line_id = self.line
        claim.action_approve()
        with freeze_time("2026-05-20"):
            claim.paid_date = date(2026, 5, 21)
            with self.assertRaises(UserError):
                claim.action_mark_paid()
            claim.paid_date = date(2026, 5, 18)
            claim.action_mark_paid()
        self.assertEqual(claim.paid_date, date(2026, 5, 18))

    def test_decline_needs_a_reason_and_claims_are_never_deleted(self):
        claim = self._claim().with_user(self.staff)
        with self.assertRaises(UserError):
            claim.action_decline()
        claim.decline_reason = "Paid by the trust"
        claim.action_decline()
        self.assertEqual(claim.state, "declined")
        self.assertFalse(claim.cost_id)
        with self.assertRaises(UserError):
            claim.action_mark_paid()
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                claim.with_user(user).unlink()
        with self.assertRaises(UserError):
            claim.sudo().unlink()
        with self.assertRaises(UserError):
            claim.write({"state": "approved"})
        claim.action_reset_to_submitted()
        self.assertEqual(claim.state, "submitted")

    def test_only_for_a_shift_or_meeting_the_claimant_took_part_in(self):
        cases = {
            "Ben had no place on the shift": (self.ben, f"shift-{self.shift.id}"),
            "not an event": (self.ann, "event-0"),
            "forged id": (self.ann, "event-99999999999"),
            "no such event": (self.ann, f"event-{2**31 - 1}"),
            "no kind": (self.ann, f"{self.forum.id}"),
            "another model": (self.ann, f"partner-{self.ann.id}"),
        }
        other = (
            self.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Board meeting",
                    "start": datetime(2026, 5, 7, 10),
                    "stop": datetime(2026, 5, 7, 12),
                    "partner_ids": [fields.Command.set(self.ben.ids)],
                }
            )
        )
        cases["Ann did not attend"] = (self.ann, f"event-{other.id}")
        for label, (partner, what) in cases.items():
            with self.subTest(label), self.assertRaises(ValidationError):
                self._claim(partner, what=what)
        # A representative claims for the meeting they attended.
        self.assertEqual(
            self._claim(self.ben, what=f"event-{self.forum.id}").partner_id, self.ben
        )
        # Staff cannot book it to the wrong person either.
        with self.assertRaises(ValidationError):
            self.env["link.expense.claim"].with_user(self.staff).create(
                {"partner_id": self.ben.id, "shift_id": self.shift.id, "amount": 2}
            )
        # A cancelled place is no part taken.
        self.place.state = "cancelled"
        with self.assertRaises(ValidationError):
            self._claim()

    def test_bad_amounts_and_receipts_are_refused(self):
        for amount in (0, -3, 10001):
            with self.subTest(amount=amount), self.assertRaises(ValidationError):
                self._claim(amount=amount)
        bad_receipts = {
            "no receipt for a fare": [],
            "not a photo or PDF": [("notes.txt", b"hello")],
            "empty": [("empty.pdf", b"")],
            "too many": [("r.pdf", PDF)] * 6,
        }
        for label, receipts in bad_receipts.items():
            with self.subTest(label), self.assertRaises(ValidationError):
                self._claim(receipts=receipts)
        with self.assertRaises(ValidationError):
            self._claim(expense_type="approved")
        mileage = self._claim(expense_type="mileage", receipts=[])
        self.assertFalse(mileage.receipt_ids)
        photo = self._claim(receipts=[("ticket.png", PNG)])
        self.assertEqual(photo.receipt_ids.mimetype, "image/png")

    def test_what_each_role_may_not_do(self):
        mine, theirs = (
            self._claim(),
            self._claim(self.ben, what=f"event-{self.forum.id}"),
        )
        for user in (self.monitor, self.steering, self.equality_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["link.expense.claim"].with_user(user).search([])
        Claims = self.env["link.expense.claim"].with_user(self.ann_user)
        self.assertEqual(Claims.search([]), mine)
        with self.assertRaises(AccessError):
            Claims.browse(theirs.id).read(["amount"])
        # Receipts are read through the claims only, by staff.
        for claim in (mine, theirs):
            with self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(self.ann_user).browse(
                    claim.receipt_ids.ids
                ).read(["raw"])
        self.assertEqual(
            self.env["ir.attachment"]
            .with_user(self.staff)
            .browse(theirs.receipt_ids.ids)
            .raw,
            PDF,
        )
        with self.assertRaises(AccessError):
            Claims.create({"partner_id": self.ann.id, "shift_id": self.shift.id})
        with self.assertRaises(AccessError):
            mine.with_user(self.ann_user).write({"amount": 90})
        with self.assertRaises(AccessError):
            mine.with_user(self.ann_user).action_approve()
        with self.assertRaises(UserError):
            self.env["link.expense.claim"].with_user(self.staff).create(
                {
                    "partner_id": self.ann.id,
                    "shift_id": self.shift.id,
                    "amount": 2,
                    "state": "paid",
                }
            )
        self.assertEqual(mine.state, "submitted")


@tagged("post_install", "-at_install")
class TestExpenseClaimMails(ExpenseCase):
    """The claimant is told, once per decision, how their claim went."""

    def _mails(self, claims):
        return self.env["mail.mail"].search(
            [("model", "=", "link.expense.claim"), ("res_id", "in", claims.ids)]
        )

    def test_claimant_told_of_approval_payment_and_decline(self):
        self.ann.email = "ann@example.org"
        fare = self._claim()
        meal = self._claim(
            what=f"event-{self.forum.id}", expense_type="meal", amount=6.5
        )
        self.assertFalse(self._mails(fare | meal), "none on claiming")
        fare = fare.with_user(self.staff)
        fare.budget_line_id = self.line
        with freeze_time("2026-05-10"):
            fare.action_approve()
        mail = self._mails(fare)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.ann)
        self.assertEqual(mail.state, "outgoing", "queued, not sent in the request")
        self.assertEqual(
            mail.subject,
            f"{self.env.company.name}: your expense claim {fare.name} is approved",
        )
        self.assertIn("Expense stall on 04/05/2026", str(mail.body_html))
        self.assertEqual(
            mail.mail_message_id.subtype_id, self.env.ref("mail.mt_comment")
        )
        self.assertIn(mail.mail_message_id, fare.message_ids)
        with freeze_time("2026-05-20"):
            fare.paid_date = date(2026, 5, 18)
            fare.action_mark_paid()
        paid = self._mails(fare) - mail
        self.assertEqual(len(paid), 1)
        self.assertEqual(paid.recipient_ids, self.ann)
        self.assertIn("is paid", paid.subject)
        self.assertIn("was paid on 18/05/2026", str(paid.body_html))
        meal = meal.with_user(self.staff)
        meal.decline_reason = "Lunch was provided at the forum"
        meal.action_decline()
        declined = self._mails(meal)
        self.assertEqual(len(declined), 1)
        self.assertEqual(declined.recipient_ids, self.ann)
        self.assertIn("is not approved", declined.subject)
        self.assertIn("Lunch was provided at the forum", str(declined.body_html))
        # Sent (test mode never reaches SMTP), the note stays on the chatter.
        message = declined.mail_message_id
        declined.send()
        self.assertFalse(declined.exists(), "auto-deleted once sent")
        self.assertIn(message, meal.message_ids)

    def test_claimant_without_an_email_is_not_told(self):
        self.ben.email = False
        claim = self._claim(self.ben, what=f"event-{self.forum.id}").with_user(
            self.staff
        )
        claim.budget_line_id = self.line
        claim.action_approve()
        claim.action_mark_paid()
        self.assertEqual(claim.state, "paid")
        self.assertFalse(self._mails(claim))

    def test_bulk_approval_queries_do_not_grow_with_claims(self):
        counts = {}
        for total in (2, 5, 30):  # the first warms the caches
            claims = self.env["link.expense.claim"].create(
                [
                    {
                        "partner_id": (self.ann, self.ben)[i % 2].id,
                        "event_id": self.forum.id,
                        "amount": 1 + i,
                        "budget_line_id": self.line.id,
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
            self.assertEqual(claims.mapped("state"), ["approved"] * total)
            self.assertEqual(len(self._mails(claims)), total)
            if total > 2:
                self.assertEqual(counts[total], QUERIES_BULK_APPROVAL, counts)


class TestExpensePortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann_user = new_test_user(cls.env, "expp_ann", groups="base.group_portal")
        cls.ben_user = new_test_user(cls.env, "expp_ben", groups="base.group_portal")
        cls.ann, cls.ben = cls.ann_user.partner_id, cls.ben_user.partner_id
        (cls.ann | cls.ben).write({"link_is_volunteer": True})
        role = cls.env["link.volunteer.role"].create({"name": "Portal stall"})
        start = fields.Datetime.now().replace(microsecond=0) - timedelta(days=2)
        cls.shift, cls.ben_shift = cls.env["link.shift"].create(
            [
                {
                    "name": name,
                    "role_id": role.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=2),
                    "max_volunteers": 3,
                }
                for name in ("Ann portal stall", "Ben portal stall")
            ]
        )
        cls.env["link.shift.assignment"].create(
            [
                {
                    "shift_id": cls.shift.id,
                    "partner_id": cls.ann.id,
                    "state": "attended",
                },
                {
                    "shift_id": cls.ben_shift.id,
                    "partner_id": cls.ben.id,
                    "state": "attended",
                },
            ]
        )
        cls.ben_claim = (
            cls.env["link.expense.claim"]
            .with_user(cls.ben_user)
            ._portal_submit(
                cls.ben,
                {
                    "what": f"shift-{cls.ben_shift.id}",
                    "expense_type": "meal",
                    "amount": 7.25,
                    "description": "Ben's secret lunch",
                },
                [("ben-receipt.pdf", PDF)],
            )
        )

    def _page(self, login, url="/my/expenses"):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _post(self, page, files=None, **data):
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        values = {
            "what": f"shift-{self.shift.id}",
            "expense_type": "travel",
            "amount": "4.80",
            "description": "Bus fare",
        }
        values.update(data)
        return self.url_open(
            "/my/expenses",
            data={"csrf_token": token, **values},
            files=[("receipts", ("ticket.pdf", PDF, "application/pdf"))]
            if files is None
            else files,
            allow_redirects=False,
        )

    def test_claim_with_a_receipt_and_see_only_my_claims(self):
        page = self._page("expp_ann")
        self.assertIn("Ann portal stall", page)
        self.assertNotIn("Ben portal stall", page)
        self.assertNotIn("secret lunch", page)
        response = self._post(page, state="paid", partner_id=str(self.ben.id))
        self.assertEqual(response.status_code, 303)
        claim = self.env["link.expense.claim"].search(
            [("partner_id", "=", self.ann.id)]
        )
        self.assertEqual(
            (claim.amount, claim.state, claim.shift_id), (4.8, "submitted", self.shift)
        )
        self.assertEqual(claim.receipt_ids.raw, PDF)
        page = self._page("expp_ann", response.headers["Location"])
        self.assertIn("o_link_expense_thanks", page)
        self.assertIn("1 receipt", page)

    @mute_logger("odoo.http")
    def test_download_my_receipts_only(self):
        page = self._page("expp_ann")
        self._post(page)
        claim = self.env["link.expense.claim"].search(
            [("partner_id", "=", self.ann.id)]
        )
        receipt = claim.receipt_ids
        url = f"/my/expenses/{claim.id}/receipt/{receipt.id}"
        page = self._page("expp_ann")
        self.assertIn(f'href="{url}"', page)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PDF)
        self.assertIn("ticket.pdf", response.headers["Content-Disposition"])
        ben_receipt = self.ben_claim.sudo().receipt_ids
        for bad in (
            # Ben's receipt, through his claim or through Ann's.
            f"/my/expenses/{self.ben_claim.id}/receipt/{ben_receipt.id}",
            f"/my/expenses/{claim.id}/receipt/{ben_receipt.id}",
            f"/my/expenses/{self.ben_claim.id}/receipt/{receipt.id}",
            f"/my/expenses/{claim.id}/receipt/99999999",
            f"/my/expenses/{claim.id}/receipt/abc",
            f"/my/expenses/{claim.id}/receipt/99999999999999999999",
            f"/my/expenses/0/receipt/{receipt.id}",
            f"/my/expenses/-1/receipt/{receipt.id}",
            f"/my/expenses/x/receipt/{receipt.id}",
        ):
            with self.subTest(url=bad):
                response = self.url_open(bad)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(PDF, response.content)
        # Ben downloads his own; the public gets the login page, not the file.
        self.authenticate("expp_ben", "expp_ben")
        own = f"/my/expenses/{self.ben_claim.id}/receipt/{ben_receipt.id}"
        self.assertEqual(self.url_open(own).content, PDF)
        self.authenticate(None, None)
        response = self.url_open(url, allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(PDF, response.content)

    def test_bad_input_is_a_400_with_a_message(self):
        page = self._page("expp_ann")
        cases = [
            ({"amount": "abc"}, None, "Give the amount"),
            ({"amount": "1e3"}, None, "Give the amount"),
            ({"amount": "0"}, None, "Give the amount"),
            ({"amount": "99999"}, None, "Give the amount"),
            (
                {"what": f"shift-{self.ben_shift.id}"},
                None,
                "not a shift or meeting you took part in",
            ),
            ({"what": "event-99999999999"}, None, "Choose the shift or meeting"),
            ({"what": "shift-abc"}, None, "Choose the shift or meeting"),
            ({"what": ""}, None, "Choose the shift or meeting"),
            ({"expense_type": "paid"}, None, "Choose what the expense was for"),
            ({}, [], "receipt"),
            (
                {},
                [("receipts", ("notes.txt", b"hello", "text/plain"))],
                "not a photo or a PDF",
            ),
        ]
        for data, files, message in cases:
            with self.subTest(data=data, files=files):
                response = self._post(page, files=files, **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertFalse(
            self.env["link.expense.claim"].search([("partner_id", "=", self.ann.id)])
        )

    @mute_logger("odoo.http")
    def test_json_rpc_keeps_claimants_apart(self):
        self.authenticate("expp_ann", "expp_ann")

        def call(model, method, *args):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": list(args), "kwargs": {}},
            )

        self.assertEqual(call("link.expense.claim", "search_read", [], ["amount"]), [])
        receipt = self.ben_claim.sudo().receipt_ids
        for model, method, args in [
            ("link.expense.claim", "read", (self.ben_claim.ids, ["description"])),
            ("link.expense.claim", "write", (self.ben_claim.ids, {"amount": 99})),
            ("link.expense.claim", "action_approve", (self.ben_claim.ids,)),
            ("link.expense.claim", "action_mark_paid", (self.ben_claim.ids,)),
            ("link.expense.claim", "unlink", (self.ben_claim.ids,)),
            (
                "link.expense.claim",
                "create",
                ({"partner_id": self.ann.id, "shift_id": self.shift.id, "amount": 5},),
            ),
            ("ir.attachment", "read", (receipt.ids, ["raw"])),
        ]:
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                call(model, method, *args)
        self.assertEqual(self.ben_claim.sudo().state, "submitted")
        response = self.url_open(f"/web/content/{receipt.id}")
        self.assertNotEqual(response.status_code, 200)

    def test_home_counter(self):
        self.authenticate("expp_ben", "expp_ben")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["expense_claim_count"]}
        )
        self.assertEqual(counters, {"expense_claim_count": 1})

    def test_queries_do_not_grow_with_claims(self):
        page = self._page("expp_ann")
        self._post(page)  # warm-up
        for total in (5, 30):
            self.env["link.expense.claim"].create(
                [
                    {
                        "partner_id": self.ann.id,
                        "shift_id": self.shift.id,
                        "amount": 1 + i,
                        "receipt_ids": [
                            fields.Command.create({"name": f"r{i}.pdf", "raw": PDF})
                        ],
                    }
                    for i in range(total)
                ]
            )
            self.env.flush_all()
            self.url_open("/my/expenses")
            # 12: the receipt names for the download links, in one query.
            with self.assertQueryCount(12):
                response = self.url_open("/my/expenses")
            self.assertEqual(response.status_code, 200)
            page = response.text
            self.env.flush_all()
            with self.assertQueryCount(30):
                response = self._post(page)
            self.assertEqual(response.status_code, 303)


@tagged("post_install", "-at_install")
class TestExpenseTours(HttpCase):
    def test_volunteer_claims_an_expense_with_a_receipt_at_phone_width(self):
        user = self.env.ref(
            "link_membership.res_users_demo_volunteer", raise_if_not_found=False
        )
        if not user:
            self.skipTest("needs the demo data (the volunteer login)")
        role = self.env.ref("link_membership.link_volunteer_role_demo_gateway")
        # Yesterday evening, when no demo shift of hers runs.
        start = fields.Datetime.now().replace(
            hour=18, minute=0, second=0, microsecond=0
        ) - timedelta(days=1)
        shift = self.env["link.shift"].create(
            {
                "name": "Expense tour shift",
                "role_id": role.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "max_volunteers": 2,
            }
        )
        self.env["link.shift.assignment"].create(
            {
                "shift_id": shift.id,
                "partner_id": user.partner_id.id,
                "state": "attended",
            }
        )
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my", "link_expense_claim_phone_tour", login="volunteer")
        claim = self.env["link.expense.claim"].search([("shift_id", "=", shift.id)])
        self.assertEqual((claim.partner_id, claim.amount), (user.partner_id, 3.6))
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.receipt_ids.name, "bus-ticket.png")
        self.assertEqual(claim.receipt_ids.mimetype, "image/png")

    def test_staff_approve_expenses_in_bulk(self):
        staff = self.env.ref(
            "link_membership.res_users_demo_staff", raise_if_not_found=False
        )
        if not staff:
            self.skipTest("needs the demo data (the staff login)")
        line = self.env.ref("link_workplan.link_budget_line_demo_engagement")
        plan = line.workplan_id
        event_day = max(plan.date_start, fields.Date.today() - timedelta(days=3))
        people = self.env["res.partner"].create(
            [{"name": f"Tour Claimant {letter}"} for letter in "AB"]
        )
        forum = (
            self.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Tour forum",
                    "start": datetime.combine(event_day, datetime.min.time())
                    + timedelta(hours=10),
                    "stop": datetime.combine(event_day, datetime.min.time())
                    + timedelta(hours=11),
                    "partner_ids": [fields.Command.set(people.ids)],
                }
            )
        )
        claims = self.env["link.expense.claim"].create(
            [
                {
                    "partner_id": person.id,
                    "event_id": forum.id,
                    "expense_type": "travel",
                    "amount": 5,
                    "budget_line_id": line.id,
                }
                for person in people
            ]
        )
        spent = line.amount_spent
        self.start_tour("/odoo", "link_expense_claim_staff_tour", login="staff")
        self.assertEqual(claims.mapped("state"), ["approved", "approved"])
        self.assertEqual(claims.cost_id.mapped("kind"), ["expense", "expense"])
        self.assertEqual(line.amount_spent, spent + 10)
