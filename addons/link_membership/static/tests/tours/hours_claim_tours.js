/** @odoo-module **/
// A volunteer claims hours for a survey round on their phone; host staff
// approve claims in bulk from the list.
import { registry } from "@web/core/registry";
import { fitsThePhone, openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_hours_claim_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the hours claims from the portal home",
            trigger: "a[href='/my/hours']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("The hours page"),
        {
            content: "Give the hours",
            trigger: ".o_link_hours_form input[name=hours]",
            run: "edit 1,5",
        },
        {
            content: "It was a survey",
            trigger: ".o_link_hours_form select[name=kind]",
            run: "select survey",
        },
        {
            content: "Say what was done",
            trigger: ".o_link_hours_form textarea[name=description]",
            run: "edit Door to door survey, Mill Lane",
        },
        {
            content: "Claim the hours",
            trigger: ".o_link_hours_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The claim is sent",
            trigger: ".o_link_hours_thanks",
        },
        {
            content: "and listed, waiting for approval",
            trigger: ".o_link_hours_claim.o_link_hours_submitted:contains('Door to door survey')",
        },
        fitsThePhone("The hours page with the claims"),
    ],
});

registry.category("web_tour.tours").add("link_hours_claim_staff_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_membership.link_volunteers_menu", "link_membership.link_hours_claim_menu"),
        {
            content: "The claims to approve are listed",
            trigger: ".o_data_row:contains('Tour Claimant A')",
        },
        {
            content: "Select the first tour claim",
            trigger: ".o_data_row:contains('Tour Claimant A') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "and the second",
            trigger: ".o_data_row:contains('Tour Claimant B') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Approve both at once",
            trigger: ".o_list_selection_container button[name=action_approve]",
            run: "click",
        },
        {
            content: "They leave the list of claims to approve",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Tour Claimant')))",
        },
    ],
});
