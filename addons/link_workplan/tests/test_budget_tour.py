# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBudgetTour(HttpCase):
    """Host staff, as the demo login `staff`, book a cost to a budget line in
    a browser and approve it; it counts as spent."""

    def test_staff_book_and_approve_a_cost_in_the_browser(self):
        line = self.env.ref("link_workplan.link_budget_line_demo_engagement")
        spent = line.amount_spent

        self.start_tour("/odoo", "link_budget_cost_tour", login="staff")

        cost = line.cost_ids.filtered(lambda c: c.name == "Tour room hire, Library")
        self.assertEqual(cost.state, "approved")
        self.assertEqual(
            cost.decided_by_id, self.env.ref("link_membership.res_users_demo_staff")
        )
        self.assertEqual(line.amount_spent, spent + 45)
