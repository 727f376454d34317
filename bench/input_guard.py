#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cost of the input guard on create and write.

    python3 bench/input_guard.py -c odoo.conf -d DATABASE [--records 300] [--rounds 5]

Needs a database with link_membership installed. Creates --records contacts
(name, e-mail, phone and four LINk fields) and as many qualifications, one
create() per record, then writes one LINk date on each, one write() per
record: once through the model (guard first) and once past the guard (the
method after it in the MRO, the model's own create and write), alternating,
--rounds times after a warm-up round. Prints the best time per call of each
(the least disturbed by other load) and the difference, and the time of the
guard's check alone on the same values, in microseconds.
Everything is rolled back.
"""

import argparse
import json
import time
from datetime import date

import odoo
from odoo.tools import config


def _guard(Model):
    guard = type(Model).__bases__[0]
    assert "_link_input_guard" in vars(guard), f"{Model._name} is not guarded"
    return guard


def _timed(function, calls):
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) / calls * 1e6


def _scenario(Model, vals_of, write_vals, records, rounds):
    """Best µs per create() and per write() with and without the guard."""
    guard = _guard(Model)
    past = super(guard, Model)  # the model's create/write, without the guard
    vals = [vals_of(n) for n in range(records)]
    times = {key: [] for key in ("create", "create_bare", "write", "write_bare")}
    for round_ in range(rounds + 1):  # the first one warms the caches up
        for bare in (False, True):
            suffix = "_bare" if bare else ""
            create = past.create if bare else Model.create
            made = []

            def create_all(create=create, made=made):
                made.extend(create(v) for v in vals)

            create_time = _timed(create_all, records)
            Model.env.flush_all()

            def write_all(bare=bare, made=made):
                for record in made:
                    (super(guard, record) if bare else record).write(write_vals)

            write_time = _timed(write_all, records)
            Model.env.flush_all()
            if round_:
                times["create" + suffix].append(create_time)
                times["write" + suffix].append(write_time)
    names = guard._link_input_guard
    check = _timed(lambda: [Model._link_guard_values(v, names) for v in vals], records)
    figures = {key: round(min(value), 1) for key, value in times.items()}
    figures["create_overhead"] = round(figures["create"] - figures["create_bare"], 1)
    figures["write_overhead"] = round(figures["write"] - figures["write_bare"], 1)
    figures["check_alone"] = round(check, 2)
    figures["fields_in_vals"] = len(vals[0])
    figures["guarded_fields"] = len(names)
    return figures


def run(env, records=300, rounds=5):
    """The figures; the caller rolls back."""
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    ward = env["link.ward"].create({"name": "Bench ward", "code": "E05999999"})
    kind = env["link.qualification.type"].create({"name": "Bench check"})
    people = env["res.partner"].create(
        [{"name": f"Bench holder {n}"} for n in range(records)]
    )
    partners = _scenario(
        env["res.partner"],
        lambda n: {
            "name": f"Bench member {n}",
            "email": f"member{n}@example.org",
            "phone": "01234 567890",
            "link_join_date": date(2026, 1, 1),
            "link_ward_id": ward.id,
            "link_contact_by_email": True,
            "link_leave_reason": False,
        },
        {"link_join_date": date(2026, 2, 1)},
        records,
        rounds,
    )
    qualifications = _scenario(
        env["link.qualification"],
        lambda n: {
            "partner_id": people[n].id,
            "type_id": kind.id,
            "date_obtained": date(2026, 1, 5),
            "reference": f"REF-{n}",
        },
        {"date_obtained": date(2026, 2, 5)},
        records,
        rounds,
    )
    return {"records": records, "rounds": rounds, "res.partner": partners,
            "link.qualification": qualifications}  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        figures = run(env, args.records, args.rounds)
        cr.rollback()
    print(f"{'µs per call':<20} {'create':>8} {'bare':>8} {'+guard':>7}"
          f" {'write':>8} {'bare':>8} {'+guard':>7} {'check':>7}")  # fmt: skip
    for model in ("res.partner", "link.qualification"):
        f = figures[model]
        print(
            f"{model:<20} {f['create']:>8} {f['create_bare']:>8}"
            f" {f['create_overhead']:>7} {f['write']:>8} {f['write_bare']:>8}"
            f" {f['write_overhead']:>7} {f['check_alone']:>7}"
        )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
