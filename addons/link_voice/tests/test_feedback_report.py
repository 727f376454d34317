# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError

from .test_feedback import FeedbackCase


@freeze_time("2027-03-10")
class TestFeedbackReport(FeedbackCase):
    """Feedback trends for the council monitor: theme x service x month,
    totals only, small numbers suppressed, never a word of the feedback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "link_membership.suppression_threshold", 5
        )
        # Only this test's feedback is counted.
        cls.env["link.feedback"].search([]).write({"active": False})
        Theme = cls.env["link.feedback.theme"]
        cls.waiting = Theme.create({"name": "Report: waiting"})
        cls.staff_theme = Theme.create({"name": "Report: staff"})
        cls.surgery = cls.env["res.partner"].create(
            {"name": "Report Surgery", "link_premises_kind": "gp_practice"}
        )
        cls.home = cls.env["res.partner"].create(
            {"name": "Report Care Home", "link_premises_kind": "care_home"}
        )
        cls.transport = Theme.create({"name": "Report: transport"})

        def said(premises, date, themes, count, channel="web"):
            return [
                {
                    "channel": channel,
                    "date": date,
                    "premises_id": premises.id,
                    "theme_ids": [(6, 0, themes(n).ids)],
                    "what_bad": f"Private words {n}",
                }
                for n in range(count)
            ]

        cls.env["link.feedback"].create(
            # February, the surgery: 6 about waiting (2 about staff too) and
            # one about transport: 7 feedback, 9 theme mentions.
            said(
                cls.surgery,
                "2027-02-10",
                lambda n: cls.waiting | (cls.staff_theme if n < 2 else Theme),
                6,
            )
            + said(cls.surgery, "2027-02-11", lambda n: cls.transport, 1)
            # March, the care home: 7 about waiting, 3 about staff, 1 about
            # transport, and one email with no service or theme: 12.
            + said(cls.home, "2027-03-01", lambda n: cls.waiting, 7, "phone")
            + said(cls.home, "2027-03-01", lambda n: cls.staff_theme, 3, "phone")
            + said(cls.home, "2027-03-02", lambda n: cls.transport, 1)
            + [{"channel": "email", "date": "2027-03-02"}]
        )
        cls.Report = cls.env["link.feedback.report"].with_user(cls.monitor)

    def _cells(self, groupby, measures=("feedback_count", "mention_count")):
        groups = self.Report.read_group(
            [], [f"{m}:sum" for m in measures], groupby, lazy=False
        )
        return {
            tuple(g[k][1] if isinstance(g[k], tuple) else g[k] for k in groupby): tuple(
                g[m] for m in ("__count", *measures)
            )
            for g in groups
        }

    def test_theme_by_service_with_small_numbers_blank(self):
        cells = self._cells(["theme_id", "premises_id"])
        self.assertEqual(cells[("Report: waiting", "Report Surgery")], (6, 6, 6))
        self.assertEqual(cells[("Report: waiting", "Report Care Home")], (7, 7, 7))
        # Fewer than 5: blank (each service's line keeps two blanks, so
        # its total gives neither away).
        blank = (False, False, False)
        for theme, service in (
            ("Report: staff", "Report Surgery"),
            ("Report: staff", "Report Care Home"),
            ("Report: transport", "Report Surgery"),
            ("Report: transport", "Report Care Home"),
        ):
            with self.subTest(theme=theme, service=service):
                self.assertEqual(cells[(theme, service)], blank)

    def test_feedback_counted_once_mentions_per_theme(self):
        cells = self._cells(["date:month"])
        # rows, feedback, mentions
        self.assertEqual(cells[("February 2027",)], (9, 7, 9))
        self.assertEqual(cells[("March 2027",)], (12, 12, 12))
        total = self.Report.read_group(
            [], ["feedback_count:sum", "mention_count:sum"], [], lazy=False
        )
        self.assertEqual(
            (total[0]["feedback_count"], total[0]["mention_count"]), (19, 21)
        )

    def test_never_rows_never_words(self):
        with self.assertRaisesRegex(AccessError, "only be read as totals"):
            self.Report.search_read([], ["theme_id"])
        with self.assertRaises(AccessError):
            self.env["link.feedback"].with_user(self.monitor).search_read(
                [], ["what_bad"]
            )
        texts = [
            name
            for name, field in self.Report._fields.items()
            if field.type in ("char", "text", "html") and name != "display_name"
        ]
        self.assertFalse(texts, "the report holds no words of the feedback")

    def test_staff_and_steering_read_it_too(self):
        for user in (self.staff, self.steering):
            with self.subTest(user=user.login):
                groups = (
                    self.env["link.feedback.report"]
                    .with_user(user)
                    .read_group([], ["mention_count:sum"], ["theme_id"], lazy=False)
                )
                self.assertTrue(groups)
        with self.assertRaises(AccessError):
            self.env["link.feedback.report"].with_user(
                self.equality_officer
            ).read_group([], ["mention_count:sum"], ["theme_id"])
