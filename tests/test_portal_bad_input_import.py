# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile plans and malformed files at the action-plan import, over
JSON-RPC as the least-privileged host staff."""

import base64
import io
import json
import logging
import re

import openpyxl
from hypothesis import example, given
from hypothesis import strategies as st

from odoo.tests import tagged
from odoo.tools import mute_logger

from . import portal_bad_input_common as common
from .portal_bad_input_common import (
    HOSTILE_DATE_TEXT,
    HOSTILE_TEXT,
    IMG,
    LIVE_MARKUP,
    SCRIPT,
    SETTINGS,
    ServerLog,
)


@tagged("post_install", "-at_install")
class TestPortalBadInputImport(common.PortalBadInputCase):
    # --- import wizard, as the least-privileged host staff ---------------------------

    def _import(self, data, filename):
        """Create the wizard and run it over JSON-RPC as host staff: the
        report, or the name and message of the error that came back."""
        self.authenticate("bad_staff", "bad_staff")
        log = ServerLog()
        odoo_logger = logging.getLogger("odoo")
        odoo_logger.addHandler(log)
        try:
            # A refused import is logged by odoo.http as a warning, and Odoo
            # warns when a file that starts like a zip is not one: expected.
            with mute_logger("odoo.http", "odoo.tools.mimetypes"):
                wizard_id = self._call_kw(
                    "link.workplan.import",
                    "create",
                    [
                        {
                            "workplan_id": self.plan.id,
                            "file": base64.b64encode(data).decode(),
                            "filename": filename,
                        }
                    ],
                )
                result = (
                    self._call_kw(
                        "link.workplan.import", "action_import", [[wizard_id["result"]]]
                    )
                    if "result" in wizard_id
                    else wizard_id
                )
        finally:
            odoo_logger.removeHandler(log)
        self.assertFalse([r.getMessage()[:300] for r in log.records])
        return result

    def _call_kw(self, model, method, args):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        if "error" in body:
            return {
                "error": body["error"]["data"]["name"],
                "message": body["error"]["data"]["message"],
            }
        return {"result": body["result"]}

    def _plan_counts(self):
        return self._counts(
            "link.workstream",
            "link.workplan.target",
            "link.workplan.action",
            "res.partner",
        )

    @SETTINGS
    @given(
        aim=HOSTILE_TEXT,
        action=HOSTILE_TEXT,
        lead=st.one_of(st.sampled_from(["HP", "HP/LM", "?", "", SCRIPT]), HOSTILE_TEXT),
        deadline=st.one_of(HOSTILE_DATE_TEXT, st.just("March 2028")),
        progress=HOSTILE_TEXT,
        fmt=st.sampled_from(["csv", "csv-cp1252", "xlsx"]),
    )
    @example(
        aim=SCRIPT,
        action=IMG,
        lead="HP",
        deadline="March 2028",
        progress=SCRIPT,
        fmt="csv",
    )
    @example(
        aim="aim",
        action="a\x00b",
        lead="HP",
        deadline="March 2028",
        progress="",
        fmt="csv",
    )
    @example(
        aim="aim",
        action="Do it",
        lead="HP",
        deadline="2026-13-45",
        progress="",
        fmt="xlsx",
    )
    def test_import_hostile_plan(self, aim, action, lead, deadline, progress, fmt):
        def check():
            rows = [
                ["Key: HP – Harriet Price, LM – Leo Marsh"],
                [f"Work Stream 1: Bad input {aim[:50]}"],
                [aim],
                ["ACTION", "LEAD", "SUPPORT", "DEADLINE", "PROGRESS"],
                [action, lead, "LM", deadline, progress],
                ["Second action", "LM", "", "Ongoing", ""],
            ]
            data, filename = _encode(rows, fmt)
            before = self._plan_counts()
            result = self._import(data, filename)
            self._assert_import_answer(result, before)

        self._example(check)

    @SETTINGS
    @given(
        data=st.one_of(
            st.sampled_from(
                [
                    b"",
                    b"\xff\xfe\x00\x00garbage",
                    b"PK\x03\x04 not a zip",
                    "Work Stream 1: Café\nACTION,LEAD\n".encode("utf-16"),
                    b'"unclosed,quote\n' * 3,
                    b"Work Stream 1: x\n" + b"a," * 10_000 + b"\n",
                ]
            ),
            st.binary(max_size=3000),
        ),
        filename=st.sampled_from(
            ["plan.csv", "plan.xlsx", "plan.XLSX", SCRIPT, "plan\x00.csv", ""]
        ),
    )
    @example(data=b"PK\x03\x04 not a zip", filename="plan.xlsx")
    @example(data=b"not a workbook", filename="plan.xlsx")
    def test_import_malformed_file(self, data, filename):
        def check():
            before = self._plan_counts()
            result = self._import(data, filename)
            self._assert_import_answer(result, before)

        self._example(check)

    def test_import_unknown_workplan(self):
        def check():
            before = self._plan_counts()
            for workplan in (2**31 - 1, -1):
                self.authenticate("bad_staff", "bad_staff")
                with mute_logger("odoo.http", "odoo.sql_db"):
                    result = self._call_kw(
                        "link.workplan.import",
                        "create",
                        [
                            {
                                "workplan_id": workplan,
                                "file": base64.b64encode(b"x").decode(),
                                "filename": "plan.csv",
                            }
                        ],
                    )
                self.assertIn("error", result)
                self.assertIn(
                    result["error"],
                    (
                        "odoo.exceptions.UserError",
                        "odoo.exceptions.ValidationError",
                        "odoo.exceptions.AccessError",
                        "odoo.exceptions.MissingError",
                    ),
                )
            self.assertEqual(self._plan_counts(), before)

        self._example(check)

    def _assert_import_answer(self, result, before):
        if "error" in result:
            self.assertIn(
                result["error"],
                ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError"),
                result["message"][:500],
            )
            # All or nothing.
            self.assertEqual(self._plan_counts(), before)
            return
        report = self.env["link.workplan.import"].browse(result["result"]["res_id"])
        self.assertRegex(report.report, r"Imported 1 work streams")
        actions = self.plan.action_ids
        self.assertTrue(actions)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("link_workplan.report_workplan", self.plan.ids)[0]
            .decode()
        )
        self.assertIsNone(LIVE_MARKUP.search(html))


def _encode(rows, fmt):
    if fmt == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            # openpyxl refuses control characters in cells; a real
            # spreadsheet cannot hold them either.
            sheet.append([re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", c) for c in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), "plan.xlsx"
    out = io.StringIO()
    import csv

    csv.writer(out).writerows(rows)
    encoding = "cp1252" if fmt == "csv-cp1252" else "utf-8"
    return out.getvalue().encode(encoding, errors="replace"), "plan.csv"
