# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One member rule (#17): the status, its search, membership targets and the
reports count the same people, on the edges where they used to differ."""

import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.osv import expression
from odoo.tools import SQL

from ..models.res_partner import ACTIVE_MEMBER_FIELDS
from .common import LinkCase


class MemberEdgesCase(LinkCase):
    """Contacts on either side of today's edges: a future joiner, one who
    joined today, one who leaves tomorrow, one who left today, one who left
    yesterday, and an organisation member with a contact person.

    The report views read the database's CURRENT_DATE, which freezegun does
    not move: the tests run frozen on the database's day, so that Python and
    SQL mean the same today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.cr.execute(SQL("SELECT CURRENT_DATE"))
        cls.today = cls.env.cr.fetchone()[0]
        cls.startClassPatcher(freeze_time(f"{cls.today} 12:00:00"))
        cls.yesterday = cls.today - timedelta(days=1)
        cls.tomorrow = cls.today + timedelta(days=1)
        cls._set_aside_demo_data(wards=True)
        cls.ward = cls.env["link.ward"].create({"name": "Edge", "code": "E05007001"})
        Partner = cls.env["res.partner"]
        long_ago = date(2020, 1, 1)
        people = {
            "joins_tomorrow": {"link_join_date": cls.tomorrow},
            "joined_today": {
                "link_join_date": cls.today,
                "link_membership_type": "participant",
            },
            "leaves_tomorrow": {"link_leave_date": cls.tomorrow},
            "left_today": {"link_leave_date": cls.today},
            "left_yesterday": {"link_leave_date": cls.yesterday},
            "organisation": {
                "is_company": True,
                "link_membership_type": "organisation",
            },
            "join_unknown": {},
        }
        cls.people = {}
        for key, vals in people.items():
            cls.people[key] = Partner.create(
                {
                    "name": key.replace("_", " ").capitalize(),
                    "email": f"{key}@example.org",
                    "link_membership_type": "full",
                    "link_join_date": long_ago,
                    "link_leave_reason": "link_leave_date" in vals and "Moved",
                    "link_ward_id": cls.ward.id,
                    "link_mailing_consent": True,
                    "link_mailing_consent_date": long_ago,
                    **vals,
                }
            )
        # A member from before the register kept join dates.
        cls.people["join_unknown"].link_join_date = False
        cls.organisation_contact = Partner.create(
            {
                "name": "Organisation contact",
                "parent_id": cls.people["organisation"].id,
                "email": "contact@example.org",
            }
        )
        cls.everyone = Partner.union(*cls.people.values())
        cls.members_today = cls._people(
            "joined_today", "leaves_tomorrow", "organisation", "join_unknown"
        )

    @classmethod
    def _people(cls, *keys):
        return cls.env["res.partner"].union(*(cls.people[key] for key in keys))


class TestMemberDefinition(MemberEdgesCase):
    def test_status_and_its_search_agree(self):
        everyone = self.everyone.with_user(self.staff)
        expected = {
            "joins_tomorrow": "joining",
            "joined_today": "active",
            "leaves_tomorrow": "active",
            "left_today": "left",
            "left_yesterday": "left",
            "organisation": "active",
            "join_unknown": "active",
        }
        self.assertEqual(
            {
                key: self.people[key].with_user(self.staff).link_member_state
                for key in expected
            },
            expected,
        )
        Partner = self.env["res.partner"].with_user(self.staff)
        for state in ("joining", "active", "left", False):
            shown = everyone.filtered(
                lambda p, state=state: p.link_member_state == state
            )
            for operator, found in (("=", shown), ("!=", everyone - shown)):
                with self.subTest(state=state, operator=operator):
                    self.assertEqual(
                        Partner.search(
                            [
                                ("id", "in", everyone.ids),
                                ("link_member_state", operator, state),
                            ]
                        ),
                        found,
                    )
        self.assertEqual(
            Partner.search(
                [("id", "in", everyone.ids), ("link_member_state", "=", "active")]
            ),
            self.members_today,
        )

    def test_a_target_counts_the_members_of_the_day(self):
        Target = self.env["link.membership.target"].with_user(self.manager)
        period = {
            "date_start": date(2020, 1, 1),
            "date_end": self.today + timedelta(days=365),
        }
        everyone = Target.create({"name": "All", "kind": "member_count", **period})
        groups = Target.create(
            {
                "name": "Groups",
                "kind": "member_count",
                "membership_type": "organisation",
                **period,
            }
        )
        wards = Target.create({"name": "Wards", "kind": "ward_coverage", **period})
        everyone, groups, wards = (everyone | groups | wards).with_user(self.monitor)
        self.assertEqual(everyone.actual, len(self.members_today))
        self.assertEqual(groups.actual, 1, "an organisation member is a member")
        self.assertTrue(wards.met)

    def test_the_membership_report_counts_the_same_members(self):
        Report = self.env["link.membership.report"].with_user(self.monitor)
        Partner = self.env["res.partner"].with_user(self.staff)
        ours = [("id", "in", self.everyone.ids)]

        def report_count(domain):
            [[count]] = Report._read_group(
                expression.AND([ours, domain]), [], ["member_count:sum"]
            )
            return count or 0

        self.assertEqual(
            report_count([("is_member", "=", True)]), len(self.members_today)
        )
        for day in (self.yesterday, self.today, self.tomorrow):
            members = Partner.search(
                ours + Partner._link_active_member_domain(day, day)
            )
            with self.subTest(day=day):
                self.assertEqual(
                    report_count(Report._members_at_domain(day)), len(members)
                )
        self.assertEqual(
            Partner.search(ours + Partner._link_active_member_domain(self.tomorrow)),
            self._people(
                "joins_tomorrow", "joined_today", "organisation", "join_unknown"
            ),
        )
        # Recruits: the future joiner is not one yet, the leavers were; a
        # member with no join date was recruited in no period.
        self.assertEqual(
            report_count(Report._joined_domain(self.yesterday, self.tomorrow)), 1
        )
        self.assertEqual(
            report_count(Report._joined_domain(date(2020, 1, 1), self.tomorrow)),
            len(self.everyone - self._people("joins_tomorrow", "join_unknown")),
        )
        figures = {
            code: value
            for code, __, value in Report._link_figures(self.yesterday, self.today)
        }
        self.assertEqual(
            figures["members_total"],
            Partner.search_count(Partner._link_active_member_domain(self.today)),
        )

    def test_people_only_reports_leave_organisations_out(self):
        # Ward representation and equality monitoring are about people: the
        # member rule, then the named people-only filter.
        people_today = self.members_today.filtered(lambda p: not p.is_company)
        self.assertEqual(len(people_today), 3)
        [row] = (
            self.env["link.ward.representation"]
            .with_user(self.monitor)
            .search([("ward_id", "=", self.ward.id)])
        )
        self.assertEqual(row.member_count, len(people_today))
        [[count]] = (
            self.env["link.equality.report"]
            .with_user(self.equality_officer)
            ._read_group(
                [("characteristic", "=", "sex"), ("ward_id", "=", self.ward.id)],
                [],
                ["member_count:sum"],
            )
        )
        self.assertEqual(count, len(people_today))

    def test_the_sql_twin_is_the_domain(self):
        Partner = self.env["res.partner"]
        archived = Partner.create(
            {"name": "Archived", "link_membership_type": "full", "active": False}
        )
        not_a_member = Partner.create({"name": "Not a member"})
        contacts = self.everyone | archived | not_a_member
        self.env.flush_all()

        def by_sql(*days):
            self.env.cr.execute(
                SQL(
                    "SELECT p.id FROM res_partner p WHERE p.id = ANY(%s) AND %s",
                    contacts.ids,
                    Partner._link_active_member_sql("p", *days),
                )
            )
            return Partner.browse(sorted(row[0] for row in self.env.cr.fetchall()))

        def by_domain(*days):
            return Partner.with_context(active_test=False).search(
                [
                    ("id", "in", contacts.ids),
                    *Partner._link_active_member_domain(*days),
                ],
                order="id",
            )

        days = [self.yesterday, self.today, self.tomorrow]
        spans = [(day,) for day in days] + [
            (self.yesterday, self.tomorrow),
            (self.today, self.tomorrow),
        ]
        for span in spans:
            with self.subTest(span=span):
                self.assertEqual(by_sql(*span), by_domain(*span))
        self.assertEqual(by_sql(), by_domain(), "both default to today")
        self.assertIn(self.people["join_unknown"], by_sql())
        self.assertNotIn(archived, by_sql())

    def test_member_fields_are_the_fields_the_rule_reads(self):
        """Reports depend (_depends) on ACTIVE_MEMBER_FIELDS: it must name
        every column the rule reads, in the domain and in SQL."""
        Partner = self.env["res.partner"]
        in_domain = {
            leaf[0]
            for leaf in Partner._link_active_member_domain(self.today)
            if isinstance(leaf, tuple)
        }
        in_sql = set(
            re.findall(r'"p"\.(\w+)', Partner._link_active_member_sql("p").code)
        )
        self.assertEqual(in_domain, set(ACTIVE_MEMBER_FIELDS))
        self.assertEqual(in_sql, set(ACTIVE_MEMBER_FIELDS))
