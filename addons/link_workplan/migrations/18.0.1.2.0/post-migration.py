# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Review dates follow the RAG review history (link.review.mixin): an action
never reviewed keeps the date typed by hand as its next review; reviewed
actions and work streams get their next review from their latest review."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

LEGACY = "link_legacy_review_date"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if column_exists(cr, "link_workplan_action", LEGACY):
        cr.execute(
            SQL(
                """UPDATE link_workplan_action
                      SET next_review_date = %s
                    WHERE review_date IS NULL AND next_review_date IS NULL
                      AND %s IS NOT NULL""",
                SQL.identifier(LEGACY),
                SQL.identifier(LEGACY),
            )
        )
        cr.execute(
            SQL(
                "ALTER TABLE link_workplan_action DROP COLUMN %s",
                SQL.identifier(LEGACY),
            )
        )
    for model in ("link.workplan.action", "link.workstream"):
        reviewed = (
            env[model]
            .with_context(active_test=False)
            .search([("rag_review_ids", "!=", False)])
        )
        env.add_to_compute(env[model]._fields["next_review_date"], reviewed)
    env.flush_all()
