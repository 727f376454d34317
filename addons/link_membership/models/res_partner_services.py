# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The services register: the premises the LINk can visit, ask about or
signpost to, and who runs and commissions them. It lives here, at the
foundation, so visits, feedback, requests and signposting share one register
without depending on each other (it was in link_enter_view before 18.0.1.7.0;
upgrade.move_services_register moves its external ids)."""

from odoo import fields, models

PREMISES_KINDS = [
    ("care_home", "Care home"),
    ("nursing_home", "Nursing home"),
    ("gp_practice", "GP practice"),
    ("dentist", "Dentist"),
    ("pharmacy", "Pharmacy"),
    ("optometrist", "Optometrist"),
    ("hospital_ward", "Hospital ward"),
    ("clinic", "Clinic or outpatient service"),
    ("social_care", "Social care setting"),
    # In the register to be signposted and asked about, never visited: a LINk
    # has no power to enter and view children's social care (link_enter_view).
    ("children_social_care", "Children's social care"),
    ("other", "Other health or care service"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    link_premises_kind = fields.Selection(
        PREMISES_KINDS,
        string="Premises kind",
        index=True,
        tracking=True,
        help="Set it on the services in the register: the places the LINk can "
        "visit, ask about or signpost to.",
    )
    link_provider_id = fields.Many2one(
        "res.partner",
        string="Service provider",
        index="btree_not_null",
        domain=[("is_company", "=", True)],
        help="The organisation that runs the service. Empty: the parent company.",
    )
    link_commissioner_id = fields.Many2one(
        "res.partner",
        string="Commissioner",
        domain=[("is_company", "=", True)],
        help="Who commissions the service (council, ICB, NHS England...).",
    )
    link_regulator_location = fields.Char(
        string="CQC location ID",
        help="The regulator's identifier of this location.",
    )
