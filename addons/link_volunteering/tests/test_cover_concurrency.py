# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import random
import threading
import time
from datetime import datetime, timedelta

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

ASKED = 8


@tagged("post_install", "-at_install")
class TestCoverConcurrency(TransactionCase):
    """Every volunteer asked accepts at the same instant, in real committed
    transactions: exactly one gets the place, the others are told it is
    taken. The test cleans up after itself."""

    def _committed(self, func):
        with self.registry.cursor() as cr:
            result = func(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()  # pylint: disable=invalid-commit
            return result

    def test_the_first_to_accept_gets_it_under_contention(self):
        tag = f"{os.getpid()}-{random.randrange(10**6)}"

        def setup(env):
            role = env["link.volunteer.role"].create({"name": f"Cover race {tag}"})
            start = datetime(2031, 6, 2, 10)
            shift = env["link.shift"].create(
                {
                    "name": f"Cover race shift {tag}",
                    "role_id": role.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=3),
                    "min_volunteers": 1,
                    "max_volunteers": 1,
                    "state": "open",
                }
            )
            people = env["res.partner"].create(
                [
                    {"name": f"Racer {i} {tag}", "email": f"racer{i}.{tag}@example.org"}
                    for i in range(ASKED)
                ]
            )
            request = env["link.cover.request"].create(
                {"shift_id": shift.id, "state": "open", "ask_count": ASKED}
            )
            offers = env["link.cover.offer"].create(
                [
                    {"request_id": request.id, "partner_id": person.id, "rank": rank}
                    for rank, person in enumerate(people, start=1)
                ]
            )
            return role.id, shift.id, people.ids, request.id, offers.ids

        role_id, shift_id, partner_ids, request_id, offer_ids = self._committed(setup)
        self.addCleanup(
            self._committed,
            lambda env: self._clean(env, role_id, shift_id, partner_ids, request_id),
        )
        barrier = threading.Barrier(ASKED, timeout=60)
        outcomes = []

        def accept(offer_id):
            # Odoo's request handling retries a serialization failure in a
            # new transaction.
            for attempt in range(10):
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    if not attempt:
                        cr.execute("SELECT 1")  # every snapshot before a commit
                        barrier.wait()
                    try:
                        env["link.cover.offer"].browse(offer_id)._accept()
                        env.flush_all()
                        cr.commit()  # pylint: disable=invalid-commit
                        outcomes.append("accepted")
                        return
                    except psycopg2.errors.SerializationFailure:
                        cr.rollback()
                    except (UserError, ValidationError) as error:
                        cr.rollback()
                        outcomes.append(error.args[0])
                        return
                time.sleep(random.uniform(0, 0.05 * 2**attempt))
            outcomes.append("never got through")

        threads = [threading.Thread(target=accept, args=(o,)) for o in offer_ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual(outcomes.count("accepted"), 1, outcomes)
        refused = [outcome for outcome in outcomes if outcome != "accepted"]
        self.assertEqual(len(refused), ASKED - 1)
        for message in refused:
            self.assertIn("Someone else has already covered this shift", message)

        def outcome(env):
            request = env["link.cover.request"].browse(request_id)
            shift = env["link.shift"].browse(shift_id)
            return (
                request.state,
                sorted(request.offer_ids.mapped("state")),
                shift.assignment_ids.mapped("state"),
            )

        state, offer_states, places = self._committed(outcome)
        self.assertEqual(state, "filled")
        self.assertEqual(offer_states, ["accepted"] + ["taken"] * (ASKED - 1))
        self.assertEqual(places, ["confirmed"])

    def _clean(self, env, role_id, shift_id, partner_ids, request_id):
        places = env["link.shift.assignment"].search([("shift_id", "=", shift_id)])
        request = env["link.cover.request"].browse(request_id)
        env["mail.mail"].search(
            [
                "|",
                "&",
                ("model", "=", "link.shift.assignment"),
                ("res_id", "in", places.ids),
                "&",
                ("model", "=", "link.cover.offer"),
                ("res_id", "in", request.offer_ids.ids),
            ]
        ).unlink()
        request.offer_ids.unlink()
        request.write({"state": "draft"})
        request.unlink()
        places.unlink()
        env["link.shift"].browse(shift_id).unlink()
        env["link.volunteer.role"].browse(role_id).unlink()
        env["res.partner"].browse(partner_ids).unlink()
