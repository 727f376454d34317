# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Voice",
    "summary": "Hearing the public: feedback about services, logged by host staff",
    "version": "18.0.1.1.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "depends": ["link_membership", "link_workplan", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/link_voice_security.xml",
        "data/link_voice_data.xml",
        "data/mail_alias_data.xml",
        "data/mail_template_data.xml",
        "data/link_safeguarding_data.xml",
        "views/link_feedback_theme_views.xml",
        "views/link_safeguarding_concern_views.xml",
        "views/link_feedback_views.xml",
        "views/link_ward_views.xml",
        "views/link_feedback_quick_views.xml",
        "views/link_shift_views.xml",
        "views/quick_log_templates.xml",
        "views/public_feedback_templates.xml",
        "views/link_settings_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_voice/static/tests/tours/*.js"],
    },
    "demo": ["demo/link_voice_demo.xml", "demo/quick_log_demo.xml"],
}
