# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError

from .common import ProtocolCase

# A quarter long before any demo record.
DATE_FROM, DATE_TO = date(2019, 4, 1), date(2019, 6, 30)
PERIOD = [("date", ">=", DATE_FROM), ("date", "<=", DATE_TO)]


@freeze_time("2019-07-15")
class TestPackSections(ProtocolCase):
    """The pack's representation and opportunities sections are the totals
    of the pivots the council monitor opens, for the same dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The only members when the opportunity is circulated.
        cls._set_aside_demo_data()
        cls.member, cls.other = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "email": f"{name.split()[0].lower()}@example.org",
                    "link_membership_type": "full",
                    "link_join_date": date(2019, 1, 1),
                    "link_mailing_consent": True,
                    "link_mailing_consent_date": date(2019, 1, 1),
                }
                for name in ("Rep Member", "Other Member")
            ]
        )

    def _period(self):
        period = (
            self.env["link.monitoring.period"]
            .with_user(self.manager)
            .create({"name": "2019 Q2", "date_from": DATE_FROM, "date_to": DATE_TO})
        )
        period.with_user(self.staff).action_refresh_figures()
        return period

    def _figures(self, period, section):
        return {f.code: f.value for f in period.figure_ids if f.section == section}

    def _meeting(self, seat, day):
        start = datetime.combine(day, datetime.min.time()).replace(hour=10)
        return (
            self.env["calendar.event"]
            .with_user(self.staff)
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Board meeting",
                    "link_representation_id": seat.id,
                    "start": start,
                    "stop": start.replace(hour=12),
                }
            )
        )

    def _representation(self):
        seat = (
            self.env["link.representation"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Trust board — LINk seat",
                    "partner_id": self.trust.id,
                    "representative_id": self.member.id,
                    "user_id": self.staff.id,
                    "report_days": 14,
                }
            )
        )
        april, may, march = (
            self._meeting(seat, date(2019, 4, 10)),
            self._meeting(seat, date(2019, 5, 1)),
            self._meeting(seat, date(2019, 3, 5)),
        )
        return (
            self.env["link.representation.report"]
            .with_user(self.staff)
            .create(
                [
                    # Ten days after the meeting: on time.
                    {
                        "representation_id": seat.id,
                        "event_id": april.id,
                        "date": date(2019, 4, 20),
                        "hours": 3,
                    },
                    # Four weeks after: late.
                    {
                        "representation_id": seat.id,
                        "event_id": may.id,
                        "date": date(2019, 5, 29),
                        "hours": 2,
                    },
                    # Not attended, no meeting recorded: no due date.
                    {
                        "representation_id": seat.id,
                        "date": date(2019, 6, 3),
                        "attended": False,
                    },
                    # The quarter before.
                    {
                        "representation_id": seat.id,
                        "event_id": march.id,
                        "date": date(2019, 3, 10),
                        "hours": 4,
                    },
                ]
            )
        )

    def test_representation_figures_equal_the_pivot(self):
        reports = self._representation()
        self.assertEqual(
            reports.mapped("date_report_due")[:2],
            [date(2019, 4, 24), date(2019, 5, 15)],
        )
        figures = self._figures(self._period(), "representation")
        [pivot] = (
            self.env["link.representation.report"]
            .with_user(self.monitor)
            .read_group(
                PERIOD,
                [
                    "attendance_count:sum",
                    "hours:sum",
                    "on_time_count:sum",
                    "late_count:sum",
                ],
                [],
            )
        )
        self.assertEqual(figures["meetings_attended"], pivot["attendance_count"])
        self.assertEqual(figures["representation_hours"], pivot["hours"])
        self.assertEqual(figures["reports_back"], pivot["__count"])
        self.assertEqual(figures["reports_back_on_time"], pivot["on_time_count"])
        self.assertEqual(figures["reports_back_late"], pivot["late_count"])
        self.assertEqual(
            [
                figures[code]
                for code in (
                    "meetings_attended",
                    "representation_hours",
                    "reports_back",
                    "reports_back_on_time",
                    "reports_back_late",
                )
            ],
            [2, 5, 3, 1, 1],
        )

    def test_report_due_date_follows_the_seat_and_the_meeting(self):
        report = self._representation()[0]
        self.assertEqual(report.late_count, 0)
        report.representation_id.report_days = 7
        self.assertEqual(report.date_report_due, date(2019, 4, 17))
        self.assertEqual((report.on_time_count, report.late_count), (0, 1))

    def _opportunities(self):
        Opportunity = self.env["link.opportunity"].with_user(self.staff)
        values = {"partner_id": self.trust.id, "response": "<p>Our response</p>"}
        responded, received, earlier = Opportunity.create(
            [
                dict(
                    values,
                    name="Urgent care consultation",
                    date_open=date(2019, 4, 2),
                    date_close=date(2019, 5, 10),
                    response_deadline=date(2019, 5, 31),
                ),
                dict(
                    values,
                    name="Maternity survey",
                    date_open=date(2019, 4, 10),
                    date_close=date(2019, 8, 1),
                ),
                dict(
                    values,
                    name="Stroke services review",
                    date_open=date(2019, 3, 1),
                    date_close=date(2019, 3, 30),
                    response_deadline=date(2019, 4, 15),
                ),
            ]
        )
        with freeze_time("2019-04-05"):
            responded.action_circulate()
        responded.write({"state": "responded", "date_responded": date(2019, 5, 20)})
        earlier.write({"state": "responded", "date_responded": date(2019, 4, 20)})
        return responded, received, earlier

    def test_opportunity_figures_equal_the_pivot(self):
        responded, received, __ = self._opportunities()
        self.assertEqual(responded.date_circulated, date(2019, 4, 5))
        self.assertFalse(received.date_circulated)
        figures = self._figures(self._period(), "opportunities")
        pivot = {
            group["step"]: group
            for group in self.env["link.opportunity.report"]
            .with_user(self.monitor)
            .read_group(
                PERIOD,
                [
                    "opportunity_count:sum",
                    "people_count:sum",
                    "on_time_count:sum",
                    "late_count:sum",
                ],
                ["step"],
            )
        }
        self.assertEqual(
            figures["opportunities_received"], pivot["received"]["opportunity_count"]
        )
        self.assertEqual(
            figures["opportunities_cascaded"], pivot["circulated"]["opportunity_count"]
        )
        self.assertEqual(
            figures["opportunities_people_reached"],
            pivot["circulated"]["people_count"],
        )
        self.assertEqual(
            figures["opportunities_responded"], pivot["responded"]["opportunity_count"]
        )
        self.assertEqual(
            figures["opportunities_responded_on_time"],
            pivot["responded"]["on_time_count"],
        )
        self.assertEqual(
            figures["opportunities_responded_late"], pivot["responded"]["late_count"]
        )
        self.assertEqual(
            [
                figures[code]
                for code in (
                    "opportunities_received",
                    "opportunities_cascaded",
                    "opportunities_people_reached",
                    "opportunities_responded",
                    "opportunities_responded_on_time",
                    "opportunities_responded_late",
                )
            ],
            [2, 1, 2, 2, 1, 1],
        )

    def test_monitor_reads_totals_not_who_was_sent_it(self):
        responded = self._opportunities()[0]
        report = self.env["link.opportunity.report"].with_user(self.monitor)
        self.assertNotIn("partner_ids", report._fields)
        self.assertTrue(report.search([("opportunity_id", "=", responded.id)]))
        with self.assertRaises(AccessError):
            responded.recipient_ids.with_user(self.monitor).read(["partner_id"])
        with self.assertRaises(AccessError):
            report.search([], limit=1).write({"people_count": 0})

    def test_pack_shows_the_sections(self):
        self._representation()
        self._opportunities()
        period = self._period()
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "link_membership.link_monitoring_period_report", period.ids
        )
        html = html.decode()
        for text in (
            "Representation",
            "Meetings attended",
            "Reported back late",
            "Opportunities responded to",
            "Opportunities cascaded to members",
            "Responses sent by the partner&#39;s deadline",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertNotIn("Rep Member", html)

    def test_figures_take_one_grouped_read_each(self):
        self._representation()
        self._opportunities()
        self.env.flush_all()
        for model in ("link.representation.report", "link.opportunity.report"):
            report = self.env[model].with_user(self.monitor)
            # Once for the access rules and rates cached per transaction.
            report._link_figures(DATE_FROM, DATE_TO)
            with self.subTest(model=model), self.assertQueryCount(1):
                report._link_figures(DATE_FROM, DATE_TO)
