/** @odoo-module **/
// A representative declares an interest in a visit through the portal.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_ev_portal_declaration_tour", {
    url: "/my/visits",
    steps: () => [
        {
            content: "My visit is listed",
            trigger: ".o_link_ev_visits tr:contains('Tour Care Home') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "I have an interest to declare",
            trigger: ".o_link_ev_declaration_form input[value=declared]",
            run: "click",
        },
        {
            content: "Say what it is",
            trigger: ".o_link_ev_declaration_form textarea[name=details]",
            run: "edit My aunt lives there",
        },
        {
            content: "Save the declaration",
            trigger: ".o_link_ev_declaration_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The LINk confirms it",
            trigger: ".alert-success:contains('saved')",
        },
        {
            content: "and shows it",
            trigger: ".o_link_ev_declared:contains('My aunt lives there')",
        },
    ],
});
