/** @odoo-module **/
// Host staff follow matters through (#19): a referral to the scrutiny
// committee made and sent, then a complaint about conduct acknowledged.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_follow_through_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_protocols.link_partners_menu", "link_protocols.link_referral_menu"),
        {
            content: "The referrals open",
            trigger: ".o_list_view .o_breadcrumb:contains('Referrals')",
        },
        {
            content: "Make a new referral",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Say what is referred",
            trigger: ".o_form_view .o_field_widget[name=subject] input",
            run: "edit Tour referral of overnight closures",
        },
        {
            content: "Refer it to the scrutiny committee",
            trigger: ".o_form_view .o_field_widget[name=recipient_id] input",
            run: "edit Tour Scrutiny",
        },
        {
            content: "Pick the committee",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Scrutiny Committee')",
            run: "click",
        },
        {
            content: "Its scrutiny officer is the lead it goes to",
            trigger: ".o_form_view .o_field_widget[name=recipient_lead_id] input",
            run() {
                if (!this.anchor.value.includes("Tour Scrutiny Officer")) {
                    throw new Error(`The lead is "${this.anchor.value}"`);
                }
            },
        },
        {
            content: "Explain the referral",
            trigger: ".o_form_view .o_field_widget[name=body] .odoo-editor-editable",
            run: "editor Raised 41 times this quarter by members and the public.",
        },
        {
            content: "Send it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_send]",
            run: "click",
        },
        {
            content: "The referral is sent",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Sent')",
        },
        {
            content: "The response due date is set",
            trigger: ".o_form_view .o_field_widget[name=response_due_date] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("No response due date");
                }
            },
        },
        ...openLinkMenu(
            "link_protocols.link_partners_menu",
            "link_protocols.link_protocol_complaint_menu"
        ),
        {
            content: "Open the complaint just received",
            trigger: ".o_list_view .o_data_row td:contains('Tour Complaint Trust')",
            run: "click",
        },
        {
            content: "It was raised with both leads",
            trigger: ".o_form_view .o_field_widget[name=date_raised]:not(:empty)",
        },
        {
            content: "Acknowledge it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "The complaint is acknowledged",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Acknowledged')",
        },
        {
            content: "on time",
            trigger: ".o_form_view .o_field_widget[name=acknowledged_on_time] input:checked",
        },
    ],
});
