/** @odoo-module **/
// A member of the public applies to volunteer on a phone, with no login.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_volunteer_apply_tour", {
    url: "/volunteer/apply",
    steps: () => [
        fitsThePhone("The application form"),
        { content: "Name", trigger: "input[name=name]", run: "edit Tess Tourapplicant" },
        { content: "Email", trigger: "input[name=email]", run: "edit tess.tour@example.org" },
        { content: "Postcode", trigger: "input[name=zip]", run: "edit BR2 9XY" },
        {
            content: "Choose a role",
            trigger: ".o_link_role + label:contains('Tour front desk')",
            run: "click",
        },
        {
            content: "Why",
            trigger: "textarea[name=motivation]",
            run: "edit I care about my local hospital",
        },
        { content: "Referee 1", trigger: "input[name=referee1_name]", run: "edit Ivy Reference" },
        {
            content: "Referee 1 email",
            trigger: "input[name=referee1_email]",
            run: "edit ivy.reference@example.org",
        },
        { content: "Referee 2", trigger: "input[name=referee2_name]", run: "edit Jon Reference" },
        {
            content: "Referee 2 email",
            trigger: "input[name=referee2_email]",
            run: "edit jon.reference@example.org",
        },
        { content: "Consent", trigger: "input[name=consent]", run: "click" },
        fitsThePhone("The filled form"),
        {
            content: "Send the application",
            trigger: ".o_link_apply_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked",
            trigger: ".o_link_apply_thanks:contains('Thank you for applying')",
        },
        fitsThePhone("The thank-you page"),
    ],
});
