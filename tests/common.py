# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from datetime import date, datetime, timedelta

import psycopg2

from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tools import mute_logger

from .access_matrix import ROLES  # noqa: F401 (the column order of the matrix)


class SuiteTagsMixin:
    """Odoo tags test classes by addon (``odoo.addons.<addon>...``); suite-level
    tests live outside any addon, so they declare their tags themselves."""

    test_tags = {"standard", "post_install", "link_suite"}
    test_module = "link_suite"


class SuiteCase(SuiteTagsMixin, TransactionCase):
    pass


_counter = itertools.count(1)

# Values a generic factory cannot guess (which answer fits which question,
# dates in order, unique codes).
SPECIAL_VALUES = {
    "link.census.share": lambda n: {
        "characteristic": "sex",
        "answer": "sex:female",
        "share": 0.5,
    },
    "link.ward": lambda n: {"code": f"E05{900000 + n}"},
    "link.membership.target": lambda n: {
        "date_start": date(2027, 1, 1),
        "date_end": date(2027, 12, 31),
    },
    "link.workplan": lambda n: {
        "date_start": date(2027, 1, 1),
        "date_end": date(2027, 12, 31),
    },
    "link.workplan.output": lambda n: {
        "date_start": date(2027, 1, 1),
        "date_end": date(2027, 12, 31),
        "target": 10,
    },
    "link.shift": lambda n: {
        "date_start": datetime(2031, 3, 1, 10) + timedelta(days=n),
        "date_end": datetime(2031, 3, 1, 13) + timedelta(days=n),
        "max_volunteers": 3,
        "state": "open",
    },
    "link.shift.series": lambda n: {
        "date_first": datetime(2031, 3, 3, 10),
        "mon": True,
    },
    "link.opportunity": lambda n: {"date_close": date(2031, 1, 1)},
    "link.budget.cost": lambda n: {"date": date(2027, 1, 1)},
    # Taken by staff under delegation (a meeting's decision needs a meeting).
    "link.decision": lambda n: {"route": "delegated"},
    "link.annual.report": lambda n: {"year": 2030 + n % 100},
    "link.workplan.import": lambda n: {"file": b"bmFtZQo="},
}
# Values that need records of their own: a referral goes to an organisation
# (never a person); a complaint is under an agreed protocol with its partner.
RECORD_VALUES = {
    "link.referral": lambda factory, n: {
        "recipient_id": factory.env["res.partner"]
        .create(
            {
                "name": f"Sample body {n}",
                "is_company": True,
                "email": f"body{n}@example.org",
            }
        )
        .id
    },
    # A budget line's work stream is one of its plan's.
    "link.budget.line": lambda factory, n: {
        "workplan_id": factory.sample("link.workstream").workplan_id.id,
        "workstream_id": factory.sample("link.workstream").id,
    },
    # One narrative per work stream of a report.
    "link.annual.report.stream": lambda factory, n: {
        "workstream_id": factory.env["link.workstream"]
        .create(
            {
                "name": f"Sample stream {n}",
                "workplan_id": factory.sample("link.workplan").id,
            }
        )
        .id
    },
    # Expenses are claimed by someone who took part (#21): the sample place's
    # volunteer, for its shift.
    "link.expense.claim": lambda factory, n: {
        "partner_id": factory.sample("link.shift.assignment").partner_id.id,
        "shift_id": factory.sample("link.shift.assignment").shift_id.id,
    },
    # Only volunteers claim hours (#21).
    "link.hours.claim": lambda factory, n: {
        "partner_id": factory.env["res.partner"]
        .create({"name": f"Sample volunteer {n}", "link_is_volunteer": True})
        .id
    },
    "link.protocol.complaint": lambda factory, n: {
        "protocol_id": factory.env["link.protocol"]
        .create(
            {
                "name": f"Sample agreed protocol {n}",
                "partner_ids": [(6, 0, factory.owner.ids)],
                "date_issue": date(2027, 1, 1),
                "state": "agreed",
            }
        )
        .id
    },
}


class SampleFactory:
    """Builds a valid record of any link.* model from its required fields,
    recursively, as the superuser."""

    def __init__(self, env, owner_partner):
        self.env = env(su=True)
        self.owner = owner_partner
        self.cache = {}

    def values(self, model):
        n = next(_counter)
        Model = self.env[model]
        if model in ("link.ev.declaration", "link.ev.note"):
            self.sample("link.ev.team.member")  # only the team declares/notes
        vals = {}
        for name, field in Model._fields.items():
            if (
                not field.required
                or not field.store
                or (field.compute and field.readonly)
            ):
                continue
            if name in ("id", "company_id") or Model.default_get([name]).get(name):
                continue
            vals[name] = self._value(model, field, n)
        vals.update(SPECIAL_VALUES.get(model, lambda n: {})(n))
        vals.update(RECORD_VALUES.get(model, lambda factory, n: {})(self, n))
        return vals

    def _value(self, model, field, n):
        if field.type in ("char", "text", "html"):
            return f"Sample {model} {n}"
        if field.type in ("float", "integer", "monetary"):
            return 1
        if field.type == "date":
            return date(2027, 1, 1)
        if field.type == "datetime":
            return datetime(2031, 1, 1, 10)
        if field.type == "boolean":
            return True
        if field.type == "selection":
            return field.get_values(self.env)[0]
        if field.type == "binary":
            return b"eA=="
        if field.type == "many2one":
            if field.comodel_name == "res.partner":
                return self.owner.id
            return self.sample(field.comodel_name).id
        raise ValueError(f"no sample value for {model}.{field.name}")

    def sample(self, model):
        if model not in self.cache:
            Model = self.env[model]
            if not Model._auto:
                # SQL-view reports: rows are read as totals only.
                self.cache[model] = Model.browse()
            elif model.startswith("link."):
                values = self.values(model)
                try:
                    # A refused insert is expected here: not an error to log.
                    with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                        self.cache[model] = Model.create(values)
                except psycopg2.IntegrityError:  # unique: take the existing one
                    domain = []
                    if "partner_id" in Model._fields:
                        domain = [("partner_id", "=", self.owner.id)]
                    self.cache[model] = Model.search(domain, limit=1)
            else:
                self.cache[model] = Model.search([], limit=1)
        return self.cache[model]


class RoleUsersMixin:
    @classmethod
    def _role_users(cls):
        def user(login, groups, **kw):
            return new_test_user(
                cls.env,
                login=login,
                password=f"{login}-Pw-2026",
                groups=groups,
                name=login,
                **kw,
            )

        users = {
            "public": cls.env.ref("base.public_user"),
            "portal_a": user("rel_portal_a", "base.group_portal"),
            "portal_b": user("rel_portal_b", "base.group_portal"),
            "monitor": user("rel_monitor", "link_membership.group_link_monitor"),
            "staff": user("rel_staff", "link_membership.group_link_staff"),
            "steering": user("rel_steering", "link_membership.group_link_steering"),
            "equality_officer": user(
                "rel_equality", "link_membership.group_link_equality_officer"
            ),
            "safeguarding": user(
                "rel_safeguarding", "link_membership.group_link_safeguarding"
            ),
            "manager": user("rel_manager", "link_membership.group_link_manager"),
        }
        for key in ("portal_a", "portal_b"):
            users[key].partner_id.write(
                {
                    "link_is_volunteer": True,
                    "email": f"{key}@example.org",
                    "phone": "+44 20 7946 0000",
                }
            )
        return users


class SuiteHttpCase(SuiteTagsMixin, HttpCase):
    pass
