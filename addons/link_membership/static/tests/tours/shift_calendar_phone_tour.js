/** @odoo-module **/
// The volunteer finds how to add their shifts to their phone's calendar and
// gets their private address.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_shift_calendar_phone_tour", {
    url: "/my/shifts",
    steps: () => [
        fitsThePhone("My shifts"),
        {
            content: "Open 'Add my shifts to my calendar'",
            trigger: ".o_link_calendar_toggle",
            run: "click",
        },
        {
            content: "Get a private address",
            trigger: ".o_link_calendar_get",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The address is ready",
            trigger: ".o_link_calendar_new",
        },
        {
            content: "with a button that opens the phone's calendar",
            trigger: ".o_link_calendar_subscribe[href^='webcal://']",
        },
        {
            content: "and the address to copy",
            trigger: ".o_link_calendar_url",
            run() {
                const value = this.anchor.value;
                if (!/\/link\/calendar\/[A-Za-z0-9_-]+\.ics$/.test(value)) {
                    throw new Error(`Not a calendar address: ${value}`);
                }
            },
        },
        fitsThePhone("My shifts with the calendar address"),
    ],
});
