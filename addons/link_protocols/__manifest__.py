# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Protocols",
    "summary": "Statutory partners, protocols with SLAs and working-day clocks",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "application": True,
    "depends": ["link_membership", "resource", "mail", "calendar"],
    "external_dependencies": {"python": ["holidays"]},
    "data": [
        "security/ir.model.access.csv",
        "data/link_protocols_data.xml",
        "views/link_protocol_views.xml",
        "views/link_sla_type_views.xml",
        "views/res_partner_views.xml",
        "views/link_information_request_views.xml",
        "views/link_representation_views.xml",
        "views/link_representation_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/link_protocol_demo.xml",
        "demo/link_information_request_demo.xml",
        "demo/link_representation_demo.xml",
    ],
}
