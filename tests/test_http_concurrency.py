# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrency from the outside: Odoo started with several workers on
loopback, on a committed copy of the database, and real HTTP clients.

50 portal volunteers sign up for one 3-place shift at the same instant,
ROUNDS times: exactly 3 confirmed each round, the others waitlisted in
the order they signed up, never an HTTP 500."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import requests

from odoo.tools import config

VOLUNTEERS = 50
PLACES = 3
ROUNDS = int(os.environ.get("LINK_CONCURRENCY_ROUNDS", "20"))
ADDONS = "link_membership,link_protocols,link_workplan,link_enter_view"


def _pg_args():
    args = []
    for option, flag in (("db_host", "-h"), ("db_port", "-p"), ("db_user", "-U")):
        if config.get(option):
            args += [flag, str(config[option])]
    return args


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _odoo(dbname, *args, log=None):
    conf = config.rcfile
    return subprocess.Popen(
        [sys.executable, "-m", "odoo", "-c", conf, "-d", dbname, *args],
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def test_fifty_volunteers_race_for_three_places():
    # LINK_TEST_TEMPLATE_DB: tools/run_tests.sh passes its template database
    # (Odoo modules installed, no LINk addon yet); a fresh copy gets the four
    # addons so that the server under test runs on committed data.
    template = os.environ.get("LINK_TEST_TEMPLATE_DB", "dev_tpl")
    dbname = f"{template}_race_{os.getpid()}"
    subprocess.run(["createdb", *_pg_args(), "-T", template, dbname], check=True)
    server, log = None, tempfile.TemporaryFile("w+")  # noqa: SIM115
    try:
        install = _odoo(dbname, "-i", ADDONS, "--stop-after-init", "--no-http")
        assert install.wait(timeout=600) == 0
        port = _free_port()
        server = _odoo(
            dbname,
            "--workers=3",
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            f"--db-filter=^{dbname}$",
            "--max-cron-threads=0",
            "--limit-time-real=120",
            log=log,
        )
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(120):
            try:
                requests.get(f"{base}/web/health", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.5)
        figures = _race(base, dbname)
        log.seek(0)
        server_log = log.read()
        assert not re.search(r'HTTP/1\.[01]" 5\d\d ', server_log)
        errors = re.findall(
            r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", server_log, re.MULTILINE
        )
        assert not errors, server_log[server_log.index(errors[0]) :][:3000]
        print(
            f"\nconcurrency: {ROUNDS} rounds x {VOLUNTEERS} sign-ups, "
            f"{figures['statuses']}, slowest round {figures['slowest']:.2f}s, "
            f"serialization retries logged "
            f"{server_log.count('SerializationFailure')}"
        )
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        log.close()
        subprocess.run(
            ["dropdb", *_pg_args(), "--if-exists", "--force", dbname], check=False
        )


def _race(base, dbname):
    admin = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/common")
    uid = admin.authenticate(dbname, "admin", "admin", {})
    assert uid
    obj = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kw):
        return obj.execute_kw(dbname, uid, "admin", model, method, list(args), kw)

    portal = call("ir.model.data", "check_object_reference", "base", "group_portal")
    users = [
        {
            "name": f"Race volunteer {i:02d}",
            "login": f"race{i:02d}@example.org",
            "password": f"race-{i:02d}-Pw-2026",
            "groups_id": [(6, 0, [portal[1]])],
        }
        for i in range(VOLUNTEERS)
    ]
    user_ids = call("res.users", "create", users)
    partners = call("res.users", "read", user_ids, ["partner_id"])
    call(
        "res.partner",
        "write",
        [p["partner_id"][0] for p in partners],
        {"link_is_volunteer": True},
    )
    role = call("link.volunteer.role", "create", {"name": "Race role"})

    sessions = []

    def login(values):
        session = requests.Session()
        response = session.post(
            f"{base}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {
                    "db": dbname,
                    "login": values["login"],
                    "password": values["password"],
                },
            },
            timeout=120,
        )
        assert response.json()["result"]["uid"]
        return session

    with ThreadPoolExecutor(8) as pool:
        sessions = list(pool.map(login, users))

    statuses, slowest = {}, 0.0
    for round_no in range(ROUNDS):
        start = datetime(2031, 5, 1, 10) + timedelta(days=round_no)
        shift = call(
            "link.shift",
            "create",
            {
                "name": f"Race shift {round_no}",
                "role_id": role,
                "date_start": start.strftime("%Y-%m-%d %H:%M:%S"),
                "date_end": (start + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S"),
                "max_volunteers": PLACES,
                "state": "open",
            },
        )

        def token(session):
            page = session.get(f"{base}/my/shifts", timeout=120)
            assert page.status_code == 200
            return re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]

        with ThreadPoolExecutor(8) as pool:
            tokens = list(pool.map(token, sessions))
        barrier = threading.Barrier(VOLUNTEERS, timeout=120)
        results = [None] * VOLUNTEERS

        def sign_up(
            index, shift=shift, tokens=tokens, barrier=barrier, results=results
        ):
            barrier.wait()
            sent = time.monotonic()
            response = sessions[index].post(
                f"{base}/my/shifts/{shift}/signup",
                data={"csrf_token": tokens[index]},
                allow_redirects=False,
                timeout=120,
            )
            results[index] = (response.status_code, time.monotonic() - sent)

        begin = time.monotonic()
        threads = [
            threading.Thread(target=sign_up, args=(i,)) for i in range(VOLUNTEERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        slowest = max(slowest, time.monotonic() - begin)
        for status, _seconds in results:
            statuses[status] = statuses.get(status, 0) + 1
        assert {status for status, _s in results} == {303}, results

        places = call(
            "link.shift.assignment",
            "search_read",
            [("shift_id", "=", shift)],
            ["state", "signup_date", "partner_id"],
            order="signup_date, id",
        )
        states = [p["state"] for p in places]
        assert len(places) == VOLUNTEERS
        assert len({p["partner_id"][0] for p in places}) == VOLUNTEERS
        assert states.count("confirmed") == PLACES, states
        assert states.count("waitlisted") == VOLUNTEERS - PLACES, states
        # First come, first served: nobody confirmed signed up after
        # somebody left on the waiting list.
        assert states[:PLACES] == ["confirmed"] * PLACES, states
    return {"statuses": statuses, "slowest": slowest}
