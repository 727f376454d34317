# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestEqualityJsonRpc(HttpCase):
    """The web client's own route refuses identifiable answers to everyone but
    the equality data officer, and only serves the report as totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "link_membership.group_link_"
        cls.staff = new_test_user(cls.env, "rpc_staff", groups=group + "staff")
        cls.monitor = new_test_user(cls.env, "rpc_monitor", groups=group + "monitor")
        cls.officer = new_test_user(
            cls.env, "rpc_officer", groups=group + "equality_officer"
        )
        person = cls.env["res.partner"].create(
            {"name": "Farah Haddad", "link_membership_type": "full"}
        )
        cls.profile = cls.env["link.equality.profile"].create(
            {"partner_id": person.id, "religion": "muslim"}
        )

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    @mute_logger("odoo.http")  # each refusal is logged as a warning
    def test_answers_only_for_the_officer(self):
        read = ("link.equality.profile", "read", [self.profile.ids, ["religion"]])
        for login in ("rpc_staff", "rpc_monitor"):
            with (
                self.subTest(login=login),
                self.assertRaises(JsonRpcException) as error,
            ):
                self._call(login, *read)
            self.assertIn("AccessError", str(error.exception))
        self.assertEqual(self._call("rpc_officer", *read)[0]["religion"], "muslim")
        with self.assertRaises(JsonRpcException):
            self._call(
                "rpc_staff",
                "link.equality.profile",
                "search_read",
                [[["religion", "=", "muslim"]], ["partner_id"]],
            )

    @mute_logger("odoo.http")
    def test_report_rows_refused_totals_suppressed(self):
        with self.assertRaises(JsonRpcException):
            self._call(
                "rpc_monitor", "link.equality.report", "search_read", [[], ["answer"]]
            )
        groups = self._call(
            "rpc_monitor",
            "link.equality.report",
            "web_read_group",
            [[["characteristic", "=", "religion"]], ["member_count:sum"], ["answer"]],
            {"lazy": False},
        )["groups"]
        muslim = next(g for g in groups if g["answer"] == "religion:muslim")
        self.assertIs(muslim["member_count"], False, "one person: suppressed")
