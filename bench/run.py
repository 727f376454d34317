#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Measured scenarios on a database filled by bench/generate.py.

    python3 bench/run.py -c odoo.conf -d DATABASE [--port 18470]
        [--only crons,working_days,portal,reports,equality] [--out results/x.json]

Prints one table per scenario and writes all figures as JSON (default
bench/results/<database>.json). Nothing is kept in the database: every
scenario that writes runs in a transaction that is rolled back. The portal
scenario starts its own Odoo server on --port (loopback, one worker, no cron).
"""

import argparse
import html
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from unittest.mock import patch

from figures import table
from lxml import etree
from odoo_server import odoo_server

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config, mute_logger

HERE = Path(__file__).resolve().parent


class Meter:
    """Wall time and SQL queries (odoo.sql_db.sql_counter) of a block."""

    def __init__(self):
        self.seconds = self.queries = 0

    @contextmanager
    def __call__(self, env):
        queries, started = odoo.sql_db.sql_counter, time.perf_counter()
        yield self
        env.flush_all()
        self.seconds = round(time.perf_counter() - started, 3)
        self.queries = odoo.sql_db.sql_counter - queries


def counts(env):
    env.flush_all()
    env.cr.execute(
        "SELECT (SELECT count(*) FROM mail_activity), (SELECT count(*) FROM mail_mail)"
    )
    return env.cr.fetchone()


# ----------------------------------------------------------------------------
# 1. Daily crons
# ----------------------------------------------------------------------------

CRONS = [
    ("link.workplan.action", "_cron_link_deadlines", "action deadlines"),
    ("link.information.request", "_cron_link_deadlines", "information requests"),
    ("link.ev.visit", "_cron_link_deadlines", "visit reports/responses"),
    ("link.qualification", "_cron_expiry_alerts", "qualification expiry"),
    ("link.shift", "_cron_link_shifts", "shifts: close, shortfalls, reminders"),
]


def _per_record_schedule_once(
    self, domain, activity_type_xmlid, flag, user_of, deadline_of, summary
):
    """Odoo core's scheduler pattern over the same records: one search, then
    activity_schedule() and a write per record (as e.g. hr_contract,
    account's followups or mrp do in their crons)."""
    for record in self.search([*domain, (flag, "=", False)], order="id"):
        record.activity_schedule(
            activity_type_xmlid,
            date_deadline=deadline_of(record),
            summary=summary,
            user_id=user_of(record).id,
        )
        record[flag] = True


def scenario_crons(env):
    rows = []
    figures = {}
    activities0, mails0 = counts(env)
    batch_size = int(
        env["ir.config_parameter"].sudo().get_param("mail.batch_size") or 50
    )
    for run in ("first", "second"):
        for model, method, label in CRONS:
            if model not in env:
                continue
            before = counts(env)
            meter = Meter()
            with meter(env):
                getattr(env[model], method)()
            after = counts(env)
            mails = after[1] - before[1]
            row = {
                "run": run,
                "cron": label,
                "seconds": meter.seconds,
                "queries": meter.queries,
                "activities": after[0] - before[0],
                "mails": mails,
                # mail.template.send_mail_batch renders mails by chunks of
                # mail.batch_size: the one cost that grows with the mails.
                "mail_batches": -(-mails // batch_size),
            }
            rows.append(row)
            figures.setdefault(run, []).append(row)
        env.invalidate_all()
    created_second = sum(r["activities"] + r["mails"] for r in figures["second"])
    # The per-record pattern over the same records: undo the first run, then
    # schedule the deadline activities one record at a time.
    env.cr.rollback()
    env.invalidate_all()
    mixin = {
        model: type(env[model]) for model, _method, _label in CRONS[:3] if model in env
    }
    ours = [r for r in figures["first"] if r["cron"] in {c[2] for c in CRONS[:3]}]
    core = []
    for model, method, label in CRONS[:3]:
        if model not in mixin:
            continue
        before = counts(env)
        meter = Meter()
        with (
            patch.object(
                mixin[model], "_schedule_once_matching", _per_record_schedule_once
            ),
            meter(env),
        ):
            getattr(env[model], method)()
        after = counts(env)
        core.append(
            {
                "run": "core per record",
                "cron": label,
                "seconds": meter.seconds,
                "queries": meter.queries,
                "activities": after[0] - before[0],
                "mails": after[1] - before[1],
            }
        )
    env.cr.rollback()
    env.invalidate_all()
    rows += core
    ours_s = sum(r["seconds"] for r in ours)
    core_s = sum(r["seconds"] for r in core)
    summary = {
        "deadline_crons_seconds": round(ours_s, 3),
        "deadline_crons_queries": sum(r["queries"] for r in ours),
        "deadline_crons_activities": sum(r["activities"] for r in ours),
        "core_per_record_seconds": round(core_s, 3),
        "core_per_record_queries": sum(r["queries"] for r in core),
        "core_per_record_activities": sum(r["activities"] for r in core),
        "ratio_seconds": round(core_s / ours_s, 1) if ours_s else None,
        "second_run_created": created_second,
        "activities_before": activities0,
        "mails_before": mails0,
    }
    table("1. Daily crons (first run, second run, core per-record pattern)", rows)
    table("1. Deadline crons: ours against core's per-record pattern", [summary])
    return {"rows": rows, "summary": summary}


# ----------------------------------------------------------------------------
# 2. Working days
# ----------------------------------------------------------------------------


def scenario_working_days(env):
    sys.path.insert(0, str(HERE))
    import working_days

    figures = working_days.run(env)
    env.cr.rollback()
    table("2. Working-day due dates", [figures])
    return figures


# ----------------------------------------------------------------------------
# 3. Portal over HTTP
# ----------------------------------------------------------------------------

QUERY_LOG = re.compile(r'"GET (\S+) HTTP/1\.\d" (\d+) - (\d+) ([\d.]+) ([\d.]+)')


def _http_session(base, login, password):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/web/login", timeout=60).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"login": login, "password": password, "csrf_token": token}
    ).encode()
    opener.open(f"{base}/web/login", data=data, timeout=60).read()
    return opener


def scenario_portal(args, requests=100, warmup=5):
    log = Path(f"/tmp/{args.database}-bench-http.log")
    with odoo_server(args.config, args.database, args.port, log) as base:
        opener = _http_session(base, "bench.volunteer", "bench.volunteer")
        results = {"/my/shifts": [], "/my/tasks": []}
        # Alternate the two pages, so that a busy moment of the machine
        # weighs on both alike.
        for index in range(warmup + requests):
            for path, latencies in results.items():
                started = time.perf_counter()
                response = opener.open(base + path, timeout=60)
                response.read()
                if index >= warmup:
                    latencies.append((time.perf_counter() - started) * 1000)
                if response.status != 200:
                    raise SystemExit(f"{path}: HTTP {response.status}")
        time.sleep(1)
    queries = {}
    for line in log.read_text().splitlines():
        if match := QUERY_LOG.search(line):
            queries.setdefault(match.group(1), []).append(int(match.group(3)))
    rows = []
    for path, latencies in results.items():
        counted = queries.get(path, [])[warmup:]
        latencies.sort()
        rows.append(
            {
                "page": path,
                "requests": len(latencies),
                "median_ms": round(statistics.median(latencies), 1),
                "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
                "queries_per_request": max(counted) if counted else None,
            }
        )
    shifts, tasks = rows
    summary = {
        "median_ratio_shifts_over_tasks": round(
            shifts["median_ms"] / tasks["median_ms"], 2
        ),
    }
    table("3. Portal over HTTP (portal volunteer, loopback, 1 worker)", rows)
    table("3. /my/shifts against Odoo's /my/tasks", [summary])
    return {"rows": rows, "summary": summary}


# ----------------------------------------------------------------------------
# 4. Reporting: every pivot of the LINk menus, and the quarterly pack
# ----------------------------------------------------------------------------


def _pivot_axes(arch):
    """Row and column group-bys of a pivot arch, with their date interval
    (``date:quarter``) as the web client asks for them, and its measures."""
    root = etree.fromstring(arch)

    def axis(kind):
        return [
            f"{f.get('name')}:{f.get('interval')}"
            if f.get("interval")
            else f.get("name")
            for f in root.iter("field")
            if f.get("type") == kind
        ]

    return axis("row"), axis("col"), axis("measure")


def _action_defaults(Model, action):
    """The domain and group-bys the action opens with: its domain and the
    search_default_* filters of its context."""
    from odoo.tools.safe_eval import datetime as safe_datetime
    from odoo.tools.safe_eval import safe_eval

    eval_context = {
        "uid": Model.env.uid,
        "context_today": lambda: odoo.fields.Date.context_today(Model),
        "datetime": safe_datetime,
        "relativedelta": __import__(
            "dateutil.relativedelta"
        ).relativedelta.relativedelta,
    }
    domain = safe_eval(action.domain or "[]", eval_context)
    context = safe_eval(action.context or "{}", eval_context)
    search = Model.get_view(action.search_view_id.id or None, "search")["arch"]
    groupby = []
    for key, value in context.items():
        if not (key.startswith("search_default_") and value):
            continue
        name = key[len("search_default_") :]
        match = re.search(rf'<filter[^>]*name="{name}"[^>]*>', search)
        if not match:
            continue
        node = match.group(0)
        if (
            found := re.search(r'date="([^"]+)"', node)
        ) and 'default_period="year"' in node:
            year = odoo.fields.Date.context_today(Model).year
            domain += [
                (found.group(1), ">=", f"{year}-01-01"),
                (found.group(1), "<", f"{year + 1}-01-01"),
            ]
        if found := re.search(r'domain="([^"]+)"', node):
            domain += safe_eval(html.unescape(found.group(1)), eval_context)
        if found := re.search(r"group_by'?\"?:\s*'([^']+)'", html.unescape(node)):
            groupby.append(found.group(1))
    return domain, groupby


def scenario_reports(env):
    monitor = env["res.users"].search([("login", "=", "bench.monitor")])
    staff = env["res.users"].search([("login", "=", "bench.staff1")])
    officer = env["res.users"].search([("login", "=", "bench.equality")])
    actions = env["ir.actions.act_window"].search(
        [("res_model", "=like", "link.%"), ("view_mode", "like", "pivot")]
    )
    rows = []
    for action in actions:
        Model = env[action.res_model]
        user = next(
            (
                u
                for u in (monitor, staff, officer)
                if Model.with_user(u).has_access("read")
            ),
            None,
        )
        if user is None:
            continue
        Model = Model.with_user(user).with_context(lang="en_US")
        view_id = next(
            (v.view_id.id for v in action.view_ids if v.view_mode == "pivot"), None
        )
        arch = Model.get_view(view_id, "pivot")["arch"]
        row_fields, col_fields, measures = _pivot_axes(arch)
        domain, groupby = _action_defaults(Model, action)
        row_fields = groupby or row_fields
        aggregates = [f"{m}:sum" for m in measures if m != "__count"] + ["__count"]
        env.invalidate_all()
        meter = Meter()
        groups = 0
        with meter(env):
            # What the pivot asks for: the cells, each axis and the total.
            for axes in (
                [*row_fields[:1], *col_fields[:1]],
                row_fields[:1],
                col_fields[:1],
                [],
            ):
                groups += len(Model.read_group(domain, aggregates, axes, lazy=False))
        rows.append(
            {
                "pivot": action.xml_id or action.name,
                "as": user.login,
                "groupby": "/".join([*row_fields[:1], *col_fields[:1]]) or "-",
                "domain": str(domain)[:40],
                "groups": groups,
                "seconds": meter.seconds,
                "queries": meter.queries,
            }
        )
    pack = None
    if "link.monitoring.period" in env:
        pack = _quarterly_pack(env)
        if pack:
            rows.append(pack)
    table("4. Reporting: each council pivot as it opens, over the whole database", rows)
    return {"rows": rows, "quarterly_pack": pack}


def _quarterly_pack(env):
    """Produce and issue the pack of the last full quarter as the host does
    (the wizard: figures from every addon frozen, the PDF rendered by
    wkhtmltopdf and stored), then roll it all back."""
    today = odoo.fields.Date.context_today(env["res.users"])
    quarter = (today.month - 1) // 3 or 4
    year = today.year if quarter != 4 or today.month > 3 else today.year - 1
    manager = env["res.users"].search([("login", "=", "bench.staff1")])
    # No server runs here: wkhtmltopdf must not wait for one to serve the CSS.
    env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:1")
    wizard = (
        env["link.monitoring.wizard"]
        .with_user(manager)
        .sudo()
        .create({"period_type": "quarter", "year": year, "quarter": str(quarter)})
    )
    wizard.issue = True
    meter = Meter()
    # Debian's wkhtmltopdf warns that it ignores the header and footer.
    with mute_logger("odoo.addons.base.models.ir_actions_report"), meter(env):
        wizard.action_produce()
    period = env["link.monitoring.period"].search(
        [("date_from", "=", f"{year}-{3 * quarter - 2:02d}-01")], limit=1
    )
    figures, size = len(period.figure_ids), len(period.attachment_id.raw or b"")
    env.cr.rollback()
    return {
        "pivot": f"quarterly pack {year} Q{quarter}: issue (figures + PDF)",
        "as": "bench.staff1 (sudo)",
        "domain": f"{figures} figures",
        "groupby": f"PDF {size // 1024} KB",
        "groups": figures,
        "seconds": meter.seconds,
        "queries": meter.queries,
    }


# ----------------------------------------------------------------------------
# 5. The equality officer's first pages
# ----------------------------------------------------------------------------


def _first_page(env, user, action_xmlid, limit=80):
    action = env.ref(action_xmlid)
    Model = env[action.res_model].with_user(user).with_context(lang="en_US")
    view_id = next(
        (v.view_id.id for v in action.view_ids if v.view_mode == "list"), False
    )
    views = Model.get_views([(view_id, "list")])
    fields = list(views["models"][action.res_model]["fields"])
    domain = odoo.tools.safe_eval.safe_eval(action.domain or "[]")
    env.invalidate_all()
    meter = Meter()
    with meter(env):
        records = Model.web_search_read(
            domain, {name: {} for name in fields}, limit=limit
        )
    return {
        "list": action_xmlid,
        "fields": len(fields),
        "records": len(records["records"]),
        "of": records["length"],
        "seconds": meter.seconds,
        "queries": meter.queries,
    }


def scenario_equality(env):
    officer = env["res.users"].search([("login", "=", "bench.equality")])
    monitor = env["res.users"].search([("login", "=", "bench.monitor")])
    rows = []
    for user, xmlid in (
        (officer, "link_membership.res_partner_action_link_member"),
        (officer, "link_membership.link_equality_profile_action"),
        (monitor, "link_membership.link_ward_representation_action"),
    ):
        if env.ref(xmlid, raise_if_not_found=False):
            rows.append({"as": user.login, **_first_page(env, user, xmlid)})
    table("5. First page of the lists (80 rows; equality report: see 4.)", rows)
    return {"rows": rows}


# ----------------------------------------------------------------------------


def volumes(env):
    models = [
        "link.ward",
        "res.partner",
        "link.equality.profile",
        "link.qualification",
        "link.shift",
        "link.shift.assignment",
        "link.workplan.action",
        "link.community.issue",
        "link.community.issue.contact",
        "link.information.request",
        "link.ev.visit",
        "calendar.event",
        "project.task",
    ]
    return {
        model: env[model].with_context(active_test=False).search_count([])
        for model in models
        if model in env
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=18470)
    parser.add_argument("--only", default="crons,working_days,portal,reports,equality")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    only = args.only.split(",")
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    results = {
        "database": args.database,
        "machine": {
            "nproc": os.cpu_count(),
            "python": sys.version.split()[0],
        },
    }
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cr.execute("SHOW server_version")
        results["machine"]["postgresql"] = cr.fetchone()[0]
        results["scale"] = env["ir.config_parameter"].get_param("bench.scale")
        results["volumes"] = volumes(env)
        table("Volumes", [results["volumes"]])
        for name, function in (
            ("crons", scenario_crons),
            ("working_days", scenario_working_days),
            ("reports", scenario_reports),
            ("equality", scenario_equality),
        ):
            if name in only:
                results[name] = function(env)
                cr.rollback()
                env.invalidate_all()
    if "portal" in only:
        results["portal"] = scenario_portal(args)
    out = args.out or HERE / "results" / f"{args.database}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
