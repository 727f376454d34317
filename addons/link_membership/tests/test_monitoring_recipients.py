# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .test_monitoring import WKHTMLTOPDF_LOGGER, MonitoringCase


# Post-install: issuing renders the PDF, which asks the running server for
# its styles (at install the server is still loading the modules).
@tagged("post_install", "-at_install")
class TestPackRecipients(MonitoringCase):
    """The pack goes to several people at the council."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.monitor_contact, cls.commissioner = cls.env["res.partner"].create(
            [
                {"name": "Monitor Contact", "email": "monitor@council.example.org"},
                {"name": "Commissioner", "email": "commissioner@council.example.org"},
            ]
        )

    def test_wizard_adds_recipients_to_the_period(self):
        wizard = self.env["link.monitoring.wizard"].with_user(self.staff)
        values = {"period_type": "quarter", "year": 2024, "quarter": "2"}
        wizard.create(
            dict(values, recipient_ids=[self.monitor_contact.id])
        ).action_produce()
        wizard.create(dict(values, recipient_ids=[self.commissioner.id]))._period()
        period = self.Period.search([("name", "=", "2024 Q2")])
        self.assertEqual(period.recipient_ids, self.monitor_contact | self.commissioner)
        # Producing it again without recipients keeps them.
        wizard.create(values)._period()
        self.assertEqual(period.recipient_ids, self.monitor_contact | self.commissioner)

    def test_send_pack_mails_every_recipient_with_the_pdf(self):
        period = self._period(
            2026,
            2,
            recipient_ids=[(6, 0, (self.monitor_contact | self.commissioner).ids)],
        )
        with mute_logger(WKHTMLTOPDF_LOGGER):
            period.with_user(self.manager).action_issue()
        action = period.with_user(self.staff).action_send_pack()
        self.assertEqual(
            set(action["context"]["default_partner_ids"]),
            set((self.monitor_contact | self.commissioner).ids),
        )
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.staff)
            # Queued, not sent at once: the test reads the queue.
            .with_context(action["context"], mail_notify_force_send=False)
            .create({"body": "<p>Please find the pack attached.</p>"})
        )
        composer.action_send_mail()
        mails = self.env["mail.mail"].search(
            [("model", "=", period._name), ("res_id", "=", period.id)]
        )
        self.assertEqual(
            mails.recipient_ids, self.monitor_contact | self.commissioner, mails
        )
        for mail in mails:
            self.assertEqual(mail.subject, f"Contract monitoring pack {period.name}")
            self.assertIn(period.attachment_id, mail.attachment_ids)
        mails.send()
        # Sent mails of a notification are deleted; none failed.
        self.assertFalse(mails.exists().filtered(lambda m: m.state == "exception"))


class TestVolunteerValue(MonitoringCase):
    """Volunteer time valued at hours × the company's rate."""

    def _attended_place(self, day, hours):
        role = self.env["link.volunteer.role"].create({"name": "Value test role"})
        volunteer = self._member("Valued Volunteer", "2020-01-01")
        volunteer.link_is_volunteer = True
        shift = self.env["link.shift"].create(
            {
                "name": "Value test shift",
                "role_id": role.id,
                "date_start": f"{day} 09:00:00",
                "date_end": f"{day} {9 + hours}:00:00",
                "max_volunteers": 2,
            }
        )
        self.env["link.shift.assignment"].create(
            {"shift_id": shift.id, "partner_id": volunteer.id, "state": "attended"}
        )
        self.env.flush_all()

    def test_value_equals_pivot_hours_times_rate(self):
        self._attended_place("2026-05-12", 3)
        # Hours claimed outside a shift count once approved (#21).
        claims = self.env["link.hours.claim"].create(
            [
                {
                    "partner_id": self._member("Claiming Volunteer", "2020-01-01").id,
                    "date": "2026-05-13",
                    "hours": hours,
                    "kind": "outreach",
                    "description": "Market outreach",
                }
                for hours in (2, 7)
            ]
        )
        claims[0].action_approve()
        self.env.flush_all()
        self.env.company.link_volunteer_hour_rate = 12.71
        period = self._period(2026, 2)
        period.with_user(self.staff).action_refresh_figures()
        [line] = period.figure_ids.filtered(lambda f: f.code == "volunteer_value")
        pivot = self.env["link.volunteering.report"].with_user(self.monitor)
        [group] = pivot.read_group(
            [("date", ">=", "2026-04-01"), ("date", "<=", "2026-06-30")],
            ["hours_done:sum"],
            [],
        )
        self.assertGreaterEqual(group["hours_done"], 5)
        self.assertEqual(
            pivot._link_hours("2026-04-01", "2026-06-30"), group["hours_done"]
        )
        [claimed] = pivot.read_group(
            [
                ("date", ">=", "2026-04-01"),
                ("date", "<=", "2026-06-30"),
                ("source", "=", "claim"),
            ],
            ["hours_done:sum"],
            [],
        )
        self.assertGreaterEqual(claimed["hours_done"], 2)
        self.assertLess(claimed["hours_done"], 7, "the waiting claim is left out")
        self.assertAlmostEqual(line.value, round(group["hours_done"] * 12.71, 2), 2)
        self.assertEqual(line.section, "volunteering")
        self.assertTrue(line.is_currency)
        html = self._html(period)
        self.assertIn("Value of volunteer time (£)", html)
        self.assertIn(line._display(line.value), html)
        self.assertRegex(line._display(line.value), r"^[\d,]+\.\d\d$")

    def test_value_follows_the_rate_and_rounds_to_the_penny(self):
        company = self.env.company
        company.link_volunteer_hour_rate = 12.71
        self.assertEqual(company._link_volunteer_value(0), 0.0)
        self.assertEqual(company._link_volunteer_value(2.5), 31.78)
        company.link_volunteer_hour_rate = 15.0
        self.assertEqual(company._link_volunteer_value(1.25), 18.75)
        with self.assertRaises(ValidationError):
            company.link_volunteer_hour_rate = -1

    def test_manager_sets_the_rate_in_link_settings(self):
        self.assertEqual(
            self.env["res.company"]
            .new({})
            ._fields["link_volunteer_hour_rate"]
            .default(self.env["res.company"]),
            12.71,
        )
        settings = (
            self.env["link.settings"]
            .with_user(self.manager)
            .create({"link_volunteer_hour_rate": 13.5})
        )
        self.assertEqual(settings.company_id.link_volunteer_hour_rate, 13.5)


class TestNewPeriod(MonitoringCase):
    """A new period proposes the contract quarter (or year) running today."""

    @freeze_time("2026-12-07")
    def test_new_period_is_the_running_quarter(self):
        self.env.company.link_contract_start_month = "4"  # April contract years
        Period = self.Period.with_user(self.staff)
        form = Form(Period)
        self.assertEqual(form.date_from, date(2026, 10, 1))
        self.assertEqual(form.date_to, date(2026, 12, 31))
        self.assertEqual(form.name, "2026/27 Q3")
        year = Period.with_context(default_period_type="year").default_get(
            ["name", "date_from", "date_to"]
        )
        self.assertEqual(
            (year["name"], year["date_from"], year["date_to"]),
            ("Year 2026/27", date(2026, 4, 1), date(2027, 3, 31)),
        )
