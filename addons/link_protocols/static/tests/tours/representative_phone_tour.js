/** @odoo-module **/
// The demo representative (Ada, login "volunteer") files her report back on
// a phone: from /my to her seats, to the meeting awaiting a report, the form
// and back. No page may be wider than the phone.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_representative_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the Representation tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/representation']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("My representation"),
        {
            content: "The meeting awaits my report back, with its due day",
            trigger: ".o_link_seat .o_link_to_report li:contains('Scrutiny, phone tour'):contains('Due by')",
        },
        {
            content: "Report back on it",
            trigger: ".o_link_seat .o_link_to_report li:contains('Scrutiny, phone tour') .o_link_file_report",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("The report back form"),
        {
            content: "The meeting is chosen",
            trigger: ".o_link_report_form select[name=meeting]",
            run() {
                const chosen = this.anchor.selectedOptions[0].textContent;
                if (!chosen.includes("Scrutiny, phone tour")) {
                    throw new Error(`The form is about "${chosen}"`);
                }
            },
        },
        {
            content: "Hours given",
            trigger: ".o_link_report_form input[name=hours]",
            run: "edit 3",
        },
        {
            content: "What happened",
            trigger: ".o_link_report_form textarea[name=summary]",
            run: "edit The committee heard the winter plan. I asked about corridor care.",
        },
        {
            content: "File it",
            trigger: ".o_link_report_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The LINk thanks me",
            trigger: ".o_link_report_filed:contains('your report back is filed')",
        },
        {
            content: "The meeting no longer waits for a report",
            trigger: "body:not(:has(.o_link_to_report li:contains('Scrutiny, phone tour')))",
        },
        {
            content: "It is listed with my reports back",
            trigger: ".o_link_my_reports li:contains('on time')",
        },
        fitsThePhone("My representation, after filing"),
    ],
});
