# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrency from the outside: Odoo started with several workers on
loopback, on a committed copy of the database, and real HTTP clients.

50 portal volunteers sign up for one 3-place shift at the same instant,
ROUNDS times: exactly 3 confirmed each round, the others waitlisted in
the order they signed up, never an HTTP 500."""

import os
import re
import tempfile
import threading
import time
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

import pytest
import requests

from .outside import (
    ADDONS,
    LOG_ERROR,
    copy_template,
    drop,
    free_port,
    odoo,
    run_odoo,
    wait_for_http,
)

VOLUNTEERS = 50
PLACES = 3
ROUNDS = int(os.environ.get("LINK_CONCURRENCY_ROUNDS", "20"))


class Server:
    """The server under test, its database and its log."""

    def __init__(self, base, dbname, log):
        self.base, self.dbname, self.log = base, dbname, log

    def log_since(self, position):
        self.log.flush()
        self.log.seek(position)
        text = self.log.read()
        self.log.seek(0, os.SEEK_END)
        return text

    def assert_clean_log(self, position):
        """No 5xx answer and no ERROR logged since ``position``; returns the
        number of serialization failures Odoo logged (and retried)."""
        server_log = self.log_since(position)
        assert not re.search(r'HTTP/1\.[01]" 5\d\d ', server_log)
        errors = LOG_ERROR.findall(server_log)
        assert not errors, server_log[server_log.index(errors[0]) :][:3000]
        assert "Traceback" not in server_log, server_log[
            server_log.index("Traceback") - 500 :
        ][:3000]
        # Odoo logs each retry at INFO: "serialization_failure, 4 tries left"
        return len(
            re.findall(
                r"serialization_failure, \d+ tries left", server_log, re.IGNORECASE
            )
        )

    def rpc(self):
        """call(model, method, *args, **kw) as admin over XML-RPC."""
        common = xmlrpc.client.ServerProxy(f"{self.base}/xmlrpc/2/common")
        uid = common.authenticate(self.dbname, "admin", "admin", {})
        assert uid
        obj = xmlrpc.client.ServerProxy(f"{self.base}/xmlrpc/2/object", allow_none=True)

        def call(model, method, *args, **kw):
            return obj.execute_kw(
                self.dbname, uid, "admin", model, method, list(args), kw
            )

        return call

    def login(self, login, password):
        session = requests.Session()
        response = session.post(
            f"{self.base}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {"db": self.dbname, "login": login, "password": password},
            },
            timeout=120,
        )
        assert response.json()["result"]["uid"]
        return session


@pytest.fixture(scope="module")
def server():
    """One copy of the template with the four addons and one Odoo with
    several workers on loopback, shared by the races of this module."""
    dbname = copy_template("race")
    process, log = None, tempfile.TemporaryFile("w+")  # noqa: SIM115
    try:
        run_odoo(dbname, "-i", ADDONS)
        port = free_port()
        process = odoo(
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
        wait_for_http(base)
        yield Server(base, dbname, log)
    finally:
        if process:
            process.terminate()
            process.wait(timeout=60)
        log.close()
        drop(dbname)


def test_fifty_volunteers_race_for_three_places(server):
    position = server.log.tell()
    figures = _race(server)
    retries = server.assert_clean_log(position)
    print(
        f"\nconcurrency: {ROUNDS} rounds x {VOLUNTEERS} sign-ups, "
        f"{figures['statuses']}, slowest round {figures['slowest']:.2f}s, "
        f"serialization retries logged {retries}"
    )


def _race(server):
    base, call = server.base, server.rpc()

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

    with ThreadPoolExecutor(8) as pool:
        sessions = list(
            pool.map(lambda u: server.login(u["login"], u["password"]), users)
        )

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


# --- two staff change one visit's state at the same instant -------------------

ERRORS_EXPECTED = {"odoo.exceptions.UserError", "odoo.exceptions.ValidationError"}
# Per round, in turn: what host staff A and B both press on the same visit.
DUELS = (
    ("draft", "action_plan", "action_plan"),
    ("planned", "action_notify", "action_notify"),
    ("planned", "action_notify", "action_cancel"),
)


def _button(server, session, method, visit):
    """Press ``method`` of ``visit`` as the web client does."""
    return session.post(
        f"{server.base}/web/dataset/call_kw/link.ev.visit/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "link.ev.visit",
                "method": method,
                "args": [[visit]],
                "kwargs": {},
            },
        },
        timeout=120,
    )


def test_two_staff_change_one_visit_state(server):
    """Two host staff press a state button of the same visit at the same
    instant (JSON-RPC, /web/dataset/call_kw), ROUNDS times on a fresh visit:
    every answer is a 200 with a result or a clear UserError, the visit ends
    as if the successful presses had happened one after the other, the state
    change is tracked once and its side effects (meeting, cancellation
    message) happen once."""
    position = server.log.tell()
    call = server.rpc()
    staff_group = call(
        "ir.model.data",
        "check_object_reference",
        "link_membership",
        "group_link_staff",
    )[1]
    manager_group = call(
        "ir.model.data",
        "check_object_reference",
        "link_membership",
        "group_link_manager",
    )[1]
    admin = call("res.users", "search", [("login", "=", "admin")])
    call("res.users", "write", admin, {"groups_id": [(4, manager_group)]})
    staff = [
        {
            "name": f"Duel staff {letter}",
            "login": f"duel-{letter}@example.org",
            "password": f"duel-{letter}-Pw-2026",
            "groups_id": [(6, 0, [staff_group])],
        }
        for letter in "ab"
    ]
    call("res.users", "create", staff)
    sessions = [server.login(s["login"], s["password"]) for s in staff]

    today = date.today()
    types = call("link.qualification.type", "search", [])
    reps = call(
        "res.partner",
        "create",
        [{"name": f"Duel rep {i}", "email": f"rep{i}@duel.example"} for i in "12"],
    )
    call(
        "link.qualification",
        "create",
        [
            {
                "partner_id": rep,
                "type_id": type_id,
                "date_obtained": str(today - timedelta(days=10)),
                "evidence_state": "checked",
            }
            for rep in reps
            for type_id in types
        ],
    )
    call(
        "link.ev.authorisation",
        "create",
        [
            {
                "partner_id": rep,
                "state": "authorised",
                "date_authorised": str(today - timedelta(days=5)),
                "date_expiry": str(today + timedelta(days=365)),
            }
            for rep in reps
        ],
    )
    premises = call(
        "res.partner",
        "create",
        {
            "name": "Duel Care Home",
            "is_company": True,
            "link_premises_kind": "care_home",
        },
    )

    outcomes = {}
    for round_no in range(ROUNDS):
        start_state, method_a, method_b = DUELS[round_no % len(DUELS)]
        when = datetime.combine(today, datetime.min.time()) + timedelta(
            days=30 + round_no, hours=10
        )
        visit = call(
            "link.ev.visit",
            "create",
            {
                "premises_id": premises,
                "date_visit": when.strftime("%Y-%m-%d %H:%M:%S"),
                "cancel_reason": "The home has an outbreak",
                "team_member_ids": [
                    (0, 0, {"partner_id": rep, "is_lead": i == 0})
                    for i, rep in enumerate(reps)
                ],
            },
        )
        if start_state == "planned":
            planning = _button(server, sessions[0], "action_plan", visit).json()
            assert "error" not in planning, planning
        barrier = threading.Barrier(2, timeout=60)
        answers = [None, None]

        def press(index, method, visit=visit, barrier=barrier, answers=answers):
            barrier.wait()
            answers[index] = _button(server, sessions[index], method, visit)

        threads = [
            threading.Thread(target=press, args=(0, method_a)),
            threading.Thread(target=press, args=(1, method_b)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        succeeded = []
        for method, response in zip((method_a, method_b), answers, strict=True):
            assert response.status_code == 200, response.text[:2000]
            body = response.json()
            if "error" in body:
                assert body["error"]["data"]["name"] in ERRORS_EXPECTED, body
                assert "serializ" not in body["error"]["data"]["message"], body
            else:
                # The buttons return None: Odoo then leaves "result" out.
                assert body.get("result") in (None, True), body
                succeeded.append(method)

        state = call("link.ev.visit", "read", [visit], ["state"])[0]["state"]
        messages = call(
            "mail.message",
            "search_read",
            [("model", "=", "link.ev.visit"), ("res_id", "=", visit)],
            ["body"],
        )
        tracked = [
            (t["old_value_char"], t["new_value_char"])
            for t in call(
                "mail.tracking.value",
                "search_read",
                [
                    ("mail_message_id", "in", [m["id"] for m in messages]),
                    ("field_id.name", "=", "state"),
                ],
                ["old_value_char", "new_value_char"],
                order="id",
            )
        ]
        meetings = call(
            "calendar.event",
            "search_read",
            [
                ("res_model", "=", "link.ev.visit"),
                ("res_id", "=", visit),
                ("active", "in", (True, False)),
            ],
            ["active"],
        )
        cancelled_posts = [m for m in messages if "Visit cancelled" in m["body"]]
        planned = [("Draft", "Planned")]
        if method_a == method_b:
            # The same button twice: the first press wins, the second is
            # told the visit is no longer in the state it needs.
            assert len(succeeded) == 1, (round_no, answers[0].text, answers[1].text)
            expected = {"action_plan": "planned", "action_notify": "notified"}
            assert state == expected[method_a], (round_no, state)
            if method_a == "action_plan":
                assert tracked == planned, (round_no, tracked)
            else:
                assert tracked == [*planned, ("Planned", "Provider notified")], (
                    round_no,
                    tracked,
                )
            assert [m["active"] for m in meetings] == [True], (round_no, meetings)
            assert not cancelled_posts
        else:
            # Notify and cancel: cancelling a notified visit is allowed, so
            # either notify came first and both succeeded, or cancel came
            # first and notify was refused. The visit is cancelled either way.
            assert "action_cancel" in succeeded, (round_no, succeeded)
            assert state == "cancelled", (round_no, state)
            if "action_notify" in succeeded:
                assert tracked == [
                    *planned,
                    ("Planned", "Provider notified"),
                    ("Provider notified", "Cancelled"),
                ], (round_no, tracked)
            else:
                assert tracked == [*planned, ("Planned", "Cancelled")], (
                    round_no,
                    tracked,
                )
            assert len(cancelled_posts) == 1, (round_no, messages)
            assert [m["active"] for m in meetings] == [False], (round_no, meetings)
        key = f"{method_a}/{method_b}: {'+'.join(sorted(succeeded))}"
        outcomes[key] = outcomes.get(key, 0) + 1

    retries = server.assert_clean_log(position)
    print(
        f"\nvisit state duel: {ROUNDS} rounds, {outcomes}, "
        f"serialization retries logged {retries}"
    )
