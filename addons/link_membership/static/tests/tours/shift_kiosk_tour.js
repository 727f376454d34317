/** @odoo-module **/
// Staff run the check-in kiosk of a shift: check a volunteer in, another out,
// and record who did not come.
import { registry } from "@web/core/registry";

function column(name) {
    return `.o_kanban_group:has(.o_column_title:contains('${name}'))`;
}

registry.category("web_tour.tours").add("link_shift_kiosk_tour", {
    steps: () => [
        {
            content: "Open the kiosk of the shift",
            trigger: ".o_form_view button[name='action_open_kiosk']:contains('Check-in kiosk')",
            run: "click",
        },
        {
            content: "Kim is expected",
            trigger: `${column("Expected")} .o_kanban_record:contains('Kim Kiosk')`,
        },
        {
            content: "Check Kim in",
            trigger: ".o_kanban_record:contains('Kim Kiosk') .o_link_kiosk_check_in",
            run: "click",
        },
        {
            content: "Kim has arrived",
            trigger: `${column("Arrived")} .o_kanban_record:contains('Kim Kiosk')`,
        },
        {
            content: "Lee did not come",
            trigger: ".o_kanban_record:contains('Lee Kiosk') .o_link_kiosk_no_show",
            run: "click",
        },
        {
            content: "Lee is a no-show",
            trigger: `${column("No-show")} .o_kanban_record:contains('Lee Kiosk')`,
        },
        {
            content: "Mo leaves: check out",
            trigger: ".o_kanban_record:contains('Mo Kiosk') .o_link_kiosk_check_out",
            run: "click",
        },
        {
            content: "Mo's hours are recorded",
            trigger: ".o_kanban_record:contains('Mo Kiosk'):contains('hours')",
        },
    ],
});
