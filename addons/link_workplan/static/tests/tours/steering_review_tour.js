/** @odoo-module **/
// A steering group member records the quarterly RAG review of an action due
// for review, then triage decisions on community issues: one referred on,
// one taken into the work plan with its lead, target and deadline.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

let nextReview = null;

registry.category("web_tour.tours").add("link_steering_review_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("link_membership.link_menu_root", "Open the LINk app"),
        {
            content: "Open the work programme menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Work programme')",
            run: "click",
        },
        {
            content: "Open the list of what is due for review",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Due for review')",
            run: "click",
        },
        {
            content: "Open the action due for review",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour review action')",
            run: "click",
        },
        {
            content: "Press Review",
            trigger: ".o_form_view button.o_link_review",
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
            run: "edit Proforma still waiting for the trust",
        },
        {
            content: "The next review date the review will set",
            trigger: ".modal .o_field_widget[name=next_review_date]:not(:empty)",
            run() {
                nextReview = this.anchor.textContent.trim();
            },
        },
        {
            content: "Record the review",
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
        {
            content: "Open the review history",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('RAG reviews')",
            run: "click",
        },
        {
            content: "The review is in the history",
            trigger: ".o_form_view .o_field_widget[name=rag_review_ids] .o_data_row:contains('waiting for the trust'):contains('Amber')",
        },
        {
            content: "and the next review date moved on",
            trigger: ".o_form_view .o_field_widget[name=next_review_date]",
            run() {
                const shown = this.anchor.textContent.trim();
                if (!nextReview || shown !== nextReview) {
                    throw new Error(`Next review ${shown}, expected ${nextReview}`);
                }
            },
        },
        {
            content: "Open the community issues",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Work programme')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Community issues')",
            run: "click",
        },
        {
            content: "Open the issue to triage",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour issue')",
            run: "click",
        },
        {
            content: "Go to the decision",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Decision')",
            run: "click",
        },
        {
            content: "Refer it to the scrutiny committee",
            trigger: ".o_form_view .o_field_widget[name=decision] select",
            run: 'select "refer_scrutiny"',
        },
        {
            content: "Give the reason",
            trigger: ".o_form_view .o_field_widget[name=decision_reason] textarea",
            run: "edit A council-wide question for scrutiny",
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
            content: "Back to the community issues",
            trigger: ".o_breadcrumb a:contains('Community issues')",
            run: "click",
        },
        {
            content: "Open the issue to take into the work plan",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour decision')",
            run: "click",
        },
        {
            content: "Go to its decision",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Decision')",
            run: "click",
        },
        {
            content: "Take it into the work plan",
            trigger: ".o_form_view .o_field_widget[name=decision] select",
            run: 'select "work_plan"',
        },
        {
            content: "Into the tour's work stream",
            trigger: ".o_form_view .o_field_widget[name=plan_workstream_id] input",
            run: "edit Tour stream",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour stream')",
            run: "click",
        },
        {
            content: "Towards its target",
            trigger: ".o_form_view .o_field_widget[name=action_target_id] input",
            run: "edit Tour target",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour target')",
            run: "click",
        },
        {
            content: "Led by a member",
            trigger: ".o_form_view .o_field_widget[name=action_lead_id] input",
            run: "edit Tour Lead",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Lead')",
            run: "click",
        },
        {
            content: "By the December school holiday",
            trigger: ".o_form_view .o_field_widget[name=action_deadline_text] input",
            run: "edit December school holiday",
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
            content: "Open the action it made in the plan",
            trigger: ".o_form_view button[name=action_open_link_action]",
            run: "click",
        },
        {
            content: "The action is in the tour stream and links back to the issue",
            trigger: ".o_form_view:has(.o_field_widget[name=workstream_id]:contains('Tour stream')) .o_link_community_issues:contains('1')",
        },
    ],
});
