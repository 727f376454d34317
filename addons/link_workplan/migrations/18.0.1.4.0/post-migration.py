# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Actions done before 18.0.1.4.0 get a "Done on" date: the day they were
last changed, the best the database knows (their completion was counted by
that day until now). Later edits no longer move it."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """UPDATE link_workplan_action
                  SET date_done = write_date::date
                WHERE state = 'done' AND date_done IS NULL"""
        )
    )
