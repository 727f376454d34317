/** @odoo-module **/
// A portal member registers interest in an opportunity circulated to them.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_opportunity_portal_tour", {
    url: "/my/opportunities",
    steps: () => [
        {
            content: "The opportunity circulated to me is listed",
            trigger: ".o_link_opportunity:contains('Survey for Anna') textarea",
            run: "edit I use the service every week",
        },
        {
            content: "Register my interest",
            trigger: ".o_link_opportunity:contains('Survey for Anna') button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The LINk confirms it",
            trigger: ".alert-success:contains('noted your interest')",
        },
        {
            content: "and remembers it",
            trigger: ".o_link_interested",
        },
    ],
});
