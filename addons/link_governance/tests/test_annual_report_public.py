# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import unquote

from odoo.tests import HttpCase, tagged

FAKE_PDF = b"%PDF-1.4 annual report of the test year"


@tagged("post_install", "-at_install")
class TestAnnualReportPublic(HttpCase):
    """/annual-report lists the published reports for anyone, with their
    stored PDF; drafts, bad ids and other records stay out of reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Report = cls.env["link.annual.report"]
        # Only this test's reports are published (low-level: a published
        # report refuses any change).
        Report.search([("state", "=", "published")])._write({"state": "draft"})
        cls.published = Report.create(
            {"year": 2012, "foreword": "<p>Thanks to Winifred Oyelaran.</p>"}
        )
        # The PDF as publishing keeps it (rendered once in test_annual_report).
        attachment = cls.env["ir.attachment"].create(
            {
                "name": cls.published.report_filename,
                "raw": FAKE_PDF,
                "mimetype": "application/pdf",
                "res_model": Report._name,
                "res_id": cls.published.id,
            }
        )
        cls.published.write(
            {
                "state": "published",
                "published_on": "2013-06-30",
                "attachment_id": attachment.id,
            }
        )
        cls.draft = Report.create({"year": 2013})
        # An attachment of another record: never served from here.
        cls.other = cls.env["ir.attachment"].create(
            {"name": "secret.pdf", "raw": b"%PDF secret", "mimetype": "application/pdf"}
        )

    def test_lists_the_published_reports_only(self):
        response = self.url_open("/annual-report")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Annual report 2012/13", response.text)
        self.assertIn("30/06/2013", response.text)
        self.assertIn(f"/annual-report/{self.published.id}/pdf", response.text)
        self.assertNotIn("Annual report 2013/14", response.text)
        self.assertNotIn(f"/annual-report/{self.draft.id}/pdf", response.text)
        # Only the fixed fields: nothing of the report's text or people.
        self.assertNotIn("Winifred", response.text)

    def test_empty_list(self):
        self.published.sudo()._write({"state": "draft"})
        response = self.url_open("/annual-report")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Nothing published yet.", response.text)

    def test_downloads_the_stored_pdf(self):
        response = self.url_open(f"/annual-report/{self.published.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn(
            "Annual report 2012/13.pdf",
            unquote(response.headers["Content-Disposition"]),
        )
        self.assertEqual(response.content, FAKE_PDF)

    def test_bad_ids_are_not_found(self):
        for report_id in (
            self.draft.id,
            self.other.id,
            0,
            -1,
            "abc",
            "%00",
            "1%00",
            "99999999999999999999",
            f"{self.published.id}.0",
        ):
            with self.subTest(report_id=report_id):
                response = self.url_open(f"/annual-report/{report_id}/pdf")
                self.assertEqual(response.status_code, 404)

    def test_listing_reads_a_fixed_number_of_queries(self):
        Report = self.env["link.annual.report"]
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            Report._link_public_reports()
        more = Report.create([{"year": 2014}, {"year": 2015}])
        for report in more:
            report.write(
                {
                    "state": "published",
                    "attachment_id": self.published.attachment_id.id,
                }
            )
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self.assertEqual(len(Report._link_public_reports()), 3)
