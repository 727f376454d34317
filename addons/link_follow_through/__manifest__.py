# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Follow-through",
    "summary": "Steering group decisions that act: referrals, visits and "
    "information requests made from community issues",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "depends": ["link_workplan", "link_enter_view"],
    "data": [
        "views/link_community_issue_views.xml",
        "views/link_referral_views.xml",
        "views/link_ev_visit_views.xml",
        "views/link_information_request_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["link_follow_through/static/tests/tours/*.js"],
    },
    "demo": ["demo/link_follow_through_demo.xml"],
    "auto_install": True,
}
