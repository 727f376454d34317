# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class LinkCase(TransactionCase):
    """One user per LINk role, so each test acts as the least-privileged
    user that does the job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.staff = cls._link_user("link_staff", "group_link_staff")
        cls.manager = cls._link_user("link_manager", "group_link_manager")
        cls.monitor = cls._link_user("link_monitor", "group_link_monitor")
        cls.steering = cls._link_user("link_steering", "group_link_steering")
        cls.equality_officer = cls._link_user(
            "link_equality", "group_link_equality_officer"
        )
        cls.portal_user = new_test_user(
            cls.env, login="link_portal", groups="base.group_portal"
        )

    @classmethod
    def _set_aside_demo_data(cls, wards=False):
        """Archive existing members (and wards) so a test counts its own.
        Members with a login are left alone: Odoo keeps their contact active."""
        cls.env["res.partner"].search(
            [("link_membership_type", "!=", False), ("user_ids", "=", False)]
        ).write({"active": False})
        if wards:
            cls.env["link.ward"].search([]).write({"active": False})

    @classmethod
    def _link_user(cls, login, group):
        return new_test_user(
            cls.env, login=login, groups=f"link_membership.{group}", name=login
        )
