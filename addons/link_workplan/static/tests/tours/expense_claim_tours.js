/** @odoo-module **/
// A volunteer claims a bus fare for a shift on their phone, with a photo
// of the ticket; host staff approve expense claims in bulk from the list.
import { registry } from "@web/core/registry";
import { fitsThePhone, openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

// A one-pixel PNG: what a phone camera sends, in small.
const RECEIPT_PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("link_expense_claim_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the expenses from the portal home",
            trigger: "a[href='/my/expenses']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("The expenses page"),
        {
            content: "Choose the shift worked",
            trigger: ".o_link_expense_form select[name=what]:has(option:contains('Expense tour shift'))",
            run() {
                const select = this.anchor;
                const option = [...select.options].find((o) => o.text.includes("Expense tour shift"));
                select.value = option.value;
                select.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "It was a fare",
            trigger: ".o_link_expense_form select[name=expense_type]",
            run: "select travel",
        },
        {
            content: "The amount",
            trigger: ".o_link_expense_form input[name=amount]",
            run: "edit 3.60",
        },
        {
            content: "What was paid for",
            trigger: ".o_link_expense_form textarea[name=description]",
            run: "edit Bus fare to the stall",
        },
        {
            content: "Attach a photo of the ticket",
            trigger: ".o_link_expense_form input[name=receipts]",
            async run() {
                const blob = await (await fetch(`data:image/png;base64,${RECEIPT_PNG}`)).blob();
                const transfer = new DataTransfer();
                transfer.items.add(new File([blob], "bus-ticket.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Send the claim",
            trigger: ".o_link_expense_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The claim is sent",
            trigger: ".o_link_expense_thanks",
        },
        {
            content: "and listed with its receipt, waiting for approval",
            trigger: ".o_link_expense_claim.o_link_expense_submitted:contains('Expense tour shift'):contains('1 receipt')",
        },
        fitsThePhone("The expenses page with the claims"),
    ],
});

registry.category("web_tour.tours").add("link_expense_claim_staff_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_membership.link_volunteers_menu", "link_workplan.link_expense_claim_menu"),
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
            content: "They are approved, to be paid",
            trigger: ".o_data_row:contains('Tour Claimant A') .o_field_badge:contains('Approved')",
        },
    ],
});
