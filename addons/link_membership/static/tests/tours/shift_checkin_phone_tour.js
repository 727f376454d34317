/** @odoo-module **/
// The volunteer scans the poster's code with their phone: the check-in page
// opens, they check in, and check out when they leave.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_shift_checkin_phone_tour", {
    steps: () => [
        {
            content: "The page names the shift",
            trigger: ".o_link_checkin h3:contains('Evening drop-in, check-in tour')",
        },
        fitsThePhone("The check-in page"),
        {
            content: "Check in",
            trigger: ".o_link_checkin_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Checked in",
            trigger: ".o_link_checked_in",
        },
        fitsThePhone("The checked-in page"),
        {
            content: "Check out when leaving",
            trigger: ".o_link_checkout_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Checked out, with the hours recorded",
            trigger: ".o_link_checked_out:contains('hours recorded')",
        },
    ],
});
