# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

CONTRACT_MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
DEFAULT_CONTRACT_MONTH = "4"
# The National Living Wage from 1 April 2026 (age 21 and over), per hour: a
# conservative floor for what an hour of volunteering is worth.
DEFAULT_VOLUNTEER_HOUR_RATE = 12.71


class ResCompany(models.Model):
    _inherit = "res.company"

    link_local_authority = fields.Char(
        string="LINk local authority",
        help="The council area the LINk covers. When set, members can only be "
        "placed in wards of this authority.",
    )
    link_contract_start_month = fields.Selection(
        CONTRACT_MONTHS,
        string="Contract year starts in",
        default=DEFAULT_CONTRACT_MONTH,
        help="The first month of the year the council's contract counts in "
        "(April for a financial year). Quarters, the annual pack and the "
        "reports' “this year” follow it.",
    )
    link_volunteer_coordinator_id = fields.Many2one(
        "res.users",
        string="Volunteer coordinator",
        help="Receives the activities about volunteers: qualifications to "
        "renew, evidence to check and shifts short of volunteers.",
    )

    link_activity_coordinator_id = fields.Many2one(
        "res.users",
        string="Activities coordinator",
        domain=[("share", "=", False)],
        help="Receives the automated LINk activities of records whose lead or "
        "owner has no active login. Without one, the volunteer coordinator, "
        "then a host manager receives them.",
    )

    link_shift_reminder_hours = fields.Integer(
        string="Shift reminder (hours before)",
        default=48,
        help="Volunteers get a reminder this many hours before their shift.",
    )
    link_shift_withdraw_cutoff_hours = fields.Integer(
        string="Withdrawal cut-off (hours before)",
        default=24,
        help="Volunteers can withdraw from a shift on the portal until this "
        "many hours before it starts; after that they call the coordinator.",
    )
    link_shift_shortfall_days = fields.Integer(
        string="Shortfall warning (days before)",
        default=7,
        help="Shifts starting within this many days with fewer volunteers than "
        "their minimum raise an activity for the coordinator.",
    )

    # ------------------------------------------------------------------
    # The contract year: the one place that says which quarter or year a
    # date falls in. ``year`` is the calendar year the contract year starts
    # in (2026 for 2026/27); quarters count from its first month.
    # ------------------------------------------------------------------

    link_volunteer_hour_rate = fields.Float(
        string="Volunteer hour value (£)",
        digits=(16, 2),
        default=DEFAULT_VOLUNTEER_HOUR_RATE,
        help="What an hour of volunteering is worth, in pounds: the monitoring "
        "pack values volunteer time at hours × this rate. The default is the "
        "National Living Wage from April 2026 (£12.71 an hour for workers aged "
        "21 and over), a conservative floor a host can justify to its council; "
        "some hosts use the median hourly wage or a replacement cost for the "
        "task instead. Say which in the pack's narrative.",
    )

    @api.constrains("link_volunteer_hour_rate")
    def _check_link_volunteer_hour_rate(self):
        if any(company.link_volunteer_hour_rate < 0 for company in self):
            raise ValidationError(
                self.env._("The value of a volunteer hour cannot be negative.")
            )

    def _link_volunteer_value(self, hours):
        """What ``hours`` of volunteering are worth in pounds, at the
        company's rate, rounded to the penny."""
        self.ensure_one()
        return float_round(
            (hours or 0.0) * self.link_volunteer_hour_rate, precision_digits=2
        )

    def _link_contract_month(self):
        self.ensure_one()
        return int(self.link_contract_start_month or DEFAULT_CONTRACT_MONTH)

    def _link_contract_dates(self, period_type, year, quarter=1):
        """First and last day of contract quarter ``quarter`` (1-4) of the
        contract year starting in ``year``, or of the whole year."""
        start = date(int(year), self._link_contract_month(), 1)
        if period_type == "year":
            return start, start + relativedelta(years=1, days=-1)
        date_from = start + relativedelta(months=3 * (int(quarter) - 1))
        return date_from, date_from + relativedelta(months=3, days=-1)

    def _link_contract_period(self, day, period_type="quarter"):
        """The contract quarter (or year) containing ``day``, as
        (year, quarter, first day, last day)."""
        day = fields.Date.to_date(day)
        first_month = self._link_contract_month()
        year = day.year if day.month >= first_month else day.year - 1
        quarter = (day.month - first_month) % 12 // 3 + 1
        return (year, quarter, *self._link_contract_dates(period_type, year, quarter))

    def _link_contract_year_name(self, year):
        """“2026/27” for a contract year starting in April 2026; “2026” for
        one that is a calendar year."""
        year = int(year)
        if self._link_contract_month() == 1:
            return str(year)
        return f"{year}/{(year + 1) % 100:02d}"

    def _link_contract_period_name(self, day, period_type="quarter"):
        """“2026/27 Q2” (or “2026/27” for the year) for ``day``: the label
        the reports group by (report/contract_period.py builds the same in
        SQL)."""
        year, quarter, __, __ = self._link_contract_period(day, period_type)
        year_name = self._link_contract_year_name(year)
        if period_type == "year":
            return year_name
        return self.env._("%(year)s Q%(quarter)s", year=year_name, quarter=quarter)

    def _link_quarter_label(self, quarter):
        """“Q1 (Apr-Jun)”: the quarter and its months."""
        months = dict(CONTRACT_MONTHS)
        first = (self._link_contract_month() - 1 + 3 * (int(quarter) - 1)) % 12 + 1
        last = (first + 1) % 12 + 1
        return self.env._(
            "Q%(quarter)s (%(first)s-%(last)s)",
            quarter=quarter,
            first=months[str(first)][:3],
            last=months[str(last)][:3],
        )

    def write(self, vals):
        result = super().write(vals)
        if "link_contract_start_month" in vals:
            # Stored contract quarters follow a new first month.
            Assignment = self.env["link.shift.assignment"].sudo()
            self.env.add_to_compute(
                Assignment._fields["contract_quarter"],
                Assignment.search([("shift_id.company_id", "in", [*self.ids, False])]),
            )
        return result

    def _link_volunteer_coordinator(self):
        """The volunteer coordinator when they can act, else a host manager."""
        self.ensure_one()
        return self._link_activity_users([self.link_volunteer_coordinator_id])[0]

    def _link_activity_users(self, preferred):
        """Who gets each activity: one active internal user per entry of
        ``preferred`` (a list of res.users recordsets, first choice first).

        The first preferred user who can act (active, internal, not OdooBot or
        the superuser), else the company's activities coordinator, else its
        volunteer coordinator, else the first active host manager, else the
        administrator who installed LINk (a new database with no coordinator
        and no host manager yet). Batched: the same queries for 10 or 100
        entries."""
        self.ensure_one()
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        candidates = Users.browse(
            list({user_id: None for users in preferred for user_id in users.ids})
        )
        company = self.sudo()
        managers = (
            self.env.ref("link_membership.group_link_manager").sudo().users
        ).sorted("id")
        # By id, not env.ref: no existence query (the admin cannot be deleted).
        admin = Users.browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "base.user_admin", raise_if_not_found=False
            )
            or []
        )
        everyone = (
            candidates
            | company.link_activity_coordinator_id
            | company.link_volunteer_coordinator_id
            | managers
            | admin
        )
        everyone.fetch(["active", "share"])
        robots = {
            SUPERUSER_ID,
            self.env["ir.model.data"]._xmlid_to_res_id("base.user_root"),
        }

        def acting(users):
            return users.filtered(
                lambda u: u.active and not u.share and u.id not in robots
            )[:1]

        fallback = (
            acting(company.link_activity_coordinator_id)
            or acting(company.link_volunteer_coordinator_id)
            or acting(managers)
            or acting(admin)
        )
        return [
            (acting(users.with_env(Users.env)) or fallback).with_env(self.env)
            for users in preferred
        ]

    @api.constrains(
        "link_shift_reminder_hours",
        "link_shift_withdraw_cutoff_hours",
        "link_shift_shortfall_days",
    )
    def _check_link_shift_notice(self):
        for company in self:
            if (
                min(
                    company.link_shift_reminder_hours,
                    company.link_shift_withdraw_cutoff_hours,
                    company.link_shift_shortfall_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Shift notice periods cannot be negative.")
                )
