# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LINk Enter and View",
    "summary": "Authorised representatives and enter and view visits",
    "version": "18.0.1.0.0",
    "category": "LINk",
    "author": "LINk Host Suite contributors",
    "website": "https://github.com/link-host-suite/link-host-suite",
    "license": "LGPL-3",
    "application": True,
    "depends": ["link_membership", "link_protocols"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/link_ev_visit_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/link_ev_visit_demo.xml"],
}
