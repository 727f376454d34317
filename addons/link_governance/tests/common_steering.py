# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.link_follow_through.tests.test_decisions_act import (
    FollowThroughCase,
)


class SteeringCase(FollowThroughCase):
    """FollowThroughCase's partners, reps and users, an approved work plan
    for 2026/27, lay members (one a volunteer) and a host officer's login;
    meetings are planned by staff. Tests freeze time in June 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.member = Partner.create(
            {"name": "Lay Member Lucy", "link_membership_type": "full"}
        )
        cls.volunteer = Partner.create(
            {
                "name": "Volunteer Vik",
                "link_membership_type": "full",
                "link_is_volunteer": True,
            }
        )
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Governance test plan",
                "date_start": date(2026, 4, 1),
                "date_end": date(2027, 3, 31),
                "state": "approved",
            }
        )
        cls.stream = cls.env["link.workstream"].create(
            {"name": "Governance test stream", "workplan_id": cls.plan.id}
        )
        cls.Meeting = cls.env["link.steering.meeting"].with_user(cls.staff)
        cls.Decision = cls.env["link.decision"]
        cls.ref = cls.env.ref

    def _meeting(self, when=datetime(2026, 6, 10, 17, 0), **vals):
        return self.Meeting.create(
            {
                "name": "Steering group June",
                "start": when,
                "attendee_ids": [
                    Command.set(
                        (self.member | self.volunteer | self.staff.partner_id).ids
                    )
                ],
                **vals,
            }
        )

    def _actions(self, count, due=date(2026, 6, 1)):
        return self.env["link.workplan.action"].create(
            [
                {
                    "name": f"Governance due action {n}",
                    "workstream_id": self.stream.id,
                    "deadline_text": "Ongoing",
                    "next_review_date": due,
                }
                for n in range(count)
            ]
        )

    def _items_about(self, meeting, records):
        return meeting.agenda_item_ids.filtered(
            lambda i: i.res_model == records._name and i.res_id in records.ids
        )
