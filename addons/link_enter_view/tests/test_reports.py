# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.link_membership.tests.common import (
    WKHTMLTOPDF_LOGGER,
    render_pdfs_offline,
)

from .common import EnterViewCase


@tagged("post_install", "-at_install")
class TestReports(EnterViewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        render_pdfs_offline(cls.env)

    def _pdf(self, xmlid, records):
        report = self.env.ref(xmlid).with_context(force_report_rendering=True)
        with mute_logger(WKHTMLTOPDF_LOGGER):
            pdf, kind = report.with_user(self.staff)._render_qweb_pdf(
                report.report_name, records.ids
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def _html(self, xmlid, records):
        report = self.env.ref(xmlid)
        html, __ = report.with_user(self.staff)._render_qweb_html(
            report.report_name, records.ids
        )
        return html.decode()

    def test_badge_and_letter_of_authority(self):
        authorisation = self.env["link.ev.authorisation"].search(
            [("partner_id", "=", self.anna.id)]
        )
        authorisation.badge_number = "AR-TEST1"
        self._pdf("link_enter_view.link_ev_authorisation_report", authorisation)
        html = self._html("link_enter_view.link_ev_authorisation_report", authorisation)
        self.assertIn("Anna Rep", html)
        self.assertIn("AR-TEST1", html)
        self.assertIn("Letter of authority", html)

    def test_notification_letters(self):
        announced = self._visit(theme="Mealtimes")
        unannounced = self._visit(
            announced=False, unannounced_reason="Relatives raised concerns"
        )
        for visit in announced | unannounced:
            self._pdf("link_enter_view.link_ev_visit_letter_report", visit)
        html = self._html("link_enter_view.link_ev_visit_letter_report", announced)
        self.assertIn("Notice of an enter and view visit", html)
        self.assertIn("Mealtimes", html)
        html = self._html("link_enter_view.link_ev_visit_letter_report", unannounced)
        self.assertIn("Unannounced enter and view visit", html)
        self.assertIn("Relatives raised concerns", html)

    def test_visit_report(self):
        visit = self._visit(report_body="<p>Bright and clean lounge.</p>")
        visit.recommendation_ids = [(0, 0, {"name": "Fix the lift"})]
        self._pdf("link_enter_view.link_ev_visit_report_report", visit)
        html = self._html("link_enter_view.link_ev_visit_report_report", visit)
        self.assertIn("Bright and clean lounge.", html)
        self.assertIn("Fix the lift", html)
