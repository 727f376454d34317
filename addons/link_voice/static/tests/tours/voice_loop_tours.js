/** @odoo-module **/
// The loop of #18 in a real browser, each as the least-privileged demo login
// that does the job: a member of the public shares an experience on a phone,
// host staff screen and publish web feedback, the safeguarding lead records
// a referral, and the council monitor reads the feedback trends.
import { registry } from "@web/core/registry";
import { fitsThePhone, openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("link_voice_public_share_tour", {
    url: "/share-your-experience",
    steps: () => [
        fitsThePhone("The form"),
        {
            content: "Which service: typed and chosen from the list",
            trigger: "form.o_link_public_form input#service",
            run: "edit Millgate Medical Centre, Brookfield",
        },
        {
            content: "What could be better",
            trigger: "form.o_link_public_form textarea#what_bad",
            run: "edit Nobody told me the clinic had moved to the first floor.",
        },
        {
            content: "Two stars",
            trigger: "form.o_link_public_form label[for='rating_2']",
            run: "click",
        },
        {
            content: "Postcode district only",
            trigger: "form.o_link_public_form input#postcode",
            run: "edit bf3",
        },
        {
            content: "Send",
            trigger: ".o_link_public_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked, with a reference to quote",
            trigger: ".o_link_public_thanks .o_link_public_reference:contains('FB/')",
        },
        fitsThePhone("The thanks page"),
    ],
});

registry.category("web_tour.tours").add("link_voice_screening_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_voice.link_voice_menu", "link_voice.link_feedback_menu"),
        {
            content: "The feedback list is open",
            trigger: ".o_control_panel .o_breadcrumb:contains('Feedback')",
        },
        {
            content: "Open the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Only what is waiting to be screened",
            trigger: ".o_filter_menu .o_menu_item:contains('To screen')",
            run: "click",
        },
        {
            content: "Filtered",
            trigger: ".o_searchview_facet:contains('To screen')",
        },
        {
            content: "Open the web feedback about the practice's phone queue",
            trigger: ".o_list_view .o_data_row:contains('Millgate Medical Partnership'):contains('Web form') td[name='name']",
            run: "click",
        },
        {
            content: "The Publication tab",
            trigger: ".o_notebook .nav-link:contains('Publication')",
            run: "click",
        },
        {
            content: "Start from what they said (names, emails and dates found are taken out)",
            trigger: "button[name='action_fill_public_text']",
            run: "click",
        },
        {
            content: "The person's own name and phone number are gone",
            trigger:
                ".o_field_widget[name='public_text'] textarea:value(phone removed):not(:value(Peter))",
        },
        {
            content: "Take out the doctor's name and the day too, as a host officer would",
            trigger: ".o_field_widget[name='public_text'] textarea",
            run: "edit A doctor phoned me back the same day and sorted my prescription. The phone queue message is far too long.",
        },
        {
            content: "Publish",
            trigger: ".o_form_statusbar button[name='action_publish']",
            run: "click",
        },
        {
            content: "Published",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Published')",
        },
    ],
});

registry.category("web_tour.tours").add("link_voice_safeguarding_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_voice.link_voice_menu", "link_voice.link_safeguarding_concern_menu"),
        {
            content: "The concern raised at the gateway, awaiting a decision",
            trigger: ".o_list_view .o_data_row:contains('Awaiting the lead') td[name='name']",
            run: "click",
        },
        {
            content: "What the volunteer was worried about",
            trigger: ".o_field_widget[name='description']:contains('pension')",
        },
        {
            content: "The council's hub is proposed",
            trigger: ".o_field_widget[name='referred_to_id'] input:value(Adult Safeguarding Hub)",
        },
        {
            content: "The hub's reference",
            trigger: ".o_field_widget[name='referral_reference'] input",
            run: "edit ASH-0517",
        },
        {
            content: "Record the referral",
            trigger: ".o_form_statusbar button[name='action_refer']",
            run: "click",
        },
        {
            content: "Referred",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Referred')",
        },
    ],
});

registry.category("web_tour.tours").add("link_voice_monitor_trends_tour", {
    url: "/odoo",
    steps: () => [
        ...openLinkApp(),
        ...openLinkMenu("link_membership.link_menu_reporting", "link_voice.link_feedback_report_menu"),
        {
            content: "Feedback trends open as a pivot of theme mentions",
            trigger: ".o_pivot_view .o_pivot thead:contains('Theme mentions')",
        },
        {
            content: "Over the last 12 months, every theme loaded",
            trigger: ".o_pivot tbody th:contains('Transport and parking')",
        },
        {
            content: "Collapse the rows to the total",
            trigger: ".o_pivot tbody th.o_pivot_header_cell_opened:contains('Total')",
            run: "click",
        },
        {
            content: "Open the total again",
            trigger: ".o_pivot tbody th.o_pivot_header_cell_closed:contains('Total')",
            run: "click",
        },
        {
            content: "By service",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Service')",
            run: "click",
        },
        {
            content: "The services people spoke about (small numbers left out)",
            trigger: ".o_pivot tbody th:contains('Outpatients')",
        },
        {
            content: "No list of rows to open: totals only",
            trigger: ".o_control_panel:not(:has(.o_switch_view.o_list))",
        },
    ],
});
