# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import LinkCase


class TestSecurityGroups(LinkCase):
    def test_groups_share_the_link_category(self):
        category = self.env.ref("link_membership.module_category_link")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        self.assertEqual(
            set(groups.mapped("name")),
            {
                "Council contract monitor",
                "Steering group member",
                "Host staff",
                "Host manager",
                "Equality data officer",
                "Safeguarding lead",
            },
        )

    def test_safeguarding_lead_is_staff_and_nothing_more(self):
        lead = self._link_user("link_sg", "group_link_safeguarding")
        self.assertTrue(lead.has_group("link_membership.group_link_staff"))
        for other in ("manager", "equality_officer", "monitor", "steering"):
            with self.subTest(other=other):
                self.assertFalse(lead.has_group(f"link_membership.group_link_{other}"))

    def test_manager_implies_staff_but_no_other_role(self):
        self.assertTrue(self.manager.has_group("link_membership.group_link_staff"))
        self.assertFalse(
            self.manager.has_group("link_membership.group_link_equality_officer")
        )
        self.assertFalse(self.staff.has_group("link_membership.group_link_manager"))

    def test_link_menu_visible_to_staff_not_to_portal(self):
        root = self.env.ref("link_membership.link_menu_root")
        wards = self.env.ref("link_membership.link_ward_menu")
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(root.id, visible)
                self.assertIn(wards.id, visible)
        self.assertFalse(root.groups_id & self.portal_user.groups_id)
        self.assertFalse(root.groups_id & self.env.ref("base.group_public"))
