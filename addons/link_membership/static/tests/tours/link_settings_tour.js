/** @odoo-module **/
// A host manager (no Administration rights) configures LINk from
// LINk > Configuration > Settings: the contract year starts in January,
// saved, and still there when the page is opened again.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_settings_tour", {
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
            content: "Configuration",
            trigger: "button[data-menu-xmlid='link_membership.link_menu_configuration']",
            run: "click",
        },
        {
            content: "Settings",
            trigger: ".dropdown-item[data-menu-xmlid='link_membership.link_settings_menu']",
            run: "click",
        },
        {
            content: "The LINk settings open on April",
            trigger: ".o_field_widget[name='link_contract_start_month'] select:has(option:selected:contains('April'))",
        },
        {
            content: "The blocks of the other LINk addons are there too",
            trigger: ".o_setting_box:contains('Bank holidays'), .o_setting_box:contains('Trigger points'), .o_setting_box:contains('Volunteer coordinator')",
        },
        {
            content: "Start the contract year in January",
            trigger: ".o_field_widget[name='link_contract_start_month'] select",
            run: "selectByLabel January",
        },
        {
            content: "Save",
            trigger: ".o_control_panel .o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "After the reload the settings keep January",
            trigger: ".o_field_widget[name='link_contract_start_month'] select:has(option:selected:contains('January'))",
        },
    ],
});
