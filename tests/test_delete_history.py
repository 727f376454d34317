# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Data is never lost: deleting anything with history is refused.

For every model the access matrix lets some role delete, the table below
says how a record gets history. As the least-privileged role with 'd' in
the matrix, and as the manager, deleting such a record is refused with a
clear UserError (no SQL error: the model's own rule answers before a
foreign key would) and the record and its history are still there; a fresh
record without history, made by mistake, is deleted fine.

A model with 'd' in tests/access_matrix.py and missing here fails the run:
a new model cannot slip through. Models where deleting is harmless are
declared in HARMLESS with the reason."""

import itertools
import time
from contextlib import contextmanager
from datetime import date

from odoo.exceptions import UserError
from odoo.tools import SQL

from . import access_matrix
from .common import RoleUsersMixin, SampleFactory, SuiteCase

# A refusal by a history rule says what to do instead (not an access error,
# not a database error).
SAYS_WHAT_TO_DO = r"instead|kept|keep|never deleted|stays as it was|cannot be changed"
# Least privileged first: the first of these with 'd' is who tries first.
ROLE_ORDER = (
    "public",
    "portal_a",
    "portal_b",
    "monitor",
    "steering",
    "equality_officer",
    "staff",
    "manager",
)

HARMLESS = {
    "link.census.share": "reference figures of the area (configuration), "
    "nothing refers to them",
    "link.equality.entry": "transient wizard: nothing is kept",
    "link.induction.item": "the checklist (configuration): each application "
    "keeps its own copy of the steps",
    "link.rag.review.wizard": "transient wizard: the review it records is kept",
    "link.representation.appoint": "transient wizard: the seat it fills is kept",
    "link.safeguarding.raise": "transient wizard: the concern it raises is kept",
    "link.workplan.import": "transient wizard: nothing is kept",
}

# --- how a record gets history -------------------------------------------------
# Each function gets the test case and a fresh record (made by ``make`` or the
# sample factory, as the superuser), gives it history and returns the records
# that are that history (they must survive the refused delete).


def _issue(case):
    return case.sudo_env["link.community.issue"].create(
        case.factory.values("link.community.issue")
    )


def _visit(case):
    return case.sudo_env["link.ev.visit"].create(case.factory.values("link.ev.visit"))


def _protocol(case):
    return case.sudo_env["link.protocol"].create(case.factory.values("link.protocol"))


def _issued_period(case, day):
    period = case.sudo_env["link.monitoring.period"].create(
        {
            "name": "Year under test",
            "period_type": "year",
            "date_from": date(day.year, 1, 1),
            "date_to": date(day.year, 12, 31),
        }
    )
    period.state = "issued"
    return period


def _contact(case, issue):
    return case.sudo_env["link.community.issue.contact"].create(
        {"issue_id": issue.id, "partner_id": case.owner.id}
    )


def _score(case, issue, criterion):
    return case.sudo_env["link.community.issue.score"].create(
        {"issue_id": issue.id, "criterion_id": criterion.id, "score": 3}
    )


def _set(**values):
    def give(case, record):
        record.write(values)
        return record

    return give


def _state(state):
    return _set(state=state)


def _plan_approved(case, record):
    record.workplan_id.state = "approved"
    return record.workplan_id


def _target_plan_approved(case, target):
    target.workstream_id.workplan_id.state = "approved"
    return target.workstream_id.workplan_id


def _visit_went(case, record):
    record.visit_id.state = "visited"
    return record.visit_id


def _report_sent(case, record):
    record.visit_id.state = "report_sent"
    return record.visit_id


def _issue_assessed(case, record):
    record.issue_id.state = "assessed"
    return record.issue_id


def _issue_decided(case, record):
    record.issue_id.write(
        {"state": "decided", "decision": "no_action", "decision_reason": "Raised once"}
    )
    return record.issue_id


def _feedback_on_assessed_issue(case, feedback):
    issue = _issue(case)
    feedback.issue_id = issue
    issue.state = "assessed"
    return issue


def _logged_yesterday(case, record):
    case.env.cr.execute(
        SQL(
            "UPDATE %s SET create_date = create_date - interval '1 day' WHERE id = %s",
            SQL.identifier(record._table),
            record.id,
        )
    )
    record.invalidate_recordset(["create_date"])
    return record


def _protocol_agreed(case, record):
    record.protocol_id.state = "agreed"
    return record.protocol_id


def _period_issued(case, record):
    record.period_id.state = "issued"
    return record.period_id


def _in_issued_period(field):
    def give(case, record):
        return _issued_period(case, record[field])

    return give


def _with(model, field, **extra):
    """History is another record that refers to this one through ``field``."""

    def give(case, record):
        values = case.factory.values(model)
        values.update({field: record.id, **extra})
        return case.sudo_env[model].create(values)

    return give


def _shift_place(case, shift):
    return case.sudo_env["link.shift.assignment"].create(
        {"shift_id": shift.id, "partner_id": case.owner.id}
    )


def _target_action(case, target):
    values = case.factory.values("link.workplan.action")
    values.update({"workstream_id": target.workstream_id.id, "target_id": target.id})
    return case.sudo_env["link.workplan.action"].create(values)


def _qualified(case, partner):
    values = case.factory.values("link.qualification")
    values["partner_id"] = partner.id
    return case.sudo_env["link.qualification"].create(values)


# --- fresh records that the sample factory cannot make twice ---------------------


def _fresh_score(case):
    return _score(case, _issue(case), case.factory.sample("link.issue.criterion"))


def _fresh_team_member(case):
    return case.sudo_env["link.ev.team.member"].create(
        {"visit_id": _visit(case).id, "partner_id": case.owner.id}
    )


def _fresh_sla(case):
    values = case.factory.values("link.protocol.sla")
    values["protocol_id"] = _protocol(case).id
    return case.sudo_env["link.protocol.sla"].create(values)


def _fresh_authorisation(case):
    values = case.factory.values("link.ev.authorisation")
    values["partner_id"] = _fresh_partner(case).id
    return case.sudo_env["link.ev.authorisation"].create(values)


def _fresh_period(case):
    year = 2040 + next(_years)
    return case.sudo_env["link.monitoring.period"].create(
        {
            "name": f"Q2 {year}",
            "period_type": "quarter",
            "date_from": date(year, 4, 1),
            "date_to": date(year, 6, 30),
        }
    )


_years = itertools.count()


def _fresh_attachment(case):
    period = _fresh_period(case)
    return case.sudo_env["ir.attachment"].create(
        {
            "name": "Monitoring pack.pdf",
            "raw": b"%PDF-1.4 pack",
            "res_model": "link.monitoring.period",
            "res_id": period.id,
        }
    )


def _pack_issued(case, attachment):
    period = case.sudo_env["link.monitoring.period"].browse(attachment.res_id)
    period.write({"attachment_id": attachment.id, "state": "issued"})
    return period


def _fresh_partner(case):
    return case.sudo_env["res.partner"].create({"name": "Keyed in by mistake"})


# model: (history rule in words, give history, make a fresh record or None)
# A give of None: the record IS history, refused without anything added.
def _cost_approved(case, cost):
    cost.action_approve()
    return cost


def _line_cost_approved(case, line):
    cost = case.sudo_env["link.budget.cost"].create(
        dict(case.factory.values("link.budget.cost"), budget_line_id=line.id)
    )
    return _cost_approved(case, cost)


def _meeting_held(case, record):
    meeting = record if record._name == "link.steering.meeting" else record.meeting_id
    meeting.state = "held"
    return meeting


def _report_published(case, record):
    report = record if record._name == "link.annual.report" else record.report_id
    report.state = "published"
    return report


def _withdrawn_application(case):
    application = case.sudo_env["link.volunteer.application"].create(
        case.factory.values("link.volunteer.application")
    )
    application.state = "withdrawn"
    return application


HISTORY = {
    "link.cover.request": ("volunteers were asked", _state("open"), None),
    "link.community.issue": (
        "people raised it (contacts), or assessed/decided",
        lambda case, issue: _contact(case, issue),
        None,
    ),
    "link.community.issue.contact": (
        "its issue was assessed or decided",
        _issue_assessed,
        None,
    ),
    "link.community.issue.score": (
        "its issue was decided",
        _issue_decided,
        _fresh_score,
    ),
    "link.ev.authorisation": (
        "it was given (date authorised)",
        _set(date_authorised=date(2026, 1, 5)),
        _fresh_authorisation,
    ),
    "link.ev.recommendation": (
        "sent to the provider in the report, or answered",
        _report_sent,
        None,
    ),
    "link.ev.team.member": (
        "the visit took place (or entry was refused)",
        _visit_went,
        _fresh_team_member,
    ),
    "link.ev.visit": ("past draft", _state("planned"), None),
    "link.feedback": (
        "logged before today, or evidence of an assessed issue",
        _feedback_on_assessed_issue,
        None,
    ),
    "link.feedback.theme": (
        "feedback uses it",
        lambda case, theme: case.sudo_env["link.feedback"].create(
            {"theme_ids": [(6, 0, theme.ids)]}
        ),
        None,
    ),
    "link.information.request": ("sent", _state("sent"), None),
    "link.referral": ("sent", _state("sent"), None),
    "link.protocol.complaint": (
        "raised with the leads",
        _set(date_raised=date(2027, 1, 4)),
        None,
    ),
    "link.signpost": ("logged before today", _logged_yesterday, None),
    "link.issue.criterion": (
        "issues were scored against it",
        lambda case, criterion: _score(case, _issue(case), criterion),
        None,
    ),
    "link.membership.target": (
        "its period is in an issued monitoring pack",
        _in_issued_period("date_start"),
        None,
    ),
    "link.monitoring.figure": ("its period was issued", _period_issued, None),
    "link.monitoring.period": ("issued", _state("issued"), _fresh_period),
    "link.opportunity": (
        "circulated (state past new, or recipients)",
        _state("circulated"),
        None,
    ),
    "link.protocol": (
        "agreed, or requests/visits/a later version refer to it",
        _state("agreed"),
        None,
    ),
    "link.protocol.sla": (
        "its protocol was agreed, or requests were measured against it",
        _protocol_agreed,
        _fresh_sla,
    ),
    "link.qualification": (
        "evidence sent or checked, or expired",
        _set(evidence_state="submitted"),
        None,
    ),
    "link.qualification.type": (
        "qualifications (or roles, authorisations) use it",
        lambda case, qtype: _with("link.qualification", "type_id")(case, qtype),
        None,
    ),
    "link.rag.review": ("always: a review is the RAG history itself", None, None),
    "link.representation": (
        "it has reports back (or meetings)",
        _with("link.representation.report", "representation_id"),
        None,
    ),
    "link.representation.report": (
        "dated in an issued monitoring period",
        _in_issued_period("date"),
        None,
    ),
    "link.shift": ("volunteers have places on it", _shift_place, None),
    "link.volunteer.application": (
        "open or approved (declined or withdrawn ones go when their time is up)",
        _state("approved"),
        _withdrawn_application,
    ),
    "link.volunteer.role": (
        "shifts or series use it",
        _with("link.shift", "role_id"),
        None,
    ),
    "link.ward": (
        "members, shifts, series, issues, opportunities or events are in it",
        _with("link.shift", "ward_id"),
        None,
    ),
    "link.workplan": (
        "approved, or a stream/action/output with history",
        _state("approved"),
        None,
    ),
    "link.workplan.action": (
        (
            "plan approved, started/done/cancelled, progress, RAG reviews, or "
            "from a community issue"
        ),
        _with("link.workplan.progress", "action_id", note="Met the trust"),
        None,
    ),
    "link.workplan.output": (
        "plan approved, or an actual entered",
        _set(actual_entered=4),
        None,
    ),
    "link.workplan.target": (
        "plan approved, or actions work towards it",
        _target_action,
        None,
    ),
    "link.workstream": (
        "plan approved, RAG reviews, or actions/outputs with history",
        _with("link.rag.review", "workstream_id", status="amber"),
        None,
    ),
    # Not in the matrix (not a link.* model): people and organisations.
    "res.partner": (
        (
            "any LINk record names them (places, qualifications, visits, issue "
            "contacts, protocols, requests...) or they joined"
        ),
        _qualified,
        _fresh_partner,
    ),
    "link.annual.report": ("published", _report_published, None),
    "link.annual.report.stream": ("its report was published", _report_published, None),
    "link.budget.cost": ("approved (or declined)", _cost_approved, None),
    "link.budget.line": ("costs were approved against it", _line_cost_approved, None),
    "link.decision": ("always: the decision log keeps every decision", None, None),
    "link.decision.type": (
        "decisions of this kind were logged (or it is seeded)",
        lambda case, kind: case.sudo_env["link.decision"].create(
            dict(case.factory.values("link.decision"), type_id=kind.id)
        ),
        None,
    ),
    "link.steering.meeting": ("held", _meeting_held, None),
    "link.steering.agenda.item": ("its meeting was held", _meeting_held, None),
    "ir.attachment": (
        "it is the PDF of an issued monitoring pack",
        _pack_issued,
        _fresh_attachment,
    ),
}
# Who tries the models outside the matrix: host staff manage contacts
# (base.group_partner_manager) and the period's attachments.
EXTRA_ROLES = {
    "res.partner": ("staff", "manager"),
    "ir.attachment": ("staff", "manager"),
}
# Other ways to history, proven once each (as the manager).


def _plan_action_progress(case, plan):
    stream = case.sudo_env["link.workstream"].create(
        {"name": "Stream under test", "workplan_id": plan.id}
    )
    action = case.sudo_env["link.workplan.action"].create(
        {"name": "Action under test", "workstream_id": stream.id}
    )
    return _with("link.workplan.progress", "action_id", note="Done half")(case, action)


def _joined(case, partner):
    partner.write({"link_membership_type": "full"})
    return partner


def _partner_place(case, partner):
    return case.sudo_env["link.shift.assignment"].create(
        {"shift_id": case.factory.sample("link.shift").id, "partner_id": partner.id}
    )


MORE_HISTORY = [
    ("link.workplan", "an action has progress notes", _plan_action_progress),
    ("link.workstream", "its plan was approved", _plan_approved),
    (
        "link.workstream",
        "an issue was decided into it",
        _with("link.community.issue", "plan_workstream_id"),
    ),
    ("link.workplan.action", "its plan was approved", _plan_approved),
    ("link.workplan.action", "done", _state("done")),
    ("link.workplan.target", "its plan was approved", _target_plan_approved),
    ("link.workplan.output", "its plan was approved", _plan_approved),
    (
        "link.community.issue",
        "decided",
        _set(state="decided", decision="no_action", decision_reason="Raised once"),
    ),
    ("link.community.issue.contact", "its issue was decided", _issue_decided),
    ("link.feedback", "logged before today", _logged_yesterday),
    ("link.ev.team.member", "the report was sent", _report_sent),
    (
        "link.protocol",
        "requests refer to it",
        _with("link.information.request", "protocol_id"),
    ),
    (
        "link.opportunity",
        "it went to recipients",
        _with("link.opportunity.recipient", "opportunity_id"),
    ),
    ("res.partner", "joined the LINk", _joined),
    ("res.partner", "has a place on a shift", _partner_place),
]


class TestDeleteHistory(RoleUsersMixin, SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.sudo_env = cls.env(su=True)
        cls.users = cls._role_users()
        cls.owner = cls.env["res.partner"].create(
            {"name": "History owner", "email": "owner@example.org"}
        )
        cls.factory = SampleFactory(cls.env, cls.owner)
        # Samples made before any case: a case's rollback must not take away
        # a cached sample another case builds on.
        for model in access_matrix.MATRIX:
            if cls.env[model]._auto and not cls.env[model]._transient:
                cls.factory.sample(model)

    @contextmanager
    def _undone(self):
        """Each case starts from the same data: what it did is rolled back."""
        with self.env.cr.savepoint() as savepoint:
            yield
            self.env.flush_all()
            savepoint.rollback()
        self.env.invalidate_all()

    def _roles(self, model):
        if model in EXTRA_ROLES:
            return EXTRA_ROLES[model]
        row = access_matrix.MATRIX[model]
        least = next(role for role in ROLE_ORDER if "d" in row[role])
        return tuple(dict.fromkeys((least, "manager")))

    def _fresh(self, model, make):
        if make:
            return make(self)
        return self.sudo_env[model].create(self.factory.values(model))

    def test_every_deletable_model_is_declared(self):
        deletable = {
            model
            for model, row in access_matrix.MATRIX.items()
            if any("d" in letters for letters in row.values())
        }
        self.assertFalse(
            deletable - set(HISTORY) - set(HARMLESS),
            "Say in tests/test_delete_history.py how these get history (HISTORY) "
            "or why deleting them is harmless (HARMLESS)",
        )
        self.assertFalse(
            (set(HISTORY) | set(HARMLESS)) - deletable - set(EXTRA_ROLES),
            "Declared here but nobody may delete them: remove them",
        )
        self.assertFalse(set(HISTORY) & set(HARMLESS))

    def test_history_is_kept_and_mistakes_can_go(self):
        started = time.monotonic()
        for model, (_rule, give, make) in sorted(HISTORY.items()):
            for role in self._roles(model):
                user = self.users[role]
                with (
                    self.subTest(model=model, role=role, what="with history"),
                    self._undone(),
                ):
                    record = self._fresh(model, make)
                    kept = give(self, record) if give else record
                    self.env.flush_all()
                    with self.assertRaises(UserError) as refused:
                        record.with_user(user).unlink()
                    # The model's own rule answered, saying what to do.
                    self.assertRegex(str(refused.exception), SAYS_WHAT_TO_DO)
                    self.env.invalidate_all()
                    self.assertTrue(record.exists(), "the record is still there")
                    self.assertEqual(kept.exists(), kept, "its history too")
                if give is None:
                    continue  # nothing of this model is free of history
                with (
                    self.subTest(model=model, role=role, what="made by mistake"),
                    self._undone(),
                ):
                    record = self._fresh(model, make)
                    self.env.flush_all()
                    record.with_user(user).unlink()
                    self.env.invalidate_all()
                    self.assertFalse(record.exists())
        self.assertLess(time.monotonic() - started, 30)

    def test_other_ways_to_history(self):
        for model, what, give in MORE_HISTORY:
            with self.subTest(model=model, what=what), self._undone():
                record = self._fresh(model, HISTORY[model][2])
                kept = give(self, record)
                self.env.flush_all()
                with self.assertRaisesRegex(UserError, SAYS_WHAT_TO_DO):
                    record.with_user(self.users["manager"]).unlink()
                self.env.invalidate_all()
                self.assertTrue(record.exists())
                self.assertEqual(kept.exists(), kept)
