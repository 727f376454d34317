/** @odoo-module **/
// Quick log. Host staff log a phone call from LINk > Voice > Quick log, then
// the next one with Save & new. A volunteer at the Dover Gateway logs what a
// visitor told them, on a phone, from their portal.
import { registry } from "@web/core/registry";
import { fitsThePhone } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_voice_quick_log_staff_tour", {
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
            content: "Voice",
            trigger: "button[data-menu-xmlid='link_voice.link_voice_menu']",
            run: "click",
        },
        {
            content: "Quick log",
            trigger: ".dropdown-item[data-menu-xmlid='link_voice.link_feedback_quick_menu']",
            run: "click",
        },
        {
            content: "The dialog opens on a phone call",
            trigger: ".modal .o_field_widget[name='channel'] input[data-value='phone']:checked",
        },
        {
            content: "What the caller said",
            trigger: ".modal .o_field_widget[name='what_bad'] textarea",
            run: "edit The surgery phone line rings out every morning.",
        },
        {
            content: "It was negative",
            trigger: ".modal .o_field_widget[name='sentiment'] input[data-value='negative']",
            run: "click",
        },
        {
            content: "They gave no name",
            trigger: ".modal .o_field_widget[name='anonymous'] input",
            run: "click",
        },
        {
            content: "Save & new",
            trigger: ".modal .o_link_quick_save_new",
            run: "click",
        },
        {
            content: "Told which reference was logged",
            trigger: ".o_notification:contains('logged.')",
        },
        {
            content: "A new, empty dialog for the next call",
            trigger:
                ".modal .o_field_widget[name='sentiment'] input[data-value='negative']:not(:checked)",
            run() {
                const said = document.querySelector(".modal .o_field_widget[name='what_bad'] textarea");
                if (said.value) {
                    throw new Error(`The new dialog still says "${said.value}"`);
                }
            },
        },
        {
            content: "The next caller",
            trigger: ".modal .o_field_widget[name='what_bad'] textarea",
            run: "edit Thank you for the help with the hospital transport.",
        },
        {
            content: "Positive",
            trigger: ".modal .o_field_widget[name='sentiment'] input[data-value='positive']",
            run: "click",
        },
        {
            content: "Their name",
            trigger: ".modal .o_field_widget[name='contact_name'] input",
            run: "edit Tour Caller",
        },
        {
            content: "Save",
            trigger: ".modal .o_link_quick_save",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("link_voice_quick_log_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "My account has the gateway feedback tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/feedback']",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("My shifts to log on"),
        {
            content: "Today's gateway session",
            trigger: ".o_link_quick_log_shift:contains('Dover Gateway, tour session')",
            run: "click",
            expectUnloadPage: true,
        },
        fitsThePhone("The quick log"),
        {
            content: "What the visitor said",
            trigger: ".o_link_quick_log_form textarea[name='what_bad']",
            run: "edit The bus to the hospital stopped running on Sundays.",
        },
        {
            content: "Negative",
            trigger: ".o_link_quick_log_form label[for='sentiment_negative']",
            run: "click",
        },
        {
            content: "Their postcode district",
            trigger: ".o_link_quick_log_form input[name='postcode']",
            run: "edit BF2",
        },
        {
            content: "Log it",
            trigger: ".o_link_quick_log_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked, with the reference",
            trigger: ".o_link_logged:contains('logged as')",
        },
        {
            content: "It is listed under what I logged",
            trigger: ".o_link_my_feedback_item:contains('stopped running on Sundays')",
        },
        fitsThePhone("The quick log after logging"),
        {
            content: "Someone asks where to get help: the enquiry tab",
            trigger: ".o_link_tab_enquiry",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "What they wanted help with",
            trigger: ".o_link_signpost_form textarea[name='enquiry']",
            run: "edit Who can explain the care home fees for my mother?",
        },
        {
            content: "Sent to Citizens Advice",
            trigger: ".o_link_signpost_form label:contains('Citizens Advice Brookfield')",
            run: "click",
        },
        {
            content: "Log the enquiry",
            trigger: ".o_link_signpost_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked, with its reference",
            trigger: ".o_link_logged:contains('SP/')",
        },
        fitsThePhone("The quick log after an enquiry"),
    ],
});
