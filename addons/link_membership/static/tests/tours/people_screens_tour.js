/** @odoo-module **/
// Host staff's day: log in on the LINk app, open a member on the LINk form,
// register a new member, then check the volunteers' qualifications and shifts.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("link_people_screens_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Staff land on the LINk app, on the member list",
            trigger: ".o_main_navbar .o_menu_brand:contains('LINk')",
        },
        {
            content: "The member list is open",
            trigger: ".o_breadcrumb:contains('Members')",
        },
        {
            content: "Open a member",
            trigger: ".o_list_view .o_data_row td[name='complete_name']:contains('Ada Whitfield')",
            run: "click",
        },
        {
            content: "The LINk form shows the ward and the membership",
            trigger: ".o_form_view .o_field_widget[name='link_ward_id']",
        },
        {
            content: "and no Tax ID, no Sales & Purchase, no job position",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name='vat'])):not(:has(.o_notebook_headers a:contains('Sales'))):not(:has(.o_field_widget[name='function']))",
        },
        {
            content: "Back to the members",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb a:contains('Members')",
            run: "click",
        },
        {
            content: "Register a new member",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Rosa Tour-Newcomer",
        },
        {
            content: "Ward",
            trigger: ".o_field_widget[name='link_ward_id'] input",
            run: "edit Abbey",
        },
        {
            content: "Pick the ward",
            trigger: ".o-autocomplete--dropdown-item a:contains('Abbey')",
            run: "click",
        },
        {
            content: "Membership type",
            trigger: ".o_field_widget[name='link_membership_type'] select",
            run: "selectByLabel Full member",
        },
        ...stepUtils.saveForm(),
        {
            content: "The new member has a membership number",
            trigger: ".o_field_widget[name='link_member_number']:contains('M')",
        },
        {
            content: "Open the volunteers",
            trigger: ".o_main_navbar [data-menu-xmlid='link_membership.link_volunteers_menu']",
            run: "click",
        },
        {
            content: "Volunteers",
            trigger: ".o-dropdown--menu [data-menu-xmlid='link_membership.link_volunteer_menu']",
            run: "click",
        },
        {
            content: "The volunteer list shows qualifications and the next shift",
            trigger: ".o_list_view th[data-name='link_qualification_valid_count']",
        },
        {
            content: "with the next shift of each volunteer",
            trigger: ".o_list_view th[data-name='link_next_shift_id']",
        },
        {
            content: "and a volunteer booked on a shift",
            trigger: ".o_list_view .o_data_row td[name='link_next_shift_id']:not(:empty)",
        },
    ],
});
