# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import os
import random
import threading
import time
from datetime import datetime, timedelta

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

_logger = logging.getLogger(__name__)

SIGN_UPS = 20
PLACES = 3
ROUNDS = int(os.environ.get("LINK_CONCURRENCY_ROUNDS", "20"))
CLASH = "is already confirmed on"


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


@tagged("post_install", "-at_install")
class TestPersonBookingConcurrency(TransactionCase):
    """One volunteer booked onto two overlapping shifts at the same instant,
    by a staff member and by the volunteer on the portal, in real committed
    transactions: exactly one booking survives each round, and the other
    request is told why."""

    def _committed(self, func):
        with self.registry.cursor() as cr:
            result = func(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()  # pylint: disable=invalid-commit
            return result

    def test_one_person_is_never_on_two_overlapping_shifts(self):
        tag = f"{os.getpid()}-{random.randrange(10**6)}"

        def setup(env):
            role = env["link.volunteer.role"].create({"name": f"Overlap role {tag}"})
            staff = new_test_user(
                env,
                login=f"overlap_staff_{tag}",
                groups="base.group_user,link_membership.group_link_staff",
            )
            volunteer = new_test_user(
                env, login=f"overlap_volunteer_{tag}", groups="base.group_portal"
            )
            return role.id, staff.id, volunteer.id, volunteer.partner_id.id

        role_id, staff_uid, volunteer_uid, partner_id = self._committed(setup)
        shift_ids = []
        self.addCleanup(
            self._committed,
            lambda env: self._clean(
                env, role_id, shift_ids, [staff_uid, volunteer_uid], partner_id
            ),
        )

        def book(uid, shift_id, portal, barrier, outcomes):
            # Odoo's request handling retries a serialization failure in a
            # new transaction (see the test above for why not ``retrying``).
            for attempt in range(8):
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, uid, {})
                    if not attempt:
                        cr.execute("SELECT 1")  # both snapshots before a commit
                        barrier.wait()
                    Place = env["link.shift.assignment"]
                    try:
                        # The portal sign-up creates the place as superuser
                        # on the volunteer's behalf (controllers/portal.py).
                        (Place.sudo() if portal else Place).create(
                            {"shift_id": shift_id, "partner_id": partner_id}
                        )
                        env.flush_all()
                        cr.commit()  # pylint: disable=invalid-commit
                        outcomes.append(("booked", shift_id))
                        return
                    except psycopg2.errors.SerializationFailure:
                        cr.rollback()
                    except (UserError, ValidationError) as error:
                        cr.rollback()
                        outcomes.append(("refused", str(error)))
                        return
                    except Exception as error:  # noqa: BLE001  reported below
                        cr.rollback()
                        outcomes.append(("error", repr(error)))
                        return
                time.sleep(random.uniform(0, 0.05 * 2**attempt))
            outcomes.append(("error", "never got through"))

        for round_no in range(ROUNDS):

            def two_shifts(env, round_no=round_no):
                start = datetime(2032, 3, 1, 9) + timedelta(days=round_no)
                return (
                    env["link.shift"]
                    .create(
                        [
                            {
                                "name": f"Overlap {tag} {round_no} {part}",
                                "role_id": role_id,
                                "date_start": start + timedelta(hours=offset),
                                "date_end": start + timedelta(hours=offset + 3),
                                "max_volunteers": 2,
                                "state": "open",
                            }
                            for part, offset in (("a", 0), ("b", 1))
                        ]
                    )
                    .ids
                )

            pair = self._committed(two_shifts)
            shift_ids.extend(pair)
            barrier = threading.Barrier(2, timeout=60)
            outcomes = []
            threads = [
                threading.Thread(
                    target=book,
                    args=(staff_uid, pair[0], False, barrier, outcomes),
                ),
                threading.Thread(
                    target=book,
                    args=(volunteer_uid, pair[1], True, barrier, outcomes),
                ),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

            kinds = sorted(kind for kind, __ in outcomes)
            self.assertEqual(kinds, ["booked", "refused"], f"round {round_no}")
            refusal = next(detail for kind, detail in outcomes if kind == "refused")
            self.assertIn(CLASH, refusal, f"round {round_no}")
            held = self._committed(
                lambda env, pair=pair: (
                    env["link.shift.assignment"]
                    .search(
                        [
                            ("shift_id", "in", pair),
                            ("partner_id", "=", partner_id),
                            ("state", "in", ("waitlisted", "confirmed")),
                        ]
                    )
                    .shift_id.ids
                )
            )
            booked = next(detail for kind, detail in outcomes if kind == "booked")
            self.assertEqual(held, [booked], f"round {round_no}")

    def _clean(self, env, role_id, shift_ids, user_ids, partner_id):
        places = env["link.shift.assignment"].search([("shift_id", "in", shift_ids)])
        env["mail.mail"].search(
            [("model", "=", "link.shift.assignment"), ("res_id", "in", places.ids)]
        ).unlink()
        places.unlink()
        env["link.shift"].browse(shift_ids).unlink()
        env["link.volunteer.role"].browse(role_id).unlink()
        users = env["res.users"].browse(user_ids)
        partners = users.partner_id | env["res.partner"].browse(partner_id)
        users.unlink()
        partners.unlink()
