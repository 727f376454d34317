/** @odoo-module **/
// A steering group member decides that the LINk should see a service for
// itself: the decision opens the draft visit, which links back to the issue.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("link_decision_acts_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("link_membership.link_menu_root", "Open the LINk app"),
        {
            content: "Open the work programme menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Work programme')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Community issues')",
            run: "click",
        },
        {
            content: "Open the issue to triage",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Tour visit issue')",
            run: "click",
        },
        {
            content: "Go to the decision",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Decision')",
            run: "click",
        },
        {
            content: "Decide to enter and view the service",
            trigger: ".o_form_view .o_field_widget[name=decision] select",
            run: 'select "enter_view"',
        },
        {
            content: "Record the decision",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_decide]",
            run: "click",
        },
        {
            content: "The issue is decided and shows its visit",
            trigger: ".o_form_view:has(.o_statusbar_status button.o_arrow_button_current:contains('Decided')) button[name=action_open_visits]",
            run: "click",
        },
        {
            content: "The draft visit to the care home links back to the issue",
            trigger: ".o_form_view:has(.o_field_widget[name=premises_id]:contains('Tour Care Home')) .o_field_widget[name=community_issue_id]:contains('Tour visit issue')",
        },
    ],
});
