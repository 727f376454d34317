/** @odoo-module **/
// Reports reach people (#19) in a real browser: host staff send a drafted
// report and see the mail, with the report attached, in the visit's chatter;
// a member of the public reads a published report on a phone.
import { registry } from "@web/core/registry";
import { fitsThePhone, openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_ev_send_report_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_enter_view.link_enter_view_menu", "link_enter_view.link_ev_visit_menu"),
        {
            content: "Open the visit whose report is drafted",
            trigger: ".o_list_view .o_data_row:contains('Tour Report Home') td[name='name']",
            run: "click",
        },
        {
            content: "The Report tab",
            trigger: ".o_notebook .nav-link:contains('Report')",
            run: "click",
        },
        {
            content: "It goes to the provider's nominated lead",
            trigger: ".o_field_widget[name='report_lead_id']:contains('Tess Lead')",
        },
        {
            content: "with a copy to the statutory recipients",
            trigger: ".o_field_widget[name='report_copy_ids'] .o_tag:contains('Tour Regulator')",
        },
        {
            content: "Send the report",
            trigger: ".o_statusbar_buttons button[name='action_send_report']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The report is sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Report sent')",
        },
        {
            content: "The mail is in the chatter",
            trigger: ".o-mail-Message:contains('Our report of the visit is attached')",
        },
        {
            content: "with the report attached",
            trigger: ".o-mail-Message:contains('Our report of the visit is attached') .o-mail-AttachmentCard:contains('Report')",
        },
    ],
});

registry.category("web_tour.tours").add("link_ev_public_report_tour", {
    url: "/visit-reports",
    steps: () => [
        fitsThePhone("The list of reports"),
        {
            content: "Open the report on Tour Report Home",
            trigger: ".o_link_ev_public_report_link:contains('Tour Report Home')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The report and the provider's answer",
            trigger: ".o_link_ev_public_recommendations:contains('Fit a handrail')",
        },
        {
            content: "No response came",
            trigger: ".o_link_ev_public_response_line:contains('No response by')",
        },
        fitsThePhone("The report"),
    ],
});
