/** @odoo-module **/
// The demo portal volunteer's round, on a phone: from /my to a shift, out of
// another one (after saying yes to the question), to their qualifications and
// to the opportunities open to them. No page may be wider than the phone.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

function home() {
    return {
        content: "Back to my account",
        trigger: ".o_portal_submenu a[href='/my/home']",
        run: "click",
        expectUnloadPage: true,
    };
}

registry.category("web_tour.tours").add("link_volunteer_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "My account lists the Opportunities tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/opportunities']",
        },
        fitsThePhone("My account"),
        {
            content: "Open the shifts tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/shifts']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("My shifts"),
        {
            content: "Sign up for the open shift",
            trigger: ".o_link_shift:contains('Library drop-in, phone tour') .o_link_signup",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The place is confirmed",
            trigger: ".o_link_signed:contains('Library drop-in, phone tour')",
        },
        {
            content: "and the shift says so",
            trigger:
                ".o_link_shift:contains('Library drop-in, phone tour') .o_link_has_place",
        },
        {
            content: "Withdraw from the other shift",
            trigger: ".o_link_my_place:contains('Carers café, phone tour') .o_link_withdraw",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Asked first what withdrawing means",
            trigger:
                ".o_link_withdraw_confirm:contains('Withdraw from Carers café, phone tour?'):contains('next person on the waiting list')",
        },
        fitsThePhone("The withdraw question"),
        {
            content: "Yes, withdraw",
            trigger: ".o_link_withdraw_confirm_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Withdrawn",
            trigger: ".alert-success:contains('You have withdrawn')",
        },
        home(),
        {
            content: "Open my qualifications",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/qualifications']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "My qualifications are listed, with a way to send evidence",
            trigger: ".o_link_qualification:contains('Equality and diversity') input[type=file]",
        },
        fitsThePhone("My qualifications"),
        home(),
        {
            content: "Open the opportunities",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/opportunities']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("Opportunities"),
        {
            content: "Say why I would like to take part",
            trigger: ".o_link_opportunity:contains('Walk-in centre, phone tour') textarea",
            run: "edit My mother uses the walk-in centre",
        },
        {
            content: "Register my interest",
            trigger:
                ".o_link_opportunity:contains('Walk-in centre, phone tour') button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The LINk has noted it",
            trigger: ".o_link_opportunity:contains('Walk-in centre, phone tour') .o_link_interested",
        },
    ],
});
