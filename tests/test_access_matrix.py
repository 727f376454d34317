# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may do what, tried for real: every link.* model x every role x
read/create/write/unlink, through the ORM (in process) and through the two
external doors (JSON-RPC ``/web/dataset/call_kw`` and the XML-RPC external
API, with OdooRPC and ``xmlrpc.client``) against the running test server.
The expected answers are the declared matrix in ``tests/access_matrix.py``."""

import json
import os
import xmlrpc.client

import odoorpc
import psycopg2
import requests

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from . import access_matrix
from .common import ROLES, RoleUsersMixin, SampleFactory, SuiteCase, SuiteHttpCase

OPS = "crud"
# What the rest of this suite may not see: identifiable equality answers,
# volunteers' contact details, community issue contacts.
EQUALITY_ANSWERS = (
    "ethnicity",
    "age_band",
    "sex",
    "gender_identity_same",
    "religion",
    "sexual_orientation",
    "disability",
    "marriage",
    "pregnancy",
    "carer",
)


def link_models(env):
    models = env["ir.model"].search([("model", "=like", "link.%")])
    return sorted(m.model for m in models if not env[m.model]._abstract)


def probe_field(Model):
    """A plain stored field every role that may read the model may read."""
    for name in ("name", "subject", "note", "body", "share", "status", "date_start"):
        field = Model._fields.get(name)
        if field and field.store and not field.groups and not field.compute:
            return name
    for name, field in Model._fields.items():
        if (
            field.store
            and not field.groups
            and not field.compute
            and not field.related
            and field.type in ("char", "text", "float", "integer", "date", "selection")
            and name not in ("id", "display_name")
        ):
            return name
    return "create_date" if "create_date" in Model._fields else "id"


class _Undo(Exception):
    pass


class AccessProbe:
    """Runs one operation as a user in a savepoint; True when access rights
    and record rules let it through (a business rule may still refuse it:
    that is a UserError/ValidationError *after* the access check)."""

    def __init__(self, case, factory):
        self.case, self.factory = case, factory

    def attempt(self, user, model, op):
        env = self.case.env
        Model = env[model]
        record = self.factory.sample(model)
        field = probe_field(Model)
        values = self.factory.values(model) if op == "c" else None
        if not Model._auto and op != "r":
            # SQL views: read is tried, the rest is decided by the ACLs
            # (the database itself refuses writing into a view).
            return Model.with_user(user).has_access(
                {"c": "create", "u": "write", "d": "unlink"}[op]
            )
        try:
            with env.cr.savepoint():
                as_user = Model.with_user(user)
                if op == "r":
                    if record:
                        # search applies the record rules in SQL; read then
                        # checks the field and the rules again.
                        found = as_user.search([("id", "=", record.id)])
                        if not found:
                            return False
                        found.read([field])
                    else:
                        as_user.read_group([], ["__count"], [])
                elif op == "c":
                    as_user.create(values)
                elif op == "u":
                    record.with_user(user).write({field: record[field]})
                else:
                    record.with_user(user).unlink()
                env.flush_all()
                raise _Undo  # what went through is rolled back too
        except _Undo:
            pass
        except AccessError:
            return False
        except (UserError, ValidationError, MissingError, psycopg2.Error):
            if op == "r":
                raise
            # Past the access checks, refused by the model's own rules: the
            # role may do it where the business allows.
            return Model.with_user(user).has_access(
                {"r": "read", "c": "create", "u": "write", "d": "unlink"}[op]
            )
        finally:
            env.invalidate_all()
        return True

    def letters(self, user, model):
        return "".join(op for op in OPS if self.attempt(user, model, op))


class TestAccessMatrixOrm(RoleUsersMixin, SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = cls._role_users()
        cls.owner = cls.env["res.partner"].create(
            {
                "name": "Rel Third Volunteer",
                "email": "third@example.org",
                "link_is_volunteer": True,
            }
        )
        cls.factory = SampleFactory(cls.env, cls.owner)
        for model in link_models(cls.env):
            sample = cls.factory.sample(model)
            assert sample or not cls.env[model]._auto, f"no sample {model}"
        cls.probe = AccessProbe(cls, cls.factory)

    def test_every_link_model_is_declared(self):
        missing = set(link_models(self.env)) - set(access_matrix.MATRIX)
        self.assertFalse(
            missing,
            "Declare who may do what on these models in tests/access_matrix.py",
        )
        for model, row in access_matrix.MATRIX.items():
            self.assertEqual(set(row), set(ROLES), f"{model}: one entry per role")

    # Refused attempts are logged by the server (access warnings, rejected
    # inserts): expected here, and not failures of the run.
    @mute_logger("odoo.http", "odoo.sql_db", "odoo.models")
    def test_orm_matches_the_matrix(self):
        observed, wrong = {}, []
        for model in link_models(self.env):
            observed[model] = {}
            for role in ROLES:
                got = self.probe.letters(self.users[role], model)
                observed[model][role] = got
                want = access_matrix.MATRIX.get(model, {}).get(role)
                if got != want:
                    wrong.append(f"{model} / {role}: declared {want!r}, got {got!r}")
        if os.environ.get("LINK_PRINT_MATRIX"):
            print(json.dumps(observed, indent=1))
        if wrong:
            self.fail(f"{len(wrong)} differences:\n" + "\n".join(wrong))

    def test_equality_answers_only_for_the_equality_officer(self):
        profile = self.factory.sample("link.equality.profile")
        profile.write({"sex": "female", "religion": "buddhist"})
        for role in ROLES:
            with self.subTest(role=role):
                as_user = profile.with_user(self.users[role])
                if role == "equality_officer":
                    self.assertEqual(as_user.read(["sex"])[0]["sex"], "female")
                    continue
                for field in EQUALITY_ANSWERS:
                    with self.assertRaises(AccessError):
                        as_user.read([field])
                    with self.assertRaises(AccessError):
                        as_user.search_read([(field, "!=", False)], ["id"])

    def test_portal_volunteers_see_only_their_own_places_and_qualifications(self):
        a, b = self.users["portal_a"], self.users["portal_b"]
        shift = self.factory.sample("link.shift")
        qtype = self.factory.sample("link.qualification.type")
        Assignment = self.env["link.shift.assignment"].sudo()
        Qualification = self.env["link.qualification"].sudo()
        mine = {}
        for user in (a, b):
            mine[user] = (
                Assignment.create(
                    {"shift_id": shift.id, "partner_id": user.partner_id.id}
                ),
                Qualification.create(
                    {"partner_id": user.partner_id.id, "type_id": qtype.id}
                ),
            )
        for user, other in ((a, b), (b, a)):
            for own, theirs in zip(mine[user], mine[other], strict=True):
                with self.subTest(user=user.login, model=own._name):
                    Model = self.env[own._name].with_user(user)
                    self.assertEqual(Model.search([]), own.with_user(user))
                    own.with_user(user).read(["partner_id"])
                    with self.assertRaises(AccessError):
                        theirs.with_user(user).read(["partner_id"])
            with (
                self.subTest(user=user.login, what="contact of the other"),
                self.assertRaises(AccessError),
            ):
                other.partner_id.with_user(user).read(["email", "phone"])

    def test_issue_contacts_and_volunteer_places_out_of_reach(self):
        contact = self.factory.sample("link.community.issue.contact")
        place = self.factory.sample("link.shift.assignment")
        allowed = {
            "link.community.issue.contact": {
                "staff",
                "manager",
                "steering",
                "safeguarding",
            },
            "link.shift.assignment": {"staff", "manager", "safeguarding"},
        }
        for record in (contact, place):
            for role in ROLES:
                with self.subTest(model=record._name, role=role):
                    as_user = record.with_user(self.users[role])
                    if role in allowed[record._name]:
                        as_user.read(["id"])
                    else:
                        with self.assertRaises(AccessError):
                            as_user.read(["partner_id"])


@tagged("post_install", "-at_install")
class TestAccessMatrixRpc(RoleUsersMixin, SuiteHttpCase):
    """The same matrix through the doors an attacker would use. Every model
    and role is tried for read on all three channels; create/write/unlink are
    tried on one channel each, rotating, so that every operation is covered
    on every channel across the models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = cls._role_users()
        cls.owner = cls.env["res.partner"].create({"name": "Rel RPC owner"})
        cls.factory = SampleFactory(cls.env, cls.owner)
        for model in link_models(cls.env):
            cls.factory.sample(model)

    def _base(self):
        return f"http://127.0.0.1:{self.http_port()}"

    def _jsonrpc(self, session, model, method, args, kwargs=None):
        response = session.post(
            f"{self._base()}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            },
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        if "error" in body:
            return body["error"]["data"]["name"]
        return None

    def _xmlrpc(self, uid, password, model, method, args, kwargs=None):
        proxy = xmlrpc.client.ServerProxy(f"{self._base()}/xmlrpc/2/object")
        try:
            proxy.execute_kw(
                self.env.cr.dbname, uid, password, model, method, args, kwargs or {}
            )
        except xmlrpc.client.Fault as fault:
            return fault.faultString
        return None

    def _odoorpc(self, client, model, method, args, kwargs=None):
        try:
            client.execute_kw(model, method, args, kwargs or {})
        except odoorpc.error.RPCError as error:
            return error.info["data"]["name"]
        return None

    def _call(self, channel, role, model, method, args, kwargs=None):
        """None when the call went through, else the exception name/text."""
        if role == "public":
            # No session, no credentials: the public visitor.
            if channel == "json":
                return self._jsonrpc(requests.Session(), model, method, args, kwargs)
            if channel == "xml":
                return self._xmlrpc(self.users[role].id, "", model, method, args)
            return "no login for the public user"
        if channel == "json":
            return self._jsonrpc(self.sessions[role], model, method, args, kwargs)
        if channel == "xml":
            return self._xmlrpc(
                self.users[role].id, self.passwords[role], model, method, args, kwargs
            )
        return self._odoorpc(self.clients[role], model, method, args, kwargs)

    # Refused attempts are logged by the server (access warnings, rejected
    # inserts): expected here, and not failures of the run.
    @mute_logger("odoo.http", "odoo.sql_db", "odoo.models")
    def test_rpc_matches_the_matrix(self):
        self.env.flush_all()
        self.passwords = {
            role: f"{user.login}-Pw-2026" for role, user in self.users.items()
        }
        self.sessions, self.clients = {}, {}
        for role, user in self.users.items():
            if role == "public":
                continue
            session = requests.Session()
            response = session.post(
                f"{self._base()}/web/session/authenticate",
                json={
                    "jsonrpc": "2.0",
                    "params": {
                        "db": self.env.cr.dbname,
                        "login": user.login,
                        "password": self.passwords[role],
                    },
                },
                timeout=60,
            )
            self.assertEqual(response.json()["result"]["uid"], user.id)
            self.sessions[role] = session
            client = odoorpc.ODOO("127.0.0.1", port=self.http_port(), timeout=60)
            client.login(self.env.cr.dbname, user.login, self.passwords[role])
            self.clients[role] = client

        channels = ("json", "xml", "odoorpc")
        wrong, calls = [], 0
        for index, model in enumerate(link_models(self.env)):
            Model = self.env[model]
            record = self.factory.sample(model)
            field = probe_field(Model)
            self.env.flush_all()
            for role in ROLES:
                want = access_matrix.MATRIX.get(model, {}).get(role, "")
                for channel in channels:
                    if record:
                        args, method = [[record.id], [field]], "read"
                    else:
                        args, method = [[], ["__count"], []], "read_group"
                    refused = self._call(channel, role, model, method, args)
                    calls += 1
                    if ("r" in want) == bool(refused):
                        wrong.append(f"{channel} read {model} / {role}: {refused}")
                if not Model._auto:
                    continue
                channel = channels[index % 3]
                if "u" not in want and record:
                    calls += 1
                    refused = self._call(
                        channel, role, model, "write", [[record.id], {field: False}]
                    )
                    if not refused:
                        wrong.append(f"{channel} write {model} / {role} went through")
                if "d" not in want and record:
                    calls += 1
                    refused = self._call(channel, role, model, "unlink", [[record.id]])
                    if not refused:
                        wrong.append(f"{channel} unlink {model} / {role} went through")
                if "c" not in want and Model._name != "link.workplan.import":
                    calls += 1
                    values = self.factory.values(model)
                    values = {
                        k: (v.isoformat() if hasattr(v, "isoformat") else v)
                        for k, v in values.items()
                        if not isinstance(v, bytes)
                    }
                    refused = self._call(channel, role, model, "create", [values])
                    if not refused:
                        wrong.append(f"{channel} create {model} / {role} went through")
        self.assertGreater(calls, 8 * len(link_models(self.env)))
        self.assertFalse(wrong, "\n".join(wrong))

    # Refused attempts are logged by the server (access warnings, rejected
    # inserts): expected here, and not failures of the run.
    @mute_logger("odoo.http", "odoo.sql_db", "odoo.models")
    def test_sensitive_fields_refused_over_rpc(self):
        profile = self.factory.sample("link.equality.profile")
        profile.sex = "male"
        contact = self.factory.sample("link.community.issue.contact")
        self.env.flush_all()
        self.passwords = {r: f"{u.login}-Pw-2026" for r, u in self.users.items()}
        for role in ("portal_a", "monitor", "staff", "steering", "manager"):
            uid, password = self.users[role].id, self.passwords[role]
            with self.subTest(role=role, what="equality answers"):
                refused = self._xmlrpc(
                    uid,
                    password,
                    "link.equality.profile",
                    "read",
                    [[profile.id], list(EQUALITY_ANSWERS)],
                )
                self.assertIn("rights to access the fields", refused or "")
            if role in ("portal_a", "monitor"):
                with self.subTest(role=role, what="issue contact"):
                    refused = self._xmlrpc(
                        uid,
                        password,
                        "link.community.issue.contact",
                        "read",
                        [[contact.id], ["partner_id"]],
                    )
                    self.assertIn("not allowed to access", refused or "")
        uid = self.users["equality_officer"].id
        refused = self._xmlrpc(
            uid,
            self.passwords["equality_officer"],
            "link.equality.profile",
            "read",
            [[profile.id], ["sex"]],
        )
        self.assertIsNone(refused)
