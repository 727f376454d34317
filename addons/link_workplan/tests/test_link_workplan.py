# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.link_membership.tests.common import LinkCase


class TestLinkWorkplan(LinkCase):
    def _create(self, **vals):
        vals = {
            "name": "Work programme 2010-11",
            "date_start": date(2010, 4, 1),
            "date_end": date(2011, 3, 31),
            **vals,
        }
        return self.env["link.workplan"].with_user(self.staff).create(vals)

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._create(date_end=date(2010, 3, 31))

    @freeze_time("2010-05-12")
    def test_manager_approves_and_approval_is_recorded(self):
        plan = self._create()
        with self.assertRaisesRegex(AccessError, "Only a host manager"):
            plan.action_approve()
        self.assertEqual(plan.state, "draft")
        plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.manager)
        self.assertEqual(plan.approved_on, date(2010, 5, 12))
        with self.assertRaisesRegex(UserError, "Only draft"):
            plan.with_user(self.manager).action_approve()

    def test_close_only_after_approval_and_reset_clears_approval(self):
        plan = self._create()
        with self.assertRaisesRegex(UserError, "Only approved"):
            plan.action_close()
        plan.with_user(self.manager).action_approve()
        plan.action_close()
        self.assertEqual(plan.state, "closed")
        with self.assertRaisesRegex(AccessError, "Only a host manager"):
            plan.action_reset_to_draft()
        plan.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.approved_by_id)

    def test_steering_group_reads_but_does_not_edit(self):
        plan = self._create().with_user(self.steering)
        self.assertEqual(plan.name, "Work programme 2010-11")
        with self.assertRaises(AccessError):
            plan.write({"name": "Changed"})
