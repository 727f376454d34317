/** @odoo-module **/
// A quarter from its first steering group meeting to its issued monitoring
// pack, in the browser, each part by the demo login whose job it is
// (tests/test_quarter_tour.py chains them with the steering group's
// meeting tours):
// - staff plan the quarter's first meeting and its agenda fills itself;
// - (steering: link_steering_meeting_tour; staff: link_steering_minutes_tour)
// - staff open the quarter's monitoring period, address it to the council
//   and take its figures;
// - a host manager issues the pack and sends it to its recipients.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("link_quarter_first_meeting_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu(
            "link_workplan.link_workprogramme_menu",
            "link_governance.link_steering_meeting_menu"
        ),
        {
            content: "The meetings are listed",
            trigger: ".o_breadcrumb:contains('Steering group meetings')",
        },
        {
            content: "Plan a new meeting",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour meeting, quarter opening",
        },
        {
            content: "It began an hour ago",
            trigger: ".o_form_view .o_field_widget[name=start] input",
            async run(helpers) {
                const start = DateTime.now().minus({ hours: 1 }).toFormat("dd/MM/yyyy HH:mm");
                await helpers.edit(start);
            },
        },
        {
            content: "Save it and fill its agenda",
            trigger: ".o_form_view .o_statusbar_buttons button.o_link_fill_agenda",
            run: "click",
        },
        {
            content: "The action due for review is on the agenda",
            trigger: ".o_field_widget[name=agenda_item_ids] .o_data_row:contains('Tour review action')",
        },
        {
            content: "The issue past its trigger point is on the agenda",
            trigger: ".o_field_widget[name=agenda_item_ids] .o_data_row:contains('Decide: Tour issue')",
        },
        {
            content: "It is on the calendar",
            trigger: ".o_form_view button[name=action_open_event]",
        },
    ],
});

registry.category("web_tour.tours").add("link_quarter_pack_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_membership.link_menu_reporting", "link_membership.link_monitoring_period_menu"),
        {
            content: "The monitoring packs are listed",
            trigger: ".o_breadcrumb:contains('Monitoring packs')",
        },
        {
            content: "Start the quarter's monitoring period",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "It proposes the running quarter",
            trigger: ".o_form_view .o_field_widget[name=name] input:value(Q)",
        },
        {
            content: "Address it to the council's monitor",
            trigger: ".o_form_view .o_field_widget[name=recipient_ids] input",
            run: "edit Quarter Council Monitor",
        },
        {
            content: "Pick the monitor",
            trigger: ".o-autocomplete--dropdown-item a:contains('Quarter Council Monitor')",
            run: "click",
        },
        {
            content: "And to the commissioner",
            trigger: ".o_form_view .o_field_widget[name=recipient_ids] input",
            run: "edit Quarter Commissioner",
        },
        {
            content: "Pick the commissioner",
            trigger: ".o-autocomplete--dropdown-item a:contains('Quarter Commissioner')",
            run: "click",
        },
        {
            content: "Save it and take the figures",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_refresh_figures]",
            run: "click",
        },
        {
            content: "The pack counts volunteer time in pounds",
            trigger: ".o_field_widget[name=figure_ids] .o_data_row:contains('Value of volunteer time')",
        },
    ],
});

registry.category("web_tour.tours").add("link_quarter_issue_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_membership.link_menu_reporting", "link_membership.link_monitoring_period_menu"),
        {
            content: "Open the quarter's draft period (the latest)",
            trigger: ".o_list_view .o_data_row:first-child:contains('Draft') .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "Issue the pack",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_issue]",
            run: "click",
        },
        {
            content: "Confirm: the figures and the PDF are frozen",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The pack is issued",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Issued')",
        },
        {
            content: "Send it to the council",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_send_pack]",
            run: "click",
        },
        {
            content: "Both recipients are addressed",
            trigger: ".modal .o_field_widget[name=partner_ids]:contains('Quarter Council Monitor'):contains('Quarter Commissioner')",
        },
        {
            content: "The pack's PDF is attached",
            trigger: ".modal .o_field_widget[name=attachment_ids]:contains('Monitoring pack')",
        },
        {
            content: "Send",
            trigger: ".modal .o_mail_send",
            run: "click",
        },
        {
            content: "The composer closes: the pack has gone",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
