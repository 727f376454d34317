# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrades and uninstalls lose nothing, on one committed copy with the eight
addons and added records (a member with a place on a shift that serves a
visit, a care home in the services register, an attachment, chatter
history):

- ``-u`` of all eight addons leaves the number of records of every link.*
  model, of attachments and of messages unchanged;
- uninstalling link_volunteering, then link_voice (which takes
  link_governance, its dependant, with it, as Odoo does), then
  link_enter_view (which takes
  link_follow_through and link_governance), then link_workplan (which takes
  link_voice, link_follow_through and link_governance), then link_protocols
  (which takes link_enter_view, link_follow_through and link_governance)
  removes their models and tables and nothing else: members, their
  memberships, qualifications, equality profiles, shifts and places,
  messages, tracking, attachments and meetings are all still there, and no
  shift serves a visit or a representation seat that no longer exists; a
  meeting planned from a seat stays in the calendar;
- installing them again brings them back with the same records still there."""

import time

from .outside import (
    ADDONS,
    assert_no_error,
    copy_template,
    drop,
    run_odoo,
    shell,
    shell_json,
)

# Uninstalled and installed again in turn: the addon asked for first, then
# the addons Odoo removes with it (its dependants).
STEPS = (
    ("link_volunteering",),
    ("link_voice", "link_governance"),
    ("link_enter_view", "link_follow_through", "link_governance"),
    ("link_workplan", "link_voice", "link_follow_through", "link_governance"),
    ("link_protocols", "link_enter_view", "link_follow_through", "link_governance"),
)

COUNT = """
import json
counts = {m.model: env[m.model].sudo().search_count([])
          for m in env["ir.model"].search([("model", "=like", "link.%")])
          if env[m.model]._auto and not env[m.model]._transient}
counts["ir.attachment"] = env["ir.attachment"].sudo().search_count([])
counts["mail.message"] = env["mail.message"].sudo().search_count([])
print("COUNTS " + json.dumps(counts))
"""

ADD = """
from datetime import datetime
role = env["link.volunteer.role"].create({"name": "Upgrade role"})
shift = env["link.shift"].create({"name": "Upgrade shift", "role_id": role.id,
    "date_start": datetime(2031, 4, 1, 10), "date_end": datetime(2031, 4, 1, 13),
    "max_volunteers": 2, "state": "open"})
partner = env["res.partner"].create({"name": "Upgrade volunteer",
    "email": "u@example.org", "link_is_volunteer": True,
    "link_membership_type": "full", "link_join_date": "2026-01-05"})
env["link.shift.assignment"].create({"shift_id": shift.id, "partner_id": partner.id})
env["link.qualification"].create({"partner_id": partner.id, "type_id":
    env.ref("link_membership.qualification_type_safeguarding").id,
    "date_obtained": "2026-02-01"})
env["ir.attachment"].create({"name": "evidence.txt", "raw": b"kept",
    "res_model": "res.partner", "res_id": partner.id})
partner.message_post(body="History that must survive")
# A care home in the services register (link_membership's, so it outlives
# link_enter_view): its kind is tracked on the partner's chatter; the shift
# serves a visit there.
home = env["res.partner"].create({"name": "Upgrade Care Home", "is_company": True,
    "link_provider_id": env["res.partner"].create({"name": "Upgrade Provider",
        "is_company": True}).id,
    "link_commissioner_id": env["res.partner"].create({"name": "Upgrade Council",
        "is_company": True}).id})
home.link_premises_kind = "care_home"
visit = env["link.ev.visit"].create({"premises_id": home.id})
shift.served_ref = visit
# A seat on a health board: a shift serves it, and a meeting of the board
# was planned from the seat (the seat is the meeting's document).
body = env["res.partner"].create({"name": "Upgrade Health Board", "is_company": True})
seat = env["link.representation"].create({"name": "Upgrade board seat",
    "partner_id": body.id, "user_id": env.ref("base.user_admin").id})
seat_shift = shift.copy({"name": "Upgrade seat shift"})
seat_shift.served_ref = seat
env["calendar.event"].create({"name": "Upgrade board meeting",
    "start": datetime(2031, 4, 2, 10), "stop": datetime(2031, 4, 2, 12),
    "link_representation_id": seat.id, "res_id": seat.id,
    "res_model_id": env["ir.model"]._get_id("link.representation")})
# Feedback about the care home that counts as a contact about an issue: the
# contact is link_workplan's and outlives link_voice.
issue = env["link.community.issue"].create({"name": "Upgrade issue"})
env["link.feedback"].create({"channel": "phone", "premises_id": home.id,
    "what_bad": "Kept", "anonymous": True, "issue_id": issue.id})
env.cr.commit()
"""

# What must survive the uninstall of an addon: records of every link.* model
# that is not the addon's own (the addon's data records, demo included, are
# left out: they go with it and come back with it), members, volunteers,
# messages and tracking on partners and those models, attachments on them,
# meetings (but the one planned from the added seat, checked on its own).
HISTORY = """
import json
removed = set(%(removed)r)
owned = {}
for data in env["ir.model.data"].sudo().search([("module", "in", list(removed))]):
    owned.setdefault(data.model, []).append(data.res_id)
def is_own(model):
    return set(model.modules.split(", ")) <= removed
# Records of other addons' models that hang on an owned record by a cascading
# link (a demo feedback's issue contact) go and come back with it too.
for model in list(env.registry):
    for field in env[model]._fields.values():
        if (field.type == "many2one" and field.ondelete == "cascade"
                and field.comodel_name in owned and model != field.comodel_name):
            owned.setdefault(model, []).extend(env[model].sudo().with_context(
                active_test=False).search(
                    [(field.name, "in", owned[field.comodel_name])]).ids)
kept = [m.model for m in env["ir.model"].sudo().search([("model", "=like", "link.%%")])
        if not is_own(m) and env[m.model]._auto and not env[m.model]._transient]
history = {model: env[model].sudo().with_context(active_test=False).search_count(
    [("id", "not in", owned.get(model, []))]) for model in kept}
Partner = env["res.partner"].sudo().with_context(active_test=False)
partners = Partner.search([("id", "not in", owned.get("res.partner", []))])
history["res.partner"] = len(partners)
history["members"] = len(partners.filtered("link_membership_type"))
history["volunteers"] = len(partners.filtered("link_is_volunteer"))
history["services"] = sorted(
    [p.name, p.link_premises_kind, p.link_provider_id.name, p.link_commissioner_id.name]
    for p in partners.filtered("link_premises_kind"))
def not_owned(records, model_field, id_field):
    return records.filtered(
        lambda r: r[id_field] not in owned.get(r[model_field], ()))
models = [*kept, "res.partner"]
messages = not_owned(env["mail.message"].sudo().search([("model", "in", models)]),
                     "model", "res_id")
history["mail.message"] = len(messages)
history["mail.tracking.value"] = env["mail.tracking.value"].sudo().search_count(
    [("mail_message_id", "in", messages.ids)])
history["ir.attachment"] = len(not_owned(env["ir.attachment"].sudo().search(
    [("res_model", "in", models)]), "res_model", "res_id"))
own = sorted(m.model for m in env["ir.model"].sudo().search(
    [("model", "=like", "link.%%")]) if is_own(m))
Event = env["calendar.event"].sudo().with_context(active_test=False)
# The meeting that mirrors an owned record in the calendar (a demo shift of
# the addon: its event_id) goes and comes back with it.
mirrors = []
for model, ids in owned.items():
    if model in env.registry:
        records = env[model].sudo().with_context(active_test=False).browse(ids)
        for field in env[model]._fields.values():
            if field.type == "many2one" and field.comodel_name == "calendar.event":
                mirrors += records.exists().mapped(field.name).ids
history["calendar.event"] = Event.search_count([
    ("id", "not in", owned.get("calendar.event", []) + mirrors),
    ("res_model", "not in", %(models)r or own),
    ("name", "!=", "Upgrade board meeting")])
meeting = [event.res_model or None
           for event in Event.search([("name", "=", "Upgrade board meeting")])]
# Shifts whose reference points at a model that is not (or no longer) there.
env.cr.execute("SELECT served_ref FROM link_shift WHERE served_ref IS NOT NULL")
served = [ref for ref, in env.cr.fetchall()]
dangling = [ref for ref in served if ref.split(",")[0] not in env.registry]
# Every shift's reference is readable through the ORM.
refs = [str(s.served_ref) for s in env["link.shift"].sudo().with_context(
    active_test=False).search([("id", "not in", owned.get("link.shift", []))])]
modules = {m.name: m.state for m in env["ir.module.module"].search(
    [("name", "in", %(addons)r)])}
own_tables = sorted(env[m]._table for m in own if env[m]._auto)
env.cr.execute("SELECT table_name FROM information_schema.tables "
               "WHERE table_name = ANY(%%s)", [%(tables)r or own_tables])
# The input guard of res.company lists the LINk fields the company has now.
company = env.registry["res.company"]
guard = sorted(vars(company.__bases__[0]).get("_link_input_guard", ()))
company_fields = sorted(name for name, field in company._fields.items()
                        if (field._module or "").startswith("link_"))
print("HISTORY " + json.dumps({"history": history, "modules": modules,
    "company_guard": guard, "company_fields": company_fields,
    "served": [ref.split(",")[0] for ref in served], "dangling": dangling,
    "refs": len(refs), "own_models": own,
    "meeting": meeting,
    "own_in_registry": sorted(m for m in %(models)r or own if m in env.registry),
    "tables": sorted(t for t, in env.cr.fetchall()), "own_tables": own_tables}))
"""

UNINSTALL = """
env["ir.module.module"].search([("name", "=", %r)]).button_immediate_uninstall()
env.cr.commit()
"""


def _counts(dbname):
    return shell_json(dbname, COUNT, "COUNTS")


def _history(dbname, removed, models=(), tables=()):
    script = HISTORY % {
        "removed": list(removed),
        "addons": ADDONS.split(","),
        "models": list(models),
        "tables": list(tables),
    }
    return shell_json(dbname, script, "HISTORY")


def test_upgrade_and_reinstall_keep_every_record():
    dbname = copy_template("upgrade")
    try:
        run_odoo(dbname, "-i", ADDONS)
        shell(dbname, ADD)
        before = _counts(dbname)
        assert before["link.shift.assignment"] >= 1
        begin = time.monotonic()
        run_odoo(dbname, "-u", ADDONS)
        upgrade_seconds = time.monotonic() - begin
        after = _counts(dbname)
        assert after == before
        print(
            f"\nupgrade: {len(before)} models counted, {sum(before.values())} "
            f"records, unchanged after -u of the eight addons ({upgrade_seconds:.0f}s)"
        )
        for removed in STEPS:
            _uninstall_and_reinstall(dbname, removed)
    finally:
        drop(dbname)


def _uninstall_and_reinstall(dbname, removed):
    addon = removed[0]
    installed = _history(dbname, removed)
    models, tables = installed["own_models"], installed["own_tables"]
    history = installed["history"]
    assert models and installed["own_in_registry"] == models
    assert installed["tables"] == tables
    assert set(installed["modules"].values()) == {"installed"}
    assert history["members"] >= 1 and history["link.qualification"] >= 1
    # The services register is link_membership's: kind, provider and
    # commissioner are kept whichever addon goes.
    assert [
        "Upgrade Care Home",
        "care_home",
        "Upgrade Provider",
        "Upgrade Council",
    ] in history["services"]
    if addon == "link_enter_view":
        assert "link.ev.visit" in installed["served"]  # the added shift's visit
    if addon == "link_protocols":
        assert "link.representation" in installed["served"]  # the seat's shift
        assert installed["meeting"] == ["link.representation"]
    assert not installed["dangling"]
    assert installed["company_guard"] == installed["company_fields"]

    begin = time.monotonic()
    out, log = shell(dbname, UNINSTALL % addon)
    uninstall_seconds = time.monotonic() - begin
    assert_no_error(out + log)
    gone = _history(dbname, removed, models, tables)
    assert gone["modules"] == {
        **installed["modules"],
        **dict.fromkeys(removed, "uninstalled"),
    }
    # Its models, their tables and its registry entries are gone...
    assert not gone["own_models"] and not gone["own_in_registry"]
    assert not gone["tables"], gone["tables"]
    # ... and nothing else: every record of the other addons' models, every
    # member and partner, their messages, tracking and attachments.
    assert gone["history"] == history, _diff(history, gone["history"])
    # A shift that served a visit: the visit went with its model, so the
    # reference is emptied rather than left pointing at a missing model
    # (reading such a shift raised KeyError: 'link.ev.visit'); the same for a
    # shift that served a representation seat.
    assert not gone["dangling"], gone["dangling"]
    assert gone["refs"] == installed["refs"]
    # No guard is left for the fields that went with the addon.
    assert gone["company_guard"] == gone["company_fields"]
    if addon == "link_workplan":
        assert "link_workplan_notice_days" not in gone["company_guard"]
    if addon == "link_protocols":
        # The meeting planned from the seat is still in the calendar,
        # attached to no document (Odoo's cascade on the document's model
        # would have deleted it).
        assert gone["meeting"] == [None], gone["meeting"]

    begin = time.monotonic()
    log = run_odoo(dbname, "-i", ",".join(removed))
    install_seconds = time.monotonic() - begin
    assert_no_error(log)
    back = _history(dbname, removed, models, tables)
    assert back["modules"] == installed["modules"]
    assert back["own_models"] == models and back["own_in_registry"] == models
    assert back["tables"] == tables
    assert back["history"] == history, _diff(history, back["history"])
    assert back["company_guard"] == installed["company_guard"]
    print(
        f"\nuninstall/reinstall of {' and '.join(removed)}: {len(history)} "
        f"figures unchanged "
        f"({history['members']} members, {history['res.partner']} partners, "
        f"{history['mail.message']} messages, {history['mail.tracking.value']} "
        f"tracking values, {history['ir.attachment']} attachments, "
        f"{history['link.shift.assignment']} shift places, "
        f"{history['link.qualification']} qualifications); "
        f"{len(models)} models and {len(tables)} tables dropped and back; "
        f"uninstall {uninstall_seconds:.0f}s, reinstall {install_seconds:.0f}s"
    )


def _diff(expected, got):
    return {
        key: (expected.get(key), got.get(key))
        for key in set(expected) | set(got)
        if expected.get(key) != got.get(key)
    }
