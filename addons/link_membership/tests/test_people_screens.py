# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from .common import LinkCase


@tagged("post_install", "-at_install")
class TestBritishEnglish(LinkCase):
    """English (UK) and London time for every new person of the host."""

    def test_en_gb_is_active_with_british_formats(self):
        lang = self.env["res.lang"]._lang_get("en_GB")
        self.assertTrue(lang.active)
        self.assertEqual(lang.date_format, "%d/%m/%Y")
        self.assertEqual(lang.time_format, "%H:%M")
        self.assertEqual(lang.short_time_format, "%H:%M")
        self.assertEqual(lang.week_start, "1")
        self.assertEqual(self.env["ir.default"]._get("res.partner", "lang"), "en_GB")

    def test_new_internal_user_is_british(self):
        user = new_test_user(
            self.env,
            login="people_new_staff",
            groups="link_membership.group_link_staff",
        )
        self.assertEqual(user.lang, "en_GB")
        self.assertEqual(user.tz, "Europe/London")

    def test_new_portal_user_through_the_portal_wizard_is_british(self):
        """Host staff register a member, then give them portal access."""
        member = (
            self.env["res.partner"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Winifred Portal",
                    "email": "winifred.portal@example.org",
                    "link_membership_type": "full",
                }
            )
        )
        self.assertEqual(member.lang, "en_GB")
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.staff)
            .with_context(active_ids=member.ids)
            .create({})
        )
        with patch.object(type(self.env["portal.wizard.user"]), "_send_email"):
            wizard.user_ids.action_grant_access()
        user = member.user_ids
        self.assertTrue(user._is_portal())
        self.assertEqual(user.lang, "en_GB")
        self.assertEqual(user.tz, "Europe/London")

    def test_user_of_a_contact_without_language_gets_the_host_one(self):
        partner = self.env["res.partner"].create({"name": "No Lang"})
        partner.write({"lang": False, "tz": False})
        user = self.env["res.users"].create(
            {"login": "people_nolang", "partner_id": partner.id}
        )
        self.assertEqual((user.lang, user.tz), ("en_GB", "Europe/London"))


@tagged("post_install", "-at_install")
class TestPeopleScreens(LinkCase):
    """Members, volunteers and partners open on the LINk form; the volunteer
    list shows qualifications and the next shift."""

    def _form_of(self, action_xmlid):
        action = self.env.ref(action_xmlid)
        form = action.view_ids.filtered(lambda v: v.view_mode == "form").view_id
        self.assertEqual(
            form, self.env.ref("link_membership.res_partner_view_form_link")
        )
        return self.env["res.partner"].with_user(self.staff).get_view(form.id, "form")

    def test_member_and_volunteer_open_the_link_form(self):
        for xmlid in (
            "link_membership.res_partner_action_link_member",
            "link_membership.link_volunteer_action",
        ):
            arch = self._form_of(xmlid)["arch"]
            self.assertIn('name="link_ward_id"', arch)
            self.assertIn('name="link_membership_type"', arch)
            self.assertIn('name="link_qualification_ids"', arch)
            self.assertIn('name="link_shift_assignment_ids"', arch)
            self.assertIn('name="link_mailing_consent"', arch)
            self.assertNotIn('name="vat"', arch)
            self.assertNotIn("Sales &amp; Purchase", arch)
            self.assertNotIn("Sales Director", arch)
        # The contact form of other apps is not replaced.
        self.assertEqual(
            self.env["ir.ui.view"].default_view("res.partner", "form"),
            self.env.ref("base.view_partner_form").id,
        )

    def test_volunteer_list_shows_qualifications_and_next_shift(self):
        view = self.env.ref("link_membership.link_volunteer_action").view_ids.filtered(
            lambda v: v.view_mode == "list"
        )
        arch = view.view_id.arch_db
        for name in (
            "link_qualification_valid_count",
            "link_qualification_alert_count",
            "link_next_shift_id",
            "link_next_shift_start",
        ):
            self.assertIn(f'name="{name}"', arch)

    def _volunteers(self, count, prefix):
        role = self.env["link.volunteer.role"].create({"name": f"Role {prefix}"})
        start = datetime.now().replace(microsecond=0) + timedelta(days=3)
        later = self.env["link.shift"].create(
            {
                "name": f"Later {prefix}",
                "role_id": role.id,
                "date_start": start + timedelta(days=7),
                "date_end": start + timedelta(days=7, hours=2),
                "max_volunteers": count,
                "state": "open",
            }
        )
        soon = self.env["link.shift"].create(
            {
                "name": f"Soon {prefix}",
                "role_id": role.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "max_volunteers": count,
                "state": "open",
            }
        )
        volunteers = self.env["res.partner"].create(
            [{"name": f"{prefix} {i}", "link_is_volunteer": True} for i in range(count)]
        )
        safeguarding = self.env.ref("link_membership.qualification_type_safeguarding")
        today = datetime.now().date()
        self.env["link.qualification"].create(
            [
                {
                    "partner_id": v.id,
                    "type_id": safeguarding.id,
                    "date_obtained": today - timedelta(days=800),
                    "date_expiry": today - timedelta(days=1) if i % 2 else False,
                }
                for i, v in enumerate(volunteers)
            ]
        )
        self.env["link.shift.assignment"].create(
            [
                {"shift_id": shift.id, "partner_id": v.id}
                for v in volunteers
                for shift in (later, soon)
            ]
        )
        return volunteers, soon

    def _read_list(self, volunteers):
        self.env.invalidate_all()
        view = self.env.ref("link_membership.res_partner_view_list_link_volunteer")
        Partner = self.env["res.partner"].with_user(self.staff)
        fields_ = Partner.get_views([(view.id, "list")])["models"]["res.partner"]
        fields_ = fields_.get("fields", fields_)
        spec = {
            name: {"fields": {"display_name": {}}}
            if Partner._fields[name].type in ("many2one", "many2many")
            else {}
            for name in fields_
            if name in Partner._fields
        }
        return Partner.web_search_read(
            domain=[("id", "in", volunteers.ids)], specification=spec, limit=80
        )["records"]

    def test_volunteer_list_values(self):
        volunteers, soon = self._volunteers(2, "Values")
        rows = {row["id"]: row for row in self._read_list(volunteers)}
        first, second = rows[volunteers[0].id], rows[volunteers[1].id]
        self.assertEqual(first["link_next_shift_id"]["id"], soon.id)
        self.assertEqual(
            (
                first["link_qualification_valid_count"],
                first["link_qualification_alert_count"],
            ),
            (1, 0),
        )
        self.assertEqual(
            (
                second["link_qualification_valid_count"],
                second["link_qualification_alert_count"],
            ),
            (0, 1),
        )

    def test_volunteer_list_query_count_is_flat(self):
        ten, _soon = self._volunteers(10, "Ten")
        fifty, _soon = self._volunteers(50, "Fifty")
        self._read_list(fifty)  # warm the view cache
        before = self.cr.sql_log_count
        self._read_list(ten)
        queries_for_ten = self.cr.sql_log_count - before
        with self.assertQueryCount(queries_for_ten):
            self._read_list(fifty)


@tagged("post_install", "-at_install")
class TestHomeAction(LinkCase):
    """Staff land on the LINk app, unless they chose their own home."""

    def _home(self, user):
        return self.env["ir.http"].with_user(user).session_info()

    def test_link_roles_get_a_link_home_action(self):
        members = self.env.ref("link_membership.res_partner_action_link_member")
        self.assertEqual(self.staff._link_home_action(), members)
        self.assertEqual(self.manager._link_home_action(), members)
        periods = self.env.ref("link_membership.link_monitoring_period_action")
        self.assertEqual(self.monitor._link_home_action(), periods)
        self.assertEqual(self.steering._link_home_action(), periods)
        self.assertEqual(
            self.equality_officer._link_home_action(),
            self.env.ref("link_membership.link_equality_profile_action"),
        )

    def test_own_choice_and_other_users_are_left_alone(self):
        own = self.env.ref("link_membership.link_shift_action")
        self.staff.action_id = own.id
        self.assertFalse(self.staff._link_home_action())
        self.assertFalse(self.portal_user._link_home_action())
        other = new_test_user(self.env, login="people_plain", groups="base.group_user")
        self.assertFalse(other._link_home_action())


@tagged("post_install", "-at_install")
class TestHomeActionSession(HttpCase):
    def test_session_info_of_staff_names_the_link_home(self):
        new_test_user(
            self.env, login="people_home", groups="link_membership.group_link_staff"
        )
        self.authenticate("people_home", "people_home")
        response = self.url_open(
            "/web/session/get_session_info",
            data="{}",
            headers={"Content-Type": "application/json"},
        )
        info = response.json()["result"]
        self.assertEqual(
            info["home_action_id"],
            self.env.ref("link_membership.res_partner_action_link_member").id,
        )


@tagged("post_install", "-at_install")
class TestPortalDates(HttpCase):
    def test_shift_date_is_day_month_year_without_seconds(self):
        volunteer = new_test_user(self.env, "people_vol", groups="base.group_portal")
        volunteer.partner_id.write({"link_is_volunteer": True})
        self.assertEqual(volunteer.lang, "en_GB")
        # Only this test's shift is open (the first page of the list).
        self.env["link.shift"].search([("state", "in", ("open", "full"))]).write(
            {"state": "draft"}
        )
        role = self.env["link.volunteer.role"].create({"name": "Dates host"})
        start = datetime(2031, 3, 4, 10, 30)  # 10:30 UTC, 10:30 in London
        self.env["link.shift"].create(
            {
                "name": "Dated stall",
                "role_id": role.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "max_volunteers": 3,
                "state": "open",
            }
        )
        self.authenticate("people_vol", "people_vol")
        page = self.url_open("/my/shifts").text
        self.assertIn("04/03/2031, 10:30–12:30", page)
        self.assertFalse(re.search(r"\d\d:\d\d:\d\d", page))
        self.assertNotIn("03/04/2031", page)


@tagged("post_install", "-at_install")
class TestPeopleScreensTour(HttpCase):
    def test_staff_day_in_the_browser(self):
        """As the demo login of host staff: land on LINk, open a member on the
        LINk form, register one, see the volunteers' qualifications and next
        shift."""
        staff = self.env.ref("link_membership.res_users_demo_staff")
        ada = self.env.ref("link_membership.res_partner_demo_member_ada")
        role = self.env["link.volunteer.role"].create({"name": "Tour stall"})
        start = datetime.now().replace(microsecond=0) + timedelta(days=2)
        shift = self.env["link.shift"].create(
            {
                "name": "Tour next shift",
                "role_id": role.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "max_volunteers": 3,
                "state": "open",
            }
        )
        self.env["link.shift.assignment"].create(
            {"shift_id": shift.id, "partner_id": ada.id}
        )
        staff.action_id = False
        self.start_tour("/odoo", "link_people_screens_tour", login="staff")
        member = self.env["res.partner"].search([("name", "=", "Rosa Tour-Newcomer")])
        self.assertEqual(member.link_membership_type, "full")
        self.assertEqual(member.link_ward_id.name, "Abbey")
        self.assertEqual(member.lang, "en_GB")


@tagged("post_install", "-at_install")
class TestDemoHost(LinkCase):
    def test_demo_host_is_a_fictional_uk_host(self):
        module = self.env["ir.module.module"].search([("name", "=", "link_membership")])
        if not module.demo:
            self.skipTest("demo data not loaded")
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Brookfield Community Voice")
        self.assertEqual(company.country_id.code, "GB")
        self.assertEqual(company.currency_id.name, "GBP")
        self.assertEqual(company.partner_id.tz, "Europe/London")
        logins = [
            "admin",
            "demo",
            "portal",
            "staff",
            "manager",
            "steering",
            "equality",
            "monitor",
            "volunteer",
        ]
        users = self.env["res.users"].search([("login", "in", logins)])
        self.assertEqual(len(users), len(logins))
        for user in users:
            self.assertNotEqual(user.country_id.code, "US", user.login)
            self.assertNotIn("YourCompany", user.partner_id.complete_name)
            self.assertEqual((user.lang, user.tz), ("en_GB", "Europe/London"))
