# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers of the tests that drive Odoo from the outside: a committed copy
of the template database, Odoo processes (install, upgrade, server, shell)
started on it, and the check of what they logged."""

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import requests

from odoo.tools import config

ADDONS = (
    "link_membership,link_protocols,link_workplan,link_enter_view,link_voice,"
    "link_follow_through,link_governance,link_volunteering"
)
LOG_ERROR = re.compile(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", re.MULTILINE)


def pg_args():
    args = []
    for option, flag in (("db_host", "-h"), ("db_port", "-p"), ("db_user", "-U")):
        if config.get(option):
            args += [flag, str(config[option])]
    return args


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_template(kind):
    """A copy, with its filestore, of the template named by
    LINK_TEST_TEMPLATE_DB (tools/run_tests.sh passes its template: Odoo
    modules installed, no LINk addon yet)."""
    template = os.environ.get("LINK_TEST_TEMPLATE_DB", "dev_tpl")
    dbname = f"{template}_{kind}_{os.getpid()}"
    subprocess.run(["createdb", *pg_args(), "-T", template, dbname], check=True)
    if os.path.isdir(config.filestore(template)):
        shutil.copytree(config.filestore(template), config.filestore(dbname))
    return dbname


def drop(dbname):
    subprocess.run(
        ["dropdb", *pg_args(), "--if-exists", "--force", dbname], check=False
    )
    shutil.rmtree(config.filestore(dbname), ignore_errors=True)


# With workers, Odoo starts its long-polling process as ``python <argv[0]>
# gevent``: under ``python -m odoo`` argv[0] is odoo/__main__.py, which fails
# on its relative import, and Odoo spawns it again and again (a traceback a
# second, and CPU on a busy machine). The tests need no long polling: this
# launcher runs Odoo, and as "gevent" only waits until Odoo kills it.
LAUNCHER = """
import sys, time
if sys.argv[1:2] == ["gevent"]:
    while True:
        time.sleep(3600)
from odoo.cli.command import main
main()
"""


def _odoo_command():
    digest = hashlib.sha1(LAUNCHER.encode()).hexdigest()[:10]
    path = os.path.join(tempfile.gettempdir(), f"link_odoo_launcher_{digest}.py")
    if not os.path.exists(path):
        with tempfile.NamedTemporaryFile(
            "w", dir=os.path.dirname(path), suffix=".py", delete=False
        ) as launcher:
            launcher.write(LAUNCHER)
        os.replace(launcher.name, path)  # atomic: parallel runs share it
    return [sys.executable, path]


def odoo(dbname, *args, log=None):
    """An Odoo process on ``dbname``, its output to ``log`` (a file)."""
    return subprocess.Popen(
        [*_odoo_command(), "-c", config.rcfile, "-d", dbname, *args],
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def run_odoo(dbname, *args, timeout=600):
    """Run Odoo to completion (``--stop-after-init``, no HTTP); return its
    log after asserting the exit code is 0."""
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config.rcfile,
            "-d",
            dbname,
            *args,
            "--stop-after-init",
            "--no-http",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    output = process.stdout + process.stderr
    assert process.returncode == 0, output[-3000:]
    return output


def shell(dbname, script, timeout=600):
    """Run ``script`` in ``odoo shell``; return (stdout, log)."""
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "shell",
            "-c",
            config.rcfile,
            "-d",
            dbname,
            "--no-http",
        ],
        input=script,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    return process.stdout, process.stderr


def shell_json(dbname, script, tag):
    """Run ``script``, which prints one line ``<tag> <json>``; return the JSON."""
    out, log = shell(dbname, script)
    assert_no_error(log)
    for line in out.splitlines():
        if line.startswith(f"{tag} "):
            return json.loads(line[len(tag) + 1 :])
    raise AssertionError(f"no {tag} line printed:\n{out[-2000:]}\n{log[-2000:]}")


def assert_no_error(log_text):
    errors = LOG_ERROR.findall(log_text)
    assert not errors, log_text[log_text.index(errors[0]) :][:3000]
    assert "Traceback" not in log_text, log_text[log_text.index("Traceback") :][:3000]


def wait_for_http(base, tries=240):
    for _attempt in range(tries):
        try:
            requests.get(f"{base}/web/health", timeout=2)
            return
        # Refused before the server listens; a timeout while a busy machine
        # is still loading the registry.
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.5)
    raise AssertionError(f"{base} did not answer")
