#!/usr/bin/env python3
# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fill a fresh database with five years of a county-sized LINk host.

    python3 bench/generate.py -c odoo.conf -d DATABASE [--scale 0.1] [--seed 1]

The database must have link_membership, link_protocols, link_workplan and
link_enter_view installed without demo data (and ``project`` for the portal
comparison of bench/run.py). At --scale 1: 300 wards, 20,000 members and
contacts, 2,000 volunteers, 6,000 qualifications, 60,000 shifts, 150,000
places on them, 40 work plans with 8,000 actions, 30,000 community issues
with 120,000 contacts, 25,000 information requests and 3,000 visits.

Everything goes through batched ``create`` calls of the models (tracking and
chatter logs off), so computed fields, constraints and sequences apply, with
one exception, the *history load*: places on shifts that are already over
(attended, no-show, cancelled) are inserted with one SQL statement, because
the model's create() locks the shift and mails the volunteer, which is right
for a sign-up and pointless for five years of past rosters. Their stored
related fields are copied from the shift in the same statement, exactly as
the ORM would. Places on shifts still to come go through create().

Deterministic: the same --seed and --today give the same database.
"""

import argparse
import json
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import SQL, config

VOLUMES = {
    "wards": 300,
    "members": 20_000,
    "volunteers": 2_000,
    "qualifications": 6_000,
    "shifts": 60_000,
    "assignments": 150_000,
    "workplans": 40,
    "actions": 8_000,
    "issues": 30_000,
    "issue_contacts": 120_000,
    "information_requests": 25_000,
    "visits": 3_000,
}
BATCH = 2_000
YEARS = 5
# Share of the shifts that are still to come (the next eight weeks).
FUTURE_SHIFTS = 0.03
PORTAL_PAST, PORTAL_UPCOMING = 300, 12
CTX = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
FIRST = ["Alex", "Sam", "Jo", "Chris", "Pat", "Kim", "Lee", "Robin", "Ash"]
LAST = ["Smith", "Jones", "Patel", "Khan", "Brown", "Evans", "Okafor", "Nowak"]
MONTH_NAMES = [date(2026, month, 1).strftime("%B") for month in range(1, 13)]
# The states of the places of the history load, and their weights.
HISTORY_STATES = {"attended": 85, "no_show": 8, "cancelled": 7}
# Stored fields of the history load's tables it leaves empty, and why.
HISTORY_EMPTY = {
    "link_shift_assignment": {
        "assigned_by_id": "past places were signed up for, not assigned by staff",
        "check_in_date": "staff recorded past attendance; nobody scanned in",
        "check_out_date": "staff recorded past attendance; nobody scanned out",
    },
}


def history_columns():
    """The history load: for each table it writes by SQL, each column and
    the SQL of its value, from the place ``a`` (partner_id, shift_id, state)
    and its shift ``s``; stored related and computed fields as the ORM would
    write them. tests/test_bench_generator.py checks them against the
    model's stored fields. (A function: the addons are importable only once
    Odoo's configuration is read.)"""
    from odoo.addons.link_membership.report.contract_period import (
        contract_period_sql,
    )

    return {
        "link_shift_assignment": {
            "partner_id": SQL("a.partner_id"),
            "shift_id": SQL("s.id"),
            "state": SQL("a.state"),
            "signup_date": SQL("s.date_start - interval '10 days'"),
            "role_id": SQL("s.role_id"),
            "ward_id": SQL("s.ward_id"),
            "date_start": SQL("s.date_start"),
            "date_end": SQL("s.date_end"),
            "contract_quarter": contract_period_sql(
                SQL("s.date_start"), SQL("s.company_id")
            ),
            "hours": SQL("s.duration_hours"),
            "company_id": SQL("s.company_id"),
            "reminder_sent": SQL("TRUE"),
            "checkout_missing": SQL("FALSE"),
            # As _compute_attendance_status, for places nobody checked in to.
            "attendance_status": SQL(
                "CASE a.state WHEN 'no_show' THEN 'no_show' "
                "WHEN 'attended' THEN 'arrived' WHEN 'confirmed' THEN 'expected' "
                "END"
            ),
            "create_uid": SQL("%s", SUPERUSER_ID),
            "write_uid": SQL("%s", SUPERUSER_ID),
            "create_date": SQL("s.create_date"),
            "write_date": SQL("s.create_date"),
        },
    }


def insert_history(cr, partners, shifts, states):
    """Places (partner, shift, state: three lists of the same length) on
    shifts that are over, with one INSERT ... SELECT."""
    columns = history_columns()["link_shift_assignment"]
    cr.execute(
        SQL(
            """
            INSERT INTO link_shift_assignment (%(columns)s)
            SELECT %(values)s
              FROM unnest(%(partners)s::int[], %(shifts)s::int[],
                          %(states)s::varchar[])
                   AS a(partner_id, shift_id, state)
              JOIN link_shift s ON s.id = a.shift_id
            """,
            columns=SQL(", ").join(map(SQL.identifier, columns)),
            values=SQL(", ").join(columns.values()),
            partners=partners,
            shifts=shifts,
            states=states,
        )
    )


def batched(values, size=BATCH):
    for index in range(0, len(values), size):
        yield values[index : index + size]


def create(env, model, vals_list, flush=True):
    """Batched create; returns the ids, the cache cleared between batches."""
    ids = []
    Model = env[model].with_context(**CTX)
    for chunk in batched(vals_list):
        ids += Model.create(chunk).ids
        if flush:
            env.flush_all()
            env.invalidate_all()
    return ids


class Generator:
    def __init__(self, env, scale, seed, today):
        self.env = env
        self.rng = random.Random(seed)
        self.today = today
        self.start = today - timedelta(days=365 * YEARS)
        self.n = {key: max(1, round(value * scale)) for key, value in VOLUMES.items()}
        self.timings = {}

    def step(self, name, function):
        started = time.perf_counter()
        rows = function()
        self.env.flush_all()
        self.env.cr.commit()
        self.env.invalidate_all()
        elapsed = time.perf_counter() - started
        self.timings[name] = {"rows": rows, "seconds": round(elapsed, 1)}
        print(f"{name:<24} {rows:>8} rows {elapsed:8.1f} s", flush=True)

    def day(self, start=None, end=None):
        start, end = start or self.start, end or self.today
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def name(self):
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    # ------------------------------------------------------------------

    def users(self):
        ref = self.env.ref
        staff = [ref("link_membership.group_link_staff").id, ref("base.group_user").id]
        vals = [
            {
                "name": f"Development officer {index}",
                "login": f"bench.staff{index}",
                "groups_id": [Command.set(staff)],
            }
            for index in range(1, 11)
        ]
        vals += [
            {
                "name": "Equality data officer",
                "login": "bench.equality",
                "groups_id": [
                    Command.set(
                        [*staff, ref("link_membership.group_link_equality_officer").id]
                    )
                ],
            },
            {
                "name": "Contract monitor",
                "login": "bench.monitor",
                "groups_id": [
                    Command.set(
                        [
                            ref("base.group_user").id,
                            ref("link_membership.group_link_monitor").id,
                        ]
                    )
                ],
            },
        ]
        Users = self.env["res.users"].with_context(no_reset_password=True, **CTX)
        self.staff = Users.create(vals)
        self.officers = self.staff[:10]
        company = self.env.company
        company.link_escalation_user_id = self.officers[0]
        # Who gets the activities nobody else can act on (those of records
        # made by the superuser here): without one, on a database without
        # demo data, nobody (no host manager either).
        company.link_activity_coordinator_id = self.officers[0]
        return len(self.staff)

    def wards(self):
        vals = [
            {
                "name": f"Ward {index:03d}",
                "code": f"E05{index:06d}",
                "local_authority": f"District {index % 12 + 1}",
                "population": self.rng.randrange(4_000, 12_000),
            }
            for index in range(self.n["wards"])
        ]
        self.ward_ids = create(self.env, "link.ward", vals)
        return len(self.ward_ids)

    def partners(self):
        """Statutory partners and providers with premises, then the members."""
        kinds = ["nhs_trust", "icb", "local_authority", "care_provider", "gp_practice"]
        count = max(10, self.n["members"] // 100)
        orgs = [
            {
                "name": f"Provider {index:04d}",
                "is_company": True,
                "link_partner_kind": kinds[index % len(kinds)],
                "email": f"provider{index}@example.org",
            }
            for index in range(count)
        ]
        self.org_ids = create(self.env, "res.partner", orgs)
        leads = [
            {
                "name": self.name(),
                "parent_id": org_id,
                "email": f"lead{org_id}@example.org",
            }
            for org_id in self.org_ids
        ]
        create(self.env, "res.partner", leads)
        self.env["res.partner"].browse(self.org_ids).invalidate_recordset()
        for org in self.env["res.partner"].browse(self.org_ids):
            org.link_partner_lead_id = org.child_ids[:1]
        premises = [
            {
                "name": f"Care home {index:04d}",
                "is_company": True,
                "parent_id": self.org_ids[index % len(self.org_ids)],
                "link_premises_kind": "care_home",
            }
            for index in range(count)
        ]
        self.premises_ids = create(self.env, "res.partner", premises)

        interests = self.env["link.interest"].search([]).ids
        types = ["full", "participant", "organisation", "network"]
        members = []
        for index in range(self.n["members"]):
            joined = self.day()
            left = self.rng.random() < 0.1
            members.append(
                {
                    "name": self.name(),
                    "email": f"member{index}@example.net",
                    "link_membership_type": self.rng.choices(
                        types, weights=(40, 50, 6, 4)
                    )[0],
                    "link_join_date": joined,
                    "link_leave_date": self.day(joined) if left else False,
                    "link_ward_id": self.rng.choice(self.ward_ids),
                    "link_interest_ids": [
                        Command.set(self.rng.sample(interests, self.rng.randint(1, 3)))
                    ],
                    "link_is_volunteer": index < self.n["volunteers"],
                }
            )
        self.member_ids = create(self.env, "res.partner", members)
        self.volunteer_ids = self.member_ids[: self.n["volunteers"]]
        return len(self.org_ids) * 3 + len(self.member_ids)

    def equality(self):
        # Imported here: addons are importable once the config is parsed.
        from odoo.addons.link_membership.models.equality_questions import QUESTIONS

        vals = []
        for partner_id in self.member_ids:
            if self.rng.random() < 0.6:
                answers = {
                    field: self.rng.choice(
                        [key for key, _label in answers] + ["prefer_not"]
                    )
                    for field, _label, answers in QUESTIONS
                }
                vals.append(
                    {
                        "partner_id": partner_id,
                        "date_answered": self.day(),
                        "channel": "paper",
                        **answers,
                    }
                )
        return len(create(self.env, "link.equality.profile", vals))

    def qualifications(self):
        types = self.env["link.qualification.type"].search([])
        vals = []
        for index in range(self.n["qualifications"]):
            qualification_type = types[index % len(types)]
            months = qualification_type.validity_months or 36
            obtained = self.day(self.today - timedelta(days=30 * months + 90))
            vals.append(
                {
                    "partner_id": self.volunteer_ids[index % len(self.volunteer_ids)],
                    "type_id": qualification_type.id,
                    "date_obtained": obtained,
                    "reference": f"Q{index:06d}",
                    "evidence_state": "checked",
                }
            )
        return len(create(self.env, "link.qualification", vals))

    def shifts(self):
        roles = (
            self.env["link.volunteer.role"]
            .with_context(**CTX)
            .create(
                [
                    {"name": name}
                    for name in (
                        "Information stall",
                        "Community event",
                        "Survey volunteer",
                        "Meeting note taker",
                        "Listening visit",
                    )
                ]
            )
        )
        total = self.n["shifts"]
        future = max(20, round(total * FUTURE_SHIFTS))
        vals = []
        for index in range(total):
            upcoming = index >= total - future
            if upcoming:
                day = self.day(
                    self.today + timedelta(days=1), self.today + timedelta(56)
                )
            else:
                day = self.day(self.start, self.today - timedelta(days=1))
            start = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=self.rng.choice((9, 10, 13, 14, 18))
            )
            role = self.rng.choice(roles)
            vals.append(
                {
                    "role_id": role.id,
                    "name": role.name,
                    "date_start": start,
                    "date_end": start + timedelta(hours=self.rng.choice((2, 3, 4))),
                    "ward_id": self.rng.choice(self.ward_ids),
                    "min_volunteers": 2,
                    "max_volunteers": self.rng.choice((3, 4, 5)),
                    "state": "open" if upcoming else "done",
                }
            )
        self.shift_ids = create(self.env, "link.shift", vals)
        self.future_shift_ids = self.shift_ids[total - future :]
        return len(self.shift_ids)

    def assignments(self):
        """History load by SQL for past shifts, create() for shifts to come."""
        Shift = self.env["link.shift"]
        past_ids = self.shift_ids[: len(self.shift_ids) - len(self.future_shift_ids)]
        days = {
            shift["id"]: shift["date_start"].date()
            for shift in Shift.browse(self.shift_ids).read(["date_start"], load=False)
        }
        busy = defaultdict(set)
        per_shift = self.n["assignments"] / len(self.shift_ids)
        # The portal volunteer of bench/run.py, the first one: a keen one,
        # whatever the scale, with PORTAL_PAST places over the five years
        # and PORTAL_UPCOMING in the next eight weeks.
        portal = self.volunteer_ids[0]
        portal_past = set(self.rng.sample(past_ids, min(PORTAL_PAST, len(past_ids))))
        portal_upcoming = set(
            self.rng.sample(
                self.future_shift_ids,
                min(PORTAL_UPCOMING, len(self.future_shift_ids)),
            )
        )
        rows = ([], [], [])
        for shift_id in past_ids:
            wanted = min(5, max(0, round(self.rng.gauss(per_shift, 1))))
            people = self.rng.sample(self.volunteer_ids, wanted)
            if shift_id in portal_past:
                people.insert(0, portal)
            for partner_id in dict.fromkeys(people):
                if days[shift_id] in busy[partner_id]:
                    continue
                busy[partner_id].add(days[shift_id])
                state = self.rng.choices(
                    tuple(HISTORY_STATES), weights=tuple(HISTORY_STATES.values())
                )[0]
                rows[0].append(partner_id)
                rows[1].append(shift_id)
                rows[2].append(state)
        for chunk in range(0, len(rows[0]), 50_000):
            part = slice(chunk, chunk + 50_000)
            insert_history(self.env.cr, rows[0][part], rows[1][part], rows[2][part])
        history = len(rows[0])
        # Places still to come: through the model (locks, waiting list, mails).
        vals = []
        for shift_id in self.future_shift_ids:
            people = self.rng.sample(self.volunteer_ids, self.rng.randint(0, 5))
            if shift_id in portal_upcoming:
                people.insert(0, portal)
            for partner_id in dict.fromkeys(people):
                if days[shift_id] in busy[partner_id]:
                    continue
                busy[partner_id].add(days[shift_id])
                vals.append({"shift_id": shift_id, "partner_id": partner_id})
        vals.sort(key=lambda v: v["shift_id"])
        created = create(self.env, "link.shift.assignment", vals)
        return history + len(created)

    def portal_user(self):
        partner = self.env["res.partner"].browse(self.volunteer_ids[0])
        self.env["res.users"].with_context(no_reset_password=True, **CTX).create(
            {
                "name": partner.name,
                "login": "bench.volunteer",
                "password": "bench.volunteer",
                "partner_id": partner.id,
                "groups_id": [Command.set([self.env.ref("base.group_portal").id])],
            }
        )
        self.staff[0].password = "bench.staff1"
        return 1

    def information_requests(self):
        calendar = self.env.company.resource_calendar_id
        calendar._link_sync_bank_holidays(
            range(self.start.year, self.today.year + 2), "ENG"
        )
        # One agreed protocol per partner: 20 working days for a request,
        # 20 for a visit report, 20 calendar days for the provider's response.
        ref = self.env.ref
        terms = [
            ("link_protocols.link_sla_type_information_request", True),
            ("link_protocols.link_sla_type_visit_report", True),
            ("link_protocols.link_sla_type_provider_response", False),
        ]
        create(
            self.env,
            "link.protocol",
            [
                {
                    "name": f"Protocol with partner {org_id}",
                    "partner_ids": [Command.set([org_id])],
                    "state": "agreed",
                    "date_issue": self.start,
                    "sla_ids": [
                        Command.create(
                            {"type_id": ref(xmlid).id, "days": 20, "working_days": wd}
                        )
                        for xmlid, wd in terms
                    ],
                }
                for org_id in self.org_ids
            ],
        )
        vals = []
        for index in range(self.n["information_requests"]):
            sent = self.day()
            age = (self.today - sent).days
            if age > 60:
                state = self.rng.choices(("answered", "withdrawn"), weights=(95, 5))[0]
            else:
                state = self.rng.choice(("sent", "acknowledged", "answered"))
            answered = False
            if state == "answered":
                answered = min(self.today, sent + timedelta(self.rng.randint(3, 45)))
            vals.append(
                {
                    "subject": f"Information request {index}",
                    "partner_id": self.rng.choice(self.org_ids),
                    "requester_id": self.rng.choice(self.officers.ids),
                    "date_sent": sent,
                    "date_answered": answered,
                    "state": state,
                    # History: deadline activities of past years are done.
                    "reminder_done": age > 60,
                    "escalated": age > 60,
                }
            )
        return len(create(self.env, "link.information.request", vals))

    def workplans(self):
        plans = []
        for index in range(self.n["workplans"]):
            start = self.day(self.start, self.today - timedelta(days=200))
            plans.append(
                {
                    "name": f"Work plan {index + 1}",
                    "date_start": start,
                    "date_end": start + timedelta(days=365),
                    "state": "approved" if index else "draft",
                }
            )
        plan_ids = create(self.env, "link.workplan", plans)
        streams = [
            {
                "name": f"Work stream {plan_id}.{index}",
                "workplan_id": plan_id,
                "category": self.rng.choice(("task_group", "sub_group", "monitoring")),
                "responsible_user_id": self.rng.choice(self.officers.ids),
            }
            for plan_id in plan_ids
            for index in range(5)
        ]
        stream_ids = create(self.env, "link.workstream", streams)
        actions = []
        for index in range(self.n["actions"]):
            deadline = self.day(self.start, self.today + timedelta(days=200))
            past = deadline < self.today - timedelta(days=60)
            actions.append(
                {
                    "name": f"Action {index}",
                    "workstream_id": self.rng.choice(stream_ids),
                    "lead_id": self.rng.choice(self.member_ids),
                    "deadline_text": (
                        f"{deadline.day} {MONTH_NAMES[deadline.month - 1]} "
                        f"{deadline.year}"
                    ),
                    "state": self.rng.choice(("done", "done", "cancelled"))
                    if past
                    else self.rng.choice(("todo", "progress")),
                }
            )
        return (
            len(plan_ids)
            + len(stream_ids)
            + len(create(self.env, "link.workplan.action", actions))
        )

    def community_issues(self):
        issues = [
            {
                "name": f"Community issue {index}",
                "service_area": self.rng.choice(("health", "social_care", "both")),
                "level": self.rng.choice(("local", "individual", "regional")),
                "provider_id": self.rng.choice(self.org_ids),
                "ward_id": self.rng.choice(self.ward_ids),
            }
            for index in range(self.n["issues"])
        ]
        issue_ids = create(self.env, "link.community.issue", issues)
        contacts = [
            {
                "issue_id": self.rng.choice(issue_ids),
                "partner_id": self.rng.choice(self.member_ids),
                "date": self.day(),
                "channel": self.rng.choice(("phone", "web")),
            }
            for _index in range(self.n["issue_contacts"])
        ]
        contacts.sort(key=lambda c: c["issue_id"])
        return len(issue_ids) + len(
            create(self.env, "link.community.issue.contact", contacts)
        )

    def visits(self):
        vals = []
        for _index in range(self.n["visits"]):
            day = self.day()
            age = (self.today - day).days
            when = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
            if age > 90:
                state, sent, response = "published", day + timedelta(15), True
            elif age > 30:
                state, sent, response = "report_sent", day + timedelta(15), False
            else:
                state, sent, response = "visited", False, False
            vals.append(
                {
                    "premises_id": self.rng.choice(self.premises_ids),
                    "user_id": self.rng.choice(self.officers.ids),
                    "theme": "Dignity at mealtimes",
                    "date_visit": when,
                    "state": state,
                    "date_report_sent": sent,
                    "date_response": sent + timedelta(10) if response else False,
                    "date_published": sent + timedelta(30) if response else False,
                    "report_reminder_done": age > 90,
                    "report_escalated": age > 90,
                    "response_reminder_done": age > 90,
                    "response_escalated": age > 90,
                }
            )
        return len(create(self.env, "link.ev.visit", vals))

    def project_tasks(self):
        """Odoo's own portal list for the same volunteer, for bench/run.py: a
        portal project with as many tasks as /my/shifts has rows to show."""
        if "project.project" not in self.env:
            return 0
        partner = self.env["res.partner"].browse(self.volunteer_ids[0])
        project = (
            self.env["project.project"]
            .with_context(**CTX)
            .create({"name": "Volunteer tasks", "privacy_visibility": "portal"})
        )
        project.message_subscribe(partner_ids=partner.ids)
        # As many tasks as the volunteer has places on shifts.
        count = self.env["link.shift.assignment"].search_count(
            [("partner_id", "=", partner.id)]
        )
        tasks = [
            {
                "name": f"Task {index}",
                "project_id": project.id,
                "partner_id": partner.id,
                "date_deadline": self.day(self.today - timedelta(days=300)),
            }
            for index in range(count)
        ]
        return 1 + len(create(self.env, "project.task", tasks))

    def run(self):
        for step in (
            self.users,
            self.wards,
            self.partners,
            self.equality,
            self.qualifications,
            self.shifts,
            self.assignments,
            self.portal_user,
            self.information_requests,
            self.workplans,
            self.community_issues,
            self.visits,
            self.project_tasks,
        ):
            self.step(step.__name__, step)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="the day the history ends (default: today, so crons find work)",
    )
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if env["link.shift"].search_count([], limit=1):
            raise SystemExit(f"{args.database} already holds shifts: use a fresh one")
        generator = Generator(env, args.scale, args.seed, args.today)
        generator.run()
        env["ir.config_parameter"].set_param("bench.scale", args.scale)
        cr.execute("ANALYZE")
    summary = {
        "database": args.database,
        "scale": args.scale,
        "seed": args.seed,
        "today": args.today.isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "steps": generator.timings,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
