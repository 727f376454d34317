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
        "views/link_ward_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/link_ward_demo.xml",
    ],
}
