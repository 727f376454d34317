# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from odoo.addons.link_membership.models.link_public_rate_mixin import (
    LinkTooManyFromOneAddress,
)

MARK = "Public form race test"
ADDRESS = "192.0.2.77"


@tagged("post_install", "-at_install")
class TestPublicFeedbackRace(TransactionCase):
    """The hourly limit per address holds between real transactions on
    separate connections, committed as in production (the test cleans up
    after itself): a request that started before another one from the same
    address committed still counts it."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def _submit(self, cr):
        return self._env(cr)["link.feedback"]._submit_public(
            {"what_bad": MARK}, [], ADDRESS
        )

    def _clean(self):
        with self.registry.cursor() as cr:
            feedback = (
                self._env(cr)["link.feedback"]
                .with_context(active_test=False)
                .search([("what_bad", "=", MARK)])
            )
            feedback.unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_a_request_waiting_for_the_lock_sees_what_was_committed(self):
        self.addCleanup(self._clean)
        with self.registry.cursor() as cr:
            limit = self._env(cr).company.link_feedback_hourly_limit
            for _n in range(limit - 1):
                self._submit(cr)
            cr.commit()  # pylint: disable=invalid-commit
        late = self.registry.cursor()
        try:
            # The late request has begun: its snapshot is taken...
            late.execute("SELECT 1")
            # ... when another one from the same address takes the last
            # place and commits.
            with self.registry.cursor() as cr:
                self._submit(cr)
                cr.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(LinkTooManyFromOneAddress):
                self._submit(late)
        finally:
            late.rollback()
            late.close()
        with self.registry.cursor() as cr:
            stored = (
                self._env(cr)["link.feedback"]
                .with_context(active_test=False)
                .search_count([("what_bad", "=", MARK)])
            )
        self.assertEqual(stored, limit)
