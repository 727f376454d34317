# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The services register belongs to link_membership (#18): its fields,
selection values, views, action and menu carry this addon's external ids,
and the migration moves the ids an older database gave link_enter_view."""

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from ..upgrade import RECORDS, move_services_register


@tagged("post_install", "-at_install")
class TestServicesRegister(TransactionCase):
    def _owners(self, model, res_ids):
        data = self.env["ir.model.data"].search(
            [("model", "=", model), ("res_id", "in", res_ids)]
        )
        return {(d.module, d.name) for d in data if d.module.startswith("link_")}

    def _register(self):
        fields = self.env["ir.model.fields"].search(
            [
                ("model", "=", "res.partner"),
                (
                    "name",
                    "in",
                    [
                        "link_premises_kind",
                        "link_provider_id",
                        "link_commissioner_id",
                        "link_regulator_location",
                    ],
                ),
            ]
        )
        return fields, fields.selection_ids

    def test_register_belongs_to_membership(self):
        fields, selections = self._register()
        self.assertEqual(len(fields), 4)
        self.assertEqual(len(selections), 11)
        for model, records in (
            ("ir.model.fields", fields),
            ("ir.model.fields.selection", selections),
        ):
            modules = {module for module, _name in self._owners(model, records.ids)}
            self.assertEqual(modules, {"link_membership"}, model)

    def test_staff_keep_a_service(self):
        staff = new_test_user(
            self.env, "svc_staff", groups="link_membership.group_link_staff"
        )
        provider = self.env["res.partner"].create(
            {"name": "Provider", "is_company": True}
        )
        service = (
            self.env["res.partner"]
            .with_user(staff)
            .create(
                {
                    "name": "Ashby Surgery",
                    "is_company": True,
                    "link_premises_kind": "gp_practice",
                    "link_provider_id": provider.id,
                }
            )
        )
        action = self.env.ref("link_membership.res_partner_action_link_service")
        found = (
            self.env["res.partner"]
            .with_user(staff)
            .search([("id", "=", service.id), *safe_eval(action.domain)])
        )
        self.assertEqual(found, service)

    def _give_to_enter_view(self, names):
        """Put the ids back where a database of 18.0.1.6.0 had them."""
        self.env.cr.execute(
            SQL(
                "UPDATE ir_model_data SET module = 'link_enter_view', name = new.old"
                "  FROM (SELECT unnest(%s::varchar[]) AS old,"
                "               unnest(%s::varchar[]) AS new) AS new"
                " WHERE module = 'link_membership' AND name = new.new",
                list(names),
                list(names.values()),
            )
        )

    def _names(self):
        fields, selections = self._register()
        names = {
            name: name
            for _module, name in self._owners("ir.model.fields", fields.ids)
            | self._owners("ir.model.fields.selection", selections.ids)
        }
        return {**names, **RECORDS}

    def _snapshot(self):
        data = self.env["ir.model.data"].search(
            [("module", "in", ["link_enter_view", "link_membership"])]
        )
        return {(d.module, d.name, d.model, d.res_id) for d in data}

    def test_migration_moves_old_ids(self):
        before = self._snapshot()
        self._give_to_enter_view(self._names())
        self.env.invalidate_all()
        self.assertNotEqual(self._snapshot(), before)
        move_services_register(self.env.cr)
        self.env.invalidate_all()
        # The same records, now with link_membership's ids, none left behind.
        self.assertEqual(self._snapshot(), before)
        move_services_register(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(self._snapshot(), before)

    def test_migration_after_reflection_drops_old_field_ids(self):
        """link_membership was updated first: the fields already have its ids
        and the old ones are dropped; an old view id is left for
        link_enter_view's update to delete with its obsolete record."""
        before = self._snapshot()
        fields, _selections = self._register()
        field = fields[0]
        name = f"field_res_partner__{field.name}"
        view = self.env["ir.ui.view"].create(
            {
                "name": "obsolete",
                "model": "res.partner",
                "type": "form",
                "arch": "<form><field name='name'/></form>",
            }
        )
        self.env["ir.model.data"].create(
            [
                {
                    "module": "link_enter_view",
                    "name": name,
                    "model": "ir.model.fields",
                    "res_id": field.id,
                },
                {
                    "module": "link_enter_view",
                    "name": "res_partner_view_form",
                    "model": "ir.ui.view",
                    "res_id": view.id,
                },
            ]
        )
        move_services_register(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(
            self._snapshot(),
            before
            | {("link_enter_view", "res_partner_view_form", "ir.ui.view", view.id)},
        )
