# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Volunteering",
    "summary": "Becoming a volunteer (application, references, DBS, induction) "
    "and cover requests for short shifts",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "depends": ["link_membership"],
    "data": [
        "security/link_volunteering_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/link_induction_item_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/link_induction_item_views.xml",
        "views/link_volunteer_application_views.xml",
        "views/link_volunteer_reference_views.xml",
        "views/link_cover_request_views.xml",
        "views/link_shift_views.xml",
        "views/link_volunteering_public_templates.xml",
        "views/link_cover_portal_templates.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_volunteering/static/tests/tours/*.js"],
    },
    "demo": ["demo/link_volunteering_demo.xml"],
}
