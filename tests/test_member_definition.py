# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One member rule across the addons (#17): on the edges of today (a future
joiner, leavers of yesterday, today and tomorrow, an organisation member),
an opportunity's audience and a work plan's recruitment output count the
people the membership status, its search and the membership report count."""

from datetime import date, timedelta

from odoo.addons.link_membership.tests.test_member_definition import (
    MemberEdgesCase,
)

from .common import SuiteTagsMixin


class TestMemberDefinitionAcrossAddons(SuiteTagsMixin, MemberEdgesCase):
    def _members_by_status(self):
        return (
            self.env["res.partner"]
            .with_user(self.staff)
            .search(
                [("id", "in", self.everyone.ids), ("link_member_state", "=", "active")]
            )
        )

    def test_an_opportunity_reaches_the_members_of_today(self):
        trust = self.env["res.partner"].create({"name": "Trust", "is_company": True})
        opportunity = (
            self.env["link.opportunity"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Consultation",
                    "partner_id": trust.id,
                    "date_open": self.today,
                    "date_close": self.today + timedelta(days=30),
                }
            )
        )
        members = self._members_by_status()
        self.assertEqual(members, self.members_today)
        # An organisation is reached through its people.
        expected = (
            members.filtered(lambda p: not p.is_company) | self.organisation_contact
        )
        audience = opportunity._audience()
        self.assertEqual(
            audience & (self.everyone | self.organisation_contact), expected
        )
        [[count]] = (
            self.env["link.membership.report"]
            .with_user(self.monitor)
            ._read_group(
                [("id", "in", self.everyone.ids), ("is_member", "=", True)],
                [],
                ["member_count:sum"],
            )
        )
        self.assertEqual(count, len(members))

    def test_recruitment_output_counts_who_has_joined(self):
        plan = self.env["link.workplan"].create(
            {
                "name": "Edges",
                "date_start": date(2020, 1, 1),
                "date_end": self.today + timedelta(days=365),
            }
        )
        Output = self.env["link.workplan.output"].with_user(self.staff)

        def recruited(date_start, date_end, measure="members_recruited"):
            return Output.create(
                {
                    "workplan_id": plan.id,
                    "name": "Recruitment",
                    "target": 10,
                    "date_start": date_start,
                    "date_end": date_end,
                    "measure": measure,
                }
            ).actual

        # Only our people joined in these periods (demo members set aside).
        around_today = recruited(self.yesterday, self.tomorrow)
        self.assertEqual(around_today, 1, "joined today, not the one joining tomorrow")
        Partner = self.env["res.partner"].with_user(self.staff)
        joined_by_status = Partner.search_count(
            [
                ("id", "in", self.everyone.ids),
                ("link_join_date", "!=", False),
                ("link_member_state", "!=", "joining"),
            ]
        )
        self.assertEqual(recruited(date(2020, 1, 1), self.tomorrow), joined_by_status)
        Report = self.env["link.membership.report"].with_user(self.monitor)
        [[count]] = Report._read_group(
            Report._joined_domain(date(2020, 1, 1), self.tomorrow),
            [],
            ["member_count:sum"],
        )
        self.assertEqual(count, joined_by_status)
        self.assertEqual(
            recruited(date(2020, 1, 1), self.tomorrow, "full_members_recruited"),
            joined_by_status - 2,
            "not the participant nor the organisation",
        )
