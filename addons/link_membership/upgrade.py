# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""External ids of the services register, which moved from link_enter_view
to link_membership (#18). Called by the pre-migrations of both addons, so
whichever is upgraded first moves them; a second call finds nothing to do."""

from odoo.tools import SQL

from .models.res_partner_services import PREMISES_KINDS

OLD_MODULE = "link_enter_view"
NEW_MODULE = "link_membership"
FIELDS = [
    "link_premises_kind",
    "link_provider_id",
    "link_commissioner_id",
    "link_regulator_location",
]
# Views, action and menu: old name in link_enter_view -> new name here.
RECORDS = {
    "res_partner_view_form": "res_partner_view_form_services",
    "res_partner_view_form_link_premises": "res_partner_view_form_link_services",
    "res_partner_action_premises": "res_partner_action_link_service",
    "res_partner_premises_menu": "res_partner_link_service_menu",
}


def _register_names():
    """Old name -> new name of every external id of the register."""
    names = {
        f"field_res_partner__{name}": f"field_res_partner__{name}" for name in FIELDS
    }
    names.update(
        {
            f"selection__res_partner__link_premises_kind__{value}": (
                f"selection__res_partner__link_premises_kind__{value}"
            )
            for value, _label in PREMISES_KINDS
        }
    )
    names.update(RECORDS)
    return names


def move_services_register(cr):
    """Give the register's external ids to link_membership, keeping the same
    records (same field rows, so no column or selection value is dropped when
    link_enter_view is uninstalled; same view, action and menu, so nothing
    is duplicated and bookmarks keep working).

    Where link_membership already has the id (it was reflected or loaded
    first), the old one is left alone: for a field or a selection value it
    points at the same row and is deleted here; for a view, action or menu
    it points at an obsolete duplicate, which the end of link_enter_view's
    update deletes with its id."""
    names = _register_names()
    for old, new in names.items():
        cr.execute(
            SQL(
                """UPDATE ir_model_data SET module = %(new_module)s, name = %(new)s
                    WHERE module = %(old_module)s AND name = %(old)s
                      AND NOT EXISTS (
                          SELECT 1 FROM ir_model_data
                           WHERE module = %(new_module)s AND name = %(new)s)""",
                new_module=NEW_MODULE,
                old_module=OLD_MODULE,
                new=new,
                old=old,
            )
        )
    cr.execute(
        SQL(
            """DELETE FROM ir_model_data
                WHERE module = %s AND name = ANY(%s)
                  AND model IN ('ir.model.fields', 'ir.model.fields.selection')""",
            OLD_MODULE,
            [old for old, new in names.items() if old not in RECORDS],
        )
    )
