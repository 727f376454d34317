# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.link_membership.tests.common import LinkCase


class ProtocolCase(LinkCase):
    """A London working calendar with England and Wales bank holidays, used
    by the company, and a partner with an agreed 20-working-day protocol."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "London office", "tz": "Europe/London"}
        )
        cls.calendar._link_sync_bank_holidays(range(2024, 2031), "ENG")
        cls.env.company.resource_calendar_id = cls.calendar
        cls.trust = cls.env["res.partner"].create(
            {
                "name": "Test Hospital NHS Trust",
                "is_company": True,
                "link_partner_kind": "nhs_trust",
            }
        )
        cls.lead = cls.env["res.partner"].create(
            {
                "name": "PPI Lead",
                "parent_id": cls.trust.id,
                "email": "ppi@trust.example",
            }
        )
        cls.trust.link_partner_lead_id = cls.lead
        cls.info_type = cls.env.ref("link_protocols.link_sla_type_information_request")
        cls.protocol = cls.env["link.protocol"].create(
            {
                "name": "Working together",
                "partner_ids": [(6, 0, cls.trust.ids)],
                "date_issue": "2025-01-01",
                "state": "agreed",
                "sla_ids": [(0, 0, {"type_id": cls.info_type.id, "days": 20})],
            }
        )
