# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cross-addon checks, run by pytest-odoo on a database with all four addons."""

from odoo.tests import new_test_user

from .common import SuiteCase

LINK_ADDONS = (
    "link_membership",
    "link_protocols",
    "link_workplan",
    "link_enter_view",
    "link_voice",
    "link_follow_through",
    "link_governance",
    "link_volunteering",
)


class TestSuiteWiring(SuiteCase):
    def test_all_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", LINK_ADDONS)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), len(LINK_ADDONS))

    def test_every_link_model_has_access_rights_for_a_link_group(self):
        link_groups = self.env["res.groups"].search(
            [
                (
                    "category_id",
                    "=",
                    self.env.ref("link_membership.module_category_link").id,
                )
            ]
        )
        models = self.env["ir.model"].search(
            [("model", "=like", "link.%"), ("transient", "=", False)]
        )
        models = models.filtered(lambda m: not self.env[m.model]._abstract)
        self.assertTrue(models)
        for model in models:
            with self.subTest(model=model.model):
                acls = model.access_ids.filtered(lambda a: a.group_id in link_groups)
                self.assertTrue(
                    acls, f"{model.model} has no access rights for LINk roles"
                )
                self.assertFalse(
                    model.access_ids.filtered(lambda a: not a.group_id),
                    f"{model.model} grants access to everyone",
                )

    def test_every_stored_link_model_guards_its_dates_and_numbers(self):
        """A model outside the input guard would let a year-9999 date reach
        its computed deadlines, or a number past 2**31 reach the database."""
        stored = [
            name
            for name, model in self.env.registry.items()
            if name.startswith("link.") and not model._abstract and model._auto
        ]
        self.assertGreater(len(stored), 35)
        for name in stored:
            with self.subTest(model=name):
                # the input guard is the first base: ahead of every override
                model = self.env.registry[name]
                guard = model.__bases__[0]
                self.assertIn("_link_input_guard", vars(guard))
                self.assertEqual(guard._link_input_guard, set(model._fields))

    def test_staff_sees_every_addon_under_one_link_app(self):
        staff = new_test_user(
            self.env, login="wiring_staff", groups="link_membership.group_link_staff"
        )
        visible = self.env["ir.ui.menu"].with_user(staff)._visible_menu_ids()
        root = self.env.ref("link_membership.link_menu_root")
        for xmlid in (
            "link_membership.link_ward_menu",
            "link_protocols.link_protocol_menu",
            "link_workplan.link_workplan_menu",
            "link_enter_view.link_ev_visit_menu",
        ):
            with self.subTest(menu=xmlid):
                menu = self.env.ref(xmlid)
                self.assertIn(menu.id, visible)
                self.assertTrue(menu.parent_path.startswith(f"{root.id}/"))
