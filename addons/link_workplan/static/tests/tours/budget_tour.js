/** @odoo-module **/
// Host staff book a cost to a budget line and approve it, then see it
// counted as spent in the budget report the council monitor also opens.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_budget_cost_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_workplan.link_workprogramme_menu", "link_workplan.link_budget_cost_menu"),
        {
            content: "The costs are listed",
            trigger: ".o_breadcrumb:contains('Costs')",
        },
        {
            content: "Book a new cost",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Say what it was",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour room hire, Library",
        },
        {
            content: "Book it to the engagement line",
            trigger: ".o_form_view .o_field_widget[name=budget_line_id] input",
            run: "edit Engagement events",
        },
        {
            content: "Pick the line",
            trigger: ".o-autocomplete--dropdown-item a:contains('Engagement events and room hire')",
            run: "click",
        },
        {
            content: "Its work stream follows from the line",
            trigger: ".o_form_view .o_field_widget[name=workstream_id]:not(:empty)",
        },
        {
            content: "The amount",
            trigger: ".o_form_view .o_field_widget[name=amount] input",
            run: "edit 45",
        },
        {
            content: "Approve it (saved first)",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_approve]",
            run: "click",
        },
        {
            content: "It is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        ...openLinkMenu("link_membership.link_menu_reporting", "link_workplan.link_budget_line_report_menu"),
        {
            content: "The budget report opens",
            trigger: ".o_pivot_view .o_pivot_cell_value",
        },
    ],
});
