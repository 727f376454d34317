# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Voice",
    "summary": "Hearing the public: feedback about services, logged by host staff",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "depends": ["link_membership", "link_workplan", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "data/link_voice_data.xml",
        "views/link_feedback_theme_views.xml",
        "views/link_feedback_views.xml",
        "views/link_ward_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/link_voice_demo.xml"],
}
