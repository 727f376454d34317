/** @odoo-module **/
// A steering group member runs the planned meeting: fills its agenda,
// records a RAG review and a decision from it, and marks it held; then host
// staff issue the minutes.
import { registry } from "@web/core/registry";
import { openLinkApp } from "@link_membership/../tests/tours/tour_utils";

function openMeeting() {
    return [
        ...openLinkApp(),
        {
            content: "Open the Work programme menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='link_workplan.link_workprogramme_menu']",
            run: "click",
        },
        {
            content: "Open the meetings",
            trigger: ".dropdown-item[data-menu-xmlid='link_governance.link_steering_meeting_menu']",
            run: "click",
        },
        {
            content: "Open the tour meeting",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour meeting')",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("link_steering_meeting_tour", {
    url: "/odoo",
    steps: () => [
        ...openMeeting(),
        {
            content: "Fill the agenda",
            trigger: ".o_form_view .o_statusbar_buttons button.o_link_fill_agenda",
            run: "click",
        },
        {
            content: "The issue to decide is on the agenda",
            trigger: ".o_field_widget[name=agenda_item_ids] .o_data_row:contains('Decide: Tour issue')",
        },
        {
            content: "Review the work plan from the meeting",
            trigger: ".o_form_view .o_statusbar_buttons button.o_link_review_plan",
            run: "click",
        },
        {
            content: "Review the action due",
            trigger: ".o_list_view .o_data_row:contains('Tour review action') button.o_link_review_row",
            run: "click",
        },
        {
            content: "Choose Amber",
            trigger: ".modal .o_field_widget[name=status] input[data-value=amber]",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit Waiting for the trust",
        },
        {
            content: "Record the review",
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
        {
            content: "Back to the meeting",
            trigger: ".o_breadcrumb a:contains('Tour meeting')",
            run: "click",
        },
        {
            content: "The review is recorded against the meeting",
            trigger: ".o_form_view button[name=action_open_rag_reviews]:contains('1')",
        },
        {
            content: "Open the issue from its agenda item",
            trigger: ".o_field_widget[name=agenda_item_ids] .o_data_row:contains('Decide: Tour issue') button.o_link_agenda_open",
            run: "click",
        },
        {
            content: "The issue is open",
            trigger: ".o_breadcrumb .active:contains('Tour issue: car park')",
        },
        {
            content: "Go to the decision",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Decision')",
            run: "click",
        },
        {
            content: "Decide no action",
            trigger: ".o_form_view .o_field_widget[name=decision] select",
            run: 'select "no_action"',
        },
        {
            content: "Give the reason",
            trigger: ".o_form_view .o_field_widget[name=decision_reason] textarea",
            run: "edit Already raised with the council",
        },
        {
            content: "Record the decision",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_decide]",
            run: "click",
        },
        {
            content: "The issue is decided",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Decided')",
        },
        {
            content: "Back to the meeting",
            trigger: ".o_breadcrumb a:contains('Tour meeting')",
            run: "click",
        },
        {
            content: "The decision is in the meeting's log",
            trigger: ".o_form_view button[name=action_open_decisions]:contains('1')",
        },
        {
            content: "Mark the meeting held",
            trigger: ".o_form_view .o_statusbar_buttons button.o_link_mark_held",
            run: "click",
        },
        {
            content: "The meeting is held",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Held')",
        },
    ],
});

registry.category("web_tour.tours").add("link_steering_minutes_tour", {
    url: "/odoo",
    steps: () => [
        ...openMeeting(),
        {
            content: "Issue the minutes",
            trigger: ".o_form_view .o_statusbar_buttons button.o_link_issue_minutes",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The minutes are issued",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Minutes issued')",
        },
    ],
});
