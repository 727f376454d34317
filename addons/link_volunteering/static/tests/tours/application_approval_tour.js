/** @odoo-module **/
// Host staff approve an application whose checks are complete.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_application_approval_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu(
            "link_membership.link_volunteers_menu",
            "link_volunteering.link_volunteer_application_menu"
        ),
        {
            content: "Open the application ready for approval",
            trigger: ".o_kanban_record:contains('Vera Tourapproval')",
            run: "click",
        },
        {
            content: "Its induction tab",
            trigger: ".o_notebook_headers a:contains('DBS and induction')",
            run: "click",
        },
        {
            content: "Tick the last induction step",
            trigger: ".o_field_widget[name='induction_step_ids'] .o_data_row:not(.text-success) .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "Induction complete",
            trigger: ".o_field_widget[name='induction_progress']:contains('5 / 5')",
        },
        {
            content: "Approve",
            trigger: ".o_form_view button.o_link_approve",
            run: "click",
        },
        {
            content: "She is a volunteer",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Volunteer')",
        },
    ],
});
