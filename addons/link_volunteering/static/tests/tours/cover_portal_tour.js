/** @odoo-module **/
// The demo portal volunteer accepts a cover request on a phone, from the
// Cover requests tile of their account.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_cover_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the cover requests tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/cover']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("Cover requests"),
        {
            content: "Open the request for the short shift",
            trigger: ".o_link_cover_offer:contains('Pharmacy survey, cover tour') .o_link_cover_open",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("The cover request"),
        {
            content: "Accept",
            trigger: ".o_link_cover_accept",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The shift is mine",
            trigger: ".o_link_cover_accepted:contains('You have taken this shift')",
        },
        fitsThePhone("The answer"),
    ],
});
