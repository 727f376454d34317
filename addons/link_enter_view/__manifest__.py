# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Enter and View",
    "summary": "Authorised representatives and enter and view visits",
    "version": "18.0.1.6.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "uninstall_hook": "uninstall_hook",
    "application": True,
    "depends": ["link_membership", "link_protocols", "calendar", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/link_enter_view_security.xml",
        "data/ir_sequence_data.xml",
        "data/link_enter_view_data.xml",
        "report/link_ev_reports.xml",
        "data/mail_template_data.xml",
        "views/link_ev_visit_views.xml",
        "views/link_ev_authorisation_views.xml",
        "views/link_ev_recommendation_views.xml",
        "views/link_ev_portal_templates.xml",
        "views/public_reports_templates.xml",
        "views/link_settings_views.xml",
        "report/link_ev_activity_report_views.xml",
        "report/link_monitoring_pack.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_enter_view/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/link_ev_authorisation_demo.xml",
        "demo/link_ev_visit_demo.xml",
        "demo/link_ev_follow_through_demo.xml",
    ],
}
