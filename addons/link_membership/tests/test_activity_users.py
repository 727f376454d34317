# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID
from odoo.tests import new_test_user

from .common import LinkCase


class TestActivityUsers(LinkCase):
    """Every automated activity goes to somebody who acts: the preferred user
    (the record's lead), else the coordinator, else a host manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = cls._link_user("link_coordinator", "group_link_staff")
        cls.company = cls.env.company
        cls.company.write(
            {
                "link_activity_coordinator_id": cls.coordinator.id,
                "link_volunteer_coordinator_id": False,
            }
        )
        # Only our manager is a host manager, so "a manager" is predictable.
        group = cls.env.ref("link_membership.group_link_manager")
        others = group.users - cls.manager
        others.write({"groups_id": [(3, group.id)]})
        cls.lead = new_test_user(cls.env, login="link_lead", groups="base.group_user")

    def _resolve(self, preferred, user=None):
        company = self.company.with_user(user or self.staff)
        return company._link_activity_users(preferred)

    def test_lead_with_a_login_gets_it(self):
        self.assertEqual(self._resolve([self.lead]), [self.lead])

    def test_lead_without_a_login_goes_to_the_coordinator(self):
        Users = self.env["res.users"]
        portal = self.portal_user
        archived = new_test_user(self.env, login="link_gone", groups="base.group_user")
        archived.active = False
        robot = Users.browse(SUPERUSER_ID)
        got = self._resolve([Users, portal, archived, robot])
        self.assertEqual(got, [self.coordinator] * 4)

    def test_first_preferred_who_can_act(self):
        archived = new_test_user(self.env, login="link_gone", groups="base.group_user")
        archived.active = False
        self.assertEqual(self._resolve([archived | self.lead]), [self.lead])

    def test_no_coordinator_goes_to_a_manager(self):
        self.company.link_activity_coordinator_id = False
        self.assertEqual(self._resolve([self.env["res.users"]]), [self.manager])

    def test_no_manager_goes_to_the_administrator(self):
        """A new database without demo data: nobody named yet."""
        self.company.link_activity_coordinator_id = False
        group = self.env.ref("link_membership.group_link_manager")
        group.users.write({"groups_id": [(3, group.id)]})
        admin = self.env.ref("base.user_admin")
        self.assertEqual(self._resolve([self.env["res.users"]]), [admin])

    def test_volunteer_coordinator_before_the_managers(self):
        self.company.write(
            {
                "link_activity_coordinator_id": False,
                "link_volunteer_coordinator_id": self.staff.id,
            }
        )
        self.assertEqual(self._resolve([self.env["res.users"]]), [self.staff])

    def test_archived_coordinator_goes_to_a_manager(self):
        self.coordinator.active = False
        self.assertEqual(self._resolve([self.env["res.users"]]), [self.manager])

    def test_portal_caller(self):
        """A volunteer's portal action (evidence sent) reaches the coordinator."""
        got = self._resolve([self.env["res.users"]], user=self.portal_user)
        self.assertEqual(got, [self.coordinator])

    def test_queries_do_not_grow(self):
        users = self.env["res.users"].create(
            [{"name": f"Lead {i}", "login": f"link_lead_{i}"} for i in range(100)]
        )
        users[:5].active = False
        self.env.flush_all()
        self._resolve(list(users[:2]))  # warm the xmlid caches
        self.env.invalidate_all()
        with self.assertQueryCount(5):
            got = self._resolve(list(users[:10]))
        self.assertEqual(got[:5], [self.coordinator] * 5)
        self.env.invalidate_all()
        with self.assertQueryCount(5):
            got = self._resolve(list(users))
        self.assertEqual(got[5:], list(users[5:]))
