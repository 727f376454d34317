# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The default response times moved from code (DEFAULT_SLA_DAYS) to the SLA
types. The seeded types are noupdate, so fill their defaults here: 20 working
days for visit reports and provider responses, 5 for complaints. A default
already set by hand is kept; information requests keep having none."""

from odoo import SUPERUSER_ID, api

DEFAULTS = {
    "link_protocols.link_sla_type_visit_report": 20,
    "link_protocols.link_sla_type_provider_response": 20,
    "link_protocols.link_sla_type_complaint": 5,
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, days in DEFAULTS.items():
        sla_type = env.ref(xmlid, raise_if_not_found=False)
        if sla_type and not sla_type.default_days:
            sla_type.write({"default_days": days, "default_working_days": True})
    env.flush_all()
