# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrades lose nothing: on a committed copy with the four addons and added
records (an attachment among them), ``-u`` of all four addons leaves the
number of records of every link.* model and of attachments unchanged."""

import json
import os
import subprocess
import sys

from .test_http_concurrency import ADDONS, _odoo, _pg_args

COUNT = """
import json
counts = {m.model: env[m.model].sudo().search_count([])
          for m in env["ir.model"].search([("model", "=like", "link.%")])
          if env[m.model]._auto and not env[m.model]._transient}
counts["ir.attachment"] = env["ir.attachment"].sudo().search_count([])
counts["mail.message"] = env["mail.message"].sudo().search_count([])
print("COUNTS " + json.dumps(counts))
"""

ADD = """
from datetime import datetime
role = env["link.volunteer.role"].create({"name": "Upgrade role"})
shift = env["link.shift"].create({"name": "Upgrade shift", "role_id": role.id,
    "date_start": datetime(2031, 4, 1, 10), "date_end": datetime(2031, 4, 1, 13),
    "max_volunteers": 2, "state": "open"})
partner = env["res.partner"].create({"name": "Upgrade volunteer",
    "email": "u@example.org", "link_is_volunteer": True})
env["link.shift.assignment"].create({"shift_id": shift.id, "partner_id": partner.id})
env["ir.attachment"].create({"name": "evidence.txt", "raw": b"kept",
    "res_model": "res.partner", "res_id": partner.id})
partner.message_post(body="History that must survive")
env.cr.commit()
"""


def _shell(dbname, script):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "shell",
            "-c",
            _conf(),
            "-d",
            dbname,
            "--no-http",
        ],
        input=script,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return out


def _conf():
    from odoo.tools import config

    return config.rcfile


def _counts(dbname):
    for line in _shell(dbname, COUNT).splitlines():
        if line.startswith("COUNTS "):
            return json.loads(line[len("COUNTS ") :])
    raise AssertionError("no counts printed")


def test_upgrade_keeps_every_record_and_attachment():
    template = os.environ.get("LINK_TEST_TEMPLATE_DB", "dev_tpl")
    dbname = f"{template}_upgrade_{os.getpid()}"
    subprocess.run(["createdb", *_pg_args(), "-T", template, dbname], check=True)
    try:
        assert (
            _odoo(dbname, "-i", ADDONS, "--stop-after-init", "--no-http").wait(
                timeout=600
            )
            == 0
        )
        _shell(dbname, ADD)
        before = _counts(dbname)
        assert before["link.shift.assignment"] >= 1
        assert (
            _odoo(dbname, "-u", ADDONS, "--stop-after-init", "--no-http").wait(
                timeout=600
            )
            == 0
        )
        after = _counts(dbname)
        assert after == before
        print(
            f"\nupgrade: {len(before)} models counted, {sum(before.values())} "
            "records, unchanged after -u of the four addons"
        )
    finally:
        subprocess.run(
            ["dropdb", *_pg_args(), "--if-exists", "--force", dbname], check=False
        )
