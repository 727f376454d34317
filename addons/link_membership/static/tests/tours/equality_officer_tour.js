/** @odoo-module **/
// The equality data officer's daily job: open the identifiable answers from
// the LINk app, read one person's answers, then the aggregated report.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_equality_officer_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the LINk app",
            trigger: ".o_app[data-menu-xmlid='link_membership.link_menu_root']",
            run: "click",
        },
        {
            content: "Members",
            trigger: "button[data-menu-xmlid='link_membership.link_members_menu']",
            run: "click",
        },
        {
            content: "Equality answers",
            trigger: ".dropdown-item[data-menu-xmlid='link_membership.link_equality_profile_menu']",
            run: "click",
        },
        {
            content: "Open Ada's answers",
            trigger: ".o_list_view .o_data_row td[name='partner_id']:contains('Ada Whitfield')",
            run: "click",
        },
        {
            content: "The officer sees the answers",
            trigger: ".o_form_view .o_field_widget[name='ethnicity']:contains('White: English, Welsh, Scottish, NI or British')",
        },
        {
            content: "and the disability answer",
            trigger: ".o_form_view .o_field_widget[name='disability']:contains('limited a little')",
        },
        {
            content: "Reporting",
            trigger: "button[data-menu-xmlid='link_membership.link_menu_reporting']",
            run: "click",
        },
        {
            content: "The aggregated equality report",
            trigger: ".dropdown-item[data-menu-xmlid='link_membership.link_equality_report_menu']",
            run: "click",
        },
        {
            content: "shows counts by answer, never names",
            trigger: ".o_pivot .o_pivot_header_cell_closed, .o_pivot .o_pivot_header_cell_opened",
        },
        {
            content: "with the ethnic groups as rows",
            trigger: ".o_pivot th:contains('White: English, Welsh, Scottish, NI or British')",
        },
    ],
});
