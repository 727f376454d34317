#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Working-day due dates: our bulk function against plan_days per record.

    python3 bench/working_days.py -c odoo.conf -d DATABASE [--starts 100000]

Needs a database with link_protocols installed. Computes the due dates of
--starts random start dates (20 working days, England and Wales holidays)
with resource.calendar._link_add_working_days in one call, then the same for a
--sample of them with resource.calendar.plan_days one record at a time, checks
that both give the same dates, and prints wall time, SQL queries and the ratio
(plan_days per record extrapolated to all the starts). Nothing is kept.
"""

import argparse
import json
import random
import time
from datetime import date, datetime, timedelta

import odoo
from odoo.tools import config


def measure(function):
    queries, started = odoo.sql_db.sql_counter, time.perf_counter()
    result = function()
    return result, time.perf_counter() - started, odoo.sql_db.sql_counter - queries


def run(env, starts=100_000, sample=2_000, days=20, seed=2026):
    """The figures, on env's company calendar; the caller rolls back."""
    calendar = env.company.resource_calendar_id
    calendar._link_sync_bank_holidays(range(2024, 2033), "ENG")
    env.flush_all()
    rng = random.Random(seed)
    starts = [
        date(2025, 1, 1) + timedelta(days=rng.randrange(5 * 365)) for _ in range(starts)
    ]
    sample = starts[:sample]

    bulk, bulk_time, bulk_queries = measure(
        lambda: calendar._link_add_working_days(starts, days)
    )
    planned, plan_time, plan_queries = measure(
        lambda: [
            calendar.plan_days(
                days,
                datetime.combine(start + timedelta(days=1), datetime.min.time()),
                compute_leaves=True,
            ).date()
            for start in sample
        ]
    )
    agree = bulk[: len(sample)] == planned
    scale = len(starts) / len(sample)
    return {
        "starts": len(starts),
        "bulk_seconds": round(bulk_time, 3),
        "bulk_queries": bulk_queries,
        "plan_days_sample": len(sample),
        "plan_days_sample_seconds": round(plan_time, 3),
        "plan_days_sample_queries": plan_queries,
        "plan_days_extrapolated_seconds": round(plan_time * scale, 1),
        "plan_days_extrapolated_queries": round(plan_queries * scale),
        "ratio": round(plan_time * scale / bulk_time, 1) if bulk_time else None,
        "same_due_dates_on_sample": agree,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--starts", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        figures = run(env, args.starts, args.sample, args.days, args.seed)
        cr.rollback()
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    print(json.dumps(figures))
    if not figures["same_due_dates_on_sample"]:
        raise SystemExit("bulk due dates differ from plan_days")


if __name__ == "__main__":
    main()
