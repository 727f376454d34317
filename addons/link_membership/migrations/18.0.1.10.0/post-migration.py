# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A monitoring period has several recipients now: its council contact
becomes its first recipient. The old column is left in place (Odoo never
drops a column), so this runs once per database."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not column_exists(cr, "link_monitoring_period", "council_contact_id"):
        return
    cr.execute(
        SQL(
            """
            INSERT INTO link_monitoring_period_recipient_rel (period_id, partner_id)
            SELECT p.id, p.council_contact_id
              FROM link_monitoring_period p
              JOIN res_partner partner ON partner.id = p.council_contact_id
             WHERE p.council_contact_id IS NOT NULL
            ON CONFLICT DO NOTHING
            """
        )
    )
