# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError

from .test_feedback import FeedbackCase

# A quarter long before any demo record.
DATE_FROM, DATE_TO = date(2019, 4, 1), date(2019, 6, 30)
PERIOD = [("date", ">=", DATE_FROM), ("date", "<=", DATE_TO)]
SECRET = "Private words about Mrs Example"


@freeze_time("2019-07-15 10:00:00")
class TestVoicePackSection(FeedbackCase):
    """The pack's feedback, signposting and safeguarding section: counts
    only, equal to the pivot the council monitor opens."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        hub = cls.env["res.partner"].create(
            {"name": "Test Safeguarding Hub", "is_company": True}
        )

        def feedback(day, channel, **vals):
            return {"date": day, "channel": channel, "what_bad": SECRET, **vals}

        said = cls.Feedback.create(
            [
                feedback("2019-04-03", "phone"),
                feedback("2019-05-10", "phone"),
                feedback("2019-05-11", "web"),
                feedback("2019-06-30", "email"),
                # The quarter before, and one archived: not counted.
                feedback("2019-03-31", "phone"),
                feedback("2019-05-12", "paper", active=False),
            ]
        )
        cls.env["link.signpost"].with_user(cls.staff).create(
            [
                {"date": "2019-04-15", "channel": "phone", "enquiry": SECRET},
                {"date": "2019-06-01", "channel": "gateway", "enquiry": SECRET},
                {"date": "2019-07-01", "channel": "phone", "enquiry": SECRET},
            ]
        )
        concerns = cls.env["link.safeguarding.concern"].create(
            [
                # Raised and referred in the quarter.
                {
                    "feedback_id": said[0].id,
                    "description": SECRET,
                    "date_raised": datetime(2019, 5, 2, 10),
                    "referred_to_id": hub.id,
                    "referral_date": date(2019, 5, 3),
                },
                # Raised in the quarter, not referred.
                {
                    "feedback_id": said[1].id,
                    "description": SECRET,
                    "date_raised": datetime(2019, 6, 20, 16),
                },
                # Raised the quarter before, referred in this one.
                {
                    "feedback_id": said[4].id,
                    "description": SECRET,
                    "date_raised": datetime(2019, 3, 28, 9),
                    "referred_to_id": hub.id,
                    "referral_date": date(2019, 4, 2),
                },
            ]
        )
        (concerns[0] | concerns[2]).action_refer()

    def _period(self):
        period = (
            self.env["link.monitoring.period"]
            .with_user(self.manager)
            .create({"name": "2019 Q2", "date_from": DATE_FROM, "date_to": DATE_TO})
        )
        period.with_user(self.staff).action_refresh_figures()
        return period

    def test_figures_equal_the_pivot(self):
        period = self._period()
        figures = {f.code: f.value for f in period.figure_ids if f.section == "voice"}
        pivot = {
            (group["kind"], group["channel"]): group["record_count"]
            for group in self.env["link.voice.report"]
            .with_user(self.monitor)
            .read_group(PERIOD, ["record_count:sum"], ["kind", "channel"], lazy=False)
        }
        by_kind = {}
        for (kind, __), count in pivot.items():
            by_kind[kind] = by_kind.get(kind, 0) + count
        self.assertEqual(figures["feedback_received"], by_kind["feedback"])
        for channel in ("web", "email", "phone", "gateway", "paper", "survey"):
            with self.subTest(channel=channel):
                self.assertEqual(
                    figures[f"feedback_{channel}"], pivot.get(("feedback", channel), 0)
                )
        self.assertEqual(figures["signposting_given"], by_kind["signpost"])
        self.assertEqual(figures["safeguarding_raised"], by_kind["safeguarding_raised"])
        self.assertEqual(
            figures["safeguarding_referred"], by_kind["safeguarding_referred"]
        )
        self.assertEqual(
            [
                figures[code]
                for code in (
                    "feedback_received",
                    "feedback_phone",
                    "feedback_web",
                    "feedback_email",
                    "feedback_paper",
                    "signposting_given",
                    "safeguarding_raised",
                    "safeguarding_referred",
                )
            ],
            [4, 2, 1, 1, 0, 2, 2, 2],
        )

    def test_pack_shows_the_section_and_no_words(self):
        period = self._period()
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "link_membership.link_monitoring_period_report", period.ids
        )
        html = html.decode()
        for text in (
            "Feedback, signposting and safeguarding",
            "Feedback received: Phone",
            "Signposting given",
            "Safeguarding concerns referred on",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertNotIn(SECRET, html)

    def test_monitor_reads_counts_never_the_records(self):
        report = self.env["link.voice.report"].with_user(self.monitor)
        self.assertFalse(
            {"description", "enquiry", "what_bad", "partner_id", "ward_id"}
            & set(report._fields)
        )
        self.assertTrue(report.read_group(PERIOD, ["record_count:sum"], ["kind"]))
        for model in ("link.signpost", "link.safeguarding.concern", "link.feedback"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.monitor).search([], limit=1)
        with self.assertRaises(AccessError):
            report.search([], limit=1).write({"record_count": 0})

    def test_figures_take_one_grouped_read(self):
        report = self.env["link.voice.report"].with_user(self.monitor)
        report._link_figures(DATE_FROM, DATE_TO)
        with self.assertQueryCount(1):
            report._link_figures(DATE_FROM, DATE_TO)
