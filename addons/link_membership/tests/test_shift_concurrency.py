# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import random
import threading
import time
from datetime import datetime, timedelta

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

SIGN_UPS = 20
PLACES = 3


@tagged("post_install", "-at_install")
class TestShiftConcurrency(TransactionCase):
    """Real transactions on separate connections, committed, as in
    production: the test cleans up after itself."""

    def _committed(self, func):
        with self.registry.cursor() as cr:
            result = func(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()  # pylint: disable=invalid-commit
            return result

    def test_parallel_sign_ups_never_overfill_and_queue_in_order(self):
        def setup(env):
            role = env["link.volunteer.role"].create({"name": "Concurrency test role"})
            start = datetime(2031, 6, 2, 10)
            shift = env["link.shift"].create(
                {
                    "name": "Concurrency test shift",
                    "role_id": role.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=3),
                    "max_volunteers": PLACES,
                    "state": "open",
                }
            )
            people = env["res.partner"].create(
                [
                    {"name": f"Parallel volunteer {i}", "email": f"p{i}@example.org"}
                    for i in range(SIGN_UPS)
                ]
            )
            return role.id, shift.id, people.ids

        role_id, shift_id, partner_ids = self._committed(setup)
        self.addCleanup(
            self._committed,
            lambda env: self._clean(env, role_id, shift_id, partner_ids),
        )

        barrier = threading.Barrier(SIGN_UPS, timeout=60)
        errors, retries = [], []

        def sign_up(partner_id):
            # What Odoo's request handling does: on a serialization failure,
            # roll back and try again a little later in a new transaction.
            # (odoo.service.model.retrying cannot be used here: it looks the
            # registry up under a lock the test runner holds.)
            for attempt in range(8):
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    if not attempt:
                        # Take the snapshot before anyone commits, so that
                        # the sign-ups really overlap.
                        cr.execute("SELECT 1")
                        barrier.wait()
                    try:
                        env["link.shift.assignment"].create(
                            {"shift_id": shift_id, "partner_id": partner_id}
                        )
                        env.flush_all()
                        cr.commit()  # pylint: disable=invalid-commit
                        return
                    except psycopg2.errors.SerializationFailure:
                        cr.rollback()
                        retries.append(partner_id)
                time.sleep(random.uniform(0, 0.05 * 2**attempt))
            errors.append(f"{partner_id} never got through")

        threads = [
            threading.Thread(target=sign_up, args=(partner_id,))
            for partner_id in partner_ids
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        # Only the confirmations conflict: joining a waiting list does not
        # write the shift row.
        _logger.info("%s parallel sign-ups: %s retries", SIGN_UPS, len(retries))

        def outcome(env):
            places = env["link.shift.assignment"].search(
                [("shift_id", "=", shift_id)], order="signup_date, id"
            )
            shift = env["link.shift"].browse(shift_id)
            return (
                places.mapped("state"),
                [p.signup_date for p in places],
                shift.confirmed_count,
                shift.state,
            )

        states, signup_dates, confirmed_count, shift_state = self._committed(outcome)
        self.assertEqual(len(states), SIGN_UPS)
        self.assertEqual(states.count("confirmed"), PLACES)
        self.assertEqual(states.count("waitlisted"), SIGN_UPS - PLACES)
        self.assertEqual(confirmed_count, PLACES)
        self.assertEqual(shift_state, "full")
        # Whoever signed up first got the places; the queue keeps that order.
        self.assertEqual(states[:PLACES], ["confirmed"] * PLACES)
        self.assertEqual(signup_dates, sorted(signup_dates))

    def _clean(self, env, role_id, shift_id, partner_ids):
        places = env["link.shift.assignment"].search([("shift_id", "=", shift_id)])
        env["mail.mail"].search(
            [("model", "=", "link.shift.assignment"), ("res_id", "in", places.ids)]
        ).unlink()
        places.unlink()
        env["link.shift"].browse(shift_id).unlink()
        env["link.volunteer.role"].browse(role_id).unlink()
        env["res.partner"].browse(partner_ids).unlink()
