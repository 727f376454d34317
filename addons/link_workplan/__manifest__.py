# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Work Programme",
    "summary": "Work plans, work streams, actions, RAG reviews and community issues",
    "version": "18.0.1.4.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "application": True,
    "depends": ["link_membership", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "data/link_workplan_data.xml",
        "data/mail_template_data.xml",
        "views/link_community_issue_views.xml",
        "views/link_workplan_views.xml",
        "views/link_workplan_action_views.xml",
        "views/link_workplan_import_views.xml",
        "views/link_rag_review_wizard_views.xml",
        "views/link_workplan_output_views.xml",
        "views/link_settings_views.xml",
        "views/public_pages_templates.xml",
        "report/link_workplan_report.xml",
        "report/link_monitoring_pack.xml",
        "report/link_workplan_rag_report_views.xml",
        "report/link_community_issue_report_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_workplan/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/link_workplan_demo.xml",
        "demo/link_community_issue_demo.xml",
        "demo/you_said_we_did_demo.xml",
    ],
}
