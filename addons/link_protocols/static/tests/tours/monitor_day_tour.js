/** @odoo-module **/
// The council contract monitor's day (#16): reports, a pivot regrouped, the
// monitoring packs, the partners' opportunities and their SLA compliance,
// referrals included; reading only, no error.
import { registry } from "@web/core/registry";
import { openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_monitor_day_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu(
            "link_membership.link_menu_reporting",
            "link_membership.link_membership_report_menu"
        ),
        {
            content: "Members and recruitment opens as a pivot, by ward",
            trigger: ".o_pivot_view .o_pivot tbody th.o_pivot_header_cell_opened",
            run: "click",
        },
        {
            content: "Collapsed to the total: open it again",
            trigger: ".o_pivot tbody th.o_pivot_header_cell_closed",
            run: "click",
        },
        {
            content: "Group the rows by membership type instead",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Membership type')",
            run: "click",
        },
        {
            content: "The rows are membership types",
            trigger: ".o_pivot tbody th:contains('Full member')",
        },
        ...openLinkMenu(
            "link_membership.link_menu_reporting",
            "link_membership.link_monitoring_period_menu"
        ),
        {
            content: "Open the tour's draft monitoring period",
            trigger: ".o_list_view .o_data_row td:contains('Tour quarter')",
            run: "click",
        },
        {
            content: "The pack can be printed; nothing can be changed or issued",
            trigger: ".o_form_view button[name='action_print_pack']",
        },
        {
            content: "No issue or refresh button for the monitor",
            trigger:
                ".o_form_view .o_form_statusbar:not(:has(button[name='action_issue'])):not(:has(button[name='action_refresh_figures']))",
        },
        {
            content: "The period's key figures are listed",
            trigger: ".o_form_view .o_field_widget[name='figure_ids'] .o_data_row",
        },
        ...openLinkMenu("link_protocols.link_partners_menu", "link_protocols.link_opportunity_menu"),
        {
            content: "Opportunities open, with how many people each reached",
            trigger:
                ".o_list_view .o_data_row:contains('Tour consultation') td[name='recipient_count']:contains('1')",
        },
        {
            content: "Open the opportunity",
            trigger: ".o_list_view .o_data_row td:contains('Tour consultation')",
            run: "click",
        },
        {
            content: "It reads, with no staff buttons and no recipients",
            trigger:
                ".o_form_view .o_form_statusbar:not(:has(button[name='action_circulate'])):not(:has(button[name='action_close']))",
        },
        {
            content: "Who it reached is not shown to the monitor",
            trigger: ".o_form_view .o_notebook:not(:has(.nav-link:contains('Circulated to')))",
        },
        {
            content: "The partner's name is not a link for the monitor",
            trigger: ".o_form_view .o_field_widget[name='partner_id']:not(:has(a))",
        },
        ...openLinkMenu(
            "link_membership.link_menu_reporting",
            "link_protocols.link_sla_compliance_report_menu"
        ),
        {
            content: "Referrals are counted beside information requests, by body",
            trigger: ".o_pivot tbody th:contains('Referral')",
        },
        {
            content: "The tour's scrutiny committee answered on time",
            trigger: ".o_pivot tbody tr:has(th:contains('Tour Scrutiny Committee')) td",
        },
    ],
});
