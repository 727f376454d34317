# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import WKHTMLTOPDF_LOGGER, LinkCase, render_pdfs_offline

# The section title each LINk addon adds to the pack.
SECTIONS = {
    "link_membership": "Membership and representativeness",
    "link_protocols": "Partner SLA compliance",
    "link_workplan": "Work plan RAG summary",
    "link_enter_view": "Enter and view activity",
}


class MonitoringCase(LinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        render_pdfs_offline(cls.env)
        # These tests count in calendar quarters (a contract year from
        # January); test_contract_year covers the April default.
        cls.env.company.link_contract_start_month = "1"
        cls.Period = cls.env["link.monitoring.period"]
        cls.ward = cls.env["link.ward"].create(
            {
                "name": "Monitoring Ward",
                "code": "E05009999",
                "local_authority": "Testshire",
            }
        )

    def _member(self, name, join_date, **vals):
        return self.env["res.partner"].create(
            dict(
                {
                    "name": name,
                    "link_membership_type": "full",
                    "link_join_date": join_date,
                    "link_ward_id": self.ward.id,
                },
                **vals,
            )
        )

    def _period(self, year, quarter, **vals):
        date_from, date_to = self.Period._period_dates("quarter", year, quarter)
        return self.Period.with_user(self.manager).create(
            dict(
                {
                    "name": f"{year} Q{quarter}",
                    "date_from": date_from,
                    "date_to": date_to,
                },
                **vals,
            )
        )

    def _figures(self, period):
        return {f.code: (f.value, f.previous_value) for f in period.figure_ids}

    def _html(self, period):
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "link_membership.link_monitoring_period_report", period.ids
        )
        return html.decode()


class TestMonitoringFigures(MonitoringCase):
    def test_pack_figures_equal_pivot_totals(self):
        """The pack's figures are the totals the pivots show for the quarter,
        on demo data plus a member and a volunteer place of our own."""
        self._member("Quarter Joiner", "2026-05-10")
        period = self._period(2026, 2)
        period.action_refresh_figures()
        figures = self._figures(period)
        members = self.env["link.membership.report"].with_user(self.monitor)
        [joined] = members.read_group(
            [("join_date", ">=", "2026-04-01"), ("join_date", "<=", "2026-06-30")],
            ["member_count:sum"],
            [],
        )
        self.assertGreaterEqual(joined["member_count"], 1)
        self.assertEqual(figures["members_joined"][0], joined["member_count"])
        [total] = members.read_group(
            members._members_at_domain("2026-06-30"), ["member_count:sum"], []
        )
        self.assertEqual(figures["members_total"][0], total["member_count"])
        by_ward = members.read_group(
            members._members_at_domain("2026-06-30"),
            ["member_count:sum"],
            ["ward_id"],
        )
        self.assertEqual(
            figures["wards_covered"][0], len([g for g in by_ward if g["ward_id"]])
        )
        hours = self.env["link.volunteering.report"].with_user(self.monitor)
        [done] = hours.read_group(
            [("date", ">=", "2026-04-01"), ("date", "<=", "2026-06-30")],
            ["hours_done:sum"],
            [],
        )
        self.assertEqual(figures["volunteer_hours"][0], done["hours_done"] or 0)

    def test_previous_quarter_beside_the_figures(self):
        self._member("Spring Joiner", "2026-02-10")
        self._member("Summer Joiner", "2026-05-10")
        self._member("Second Summer Joiner", "2026-06-10")
        period = self._period(2026, 2)
        period.action_refresh_figures()
        joined, before = self._figures(period)["members_joined"]
        self.assertGreaterEqual(joined, 2)
        self.assertGreaterEqual(before, 1)
        self.assertEqual(joined - before, 1 + self._demo_joined_difference())

    def _demo_joined_difference(self):
        members = self.env["link.membership.report"]
        counts = [
            members.search_count(members._joined_domain(start, end))
            for start, end in (
                ("2026-04-01", "2026-06-30"),
                ("2026-01-01", "2026-03-31"),
            )
        ]
        return counts[0] - counts[1] - 1

    def test_wizard_makes_one_period_per_quarter(self):
        wizard = self.env["link.monitoring.wizard"].with_user(self.staff)
        # 2024: the demo period is the contract quarter before the day the
        # database was made, which may be July to September 2026.
        values = {"period_type": "quarter", "year": 2024, "quarter": "3"}
        wizard.create(dict(values, narrative="<p>First draft</p>")).action_produce()
        action = wizard.create(dict(values, narrative="<p>Second</p>")).action_produce()
        period = self.Period.search([("name", "=", "2024 Q3")])
        self.assertEqual(len(period), 1)
        self.assertEqual(str(period.date_to), "2024-09-30")
        self.assertIn("Second", period.narrative)
        self.assertTrue(period.figure_ids)
        self.assertEqual(
            action["report_name"], "link_membership.report_monitoring_pack"
        )
        year = wizard.create({"period_type": "year", "year": 2026})._period()
        self.assertEqual(
            (str(year.date_from), str(year.date_to)), ("2026-01-01", "2026-12-31")
        )


class TestMonitoringEquality(MonitoringCase):
    def test_equality_profile_in_the_pack_is_suppressed_like_the_report(self):
        members = [self._member(f"Equality member {i}", "2020-01-01") for i in range(8)]
        self.env["link.equality.profile"].create(
            [
                {"partner_id": member.id, "sex": "female" if i < 6 else "male"}
                for i, member in enumerate(members)
            ]
        )
        period = self._period(2026, 4)
        period.with_user(self.staff).action_refresh_figures()
        lines = {f.code: f for f in period.figure_ids if f.section == "equality"}
        report = self.env["link.equality.report"].with_user(self.monitor)
        for group in report.read_group(
            [], ["member_count:sum"], ["characteristic", "answer"], lazy=False
        ):
            line = lines[f"equality_{group['characteristic']}_{group['answer']}"]
            self.assertEqual(line.suppressed, group["member_count"] is False)
            self.assertEqual(line.value, group["member_count"] or 0)
        self.assertTrue(any(line.suppressed for line in lines.values()))
        html = self._html(period)
        self.assertIn("Equality profile of the membership", html)
        self.assertIn("Sex: Female", html)


@tagged("post_install", "-at_install")
class TestMonitoringPack(MonitoringCase):
    def _issue(self, period):
        with mute_logger(WKHTMLTOPDF_LOGGER):
            period.with_user(self.manager).action_issue()
        pdf = base64.b64decode(period.attachment_id.datas)
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def test_pack_has_the_sections_of_the_installed_addons(self):
        self._member("Pack Member", "2026-05-10")
        target = self.env["link.membership.target"].create(
            {
                "name": "Members in the contract year",
                "kind": "member_count",
                "target_value": 400,
                "date_start": "2026-04-01",
                "date_end": "2027-03-31",
            }
        )
        period = self._period(2026, 2, narrative="<p>A busy quarter on the wards.</p>")
        period.action_refresh_figures()
        html = self._html(period)
        installed = set(
            self.env["ir.module.module"]
            .search([("name", "in", list(SECTIONS)), ("state", "=", "installed")])
            .mapped("name")
        )
        for addon, title in SECTIONS.items():
            with self.subTest(addon=addon):
                self.assertEqual(title in html, addon in installed)
        self.assertIn("Volunteer hours", html)
        [line] = period.figure_ids.filtered(lambda f: f.code == f"target_{target.id}")
        self.assertEqual((line.target_value, line.value), (400, target.actual))
        self.assertIn("Contract targets", html)
        self.assertIn("Members in the contract year", html)
        self.assertIn("A busy quarter on the wards.", html)
        self.assertNotIn("Pack Member", html)

    def test_pdf_for_an_empty_quarter_and_a_full_one(self):
        empty = self._period(2019, 1)
        self._issue(empty)
        # The equality profile is the membership's when the figures are taken.
        self.assertFalse(
            any(f.value for f in empty.figure_ids if f.section != "equality")
        )
        self._member("Full Quarter Member", "2026-05-10")
        full = self._period(2026, 2, narrative="<p>Full quarter</p>")
        self._issue(full)
        self.assertTrue(any(f.value for f in full.figure_ids))

    def test_issued_quarter_never_changes(self):
        self._member("Before Issue", "2026-05-10")
        period = self._period(2026, 2, narrative="<p>As issued</p>")
        pdf = self._issue(period)
        self.assertEqual(period.state, "issued")
        self.assertTrue(period.issued_on)
        figures = self._figures(period)
        # Records change afterwards: the issued figures and PDF do not.
        self._member("After Issue", "2026-06-01")
        self.env["res.partner"].search(
            [("name", "=", "Before Issue")]
        ).link_leave_date = "2026-05-20"
        self.assertEqual(self._figures(period), figures)
        with self.assertRaises(UserError):
            period.action_refresh_figures()
        with self.assertRaises(UserError):
            period.with_user(self.manager).write({"narrative": "<p>Rewritten</p>"})
        with self.assertRaises(UserError):
            period.figure_ids[:1].with_user(self.staff).write({"value": 999})
        with self.assertRaises(UserError):
            period.figure_ids[:1].with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            self.env["link.monitoring.figure"].create(
                {"period_id": period.id, "section": "x", "code": "x", "label": "x"}
            )
        with self.assertRaises(UserError):
            period.with_user(self.manager).unlink()
        self.assertIn("As issued", period.narrative)
        # Printing again gives the stored pack, not a new rendering.
        report = self.env.ref("link_membership.link_monitoring_period_report")
        again, __ = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, period.ids
        )
        self.assertEqual(again, pdf)
        # It can still be sent to the council from the chatter.
        action = period.with_user(self.staff).action_send_pack()
        self.assertEqual(
            action["context"]["default_attachment_ids"], period.attachment_id.ids
        )
        period.with_user(self.staff).message_post(
            body="Pack sent", attachment_ids=period.attachment_id.ids
        )


class TestMonitorAccess(MonitoringCase):
    """The council's contract monitor reads the reports, never a person."""

    def test_monitor_reads_reports_and_packs(self):
        self._member("Counted Member", "2026-05-10")
        period = self._period(2026, 2)
        period.action_refresh_figures()
        for model in ("link.membership.report", "link.volunteering.report"):
            with self.subTest(model=model):
                groups = self.env[model].with_user(self.monitor).read_group([], [], [])
                self.assertTrue(groups)
        as_monitor = period.with_user(self.monitor)
        self.assertTrue(as_monitor.figure_ids.mapped("value"))
        with self.assertRaises(AccessError):
            as_monitor.write({"narrative": "<p>Monitor edit</p>"})

    def test_monitor_cannot_open_a_person(self):
        member = self._member("Private Person", "2026-05-10")
        organisation = self.env["res.partner"].create(
            {"name": "Care Provider Ltd", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Provider Contact", "parent_id": organisation.id}
        )
        partners = self.env["res.partner"].with_user(self.monitor)
        self.assertEqual(partners.browse(organisation.id).name, "Care Provider Ltd")
        self.assertEqual(
            partners.browse(self.monitor.partner_id.id).name, "link_monitor"
        )
        for person in (member, contact, self.portal_user.partner_id):
            with self.subTest(person=person.name):
                with self.assertRaises(AccessError):
                    partners.browse(person.id).read(["name"])
                self.assertFalse(partners.search([("id", "=", person.id)]))
        # Staff still see people.
        self.assertEqual(member.with_user(self.staff).name, "Private Person")

    def test_monitor_cannot_read_volunteers_or_equality_answers(self):
        for model in (
            "link.shift.assignment",
            "link.equality.profile",
            "link.qualification",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.monitor).search([])
        # The membership report has no name to give away.
        self.assertNotIn("name", self.env["link.membership.report"]._fields)
        self.assertNotIn("partner_id", self.env["link.volunteering.report"]._fields)


class TestMonitoringViews(MonitoringCase):
    def test_reporting_views_open_for_the_monitor_as_totals(self):
        kinds = [(False, kind) for kind in ("pivot", "graph", "list", "search")]
        for model in ("link.membership.report", "link.volunteering.report"):
            with self.subTest(model=model):
                Report = self.env[model].with_user(self.monitor)
                arch = Report.get_views(kinds)
                self.assertIn("pivot", arch["views"])
                groups = Report.web_read_group([], ["__count"], ["ward_id"])
                self.assertIn("groups", groups)
        period = self._period(2026, 2)
        arch = period.with_user(self.monitor).get_views(
            [(False, "form"), (False, "list")]
        )
        self.assertIn("figure_ids", arch["views"]["form"]["arch"])
        self.assertEqual(
            period.with_user(self.monitor).read(["name"])[0]["name"], "2026 Q2"
        )
