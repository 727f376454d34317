/** @odoo-module **/
// Host staff key in a paper equality form for a member who already has
// answers on file: one answer keyed, told how many are on file (never what),
// confirm, record.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("link_equality_entry_tour", {
    steps: () => [
        {
            content: "Open the equality form of the member",
            trigger: ".o_form_view .oe_stat_button:contains('Equality form')",
            run: "click",
        },
        {
            content: "Nothing is chosen for a question until staff choose it",
            trigger: ".modal .o_field_widget[name='carer'] select:has(option:selected[value='false'])",
        },
        {
            content: "Key in one answer the person changed",
            trigger: ".modal .o_field_widget[name='sex'] select",
            run: "selectByLabel Male",
        },
        {
            content: "Staff are told that an answer is on file, not what it is",
            trigger: ".modal .alert-warning:contains('answers on file for 1 of the questions')",
        },
        {
            content: "Record without confirming",
            trigger: ".modal button[name='action_record']",
            run: "click",
        },
        {
            content: "is refused in plain words",
            trigger: ".modal .o_error_dialog:contains('Replace the answers on file'), .o_dialog:contains('Replace the answers on file') .modal-body:contains('Tick')",
        },
        {
            content: "Close the message",
            trigger: ".o_error_dialog .btn-primary, .modal-footer .btn-primary:contains('Close')",
            run: "click",
        },
        {
            content: "Confirm the replacement",
            trigger: ".modal .o_field_widget[name='confirm_replace'] input",
            run: "click",
        },
        {
            content: "Record the answers",
            trigger: ".modal button[name='action_record']",
            run: "click",
        },
        {
            content: "The form closes; the member is shown again",
            trigger: "body:not(:has(.modal)) .o_form_view .oe_stat_button:contains('Equality form')",
        },
    ],
});
