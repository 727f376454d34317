# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A pack a council officer reads easily (#16): targets show their target,
counts are whole numbers, blanked cells are explained, every page names the
LINk and is numbered, and the file is called "… .pdf", once."""

import re

from lxml import html as lxml_html

from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval, time

from .test_monitoring import WKHTMLTOPDF_LOGGER, MonitoringCase

PACK_REPORT = "link_membership.link_monitoring_period_report"


class TestMonitoringPackLayout(MonitoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.link_local_authority = "Testshire"
        cls.env["link.ward"].search(
            [("local_authority", "=", "Testshire"), ("id", "!=", cls.ward.id)]
        ).local_authority = "Elsewhere"
        cls.empty_ward = cls.env["link.ward"].create(
            {"name": "Empty Ward", "code": "E05009998", "local_authority": "Testshire"}
        )

    def _pdf_html(self, period):
        """The HTML the PDF is made of (report_type pdf: page numbers on)."""
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            PACK_REPORT, period.ids, data={"report_type": "pdf"}
        )
        return lxml_html.fromstring(html.decode())

    def _row(self, tree, label):
        [row] = [
            tr
            for tr in tree.iter("tr")
            if tr.findall("td") and tr.findall("td")[0].text_content() == label
        ]
        return [td.text_content().strip() for td in row.findall("td")]

    def test_coverage_targets_show_how_many_wards_they_aim_at(self):
        self._member("Covered Member", "2026-01-10")
        self.env["link.membership.target"].create(
            [
                {
                    "name": "A member in every ward",
                    "kind": "ward_coverage",
                    "date_start": "2026-04-01",
                    "date_end": "2027-03-31",
                },
                {
                    "name": "Members in the contract year",
                    "kind": "member_count",
                    "target_value": 1200,
                    "date_start": "2026-04-01",
                    "date_end": "2027-03-31",
                },
            ]
        )
        period = self._period(2026, 2)
        period.action_refresh_figures()
        tree = self._pdf_html(period)
        # Two wards of Testshire, one of them with a member.
        self.assertEqual(
            self._row(tree, "A member in every ward"),
            ["A member in every ward", "2", "1", "Not yet"],
        )
        # Whole numbers, thousands separated, never "1200.0".
        row = self._row(tree, "Members in the contract year")
        self.assertEqual(row[1], "1,200")
        self.assertRegex(row[2], r"^\d+$")

    def test_counts_are_whole_numbers(self):
        self._member("Whole Member", "2026-05-10")
        period = self._period(2026, 2)
        period.action_refresh_figures()
        tree = self._pdf_html(period)
        cells = [
            td.text_content().strip()
            for td in tree.iter("td")
            if "text-end" in (td.get("class") or "")
        ]
        self.assertTrue(cells)
        for cell in cells:
            self.assertFalse(re.search(r"\.0%?$|e\+", cell), cell)
        figure = period.figure_ids[:1]
        self.assertEqual(figure._display(6.0), "6")
        self.assertEqual(figure._display(12345.0), "12,345")
        self.assertEqual(figure._display(2.5), "2.5")

    def test_suppressed_cells_are_explained_in_a_legend(self):
        period = self._period(2026, 2)
        Figure = self.env["link.monitoring.figure"]
        Figure.create(
            {
                "period_id": period.id,
                "section": "membership",
                "code": "plain",
                "label": "Plain figure",
                "value": 40,
            }
        )
        legend = "Not published: fewer than"
        tree = self._pdf_html(period)
        self.assertNotIn(legend, tree.text_content())
        Figure.create(
            {
                "period_id": period.id,
                "section": "equality",
                "code": "equality_age_tiny",
                "label": "Age: a tiny group",
                "value": 0,
                "suppressed": True,
            }
        )
        tree = self._pdf_html(period)
        self.assertEqual(
            self._row(tree, "Age: a tiny group"), ["Age: a tiny group", "*"]
        )
        [note] = tree.find_class("o_link_suppression_legend")
        self.assertIn(legend, note.text_content())

    def test_every_page_names_the_link_and_is_numbered(self):
        # Whatever layout the company chose for its other documents.
        self.env.company.external_report_layout_id = self.env.ref(
            "web.external_layout_boxed"
        )
        period = self._period(2026, 2)
        tree = self._pdf_html(period)
        [header] = tree.find_class("header")
        [footer] = tree.find_class("footer")
        self.assertIn("Testshire LINk", header.text_content())
        self.assertIn("Monitoring pack 2026 Q2", header.text_content())
        self.assertIn("Testshire LINk", footer.text_content())
        self.assertIn(f"hosted by {self.env.company.name}", footer.text_content())
        self.assertTrue(footer.find_class("page") and footer.find_class("topage"))

    def test_file_name_ends_in_one_pdf(self):
        period = self._period(2026, 2)
        report = self.env.ref(PACK_REPORT)
        # The download names the file "<print_report_name>.pdf".
        name = safe_eval(report.print_report_name, {"object": period, "time": time})
        self.assertEqual(f"{name}.pdf", "Monitoring pack 2026 Q2.pdf")
        with mute_logger(WKHTMLTOPDF_LOGGER):
            period.with_user(self.manager).action_issue()
        self.assertEqual(period.attachment_id.name, "Monitoring pack 2026 Q2.pdf")
