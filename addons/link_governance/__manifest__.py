# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Governance",
    "summary": "Steering group meetings with a self-filling agenda, the decision "
    "log, minutes and the statutory annual report",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "depends": ["link_follow_through", "link_voice"],
    "data": [
        "security/ir.model.access.csv",
        "data/link_decision_type_data.xml",
        "views/link_steering_meeting_views.xml",
        "views/link_decision_views.xml",
        "views/link_decision_settings_views.xml",
        "report/link_steering_minutes.xml",
        "views/menus.xml",
        "security/link_annual_report_security.xml",
        "report/link_annual_report.xml",
        "report/link_annual_report_public.xml",
        "views/link_annual_report_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_governance/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/link_annual_report_demo.xml",
        "demo/link_steering_meeting_demo.xml",
    ],
}
