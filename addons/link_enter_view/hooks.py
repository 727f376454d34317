# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def uninstall_hook(env):
    """Visits go with the addon: a shift that served one keeps no reference
    to a model that no longer exists (reading it would raise KeyError)."""
    env.cr.execute(
        SQL(
            "UPDATE link_shift SET served_ref = NULL WHERE served_ref LIKE %s",
            "link.ev.visit,%",
        )
    )
