/** @odoo-module **/
// Host staff publish a decided community issue on "You said, we did": the
// words that name nobody, what we did, then Publish.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_you_said_we_did_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_workplan.link_workprogramme_menu", "link_workplan.link_community_issue_menu"),
        {
            content: "Open the decided issue",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour decision')",
            run: "click",
        },
        {
            content: "Go to what we publish",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('You said, we did')",
            run: "click",
        },
        {
            content: "The issue as people raised it, naming nobody",
            trigger: ".o_form_view .o_field_widget[name=public_summary] textarea",
            run: "edit People could not get through to their surgery at 8am.",
        },
        {
            content: "What we did",
            trigger: ".o_form_view .o_field_widget[name=public_outcome] textarea",
            run: "edit We asked the surgeries to add online booking and a call-back queue.",
        },
        {
            content: "Publish",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_publish]",
            run: "click",
        },
        {
            content: "It is on the public page",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_take_down]",
        },
        {
            content: "and says so",
            trigger: ".o_form_view .ribbon:contains('Published')",
        },
    ],
});
