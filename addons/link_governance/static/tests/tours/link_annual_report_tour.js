/** @odoo-module **/
// Host staff prepare the annual report: fill its work streams from the
// plan that ran, write what one of them did and the council's funding.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_annual_report_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_workplan.link_workprogramme_menu", "link_governance.link_annual_report_menu"),
        {
            content: "Open the draft report of the year",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('Annual report 2021/22')",
            run: "click",
        },
        {
            content: "Fill it from the work plan",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_fill_streams]",
            run: "click",
        },
        {
            content: "Go to the work streams",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Work streams')",
            run: "click",
        },
        {
            content: "The stream of the plan is there",
            trigger: ".o_field_widget[name=stream_ids] .o_data_row .o_data_cell[name=name]:contains('Tour annual stream')",
            run: "click",
        },
        {
            content: "Write what it did",
            trigger: ".o_field_widget[name=stream_ids] .o_data_row .o_field_widget[name=narrative] .odoo-editor-editable",
            run: "editor Waiting times fell by a week.",
        },
        {
            content: "Go to the income",
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Income')",
            run: "click",
        },
        {
            content: "The council's funding",
            trigger: ".o_form_view .o_field_widget[name=income_council] input",
            run: "edit 88000",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
