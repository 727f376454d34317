# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.link_membership.report.small_numbers import cells_to_suppress

ANNUAL_REPORT = "link_governance.link_annual_report_report"
# Posting on the chatter of a published report may still touch these.
MAIL_FIELDS_PREFIXES = ("message_", "activity_")
# What the public page reads of a published report (as the superuser).
PUBLIC_FIELDS = ["name", "date_from", "date_to", "published_on", "attachment_id"]
# Referrals that count as sent (not drafts, not withdrawn).
SENT_REFERRAL_STATES = ("sent", "answered", "closed")
# The contract years a report can be for.
YEARS = (2000, 2200)


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


def _figures(lines):
    """(code, label, value) lines with whole numbers printed as such."""
    return [
        (code, label, int(value) if float(value).is_integer() else value)
        for code, label, value in lines
    ]


class LinkAnnualReport(models.Model):
    """The statutory annual report of the LINk for one contract year (the
    Local Healthwatch Annual Reports Directions 2013): the host's own words
    (foreword, a narrative per work stream, how lay people took part), its
    income, and sections drawn from the suite's records for the year. Only
    counts, premises and organisations are printed, never a member or a
    member of the public; publishing renders the PDF once and keeps it, and
    the public page /annual-report offers it for download."""

    _name = "link.annual.report"
    _description = "Annual report"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    year = fields.Integer(
        string="Contract year",
        required=True,
        default=lambda self: self._default_year(),
        tracking=True,
        help="The calendar year the contract year starts in: 2026 for 2026/27.",
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, index=True, precompute=True
    )
    date_to = fields.Date(
        string="To", compute="_compute_dates", store=True, precompute=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    published_on = fields.Date(readonly=True, copy=False)
    foreword = fields.Html(help="The chair's or the host's introduction.")
    views_narrative = fields.Html(
        string="How we gathered people's views",
        help="Where and how the LINk heard people (events, surveys, outreach) "
        "and from whom, in general terms: printed beside the counts.",
    )
    involvement_narrative = fields.Html(
        string="How lay people and volunteers took part",
        help="How lay people and volunteers took part in running the LINk, in "
        "its governance and in its relevant decisions.",
    )
    stream_ids = fields.One2many(
        "link.annual.report.stream", "report_id", string="Work streams", copy=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    income_council = fields.Monetary(
        string="Funding from the council",
        help="What the local authority paid the host for the LINk in the year.",
    )
    income_other = fields.Monetary(string="Other income")
    income_other_note = fields.Char(
        string="Other income from", help="Where the other income came from."
    )
    income_total = fields.Monetary(compute="_compute_income_total")
    attachment_id = fields.Many2one(
        "ir.attachment", string="Published PDF", readonly=True, copy=False
    )
    report_title = fields.Char(compute="_compute_report_filename")
    report_filename = fields.Char(compute="_compute_report_filename")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "year_unique",
            "UNIQUE(company_id, year)",
            "There is already an annual report for this contract year.",
        ),
    ]

    @api.model
    def _default_year(self):
        year, *__ = self.env.company._link_contract_period(
            fields.Date.context_today(self), "year"
        )
        return year

    @api.depends("year", "company_id")
    def _compute_dates(self):
        for report in self:
            if not YEARS[0] <= report.year <= YEARS[1]:
                # Refused by _check_year.
                report.date_from = report.date_to = False
                continue
            company = report.company_id or self.env.company
            report.date_from, report.date_to = company._link_contract_dates(
                "year", report.year
            )

    @api.depends("year", "company_id")
    def _compute_name(self):
        for report in self:
            company = report.company_id or self.env.company
            if not YEARS[0] <= report.year <= YEARS[1]:
                # Refused by _check_year.
                report.name = self.env._("Annual report")
                continue
            report.name = self.env._(
                "Annual report %(year)s",
                year=company._link_contract_year_name(report.year),
            )

    @api.depends("income_council", "income_other")
    def _compute_income_total(self):
        for report in self:
            report.income_total = report.income_council + report.income_other

    @api.depends("name")
    def _compute_report_filename(self):
        # The download adds ".pdf" to the title; the stored PDF is named with it.
        for report in self:
            report.report_title = report.name or ""
            report.report_filename = f"{report.report_title}.pdf"

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            if not YEARS[0] <= report.year <= YEARS[1]:
                raise ValidationError(
                    self.env._(
                        "The contract year is the year it starts in, like 2026 "
                        "for 2026/27."
                    )
                )

    def _link_name(self):
        """The LINk's name as the monitoring pack prints it."""
        self.ensure_one()
        return (
            self.env["link.monitoring.period"]
            .new({"company_id": self.company_id.id})
            ._pack_name()
        )

    # ------------------------------------------------------------------
    # Work streams
    # ------------------------------------------------------------------

    def _running_workstreams(self):
        """The work streams of the plans that run in the year (approved or
        closed, overlapping its dates)."""
        self.ensure_one()
        return (
            self.env["link.workstream"]
            .sudo()
            .search(
                [
                    ("workplan_id.state", "in", ("approved", "closed")),
                    ("workplan_id.date_start", "<=", self.date_to),
                    ("workplan_id.date_end", ">=", self.date_from),
                ],
                order="workplan_id, sequence, id",
            )
        )

    def action_fill_streams(self):
        """One line per work stream of the plans running in the year; the
        streams already there keep their narrative (pressing again adds only
        the new ones)."""
        self.check_access("write")
        self._check_draft()
        vals_list = []
        for report in self:
            present = set(report.stream_ids.workstream_id.ids)
            vals_list += [
                {
                    "report_id": report.id,
                    "workstream_id": stream.id,
                    "sequence": sequence,
                }
                for sequence, stream in enumerate(report._running_workstreams(), 1)
                if stream.id not in present
            ]
        self.env["link.annual.report.stream"].create(vals_list)
        return True

    # ------------------------------------------------------------------
    # The sections, read as the superuser: counts, premises, organisations
    # and staff-written summaries only, never a person.
    # ------------------------------------------------------------------

    def _suppression_threshold(self):
        return self.env["link.equality.report"]._suppression_threshold()

    def _suppressed(self, counts):
        """``counts``: [(label, count)] of people, with their total printed
        beside: the rows to blank (None) as the equality report blanks them."""
        cells = {(label,): count for label, count in counts if count}
        hidden = (
            cells_to_suppress(cells, self._suppression_threshold()) if cells else ()
        )
        return [
            (label, None if (label,) in hidden else count) for label, count in counts
        ]

    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _dates_domain(self, field):
        return [(field, ">=", self.date_from), (field, "<=", self.date_to)]

    def _datetime_domain(self, field):
        return [
            (field, ">=", datetime.combine(self.date_from, time.min)),
            (field, "<", datetime.combine(self.date_to + timedelta(days=1), time.min)),
        ]

    def _link_sections(self):
        """Everything the report prints for its year, as plain values."""
        self.ensure_one()
        report = self.sudo()
        return {
            "contact": report._section_contact(),
            "views": report._section_views(),
            "enter_view": report._section_enter_view(),
            "requests": report._section_requests(),
            "referrals": report._section_referrals(),
            "representation": report._section_representation(),
            "outcomes": report._section_outcomes(),
            "volunteers": report._section_volunteers(),
            "finance": report._section_finance(),
            "governance": report._section_governance(),
            "legend": self.env["link.monitoring.period"]._suppression_legend(),
        }

    def _section_contact(self):
        company = self.company_id
        partner = company.partner_id
        address = ", ".join(
            part
            for part in (
                partner.street,
                partner.street2,
                partner.city,
                partner.zip,
            )
            if part
        )
        return {
            "link_name": self._link_name(),
            "host_name": company.name,
            "address": address,
            "phone": partner.phone or "",
            "email": partner.email or "",
            "website": partner.website or "",
            "area": company.link_local_authority or "",
        }

    def _section_views(self):
        """How many people the LINk heard, by channel, and how many it
        signposted and raised safeguarding concerns for."""
        channels = self._selection_labels("link.feedback", "channel")
        groups = self.env["link.feedback"]._read_group(
            self._dates_domain("date"), ["channel"], ["__count"]
        )
        by_channel = [
            (channels.get(channel, self.env._("Not recorded")), count)
            for channel, count in groups
        ]
        signposted = self.env["link.signpost"].search_count(self._dates_domain("date"))
        concerns = self.env["link.safeguarding.concern"].search_count(
            self._datetime_domain("date_raised")
        )
        total = sum(count for __, count in by_channel)
        return {
            "feedback": self._suppressed(by_channel),
            "feedback_total": total,
            "signposted": self._suppressed([("signposted", signposted)])[0][1],
            "safeguarding": self._suppressed([("safeguarding", concerns)])[0][1],
            "empty": not (total or signposted or concerns),
        }

    def _section_enter_view(self):
        """The visits that took place in the year: premises, why, what was
        recommended and what the provider answered."""
        Visit = self.env["link.ev.visit"]
        visits = Visit.search(
            [*Visit._link_took_place_domain(), *self._dates_domain("visit_day")],
            order="visit_day, id",
        )
        statuses = self._selection_labels("link.ev.recommendation", "status")
        rows = [
            {
                "date": _day(visit.visit_day),
                "premises": (visit.premises_id or visit.provider_id).name or "",
                "provider": visit.provider_id.name or "",
                "announced": visit.announced,
                "theme": visit.theme or "",
                "purpose": visit.purpose or "",
                "published": _day(visit.date_published),
                "recommendations": [
                    {
                        "name": rec.name,
                        "status": statuses.get(rec.status, ""),
                        "answer": rec.answer or "",
                    }
                    for rec in visit.recommendation_ids.sorted("sequence")
                ],
            }
            for visit in visits
        ]
        figures = _figures(
            self.env["link.ev.activity.report"]._link_figures(
                self.date_from, self.date_to
            )
        )
        return {"visits": rows, "figures": figures}

    def _section_requests(self):
        """Information requests sent and answered (on time or late), and
        the reports and referrals answered, from the SLA compliance report
        the monitoring pack uses."""
        figures = _figures(
            self.env["link.sla.compliance.report"]._link_figures(
                self.date_from, self.date_to
            )
        )
        return {"figures": figures, "empty": not any(v for __, __, v in figures)}

    def _section_referrals(self):
        """Referrals sent in the year: to overview and scrutiny, to the
        regulator (CQC) and Healthwatch England, and to others."""
        kinds = self._selection_labels("res.partner", "link_partner_kind")
        referrals = self.env["link.referral"].search(
            [("state", "in", SENT_REFERRAL_STATES), *self._dates_domain("date_sent")],
            order="date_sent, id",
        )
        states = self._selection_labels("link.referral", "state")

        def rows(records):
            return [
                {
                    "date": _day(referral.date_sent),
                    "to": referral.recipient_id.name or "",
                    "kind": kinds.get(referral.recipient_kind, ""),
                    "subject": referral.subject,
                    "state": states.get(referral.state, ""),
                    "outcome": referral.outcome or "",
                }
                for referral in records
            ]

        scrutiny = referrals.filtered(lambda r: r.recipient_kind == "scrutiny")
        national = referrals.filtered(
            lambda r: r.recipient_kind in ("regulator", "link")
        )
        return {
            "scrutiny": rows(scrutiny),
            "national": rows(national),
            "other": rows(referrals - scrutiny - national),
        }

    def _section_representation(self):
        """Seats on partners' boards: meetings attended, hours, reports back
        to the steering group, per body."""
        groups = self.env["link.representation.report"]._read_group(
            self._dates_domain("date"),
            ["partner_id"],
            ["attendance_count:sum", "hours:sum", "__count"],
            order="partner_id",
        )
        return [
            {
                "body": partner.name or "",
                "meetings": attended or 0,
                "hours": hours or 0.0,
                "reports": count,
            }
            for partner, attended, hours, count in groups
        ]

    def _section_outcomes(self):
        """Community issues decided in the year and how, the published “you
        said, we did” entries, and the work plan's outputs."""
        Issue = self.env["link.community.issue"]
        decisions = self._selection_labels("link.community.issue", "decision")
        decided = Issue._read_group(
            [("decision", "!=", False), *self._dates_domain("decision_date")],
            ["decision"],
            ["__count"],
        )
        public = Issue.search(
            [*Issue._link_public_domain(), *self._dates_domain("decision_date")],
            order="decision_date, id",
        )
        outputs = self.env["link.workplan.output"].search(
            [
                ("workplan_id.state", "in", ("approved", "closed")),
                ("date_start", "<=", self.date_to),
                ("date_end", ">=", self.date_from),
            ],
            order="workplan_id, sequence, id",
        )
        return {
            "decided": [
                (decisions.get(decision, ""), count) for decision, count in decided
            ],
            "you_said": public._link_public_rows(),
            "outputs": [
                {
                    "name": output.name,
                    "stream": output.workstream_id.name or "",
                    "unit": output.unit or "",
                    "previous_year": output.previous_year,
                    "target": output.target,
                    "actual": output.actual,
                }
                for output in outputs
            ],
        }

    def _section_volunteers(self):
        """How many volunteers gave how many hours, and what that time is
        worth; how many authorised representatives could enter and view."""
        # The people behind the hours below: attended places and approved
        # hours claims (flexible work), each person once.
        volunteers = len(
            {
                partner
                for (partner,) in self.env["link.shift.assignment"]._read_group(
                    [("state", "=", "attended"), *self._datetime_domain("date_start")],
                    ["partner_id"],
                )
            }
            | {
                partner
                for (partner,) in self.env["link.hours.claim"]._read_group(
                    [
                        ("state", "=", "approved"),
                        ("date", ">=", self.date_from),
                        ("date", "<=", self.date_to),
                    ],
                    ["partner_id"],
                )
            }
        )
        # Contract 1 (link_membership): the hours the pack counts, and their
        # value at the company's rate.
        hours = self.env["link.volunteering.report"]._link_hours(
            self.date_from, self.date_to
        )
        value = self.company_id._link_volunteer_value(hours)
        authorised = self.env["link.ev.authorisation"].search_count(
            [
                ("date_authorised", "<=", self.date_to),
                "|",
                ("date_expiry", "=", False),
                ("date_expiry", ">=", self.date_from),
                ("state", "!=", "applied"),
            ]
        )
        return {
            "volunteers": volunteers,
            "hours": hours,
            "value": value,
            "authorised": authorised,
        }

    def _section_finance(self):
        """Income (entered on the report) and spend per work stream from
        the budget (contract 3, link_workplan)."""
        # Contract 3 (link_workplan): allocated and spent per work stream.
        budget = self.env["link.budget.line"]._link_budget_summary(
            self.date_from, self.date_to
        )
        return {
            "budget": budget,
            "allocated": sum(line["allocated"] for line in budget),
            "spent": sum(line["spent"] for line in budget),
        }

    def _section_governance(self):
        """The decision-making procedure, the relevant decisions of the year
        and how lay people took part, and any breach (contract 4, the
        decision log)."""
        # Contract 4 (the decision log, link.decision).
        summary = self.env["link.decision"]._link_annual_summary(
            self.date_from, self.date_to
        )
        return {
            "procedure": summary["procedure"],
            "decisions": [
                dict(decision, date=_day(decision["date"]))
                for decision in summary["decisions"]
            ],
            "breaches": [
                dict(breach, date=_day(breach["date"]))
                for breach in summary["breaches"]
            ],
        }

    # ------------------------------------------------------------------
    # Publication
    # ------------------------------------------------------------------

    def _check_draft(self):
        if any(report.state == "published" for report in self):
            raise UserError(
                self.env._(
                    "A published annual report cannot be changed: it is the one "
                    "the public can download. Add what changed to next year's "
                    "report."
                )
            )

    def _render_report(self, published_on=None):
        """The PDF; ``published_on``: the date it prints as published on
        (the report is rendered just before it is marked published)."""
        self.ensure_one()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, __ = report._render_qweb_pdf(
            ANNUAL_REPORT,
            self.ids,
            data={"link_published_on": published_on and _day(published_on)},
        )
        return pdf

    def action_publish(self):
        """Render the PDF once, keep it and offer it on /annual-report."""
        self.check_access("write")
        self._check_draft()
        for report in self:
            today = fields.Date.context_today(report)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": report.report_filename,
                    "datas": base64.b64encode(report._render_report(today)),
                    "mimetype": "application/pdf",
                    "res_model": report._name,
                    "res_id": report.id,
                }
            )
            report.write(
                {
                    "state": "published",
                    "published_on": today,
                    "attachment_id": attachment.id,
                }
            )
        return True

    def action_print(self):
        self.ensure_one()
        return self.env.ref(ANNUAL_REPORT).report_action(self)

    def action_preview(self):
        """The report as it stands, in the browser."""
        self.ensure_one()
        action = self.env.ref(ANNUAL_REPORT).report_action(self)
        action["report_type"] = "qweb-html"
        return action

    # ------------------------------------------------------------------
    # The public page
    # ------------------------------------------------------------------

    @api.model
    def _link_public_domain(self):
        return [("state", "=", "published"), ("attachment_id", "!=", False)]

    @api.model
    def _link_public_reports(self):
        """The published reports as the public page lists them (read as
        the superuser, PUBLIC_FIELDS only)."""
        reports = self.sudo().search_fetch(self._link_public_domain(), PUBLIC_FIELDS)
        return [
            {
                "id": report.id,
                "name": report.name,
                "date_from": _day(report.date_from),
                "date_to": _day(report.date_to),
                "published_on": _day(report.published_on),
            }
            for report in reports
        ]

    @api.model
    def _link_public_pdf(self, report_id):
        """(file name, PDF bytes) of a published report, or None."""
        if not report_id:
            return None
        report = self.sudo().search_fetch(
            [*self._link_public_domain(), ("id", "=", report_id)], PUBLIC_FIELDS
        )
        if not report:
            return None
        return report.attachment_id.name, report.attachment_id.raw

    # ------------------------------------------------------------------
    # Immutability once published
    # ------------------------------------------------------------------

    def write(self, vals):
        if any(not field.startswith(MAIL_FIELDS_PREFIXES) for field in vals):
            self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._check_draft()
