# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Protocols",
    "summary": "Statutory partners, protocols with SLAs and working-day clocks",
    "version": "18.0.1.0.1",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "application": True,
    "depends": ["link_membership", "resource", "mail", "calendar", "portal"],
    "external_dependencies": {"python": ["holidays"]},
    "data": [
        "security/ir.model.access.csv",
        "security/link_protocols_security.xml",
        "data/link_protocols_data.xml",
        "data/link_opportunity_data.xml",
        "views/link_protocol_views.xml",
        "views/link_sla_type_views.xml",
        "views/res_partner_views.xml",
        "views/link_information_request_views.xml",
        "views/link_representation_views.xml",
        "views/link_representation_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/link_opportunity_views.xml",
        "views/link_opportunity_portal_templates.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_protocols/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/link_protocol_demo.xml",
        "demo/link_information_request_demo.xml",
        "demo/link_opportunity_demo.xml",
        "demo/link_representation_demo.xml",
    ],
}
