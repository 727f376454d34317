#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A volunteer's calendar feed and the check-in route under load.

    python3 bench/shift_calendar.py -c odoo.conf -d DATABASE [--port 18490]
        [--only feed,checkin] [--requests 50] [--clients 20] [--places 300]
        [--out results/x.json]

Any database with link_membership 18.0.1.11.0 or later. Two scenarios:

feed
    The calendar feed (``/link/calendar/<key>.ics``) of ``bench.volunteer``
    (made by generate.py: 300 past and 12 upcoming places at every scale);
    in a database without it, of ``bench.feed``, a portal volunteer given
    --places past places on shifts of their own (made once, kept for the
    next run). Starts its own server (loopback, 1 worker, no cron), fetches
    the feed --requests times after 5 to warm up, as a calendar app does
    (no session), and reads the query count of each from the server log.
    The volunteer's calendar key is put back as it was.
check-in
    --clients portal volunteers (``bench.checkin01``.., made once and kept)
    each with a place on a shift that started 5 minutes ago; a server with
    2 workers; every volunteer logs in and opens the check-in page, then all
    tap Check in at the same moment, then all tap Check out at the same
    moment. Times each POST (and its queries and worker time from the server
    log) and checks that every volunteer is checked in once, then attended.
    Deletes the shift, its places and their mails afterwards.

Prints one table per measure and writes the figures as JSON (default
bench/results/<database>_calendar.json).
"""

import argparse
import json
import re
import statistics
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import requests
from figures import table
from odoo_server import odoo_server

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.tools import config

HERE = Path(__file__).resolve().parent
MARKER = "bench-calendar"
CTX = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
}
WARMUP = 5
LOG_LINE = re.compile(r'"(GET|POST) (\S+) HTTP/1\.\d" (\d+) - (\d+) ([\d.]+) ([\d.]+)')


@contextmanager
def environment(registry):
    """A superuser environment on a new cursor, committed on exit."""
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", **CTX})


def percentile(values, share):
    values = sorted(values)
    return values[max(0, -(-len(values) * share // 100) - 1)] if values else None


def latencies(values):
    return {
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "max_ms": round(max(values), 1),
    }


def server_lines(log, since, method, path_start):
    """(status, queries, worker ms) of the requests of the server log after
    line ``since``."""
    rows = []
    for line in log.read_text().splitlines()[since:]:
        match = LOG_LINE.search(line)
        if match and match.group(1) == method and match.group(2).startswith(path_start):
            rows.append(
                (
                    int(match.group(3)),
                    int(match.group(4)),
                    (float(match.group(5)) + float(match.group(6))) * 1000,
                )
            )
    return rows


def log_size(log):
    return len(log.read_text().splitlines()) if log.exists() else 0


def session():
    http = requests.Session()
    http.trust_env = False  # never through a proxy of the environment
    return http


def login(base, user):
    http = session()
    page = http.get(f"{base}/web/login", timeout=120).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    http.post(
        f"{base}/web/login",
        data={"login": user, "password": user, "csrf_token": token},
        timeout=120,
    )
    return http


def portal_volunteer(env, login_name, name):
    user = (
        env["res.users"]
        .with_context(active_test=False)
        .search([("login", "=", login_name)])
    )
    if not user:
        user = env["res.users"].create(
            {
                "login": login_name,
                "password": login_name,
                "name": name,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            }
        )
    user.active = True
    user.partner_id.link_is_volunteer = True
    return user


# ----------------------------------------------------------------------------
# Feed
# ----------------------------------------------------------------------------


def feed_fixture(env, places):
    """The volunteer whose feed is fetched: bench.volunteer, or bench.feed
    with ``places`` past places."""
    user = env["res.users"].search([("login", "=", "bench.volunteer")])
    if user:
        return user.partner_id
    partner = portal_volunteer(env, "bench.feed", "Bench Feed").partner_id
    Place = env["link.shift.assignment"]
    held = Place.search_count([("partner_id", "=", partner.id)])
    if held < places:
        role = env["link.volunteer.role"].search(
            [("qualification_type_ids", "=", False)], limit=1
        ) or env["link.volunteer.role"].create({"name": f"{MARKER} role"})
        first = fields.Datetime.now().replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        shifts = env["link.shift"].create(
            [
                {
                    "name": f"{MARKER} feed shift {number}",
                    "role_id": role.id,
                    "date_start": first - timedelta(days=number + 1),
                    "date_end": first - timedelta(days=number + 1, hours=-3),
                    "location": "Brookfield library, High Street",
                    "description": "<p>Greet visitors; note what they say.</p>",
                    "state": "open",
                }
                for number in range(held, places)
            ]
        )
        made = Place.create(
            [{"shift_id": shift.id, "partner_id": partner.id} for shift in shifts]
        )
        made.write({"state": "attended"})
        env["mail.mail"].search(
            [("model", "=", "link.shift.assignment"), ("res_id", "in", made.ids)]
        ).unlink()
        shifts.write({"state": "done"})
    return partner


def scenario_feed(args, registry):
    with environment(registry) as env:
        partner = feed_fixture(env, args.places)
        previous = partner.sudo().link_calendar_token
        if not previous:
            partner._link_calendar_feed_set(True)
        path = f"/link/calendar/{partner.sudo().link_calendar_token}.ics"
        places = env["link.shift.assignment"].search_count(
            [("partner_id", "=", partner.id)]
        )
        login_name = partner.user_ids[:1].login
    log = Path(f"/tmp/{args.database}-bench-calendar-feed.log")
    times, size, events = [], 0, 0
    try:
        with odoo_server(args.config, args.database, args.port, log) as base:
            http = session()
            for index in range(WARMUP + args.requests):
                started = time.perf_counter()
                response = http.get(base + path, timeout=120)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"feed: HTTP {response.status_code}")
                if index >= WARMUP:
                    times.append(elapsed)
                size, events = (
                    len(response.content),
                    response.text.count("BEGIN:VEVENT"),
                )
            time.sleep(1)
    finally:
        if not previous:
            with environment(registry) as env:
                env["res.partner"].browse(partner.id)._link_calendar_feed_set(False)
    counted = server_lines(log, 0, "GET", "/link/calendar/")[WARMUP:]
    row = {
        "volunteer": login_name,
        "places": places,
        "events": events,
        "bytes": size,
        "requests": len(times),
        **latencies(times),
        "median_ms": round(statistics.median(times), 1),
        "queries": max(q for _s, q, _ms in counted) if counted else None,
        "worker_median_ms": round(statistics.median(ms for _s, _q, ms in counted), 1)
        if counted
        else None,
    }
    table("feed: one volunteer's calendar (loopback, 1 worker)", [row])
    return row


# ----------------------------------------------------------------------------
# Check-in
# ----------------------------------------------------------------------------


def checkin_fixture(env, clients):
    users = [
        portal_volunteer(env, f"bench.checkin{number:02d}", f"Bench Checkin {number}")
        for number in range(1, clients + 1)
    ]
    role = env["link.volunteer.role"].search(
        [("qualification_type_ids", "=", False)], limit=1
    ) or env["link.volunteer.role"].create({"name": f"{MARKER} role"})
    now = fields.Datetime.now().replace(microsecond=0)
    # Their other places at that time are no obstacle to the bench's one.
    env["link.shift.assignment"].search(
        [
            ("partner_id", "in", [user.partner_id.id for user in users]),
            ("state", "in", ("waitlisted", "confirmed")),
            ("date_start", "<", now + timedelta(hours=3)),
            ("date_end", ">", now - timedelta(minutes=5)),
        ]
    ).write({"state": "cancelled"})
    shift = env["link.shift"].create(
        {
            "name": f"{MARKER} check-in",
            "role_id": role.id,
            "date_start": now - timedelta(minutes=5),
            "date_end": now + timedelta(hours=3),
            "max_volunteers": clients,
            "min_volunteers": 1,
            "state": "open",
        }
    )
    env["link.shift.assignment"].create(
        [{"shift_id": shift.id, "partner_id": user.partner_id.id} for user in users]
    )
    return (
        shift.id,
        f"/my/shifts/{shift.id}/checkin/{shift._checkin_token()}",
        [user.login for user in users],
    )


def checkin_cleanup(registry):
    with environment(registry) as env:
        shifts = env["link.shift"].search([("name", "=", f"{MARKER} check-in")])
        places = shifts.assignment_ids
        env["mail.mail"].search(
            [("model", "=", "link.shift.assignment"), ("res_id", "in", places.ids)]
        ).unlink()
        env["mail.message"].search(
            [("model", "=", "link.shift.assignment"), ("res_id", "in", places.ids)]
        ).unlink()
        places.unlink()
        if shifts.event_id:
            shifts.event_id.unlink()
        shifts.unlink()
        return len(places)


def scenario_checkin(args, registry):
    checkin_cleanup(registry)
    with environment(registry) as env:
        shift_id, path, logins = checkin_fixture(env, args.clients)
    log = Path(f"/tmp/{args.database}-bench-calendar-checkin.log")
    results = {"in": [], "out": []}
    try:
        with odoo_server(args.config, args.database, args.port, log, workers=2) as base:
            sessions = {}

            def open_page(user):
                http = login(base, user)
                page = http.get(base + path, timeout=120).text
                sessions[user] = (
                    http,
                    re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
                )

            threads = [threading.Thread(target=open_page, args=(u,)) for u in logins]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            for action in ("in", "out"):
                barrier = threading.Barrier(len(logins))

                def tap(user, action=action, barrier=barrier):
                    http, token = sessions[user]
                    barrier.wait(120)
                    started = time.perf_counter()
                    response = http.post(
                        base + path,
                        data={"csrf_token": token, "do": action},
                        allow_redirects=False,
                        timeout=300,
                    )
                    results[action].append(
                        (response.status_code, (time.perf_counter() - started) * 1000)
                    )

                first = log_size(log)
                threads = [threading.Thread(target=tap, args=(u,)) for u in logins]
                started = time.perf_counter()
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                results[f"{action}_seconds"] = time.perf_counter() - started
                time.sleep(1)
                results[f"{action}_server"] = server_lines(
                    log, first, "POST", "/my/shifts/"
                )
        with environment(registry) as env:
            places = env["link.shift"].browse(shift_id).assignment_ids
            checked = {
                "checked_in": len(places.filtered("check_in_date")),
                "attended": len(places.filtered(lambda p: p.state == "attended")),
            }
    finally:
        deleted = checkin_cleanup(registry)
    rows = []
    for action in ("in", "out"):
        answers = results[action]
        server = results[f"{action}_server"]
        rows.append(
            {
                "tap": f"check {action}",
                "clients": len(answers),
                "http_303": sum(1 for status, _ms in answers if status == 303),
                "other": sum(1 for status, _ms in answers if status != 303),
                "seconds": round(results[f"{action}_seconds"], 2),
                **latencies([ms for _status, ms in answers]),
                "queries_median": statistics.median(q for _s, q, _ms in server)
                if server
                else None,
                "queries_max": max(q for _s, q, _ms in server) if server else None,
                "worker_p50_ms": round(percentile([ms for *_x, ms in server], 50), 1)
                if server
                else None,
            }
        )
    table(
        f"check-in: {args.clients} volunteers tap at the same moment (2 workers)",
        rows,
    )
    table("check-in: what the database holds", [{**checked, "deleted": deleted}])
    return {"rows": rows, **checked, "all_recorded": checked["attended"] == len(logins)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=18490)
    parser.add_argument("--only", default="feed,checkin")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    only = args.only.split(",")
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    results = {"database": args.database}
    if "feed" in only:
        results["feed"] = scenario_feed(args, registry)
    if "checkin" in only:
        results["checkin"] = scenario_checkin(args, registry)
    out = args.out or HERE / "results" / f"{args.database}_calendar.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
