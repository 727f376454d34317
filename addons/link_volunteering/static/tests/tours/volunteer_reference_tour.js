/** @odoo-module **/
// A referee gives a reference on a phone, from the link in their mail.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_volunteer_reference_tour", {
    steps: () => [
        {
            content: "The form names the applicant",
            trigger: "h1:contains('Reference for Uma Tourapplicant')",
        },
        fitsThePhone("The reference form"),
        { content: "Years known", trigger: "input[name=years_known]", run: "edit 7" },
        { content: "Suitable: yes", trigger: "#suitable_yes", run: "click" },
        {
            content: "The reference",
            trigger: "textarea[name=comments]",
            run: "edit Kind, punctual and a good listener",
        },
        {
            content: "Send it",
            trigger: ".o_link_reference_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked",
            trigger: ".o_link_reference_closed:contains('we have received your reference')",
        },
        fitsThePhone("The thank-you page"),
    ],
});
