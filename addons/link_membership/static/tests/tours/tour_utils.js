/** @odoo-module **/
// Steps shared by the LINk tours of every addon:
// import { fitsThePhone, openLinkApp, openLinkMenu } from "@link_membership/../tests/tours/tour_utils";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** A check that the page is no wider than the phone the tour runs on. */
export function fitsThePhone(page) {
    return {
        content: `${page} fits the width of the phone`,
        trigger: "body",
        run() {
            const extra = document.documentElement.scrollWidth - window.innerWidth;
            if (window.innerWidth > 400) {
                throw new Error(`The tour runs ${window.innerWidth}px wide, not at phone width`);
            }
            if (extra > 0) {
                throw new Error(`${page} is ${extra}px wider than the phone`);
            }
        },
    };
}

/** From the home screen into the LINk app. */
export function openLinkApp() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the LINk app",
            trigger: ".o_app[data-menu-xmlid='link_membership.link_menu_root']",
            run: "click",
        },
    ];
}

/** A menu item of the LINk app, by the xml ids of its section and item. */
export function openLinkMenu(section, item) {
    return [
        {
            content: `Open the ${section} menu`,
            trigger: `.o_main_navbar button[data-menu-xmlid='${section}']`,
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid='${item}']`,
            run: "click",
        },
    ];
}
