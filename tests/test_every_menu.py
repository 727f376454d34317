# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every menu of the LINk app opens for every role (#16).

For each LINk role (one user with exactly one LINk group), every menu item
under LINk that the role sees is opened the way the web client opens it, as
that user: the action is loaded (``/web/action/load``), ``get_views`` of its
view modes with the action's context, the first page of the list or kanban
(``web_search_read`` with the view's field specification), the first record
in the form (``web_read`` with the form's specification), the pivot and
graph (``read_group`` with their groupbys and measures, ``lazy=False`` as
``pivot_model.js`` calls it) and the calendar's month (``search_read``).
No AccessError, no traceback.

The council monitor reads, never acts and never sees people: the forms it
opens show it no object or action button, and no many2one it could click
through to a model or a record it may not read (a person's contact card).
"""

from datetime import date

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools.safe_eval import safe_eval

from .common import SuiteCase

ROLES = {
    "staff": "link_membership.group_link_staff",
    "manager": "link_membership.group_link_manager",
    "steering": "link_membership.group_link_steering",
    "equality_officer": "link_membership.group_link_equality_officer",
    "safeguarding": "link_membership.group_link_safeguarding",
    "monitor": "link_membership.group_link_monitor",
}

X2MANY_LIMIT = 40
# Buttons the council monitor may press: they only read (print the pack).
# The test presses each of them as the monitor.
MONITOR_BUTTONS = {
    ("link.monitoring.period", "action_print_pack"),
    # Issued minutes and the annual report are public-body documents.
    ("link.steering.meeting", "action_print_minutes"),
    ("link.annual.report", "action_print"),
}
# Buttons that only open or print what the role may already read.
READ_BUTTONS = MONITOR_BUTTONS | {
    ("link.representation", "action_view_meetings"),
    ("link.representation", "action_view_reports"),
    # The steering group reviews without write access on what it reviews:
    # the Review wizard records it through _record_review.
    ("link.workplan.action", "action_link_review"),
    ("link.workstream", "action_link_review"),
    ("link.annual.report", "action_preview"),
}


def _spec(node, fields, models):
    """The field specification the web client builds from a view arch: every
    <field> of the view (not those of nested sub-views), many2one as
    display_name, x2many with the fields of their inline sub-view."""
    spec = {}
    for field_node in _own_fields(node):
        name = field_node.get("name")
        field = fields.get(name)
        if not field:
            continue
        if field["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field["type"] in ("one2many", "many2many"):
            sub_view = next(
                (c for c in field_node if c.tag in ("list", "kanban", "form")),
                None,
            )
            comodel = field["relation"]
            sub_fields = models.get(comodel, {}).get("fields", {})
            sub_spec = (
                _spec(sub_view, sub_fields, models)
                if sub_view is not None
                else {"display_name": {}}
            )
            spec[name] = {"fields": sub_spec or {"display_name": {}}}
            if field["type"] == "one2many" or sub_view is not None:
                spec[name]["limit"] = X2MANY_LIMIT
        else:
            spec[name] = {}
    return spec


def _buttons(node, model, models):
    """(model, method) of the object buttons of a view, those of x2many
    sub-views with their own model."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "button" and child.get("type") == "object":
            yield model, child.get("name")
        sub_model = model
        if child.tag == "field":
            field = models.get(model, {}).get("fields", {}).get(child.get("name"))
            if field and field["type"] in ("one2many", "many2many"):
                sub_model = field["relation"]
        yield from _buttons(child, sub_model, models)


def _own_fields(node):
    """<field> nodes of this view, not those inside a field's sub-view."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            yield child
        else:
            yield from _own_fields(child)


class TestEveryMenu(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"menu_{role}",
                groups=group,
                name=f"Menu {role}",
                tz="Europe/London",
            )
            for role, group in ROLES.items()
        }
        cls.root = cls.env.ref("link_membership.link_menu_root")

    # --- what the web client does --------------------------------------------

    def _menus(self, user):
        """The LINk menu items with an action that the user sees (load_menus)."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        found, todo = [], [self.root.id]
        while todo:
            menu = menus.get(todo.pop(0))
            if not menu:
                continue
            todo.extend(menu["children"])
            if menu.get("action"):
                found.append(menu)
        return found

    def _load_action(self, user, action_ref):
        """/web/action/load, as the controller runs it for this user."""
        model, action_id = action_ref.split(",")
        env = self.env(user=user)
        action = env[model].sudo().browse(int(action_id))
        if model == "ir.actions.act_window":
            return action.with_env(env).sudo()._get_action_dict()
        return action.read()[0]

    def _open_menu(self, user, menu):
        action = self._load_action(user, menu["action"])
        if action["type"] != "ir.actions.act_window":
            return {}
        env = self.env(user=user)
        context = dict(env.context)
        evaluated = action.get("context") or "{}"
        if isinstance(evaluated, str):
            evaluated = safe_eval(
                evaluated,
                {
                    "uid": user.id,
                    "active_id": False,
                    "context_today": date.today,
                    "allowed_company_ids": user.company_ids.ids,
                },
            )
        context.update(
            {k: v for k, v in evaluated.items() if not k.startswith("search_default")}
        )
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, {"uid": user.id})
        Model = env[action["res_model"]].with_context(context)
        view_types = action["view_mode"].split(",")
        view_ids = {vt: vid for vid, vt in action.get("views", [])}
        views = [(view_ids.get(vt, False), vt) for vt in view_types]
        views.append((action.get("search_view_id") or False, "search"))
        if isinstance(views[-1][0], list | tuple):
            views[-1] = (views[-1][0][0], "search")
        result = Model.get_views(views, {"toolbar": True, "load_filters": True})
        models = result["models"]
        fields = models[Model._name]["fields"]
        opened = {"model": Model._name, "forms": [], "records": {}}
        first_id = None
        for view_type in view_types:
            arch = etree.fromstring(result["views"][view_type]["arch"])
            if view_type in ("list", "kanban"):
                spec = _spec(arch, fields, models)
                page = Model.web_search_read(
                    domain, spec, limit=80 if view_type == "list" else 40
                )
                if page["records"]:
                    first_id = first_id or page["records"][0]["id"]
            elif view_type in ("pivot", "graph"):
                self._read_groups(Model, domain, arch, fields)
            elif view_type == "calendar":
                date_field = arch.get("date_start")
                Model.search_read(
                    domain
                    + [
                        (date_field, ">=", "2026-11-30"),
                        (date_field, "<=", "2027-01-10"),
                    ],
                    [n for n in _spec(arch, fields, models)] + [date_field],
                )
        if "form" in view_types:
            arch = etree.fromstring(result["views"]["form"]["arch"])
            if first_id is None and Model._auto:
                first_id = Model.search(domain, limit=1).id
            if first_id:
                spec = _spec(arch, fields, models)
                record = Model.browse(first_id).web_read(spec)[0]
                opened["forms"].append((arch, fields, record))
                opened["buttons"] = set(_buttons(arch, Model._name, models))
                opened["first"] = Model.browse(first_id)
        return opened

    def _read_groups(self, Model, domain, arch, fields):
        rows = [n.get("name") for n in arch.iter("field") if n.get("type") == "row"]
        cols = [n.get("name") for n in arch.iter("field") if n.get("type") == "col"]
        measures = ["__count"]
        for node in arch.iter("field"):
            name = node.get("name")
            if node.get("type") == "measure" or (
                arch.tag == "graph" and node.get("type") == "measure"
            ):
                field = fields[name]
                aggregator = (
                    "count_distinct"
                    if field["type"] == "many2one"
                    else field.get("aggregator", "sum")
                )
                measures.append(f"{name}:{aggregator}")
        if arch.tag == "graph":
            groupbys = [rows[:1] + cols[:1]] if rows or cols else [[]]
        else:
            # The pivot's first load: the total, rows, columns, rows x columns.
            groupbys = [[], rows[:1], cols[:1], rows[:1] + cols[:1]]
        for groupby in groupbys:
            Model.read_group(domain, measures, groupby, lazy=False)

    # --- the tests -------------------------------------------------------------

    def _check_role(self, role):
        user = self.users[role]
        menus = self._menus(user)
        self.assertTrue(menus, f"{role} sees no LINk menu")
        opened_all = []
        for menu in menus:
            with self.subTest(role=role, menu=menu["xmlid"] or menu["name"]):
                try:
                    opened = self._open_menu(user, menu)
                except AccessError as error:
                    self.fail(f"{role} opening {menu['xmlid']}: {error}")
                opened_all.append((menu, opened))
                # A button that changes a record the role may not change is
                # a staff button shown to the wrong role: it needs groups=.
                refused = sorted(
                    f"{model}.{name}"
                    for model, name in opened.get("buttons", ())
                    if (model, name) not in READ_BUTTONS
                    and not self.env[model].with_user(user).has_access("write")
                )
                self.assertFalse(
                    refused,
                    f"{role} is shown buttons it may not use on {menu['xmlid']}",
                )
                # A name shown as a link must open.
                for arch, fields, record in opened.get("forms", []):
                    self.assertFalse(
                        self._dead_links(user, arch, fields, record),
                        f"{role} can click through to what it may not read on "
                        f"{menu['xmlid']}",
                    )
        return user, opened_all

    def test_staff(self):
        self._check_role("staff")

    def test_manager(self):
        self._check_role("manager")

    def test_steering(self):
        self._check_role("steering")

    def test_equality_officer(self):
        self._check_role("equality_officer")

    def test_monitor(self):
        user, opened_all = self._check_role("monitor")
        forms = [o for __, o in opened_all if o.get("forms")]
        self.assertGreater(len(forms), 5, "the monitor opened too few forms")
        for menu, opened in opened_all:
            for arch, fields, record in opened.get("forms", []):
                where = f"{menu['xmlid']} ({opened['model']} form)"
                with self.subTest(menu=where, check="buttons"):
                    buttons = [
                        b.get("name") or b.get("string")
                        for b in arch.iter("button")
                        if b.get("type") in ("object", "action")
                    ]
                    for name in buttons:
                        if (opened["model"], name) in MONITOR_BUTTONS:
                            action = getattr(opened["first"], name)()
                            self.assertTrue(action.get("type"), name)
                    buttons = [
                        name
                        for name in buttons
                        if (opened["model"], name) not in MONITOR_BUTTONS
                    ]
                    self.assertFalse(
                        buttons,
                        f"the council monitor is shown buttons on {where}: {buttons}",
                    )
                with self.subTest(menu=where, check="links"):
                    self.assertFalse(
                        self._dead_links(user, arch, fields, record),
                        f"the council monitor can click through to what it may "
                        f"not read on {where}",
                    )

    def _dead_links(self, user, arch, fields, record):
        """Openable many2one fields of the form whose target the user may not
        read: the model, or the record shown on the first record."""
        dead = []
        env = self.env(user=user)
        for node in _own_fields(arch):
            name = node.get("name")
            field = fields.get(name)
            if not field or field["type"] != "many2one":
                continue
            options = node.get("options") or ""
            if "no_open" in options and "True" in options:
                continue
            if node.get("widget") in ("many2one_avatar_user", "many2one_avatar"):
                continue  # an avatar card opens, not the record
            comodel = env[field["relation"]]
            if field["relation"] == "res.partner" and user.has_group(
                "link_membership.group_link_monitor"
            ):
                # The monitor reads organisations only: a link to a contact
                # may end in an Access Error, whoever the first record names.
                dead.append(f"{name} -> res.partner")
                continue
            if not comodel.has_access("read"):
                dead.append(f"{name} -> {field['relation']}")
                continue
            value = record.get(name)
            if value and not comodel.browse(value["id"])._filtered_access("read"):
                dead.append(f"{name} -> {field['relation']}({value['id']})")
        return dead
