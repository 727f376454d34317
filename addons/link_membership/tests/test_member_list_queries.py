# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from odoo.tests import tagged

from .common import LinkCase


@tagged("post_install", "-at_install")
class TestMemberListQueries(LinkCase):
    """Opening the member list costs the same whatever the number of members."""

    def _open_member_list(self):
        self.env.invalidate_all()
        action = self.env.ref("link_membership.res_partner_action_link_member")
        view = self.env.ref("link_membership.res_partner_view_list_link_member")
        Partner = self.env["res.partner"].with_user(self.staff)
        spec = {
            name: {"fields": {"display_name": {}}}
            if Partner._fields[name].type in ("many2one", "many2many")
            else {}
            for name in Partner.get_views([(view.id, "list")])["models"]["res.partner"]
            if name in Partner._fields
        }
        Partner.web_search_read(
            domain=[*literal_eval(action.domain), ("link_member_state", "=", "active")],
            specification=spec,
            limit=80,
        )

    def _add_members(self, count):
        wards = self.env["link.ward"].search([], limit=5)
        interests = self.env["link.interest"].search([], limit=3)
        self.env["res.partner"].create(
            [
                {
                    "name": f"Member {i}",
                    "link_membership_type": "full",
                    "link_ward_id": wards[i % 5].id,
                    "email": f"m{i}@example.org",
                    "link_interest_ids": [(6, 0, interests[: i % 3 + 1].ids)],
                }
                for i in range(count)
            ]
        )

    def test_member_list_query_count_is_flat(self):
        self.env["link.ward"].create(
            [{"name": f"Ward {i}", "code": f"E0580{i:04d}"} for i in range(5)]
        )
        self._add_members(10)
        self._open_member_list()  # warm the view cache
        with self.assertQueryCount(6):
            self._open_member_list()
        # From a full page of 80 on, the web client's pager adds one count.
        self._add_members(190)
        with self.assertQueryCount(7):
            self._open_member_list()
        self._add_members(200)
        with self.assertQueryCount(7):
            self._open_member_list()
