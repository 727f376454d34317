/** @odoo-module **/
// Host staff turn an offered board place into a seat: they choose the
// representative among the members who registered interest.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_place_to_seat_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_protocols.link_partners_menu", "link_protocols.link_opportunity_menu"),
        {
            content: "Open the place offered",
            trigger: ".o_list_view .o_data_row td:contains('Tour place on the forum')",
            run: "click",
        },
        {
            content: "Fill the seat",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_fill_seat]",
            run: "click",
        },
        {
            content: "The members who registered interest are listed",
            trigger: ".modal .o_field_widget[name=interested_ids] .o_data_row:contains('Tour Keen Two')",
        },
        {
            content: "Choose the representative",
            trigger: ".modal .o_field_widget[name=recipient_id] input",
            run: "edit Tour Keen One",
        },
        {
            content: "Pick them",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Keen One')",
            run: "click",
        },
        {
            content: "Name the committee",
            trigger: ".modal .o_field_widget[name=committee] input",
            run: "edit Mental health forum",
        },
        {
            content: "Appoint",
            trigger: ".modal footer button[name=action_appoint]",
            run: "click",
        },
        {
            content: "The seat is made, with its representative",
            trigger: ".o_form_view:not(.modal *) .o_field_widget[name=representative_id] input",
            run() {
                if (!this.anchor.value.includes("Tour Keen One")) {
                    throw new Error(`The representative is "${this.anchor.value}"`);
                }
            },
        },
        {
            content: "and the place it was filled from",
            trigger: ".o_form_view .o_notebook a:contains('Offered places')",
            run: "click",
        },
        {
            content: "listed on the seat",
            trigger: ".o_form_view .o_field_widget[name=opportunity_ids] .o_data_row:contains('Tour place on the forum')",
        },
    ],
});
