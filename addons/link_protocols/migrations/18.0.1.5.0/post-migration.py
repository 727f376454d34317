# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opportunities record the day they were first circulated (the monitoring
pack counts them as cascaded to members that day): those circulated before
get the day of their first mail, else the day they opened."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE link_opportunity o
               SET date_circulated = COALESCE(
                       (SELECT min(r.date_sent)::date
                          FROM link_opportunity_recipient r
                         WHERE r.opportunity_id = o.id),
                       o.date_open,
                       o.create_date::date)
             WHERE o.state != 'new'
               AND o.date_circulated IS NULL
            """
        )
    )
