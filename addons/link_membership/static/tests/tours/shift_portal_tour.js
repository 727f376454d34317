/** @odoo-module **/
// A volunteer signs up for an open shift on their portal page.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_shift_portal_tour", {
    url: "/my/shifts",
    steps: () => [
        {
            content: "The open shift is listed with its places left",
            trigger: ".o_link_shift:contains('Tour gateway shift'):contains('places left')",
        },
        {
            content: "Sign up",
            trigger: ".o_link_shift:contains('Tour gateway shift') .o_link_signup",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The place is confirmed",
            trigger: ".o_link_signed:contains('Tour gateway shift')",
        },
        {
            content: "and listed among my upcoming shifts",
            trigger: ".o_link_place_confirmed:contains('Tour gateway shift')",
        },
    ],
});
