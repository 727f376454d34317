# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Membership",
    "summary": "Members, wards, volunteers and the LINk security groups",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "application": True,
    "depends": ["base", "mail", "contacts", "calendar", "portal"],
    "data": [
        "security/link_membership_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/link_interest_data.xml",
        "views/link_ward_views.xml",
        "views/link_interest_views.xml",
        "views/link_equality_entry_views.xml",
        "views/res_partner_views.xml",
        "views/link_equality_profile_views.xml",
        "views/link_membership_target_views.xml",
        "views/res_config_settings_views.xml",
        "report/link_equality_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/link_ward_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/link_membership_target_demo.xml",
    ],
}
