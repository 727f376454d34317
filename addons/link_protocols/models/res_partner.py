# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PARTNER_KINDS = [
    ("nhs_trust", "NHS trust"),
    ("icb", "Integrated care board / PCT"),
    ("local_authority", "Local authority"),
    ("care_provider", "Care provider"),
    ("gp_practice", "GP practice"),
    ("regulator", "Regulator"),
    ("scrutiny", "Overview and scrutiny committee"),
    ("voluntary", "Voluntary organisation"),
    ("link", "Other LINk / Healthwatch"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    link_partner_kind = fields.Selection(
        PARTNER_KINDS, string="Statutory partner kind", index=True, tracking=True
    )
    link_partner_lead_id = fields.Many2one(
        "res.partner",
        string="Their nominated lead",
        domain="[('parent_id', '=', id)]",
        tracking=True,
        help="The contact at the partner through whom formal communication goes.",
    )
    link_our_lead_id = fields.Many2one(
        "res.users", string="Our lead", tracking=True, index=True
    )
    link_protocol_ids = fields.Many2many(
        "link.protocol",
        "link_protocol_res_partner_rel",
        "res_partner_id",
        "link_protocol_id",
        string="Protocols",
        readonly=True,
        help="The protocols this partner agreed (kept on the protocol).",
    )

    @api.constrains("link_partner_lead_id")
    def _check_link_partner_lead(self):
        for partner in self.filtered("link_partner_lead_id"):
            if partner.link_partner_lead_id.parent_id != partner:
                raise ValidationError(
                    self.env._(
                        "%(lead)s does not work for %(partner)s: the nominated lead "
                        "must be one of the partner's own contacts.",
                        lead=partner.link_partner_lead_id.name,
                        partner=partner.name,
                    )
                )
