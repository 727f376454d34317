# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, datetime

from freezegun import freeze_time
from lxml import html as lxml_html
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfFileReader

from odoo.addons.link_membership.tests.common import (
    WKHTMLTOPDF_LOGGER,
    render_pdfs_offline,
)

NOTHING = "Nothing to report for this year."
# People who must never appear in an annual report.
PERSONAL = ("Winifred Oyelaran", "winifred.oyelaran@example.org", "Sam Signposted")


@tagged("post_install", "-at_install")
class AnnualReportCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        render_pdfs_offline(cls.env)
        cls.env.company.link_contract_start_month = "4"
        cls.staff = new_test_user(
            cls.env, login="ar_staff", groups="link_membership.group_link_staff"
        )
        cls.manager = new_test_user(
            cls.env, login="ar_manager", groups="link_membership.group_link_manager"
        )
        cls.steering = new_test_user(
            cls.env, login="ar_steering", groups="link_membership.group_link_steering"
        )
        cls.monitor = new_test_user(
            cls.env, login="ar_monitor", groups="link_membership.group_link_monitor"
        )
        cls.portal = new_test_user(
            cls.env, login="ar_portal", groups="base.group_portal"
        )
        cls.Report = cls.env["link.annual.report"]

    def _report(self, year, **vals):
        return self.Report.with_user(self.staff).create(dict({"year": year}, **vals))

    def _html(self, report, user=None):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user or self.staff)
            ._render_qweb_html("link_governance.link_annual_report_report", report.ids)
        )
        return html.decode()


class TestAnnualReport(AnnualReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A full contract year: 2021/22, with a running plan and one of
        # everything the report draws on.
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Plan 2021/22",
                "date_start": date(2021, 4, 1),
                "date_end": date(2022, 3, 31),
                "state": "approved",
            }
        )
        cls.stream_a = cls.env["link.workstream"].create(
            {"name": "Hospital discharge", "workplan_id": cls.plan.id, "sequence": 1}
        )
        cls.stream_b = cls.env["link.workstream"].create(
            {"name": "Care homes", "workplan_id": cls.plan.id, "sequence": 2}
        )
        cls.env["link.workplan.output"].create(
            {
                "workplan_id": cls.plan.id,
                "workstream_id": cls.stream_b.id,
                "name": "Care homes visited",
                "unit": "visits",
                "previous_year": 3,
                "target": 6,
                "actual_entered": 4,
                "date_start": date(2021, 4, 1),
                "date_end": date(2022, 3, 31),
            }
        )
        Partner = cls.env["res.partner"]
        cls.provider = Partner.create({"name": "Elmside Care Ltd", "is_company": True})
        cls.premises = Partner.create(
            {
                "name": "Elm Court Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
                "link_provider_id": cls.provider.id,
            }
        )
        cls.visit = cls.env["link.ev.visit"].create(
            {
                "premises_id": cls.premises.id,
                "provider_id": cls.provider.id,
                "date_visit": datetime(2021, 6, 10, 10, 0),
                "theme": "Mealtimes",
                "purpose": "To see how residents are helped to eat.",
                "state": "visited",
            }
        )
        cls.env["link.ev.recommendation"].create(
            {
                "visit_id": cls.visit.id,
                "name": "Offer a second sitting at lunch.",
                "status": "accepted",
                "answer": "A second sitting started in July.",
            }
        )
        cls.scrutiny = Partner.create(
            {
                "name": "Testshire Health Scrutiny Committee",
                "is_company": True,
                "link_partner_kind": "scrutiny",
            }
        )
        cls.env["link.referral"].create(
            {
                "recipient_id": cls.scrutiny.id,
                "subject": "Overnight closure of the minor injuries unit",
                "state": "sent",
                "date_sent": date(2021, 7, 1),
            }
        )
        cls.person = Partner.create(
            {"name": PERSONAL[0], "email": PERSONAL[1], "link_membership_type": "full"}
        )
        cls.env["link.feedback"].create(
            [
                {
                    "date": date(2021, 5, day),
                    "channel": "phone",
                    "what_bad": "Waited for medicines",
                    "partner_id": cls.person.id,
                    "contact_name": PERSONAL[0],
                }
                for day in range(1, 8)
            ]
            + [
                {"date": date(2021, 6, day), "channel": "web", "what_good": "Kind"}
                for day in range(1, 7)
            ]
            + [
                {
                    "date": date(2021, 5, 9),
                    "channel": "email",
                    "what_bad": "Lost letter",
                }
            ]
        )
        # The budget (allocated against approved costs) and the decision log.
        line = cls.env["link.budget.line"].create(
            {
                "workplan_id": cls.plan.id,
                "workstream_id": cls.stream_b.id,
                "name": "Visit expenses",
                "amount_allocated": 1200,
            }
        )
        cls.env["link.budget.cost"].create(
            {
                "budget_line_id": line.id,
                "name": "Travel to Elm Court",
                "date": date(2021, 6, 10),
                "amount": 45.5,
            }
        ).action_approve()
        Decision = cls.env["link.decision"]
        Decision.create(
            {
                "date": date(2021, 5, 20),
                "name": "Visit Elm Court Care Home",
                "type_id": cls.env.ref(
                    "link_governance.link_decision_type_premises"
                ).id,
                "route": "urgent",
                "urgent_reason": "Concerns about mealtimes",
                "lay_member_count": 3,
                "breach": True,
                "breach_explanation": "Taken by email: reported to the next meeting.",
            }
        )
        seat = cls.env["link.representation"].create(
            {
                "name": "Trust board seat",
                "partner_id": cls.provider.id,
                "representative_id": cls.person.id,
            }
        )
        cls.env["link.representation.report"].create(
            {
                "representation_id": seat.id,
                "date": date(2021, 9, 1),
                "hours": 3.5,
                "summary": "<p>Winifred Oyelaran reported on the board.</p>",
            }
        )
        role = cls.env["link.volunteer.role"].create({"name": "Stall helper"})
        shift = cls.env["link.shift"].create(
            {
                "role_id": role.id,
                "date_start": datetime(2021, 5, 1, 10, 0),
                "date_end": datetime(2021, 5, 1, 14, 0),
            }
        )
        cls.env["link.shift.assignment"].create(
            {"partner_id": cls.person.id, "shift_id": shift.id, "state": "attended"}
        )
        # Flexible work: a volunteer with no shift, whose approved claim
        # counts (hours and person), and one still waiting, which does not.
        outreach = Partner.create({"name": "Olu Outreach", "link_is_volunteer": True})
        approved, __ = cls.env["link.hours.claim"].create(
            [
                {
                    "partner_id": outreach.id,
                    "date": date(2021, 7, 3),
                    "hours": hours,
                    "description": "Leaflets at the market",
                }
                for hours in (2.0, 5.0)
            ]
        )
        approved.action_approve()
        cls.env.company.link_decision_procedure = "<p>Lay members decide.</p>"
        cls.env.company.link_volunteer_hour_rate = 12.5
        cls.env["link.signpost"].create(
            {
                "date": date(2021, 5, 3),
                "enquiry": "How to complain",
                "contact_name": PERSONAL[2],
            }
        )

    def _full(self):
        report = self._report(
            2021,
            foreword="<p>Our year in short.</p>",
            income_council=90000,
            income_other=1500,
            income_other_note="A lottery grant",
        )
        report.action_fill_streams()
        report.stream_ids.filtered(
            lambda line: line.workstream_id == self.stream_a
        ).narrative = "<p>Discharge got quicker.</p>"
        return report

    @freeze_time("2021-10-01")
    def test_contract_year_and_name(self):
        report = self._report(2021)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2021, 4, 1), date(2022, 3, 31))
        )
        self.assertEqual(report.name, "Annual report 2021/22")
        self.assertEqual(self.Report.with_user(self.staff).new({}).year, 2021)
        with self.assertRaises(ValidationError):
            self._report(26)
        with (
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self._report(2021)

    @freeze_time("2021-10-01")
    def test_fill_from_the_work_plan_is_idempotent(self):
        report = self._full()
        self.assertEqual(report.stream_ids.workstream_id, self.stream_a | self.stream_b)
        report.action_fill_streams()
        self.assertEqual(len(report.stream_ids), 2)
        self.assertIn("quicker", report.stream_ids[0].narrative)
        # A stream added to the plan later joins on the next fill.
        stream_c = self.env["link.workstream"].create(
            {"name": "Dentistry", "workplan_id": self.plan.id, "sequence": 3}
        )
        report.action_fill_streams()
        self.assertEqual(len(report.stream_ids), 3)
        self.assertEqual(report.stream_ids[-1].workstream_id, stream_c)
        # A draft plan's streams are not the year's.
        draft = self.env["link.workplan"].create(
            {
                "name": "Draft plan",
                "date_start": date(2021, 4, 1),
                "date_end": date(2022, 3, 31),
            }
        )
        self.env["link.workstream"].create({"name": "Draft", "workplan_id": draft.id})
        report.action_fill_streams()
        self.assertEqual(len(report.stream_ids), 3)

    @freeze_time("2021-10-01")
    def test_empty_year_says_nothing_to_report(self):
        report = self._report(2012)
        report.action_fill_streams()
        html = self._html(report)
        self.assertIn("Annual report 2012/13", html)
        # Every section of the year says so.
        page = lxml_html.fromstring(html)
        for section in (
            "views",
            "streams",
            "enter_view",
            "requests",
            "referrals",
            "representation",
            "outcomes",
            "volunteers",
            "governance",
            "finance",
        ):
            with self.subTest(section=section):
                [div] = page.xpath(f"//div[@id='link_annual_{section}']")
                self.assertIn(NOTHING, div.text_content())
        self.assertIn("There was no breach of the procedure this year.", html)
        self.assertIn("Funding from the council", html)

    @freeze_time("2021-10-01")
    def test_full_year_has_every_section_and_nobody(self):
        report = self._full()
        html = self._html(report)
        for text in (
            "Our year in short.",
            "Hospital discharge",
            "Discharge got quicker.",
            "Elm Court Care Home",
            "Elmside Care Ltd",
            "To see how residents are helped to eat.",
            "Offer a second sitting at lunch.",
            "A second sitting started in July.",
            "Testshire Health Scrutiny Committee",
            "Overnight closure of the minor injuries unit",
            "Care homes visited",
            "A lottery grant",
            "91,500.00",
            "1,200.00",
            "45.50",
            "Lay members decide.",
            "Visit Elm Court Care Home",
            "Urgent, between meetings",
            "Taken by email: reported to the next meeting.",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        for text in PERSONAL:
            with self.subTest(text=text):
                self.assertNotIn(text, html)
        # Seven phone calls are shown; one email and one signposted person
        # are too few to publish, and so is the smallest figure beside them
        # (the total would give the email away).
        sections = report._link_sections()
        self.assertEqual(
            dict(sections["views"]["feedback"]),
            {"Phone": 7, "Web form": None, "Email": None},
        )
        self.assertEqual(sections["views"]["feedback_total"], 14)
        self.assertIsNone(sections["views"]["signposted"])
        self.assertEqual(sections["views"]["safeguarding"], 0)
        self.assertIn("Not published: fewer than", html)
        self.assertEqual(
            [v["premises"] for v in sections["enter_view"]["visits"]],
            ["Elm Court Care Home"],
        )
        self.assertEqual(len(sections["referrals"]["scrutiny"]), 1)
        self.assertEqual(
            sections["representation"],
            [{"body": "Elmside Care Ltd", "meetings": 1, "hours": 3.5, "reports": 1}],
        )
        # Four hours on a shift and two claimed, by two people, at £12.50.
        self.assertEqual(
            sections["volunteers"],
            {"volunteers": 2, "hours": 6.0, "value": 75.0, "authorised": 0},
        )
        self.assertEqual(
            sections["finance"]["budget"],
            [{"workstream": "Care homes", "allocated": 1200.0, "spent": 45.5}],
        )
        [breach] = sections["governance"]["breaches"]
        self.assertEqual(breach["date"], "20/05/2021")

    @freeze_time("2022-05-02")
    def test_publish_keeps_the_pdf_and_freezes_the_report(self):
        report = self._full()
        with mute_logger(WKHTMLTOPDF_LOGGER):
            report.with_user(self.staff).action_publish()
        self.assertEqual(report.state, "published")
        self.assertEqual(report.published_on, date(2022, 5, 2))
        pdf = report.attachment_id.raw
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(report.attachment_id.name, "Annual report 2021/22.pdf")
        text = " ".join(
            " ".join(page.extract_text().split())
            for page in PdfFileReader(io.BytesIO(pdf)).pages
        )
        self.assertIn("published on 02/05/2022", text)
        self.assertIn("Elm Court Care Home", text)
        for name in PERSONAL:
            self.assertNotIn(name, text)
        # Nothing about it changes afterwards.
        with self.assertRaises(UserError):
            report.with_user(self.staff).write({"foreword": "<p>Rewritten</p>"})
        with self.assertRaises(UserError):
            report.with_user(self.staff).action_fill_streams()
        with self.assertRaises(UserError):
            report.with_user(self.staff).action_publish()
        with self.assertRaises(UserError):
            report.stream_ids[:1].with_user(self.staff).write({"narrative": "<p>x</p>"})
        with self.assertRaises(UserError):
            report.stream_ids[:1].with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            self.env["link.annual.report.stream"].create(
                {"report_id": report.id, "workstream_id": self.stream_a.id}
            )
        with self.assertRaises(UserError):
            report.with_user(self.manager).unlink()
        with self.assertRaises(UserError):
            report.attachment_id.unlink()
        with self.assertRaises(UserError):
            report.attachment_id.write({"raw": b"%PDF-forged"})
        # Moving it to another storage writes the same bytes: allowed.
        report.attachment_id.write({"raw": pdf})
        # Records of the year change: printing again gives the stored PDF.
        self.visit.theme = "Changed after publication"
        again, __ = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("link_governance.link_annual_report_report", report.ids)
        )
        self.assertEqual(again, pdf)
        # Its chatter stays open.
        report.with_user(self.staff).message_post(body="Sent to the council")

    @freeze_time("2021-10-01")
    def test_draft_can_be_deleted_by_a_manager_only(self):
        report = self._report(2021)
        with self.assertRaises(AccessError):
            report.with_user(self.staff).unlink()
        report.with_user(self.manager).unlink()
        self.assertFalse(report.exists())


class TestAnnualReportAccess(AnnualReportCase):
    @freeze_time("2021-10-01")
    def test_monitor_and_steering_read_and_change_nothing(self):
        report = self._report(2012, foreword="<p>Read me</p>")
        for user in (self.monitor, self.steering):
            with self.subTest(user=user.login):
                self.assertIn("Read me", self._html(report, user))
                self.assertEqual(
                    report.with_user(user).read(["name"])[0]["id"], report.id
                )
                with self.assertRaises(AccessError):
                    report.with_user(user).write({"foreword": "<p>No</p>"})
                with self.assertRaises(AccessError):
                    self.Report.with_user(user).create({"year": 2013})
                with self.assertRaises(AccessError):
                    report.with_user(user).action_publish()
                with self.assertRaises(AccessError):
                    report.with_user(user).unlink()

    def test_screens_open_for_staff_and_monitor(self):
        for user in (self.staff, self.monitor, self.steering):
            with self.subTest(user=user.login):
                views = self.Report.with_user(user).get_views(
                    [(False, "list"), (False, "form"), (False, "search")]
                )
                self.assertIn("stream_ids", views["views"]["form"]["arch"])
        # Publishing and filling are staff buttons.
        arch = self.Report.with_user(self.monitor).get_views([(False, "form")])
        self.assertNotIn("action_publish", arch["views"]["form"]["arch"])

    @freeze_time("2021-10-01")
    def test_portal_sees_nothing(self):
        report = self._report(2012)
        with self.assertRaises(AccessError):
            report.with_user(self.portal).read(["name"])
        with self.assertRaises(AccessError):
            self.env["link.annual.report.stream"].with_user(self.portal).search([])
