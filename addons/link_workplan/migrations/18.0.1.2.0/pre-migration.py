# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An action's ``review_date`` was a date typed by hand; it is now "Last
reviewed", computed from the RAG review history. Keep the typed date aside so
that the post-migration can make it the action's next review, and let Odoo
create and compute the new column from the reviews."""

from odoo.tools.sql import column_exists, rename_column

LEGACY = "link_legacy_review_date"


def migrate(cr, version):
    if column_exists(cr, "link_workplan_action", "review_date") and not column_exists(
        cr, "link_workplan_action", LEGACY
    ):
        rename_column(cr, "link_workplan_action", "review_date", LEGACY)
