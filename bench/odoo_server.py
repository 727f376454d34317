# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Odoo server the HTTP scenarios of the bench run against."""

import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager


@contextmanager
def odoo_server(config, database, port, log, workers=0, ready_path="/web/login"):
    """An Odoo server of ``database`` on loopback, with no cron, logging at
    info level to ``log`` (werkzeug's line of each request gives its query
    count and times); yields its base URL once it answers ``ready_path``, and
    stops it on exit."""
    log.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        config,
        "-d",
        database,
        f"--db-filter=^{database}$",
        f"--http-port={port}",
        "--http-interface=127.0.0.1",
        f"--workers={workers}",
        "--max-cron-threads=0",
        "--log-level=info",
        f"--logfile={log}",
    ]
    if workers:
        command.append(f"--gevent-port={port + 1}")
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    # Never through a proxy of the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        for _attempt in range(180):
            if server.poll() is not None:
                raise SystemExit(f"the Odoo server stopped: see {log}")
            try:
                opener.open(base + ready_path, timeout=10).read()
                break
            except OSError:
                time.sleep(1)
        else:
            raise SystemExit(f"the Odoo server did not answer on {base}: see {log}")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
