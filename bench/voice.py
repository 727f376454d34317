#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public feedback form under load, and the feedback pivots at scale.

    python3 bench/voice.py -c odoo.conf -d DATABASE [--port 18480]
        [--only public_form,pivot] [--submissions 1000] [--records 100000]
        [--seed 1] [--out results/x.json]

Needs a database with link_voice installed (no demo data needed). Two
scenarios, pivot first when both are asked for:

pivot
    Fills the database up to --records feedback (batched create() of 2,000,
    tracking and chatter logs off, committed: it is the bench database) over
    five years, about 300 services of 60 providers and 20 themes (0-3 a
    feedback), then times, 5 times each (min and median, queries), the staff
    pivot of link.feedback (theme x service x month, theme x month) as a
    development officer and the trends report link.feedback.report (same
    axes) as the council monitor, with its groups and suppressed cells; also
    the staff pivot on its view's axes (theme x provider x month) and the
    monitor's three axes over this year only. The data stay.
public_form
    Starts its own Odoo server on --port (loopback, 2 workers, no cron) and
    POSTs /share-your-experience as a browser does (multipart): --submissions
    from 20 clients at once, each from its own loopback address
    (127.0.0.10-29), with the hourly limit per address raised to 10,000;
    then a flood of 1,000 posts from one address (127.0.0.99, 20 threads)
    at the limit of 10 while another person (127.0.0.98) sends 10. Checks
    that every 303 answer is a stored feedback. Deletes all it created and
    puts the limit and the reference counter back.

Prints one table per measure and writes the figures as JSON (default
bench/results/<database>_voice.json).
"""

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import requests
from figures import table
from odoo_server import odoo_server
from requests.adapters import HTTPAdapter

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import SQL, config

HERE = Path(__file__).resolve().parent
# Every feedback the form scenario sends starts its "what could be better"
# with this, then the run's id: what the clean-up deletes.
MARKER = "bench-voice"
CTX = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
}
BATCH = 2_000
YEARS = 5
SERVICES, PROVIDERS, THEMES = 300, 60, 20
ROUNDS = 5
CLIENTS = 20
FLOOD_POSTS, FLOOD_LIMIT, OTHER_POSTS = 1_000, 10, 10
LOAD_LIMIT = 10_000
TOWNS = ["Brookfield", "Ashby", "Northwick", "Lowmoor", "Kingsley", "Eastham"]
CHANNELS = {"web": 25, "email": 15, "phone": 30, "gateway": 20, "paper": 5, "survey": 5}
SENTIMENTS = {"positive": 35, "negative": 30, "mixed": 20, "neutral": 10, None: 5}
RATINGS = {"positive": (4, 5), "negative": (1, 2), "mixed": (3,), "neutral": (3,)}
THEMES_PER_FEEDBACK = {0: 10, 1: 45, 2: 30, 3: 15}
GOOD = ["The receptionist was kind.", "Seen on time.", "Clean and quiet.", ""]
BAD = ["Waited two hours.", "Nobody explained the results.", "No parking.", ""]
POSTCODES = ["BF1 2AB", "bf2", "BF3 4CD", "BF12 9ZZ", ""]


def percentile(values, share):
    """Nearest-rank percentile of sorted ``values``."""
    return values[max(0, -(-len(values) * share // 100) - 1)] if values else None


def latency_figures(latencies):
    latencies = sorted(latencies)
    return {
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
    }


@contextmanager
def environment(registry):
    """A superuser environment on a new cursor, committed on exit."""
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})


# ----------------------------------------------------------------------------
# Public form over HTTP
# ----------------------------------------------------------------------------


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a given local address: each client of the bench is
    one internet address for the form's limit per address."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, connections, maxsize, block=False, **kwargs):
        super().init_poolmanager(
            connections, maxsize, block, source_address=(self.address, 0), **kwargs
        )


def http_session(address):
    session = requests.Session()
    session.trust_env = False  # never through a proxy of the environment
    session.mount("http://", SourceAddressAdapter(address))
    return session


def form_values(rng, services, text):
    """What a person fills in; ``text`` goes into "what could be better"."""
    service = rng.choice(services) if services and rng.random() < 0.7 else ""
    values = {
        "service": service or rng.choice(["Ashby surgery", "The walk-in centre"]),
        "what_good": rng.choice(GOOD),
        "what_bad": f"{text} {rng.choice(BAD)}",
        "rating": rng.choice(["", "1", "2", "3", "4", "5"]),
        "postcode": rng.choice(POSTCODES),
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",  # the honeypot, left empty as people do
    }
    who = rng.random()
    if who < 0.4:  # named; one in four of them asks to be contacted (a mail)
        values["contact_name"] = "Sam Okafor"
        values["contact_email"] = "sam.okafor@example.org"
        if who < 0.1:
            values["consent_to_contact"] = "on"
    elif who < 0.5:
        values["contact_phone"] = "01632 960123"
    return values


def post_feedback(session, base, values):
    """One submission as the browser sends it (multipart, with the empty
    file input); (HTTP status or error name, milliseconds, Location)."""
    started = time.perf_counter()
    try:
        response = session.post(
            f"{base}/share-your-experience",
            data=values,
            files={"attachments": ("", b"", "application/octet-stream")},
            allow_redirects=False,
            timeout=300,
        )
        status, location = response.status_code, response.headers.get("Location")
    except requests.RequestException as error:
        status, location = type(error).__name__, None
    return status, (time.perf_counter() - started) * 1000, location


def run_clients(base, plan, services, seed):
    """``plan``: (label, source address, posts, text prefix, pause between
    posts) per client thread, all started together. Returns {label: [(status,
    ms, location)]} and the wall time in seconds."""
    results = {entry[0]: [] for entry in plan}
    barrier = threading.Barrier(len(plan) + 1)

    def client(index, label, address, posts, prefix, pause):
        rng = random.Random(f"{seed}-{label}-{index}")
        session = http_session(address)
        try:
            session.get(f"{base}/share-your-experience", timeout=120)  # warm up
        finally:
            barrier.wait(300)
        for number in range(posts):
            values = form_values(rng, services, f"{prefix} {index}.{number}:")
            results[label].append(post_feedback(session, base, values))
            time.sleep(pause)

    threads = [
        threading.Thread(target=client, args=(index, *entry), daemon=True)
        for index, entry in enumerate(plan)
    ]
    for thread in threads:
        thread.start()
    barrier.wait(300)
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def _set_limit(registry, limit):
    with environment(registry) as env:
        company = env.ref("base.public_user").company_id
        previous = company.link_feedback_hourly_limit
        company.link_feedback_hourly_limit = limit
    return previous


def _stored(registry, prefix, since=None):
    """Feedback of the web form whose text starts with ``prefix`` (and all
    web feedback created since ``since``)."""
    with environment(registry) as env:
        Feedback = env["link.feedback"].with_context(active_test=False)
        stored = Feedback.search_count(
            [("channel", "=", "web"), ("what_bad", "=like", f"{prefix}%")]
        )
        if since is None:
            return stored
        return stored, Feedback.search_count(
            [("channel", "=", "web"), ("create_date", ">=", since)]
        )


def _table_counts(registry):
    tables = [
        "link_feedback",
        "mail_message",
        "mail_mail",
        "mail_followers",
        "mail_tracking_value",
        "ir_attachment",
    ]
    counts = SQL(", ").join(
        SQL("(SELECT count(*) FROM %s)", SQL.identifier(name)) for name in tables
    )
    with environment(registry) as env:
        env.cr.execute(SQL("SELECT %s", counts))
        return dict(zip(tables, env.cr.fetchone(), strict=True))


def _sequence_ranges(env):
    sequence = env.ref("link_voice.seq_link_feedback")
    return {r.id: r.number_next_actual for r in sequence.date_range_ids}


def cleanup(registry, prefix=MARKER, counters=None):
    """Delete the form scenario's feedback (their messages, mails and
    tracking go with them), then put the reference counter back."""
    with environment(registry) as env:
        Feedback = env["link.feedback"].with_context(active_test=False)
        made = Feedback.search([("what_bad", "=like", f"{prefix} %")])
        deleted = len(made)
        made.unlink()
        if counters is not None:
            ranges = env.ref("link_voice.seq_link_feedback").date_range_ids
            for date_range in ranges:
                if date_range.id not in counters:
                    date_range.unlink()
                elif date_range.number_next_actual != counters[date_range.id]:
                    date_range.number_next_actual = counters[date_range.id]
    return deleted


def _summary(answers, seconds=None):
    statuses = Counter(str(status) for status, _ms, _location in answers)
    row = {
        "posts": len(answers),
        **{f"http_{status}": count for status, count in sorted(statuses.items())},
    }
    if seconds:
        row["seconds"] = round(seconds, 2)
        row["posts_per_s"] = round(len(answers) / seconds, 1)
    return {**row, **latency_figures([ms for _status, ms, _loc in answers])}


def _server_side(log, since_line):
    """Queries and server time of each POST by its answer, read from the
    server's werkzeug log line (``"POST ... HTTP/1.1" 303 - <queries> <SQL
    seconds> <other seconds>``): the time a worker spent on it, without the
    wait for a free worker."""
    posts = {}
    for line in log.read_text().splitlines()[since_line:]:
        if '"POST /share-your-experience ' not in line:
            continue
        fields = line.split('" ', 1)[1].split()
        if len(fields) >= 5 and fields[2].isdigit():
            posts.setdefault(fields[0], []).append(
                (int(fields[2]), (float(fields[3]) + float(fields[4])) * 1000)
            )
    rows = {}
    for status, figures in sorted(posts.items()):
        queries = [q for q, _ms in figures]
        worker_ms = sorted(ms for _q, ms in figures)
        rows[status] = {
            "posts": len(figures),
            "queries_median": statistics.median(queries),
            "queries_max": max(queries),
            "worker_p50_ms": round(percentile(worker_ms, 50), 1),
            "worker_p95_ms": round(percentile(worker_ms, 95), 1),
            "worker_max_ms": round(worker_ms[-1], 1),
        }
    return rows


def _listen_drops():
    """SYNs dropped by full listen queues, machine-wide (Linux), or None."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            figures = dict(zip(names.split(), values.split(), strict=True))
            return int(figures.get("ListenDrops", 0))
    return None


def _log_lines(log):
    return len(log.read_text().splitlines()) if log.exists() else 0


def scenario_public_form(args, registry):
    run_id = uuid.uuid4().hex[:8]
    load_prefix = f"{MARKER} {run_id} load"
    flood_prefix = f"{MARKER} {run_id} flood"
    other_prefix = f"{MARKER} {run_id} other"
    leftovers = cleanup(registry)
    with environment(registry) as env:
        services = list(env["link.feedback"]._public_services())
        counters = _sequence_ranges(env)
    tables_before = _table_counts(registry)
    log = Path(f"/tmp/{args.database}-bench-voice-http.log")
    original_limit = _set_limit(registry, LOAD_LIMIT)
    figures = {"leftovers_deleted": leftovers, "services_offered": len(services)}
    try:
        with odoo_server(
            args.config,
            args.database,
            args.port,
            log,
            workers=2,
            ready_path="/share-your-experience",
        ) as base:
            # 1. Many people at once, each from their own address.
            with environment(registry) as env:
                env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")
                since = env.cr.fetchone()[0]
            per_client = [
                args.submissions // CLIENTS + (i < args.submissions % CLIENTS)
                for i in range(CLIENTS)
            ]
            plan = [
                (f"client{i}", f"127.0.0.{10 + i}", per_client[i], load_prefix, 0)
                for i in range(CLIENTS)
            ]
            first_line, drops = _log_lines(log), _listen_drops()
            results, seconds = run_clients(base, plan, services, args.seed)
            drops = _listen_drops() - drops if drops is not None else None
            answers = [answer for client in results.values() for answer in client]
            accepted = [a for a in answers if a[0] == 303]
            # A reference's signed token, not the honeypot's "received".
            thanked = sum(
                1
                for _status, _ms, location in accepted
                if "/share-your-experience/thanks/" in (location or "")
                and not location.endswith("/thanks/received")
            )
            stored, web_since = _stored(registry, load_prefix, since)
            load = {
                **_summary(answers, seconds),
                "accepted_per_s": round(len(accepted) / seconds, 1),
                "redirects_to_thanks": thanked,
                "stored": stored,
                "web_feedback_created": web_since,
                "none_lost": stored == len(accepted) == web_since,
                "listen_drops": drops,
                "server_side": _server_side(log, first_line),
            }
            figures["load"] = load
            table(
                f"public form: {args.submissions} submissions, {CLIENTS} clients at "
                f"once, one address each, limit {LOAD_LIMIT} an hour, 2 workers",
                [{k: v for k, v in load.items() if k != "server_side"}],
            )
            table(
                "public form: each POST in the worker, by answer (server log)",
                [{"answer": k, **v} for k, v in load["server_side"].items()],
            )
            # 2. A flood from one address while someone else shares theirs.
            _set_limit(registry, FLOOD_LIMIT)
            per_thread = [
                FLOOD_POSTS // CLIENTS + (i < FLOOD_POSTS % CLIENTS)
                for i in range(CLIENTS)
            ]
            # The other person posts every 0.2 s (a person, not a machine).
            plan = [
                ("flood", "127.0.0.99", per_thread[i], flood_prefix, 0)
                for i in range(CLIENTS)
            ] + [("other", "127.0.0.98", OTHER_POSTS, other_prefix, 0.2)]
            first_line, drops = _log_lines(log), _listen_drops()
            results, seconds = run_clients(base, plan, services, args.seed)
            drops = _listen_drops() - drops if drops is not None else None
            flood, other = results["flood"], results["other"]
            flood_row = {
                "who": f"flood (127.0.0.99, {CLIENTS} threads)",
                **_summary(flood, seconds),
                "accepted": sum(1 for a in flood if a[0] == 303),
                "refused_429": sum(1 for a in flood if a[0] == 429),
                "stored": _stored(registry, flood_prefix),
                "listen_drops": drops,
            }
            other_row = {
                "who": "other person (127.0.0.98)",
                **_summary(other),
                "accepted": sum(1 for a in other if a[0] == 303),
                "refused_429": sum(1 for a in other if a[0] == 429),
                "stored": _stored(registry, other_prefix),
            }
            figures["flood"] = {
                "limit": FLOOD_LIMIT,
                "flood": flood_row,
                "other": other_row,
                "flood_kept_to_limit": flood_row["accepted"]
                == flood_row["stored"]
                == FLOOD_LIMIT,
                "other_none_lost": other_row["stored"]
                == other_row["accepted"]
                == OTHER_POSTS,
                "server_side": _server_side(log, first_line),
            }
            table(
                f"public form: flood of {FLOOD_POSTS} from one address at the limit of "
                f"{FLOOD_LIMIT} an hour, {OTHER_POSTS} from another address meanwhile",
                [flood_row, other_row],
            )
            table(
                "public form (flood): each POST in the worker, by answer (server log)",
                [
                    {"answer": k, **v}
                    for k, v in figures["flood"]["server_side"].items()
                ],
            )
    finally:
        _set_limit(registry, original_limit)
        figures["deleted"] = cleanup(registry, f"{MARKER} {run_id}", counters)
    tables_after = _table_counts(registry)
    figures["rows_left"] = {
        name: tables_after[name] - tables_before[name] for name in tables_before
    }
    with environment(registry) as env:
        figures["reference_counter_back"] = _sequence_ranges(env) == counters
        figures["limit_back"] = (
            env.ref("base.public_user").company_id.link_feedback_hourly_limit
            == original_limit
        )
    table(
        "public form: clean-up (rows deleted; rows left compared with before)",
        [
            {
                "deleted": figures["deleted"],
                **figures["rows_left"],
                "reference_counter_back": figures["reference_counter_back"],
                "limit_back": figures["limit_back"],
            }
        ],
    )
    return figures


# ----------------------------------------------------------------------------
# Pivots at scale
# ----------------------------------------------------------------------------


def _named(env, model, prefix, count, values_of):
    """The records named ``prefix NNN``, created up to ``count``."""
    Model = env[model].with_context(active_test=False, **CTX)
    records = Model.search([("name", "=like", f"{prefix} %")], order="name")
    missing = [
        n for n in range(count) if f"{prefix} {n:03d}" not in records.mapped("name")
    ]
    if missing:
        records |= Model.create([values_of(n, f"{prefix} {n:03d}") for n in missing])
    return records.sorted("name")


def ensure_data(env, records, seed):
    """Fill link.feedback up to ``records``; returns what was made."""
    Feedback = env["link.feedback"].with_context(active_test=False)
    existing = Feedback.search_count([])
    figures = {"feedback_before": existing, "created": 0, "seconds": 0.0}
    rng = random.Random(f"{seed}-{existing}")
    kinds = [
        key
        for key, _label in env["res.partner"]._fields["link_premises_kind"].selection
    ]
    providers = _named(
        env,
        "res.partner",
        "Bench voice provider",
        PROVIDERS,
        lambda n, name: {"name": name, "is_company": True},
    )
    services = _named(
        env,
        "res.partner",
        "Bench voice service",
        SERVICES,
        lambda n, name: {
            "name": name,
            "is_company": True,
            "city": TOWNS[n % len(TOWNS)],
            "link_premises_kind": kinds[n % len(kinds)],
            "link_provider_id": providers[n % PROVIDERS].id,
        },
    )
    themes = env["link.feedback.theme"].search([])
    if len(themes) < THEMES:
        themes |= _named(
            env,
            "link.feedback.theme",
            "Bench theme",
            THEMES - len(themes),
            lambda n, name: {"name": name, "sequence": 100 + n},
        )
    figures.update(services=len(services), themes=len(themes))
    env.cr.commit()
    if existing >= records:
        return figures
    # A few services hear most of it: weights 1, 1/2^0.8, 1/3^0.8...
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(services))]
    today = odoo.fields.Date.context_today(Feedback)
    start = today - timedelta(days=365 * YEARS)
    days = (today - start).days
    started = time.perf_counter()
    Feedback = Feedback.with_context(**CTX)
    to_make = records - existing
    for offset in range(0, to_make, BATCH):
        vals = []
        for _n in range(min(BATCH, to_make - offset)):
            channel = rng.choices(list(CHANNELS), list(CHANNELS.values()))[0]
            sentiment = rng.choices(list(SENTIMENTS), list(SENTIMENTS.values()))[0]
            count = rng.choices(
                list(THEMES_PER_FEEDBACK), list(THEMES_PER_FEEDBACK.values())
            )[0]
            premises = rng.choices(services, weights)[0] if rng.random() < 0.9 else None
            rated = channel in ("web", "survey") and sentiment
            vals.append(
                {
                    "channel": channel,
                    "date": start + timedelta(days=rng.randrange(days + 1)),
                    "premises_id": premises.id if premises else False,
                    "sentiment": sentiment or False,
                    "rating": rng.choice(RATINGS[sentiment]) if rated else 0,
                    "theme_ids": [Command.set(rng.sample(themes.ids, count))],
                    "what_good": rng.choice(GOOD) or False,
                    "what_bad": rng.choice(BAD) or False,
                }
            )
        Feedback.create(vals)
        env.cr.commit()
        env.invalidate_all()
        made = offset + len(vals)
        if made % 10_000 < BATCH or made == to_make:
            print(
                f"  {made} feedback created, {time.perf_counter() - started:.0f} s",
                flush=True,
            )
    figures.update(created=to_make, seconds=round(time.perf_counter() - started, 1))
    return figures


def _user(env, login, name, groups):
    Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
    user = Users.search([("login", "=", login)])
    if not user:
        user = Users.with_context(**CTX).create(
            {
                "name": name,
                "login": login,
                "groups_id": [Command.set([env.ref(g).id for g in groups])],
            }
        )
    return user


def _timed(env, function, rounds):
    """Seconds and queries of each of ``rounds`` calls, cold ORM cache (the
    first call also fills the registry's caches: access rights, rules)."""
    seconds, queries = [], []
    for _round in range(rounds):
        env.invalidate_all()
        count, started = env.cr.sql_log_count, time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - started)
        queries.append(env.cr.sql_log_count - count)
    return result, seconds, queries


def scenario_pivot(args, registry):
    with environment(registry) as env:
        data = ensure_data(env, args.records, args.seed)
        staff = _user(
            env,
            "bench.voice.staff",
            "Voice bench development officer",
            ["base.group_user", "link_membership.group_link_staff"],
        )
        monitor = _user(
            env,
            "bench.voice.monitor",
            "Voice bench contract monitor",
            ["base.group_user", "link_membership.group_link_monitor"],
        )
        env.cr.commit()
        Feedback = env["link.feedback"]
        Report = env["link.feedback.report"]
        data["feedback"] = Feedback.with_context(active_test=False).search_count([])
        env.cr.execute("SELECT count(*) FROM link_feedback_link_feedback_theme_rel")
        data["theme_links"] = env.cr.fetchone()[0]
        data["threshold"] = Report._suppression_threshold()
        table(
            "pivot: data (feedback, services, themes; created now and seconds)",
            [data],
        )
        year = odoo.fields.Date.context_today(Feedback).year
        this_year = [("date", ">=", f"{year}-01-01")]
        staff_feedback = Feedback.with_user(staff)
        monitor_report = Report.with_user(monitor)
        report_measures = ["mention_count:sum", "feedback_count:sum"]
        calls = [
            # (what, model as the user, domain, aggregates, group-bys)
            (
                "staff pivot",
                staff_feedback,
                [],
                ["__count"],
                ["theme_ids", "premises_id", "date:month"],
            ),
            (
                "staff pivot",
                staff_feedback,
                [],
                ["__count"],
                ["theme_ids", "date:month"],
            ),
            (
                "staff pivot as its view opens",
                staff_feedback,
                [],
                ["__count"],
                ["theme_ids", "provider_id", "date:month"],
            ),
            (
                "monitor report",
                monitor_report,
                [],
                report_measures,
                ["theme_id", "premises_id", "date:month"],
            ),
            (
                "monitor report",
                monitor_report,
                [],
                report_measures,
                ["theme_id", "date:month"],
            ),
            (
                f"monitor report, {year} only",
                monitor_report,
                this_year,
                report_measures,
                ["theme_id", "premises_id", "date:month"],
            ),
        ]
        rows = []
        for label, Model, domain, aggregates, groupby in calls:

            def read(Model=Model, domain=domain, aggregates=aggregates, by=groupby):
                return Model.read_group(domain, aggregates, by, lazy=False)

            groups, seconds, queries = _timed(env, read, ROUNDS)
            row = {
                "read_group": f"{Model._name}: {label}",
                "as": Model.env.user.login,
                "groupby": " x ".join(groupby),
                "groups": len(groups),
                "min_s": round(min(seconds), 3),
                "median_s": round(statistics.median(seconds), 3),
                "queries_first": queries[0],
                "queries_then": max(queries[1:], default=None),
            }
            if "feedback_count:sum" in aggregates:
                row["suppressed"] = sum(
                    1 for g in groups if g["feedback_count"] is False
                )
                row["feedback_shown"] = sum(g["feedback_count"] or 0 for g in groups)
            rows.append(row)
        env.cr.rollback()
    table(
        f"pivot: read_group over {data['feedback']} feedback, {ROUNDS} runs each "
        "(cold ORM cache)",
        rows,
    )
    return {"data": data, "rows": rows}


# ----------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=18480)
    parser.add_argument("--only", default="public_form,pivot")
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    only = args.only.split(",")
    if unknown := set(only) - {"public_form", "pivot"}:
        parser.error(f"--only: no scenario {', '.join(sorted(unknown))}")
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    results = {
        "database": args.database,
        "date": date.today().isoformat(),
        "arguments": {k: str(v) for k, v in vars(args).items()},
        "machine": {"nproc": os.cpu_count(), "python": sys.version.split()[0]},
    }
    with environment(registry) as env:
        env.cr.execute("SHOW server_version")
        results["machine"]["postgresql"] = env.cr.fetchone()[0]
    if "pivot" in only:
        results["pivot"] = scenario_pivot(args, registry)
    if "public_form" in only:
        results["public_form"] = scenario_public_form(args, registry)
    out = args.out or HERE / "results" / f"{args.database}_voice.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
