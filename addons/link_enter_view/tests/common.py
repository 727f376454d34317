# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.link_protocols.tests.common import ProtocolCase

QUALIFICATIONS = ("dbs_enhanced", "enter_view", "safeguarding")


class EnterViewCase(ProtocolCase):
    """ProtocolCase's London calendar with bank holidays and agreed protocol,
    plus a care home run by the trust and four authorised representatives."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.care_home = cls.env["res.partner"].create(
            {
                "name": "Test Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
                "link_provider_id": cls.trust.id,
                "link_regulator_location": "1-TEST",
            }
        )
        ref = cls.env.ref
        cls.qualification_types = (
            ref("link_membership.qualification_type_dbs_enhanced")
            | ref("link_membership.qualification_type_enter_view")
            | ref("link_membership.qualification_type_safeguarding")
        )
        cls.anna = cls._rep("Anna Rep")
        cls.ben = cls._rep("Ben Rep")
        cls.carla = cls._rep("Carla Rep")
        cls.dev = cls._rep("Dev Rep")
        cls.outsider = cls.env["res.partner"].create({"name": "Olly Outsider"})

    @classmethod
    def _rep(cls, name, authorised=True, obtained=date(2025, 1, 6), **auth_vals):
        partner = cls.env["res.partner"].create(
            {"name": name, "email": f"{name.split()[0].lower()}@rep.example"}
        )
        cls._qualify(partner, obtained)
        if authorised:
            cls.env["link.ev.authorisation"].create(
                {
                    "partner_id": partner.id,
                    "state": "authorised",
                    "date_authorised": date(2025, 2, 1),
                    "date_expiry": date(2028, 1, 31),
                    **auth_vals,
                }
            )
        return partner

    @classmethod
    def _qualify(cls, partner, obtained, types=None):
        cls.env["link.qualification"].create(
            [
                {
                    "partner_id": partner.id,
                    "type_id": qualification_type.id,
                    "date_obtained": obtained,
                    "evidence_state": "checked",
                }
                for qualification_type in (types or cls.qualification_types)
            ]
        )

    def _visit(self, team=None, when=datetime(2026, 5, 22, 9, 0), user=None, **vals):
        """A draft visit at the care home (``when`` in UTC: 10:00 in London)."""
        team = team if team is not None else (self.anna, self.ben)
        return (
            self.env["link.ev.visit"]
            .with_user(user or self.staff)
            .create(
                {
                    "premises_id": self.care_home.id,
                    "date_visit": when,
                    "team_member_ids": [
                        Command.create({"partner_id": p.id, "is_lead": i == 0})
                        for i, p in enumerate(team)
                    ],
                    **vals,
                }
            )
        )

    def _declare_all(self, visit, interest="none"):
        self.env["link.ev.declaration"].with_user(self.staff).create(
            [
                {
                    "visit_id": visit.id,
                    "partner_id": partner.id,
                    "interest": interest,
                    "details": "A relative works there"
                    if interest == "declared"
                    else False,
                }
                for partner in visit.sudo().team_member_ids.partner_id
            ]
        )
