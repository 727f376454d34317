# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def uninstall_hook(env):
    """The addon's records go with it (Odoo deletes their messages,
    activities, followers and attachments), but what refers to them from
    outside is left to us:

    - a shift that served a representation seat keeps no reference to a
      model that no longer exists (reading it would raise KeyError);
    - a meeting planned from a seat or an information request is attached
      to it as its document: Odoo's cascade on the document model would
      delete the meeting, attendees and all. It stays in the calendar,
      attached to nothing."""
    own = sorted(
        name
        for name, model in env.registry.items()
        if model._original_module == "link_protocols"
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            "UPDATE link_shift SET served_ref = NULL "
            "WHERE split_part(served_ref, ',', 1) = ANY(%s)",
            own,
        )
    )
    env.cr.execute(
        SQL(
            "UPDATE calendar_event SET res_model_id = NULL, res_model = NULL, "
            "res_id = NULL WHERE res_model = ANY(%s)",
            own,
        )
    )
    env.invalidate_all()
