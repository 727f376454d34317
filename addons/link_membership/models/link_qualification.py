# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

# Days before expiry at which the volunteer and the coordinator are told, once
# each; the first one is also when a qualification counts as "expiring".
EXPIRY_ALERT_DAYS = (60, 30, 7)


class LinkQualification(models.Model):
    _name = "link.qualification"
    _description = "Volunteer qualification"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
    ]
    _order = "date_expiry, id"
    _rec_names_search = ["partner_id", "type_id", "reference"]
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    type_id = fields.Many2one(
        "link.qualification.type",
        string="Qualification",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date_obtained = fields.Date(
        string="Obtained on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_expiry = fields.Date(
        string="Expires on",
        compute="_compute_date_expiry",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Worked out from the type's validity; change it when the "
        "certificate says otherwise. Empty means it never expires.",
    )
    reference = fields.Char(
        string="Reference number", help="Certificate or DBS disclosure number."
    )
    evidence = fields.Binary(attachment=True, copy=False)
    evidence_filename = fields.Char(copy=False)
    evidence_state = fields.Selection(
        [
            ("none", "No evidence"),
            ("submitted", "To check"),
            ("checked", "Checked"),
        ],
        string="Evidence check",
        default="none",
        required=True,
        tracking=True,
        copy=False,
    )
    evidence_required = fields.Boolean(related="type_id.evidence_required")
    state = fields.Selection(
        [
            ("pending", "Awaiting evidence"),
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
        ],
        compute="_compute_state",
        search="_search_state",
    )
    # Smallest of EXPIRY_ALERT_DAYS already announced for the current expiry
    # date (0: none yet), so that each threshold is announced once.
    expiry_alert_days = fields.Integer(copy=False, readonly=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )

    @api.depends("type_id", "date_obtained")
    def _compute_date_expiry(self):
        for qualification in self:
            months = qualification.type_id.validity_months
            qualification.date_expiry = (
                qualification.date_obtained + relativedelta(months=months)
                if months and qualification.date_obtained
                else False
            )

    @api.depends("date_expiry", "evidence_state", "type_id.evidence_required")
    @api.depends_context("date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        expiring_from = today + timedelta(days=EXPIRY_ALERT_DAYS[0])
        for qualification in self:
            if qualification.date_expiry and qualification.date_expiry < today:
                qualification.state = "expired"
            elif (
                qualification.type_id.evidence_required
                and qualification.evidence_state != "checked"
            ):
                qualification.state = "pending"
            elif (
                qualification.date_expiry and qualification.date_expiry <= expiring_from
            ):
                qualification.state = "expiring"
            else:
                qualification.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on qualification state."))
        values = {value} if isinstance(value, str) else set(value)
        today = fields.Date.context_today(self)
        expiring_from = today + timedelta(days=EXPIRY_ALERT_DAYS[0])
        not_expired = ["|", ("date_expiry", "=", False), ("date_expiry", ">=", today)]
        evidence_ok = [
            "|",
            ("type_id.evidence_required", "=", False),
            ("evidence_state", "=", "checked"),
        ]
        evidence_missing = [
            ("type_id.evidence_required", "=", True),
            ("evidence_state", "!=", "checked"),
        ]
        domains = {
            "expired": [("date_expiry", "<", today)],
            "pending": expression.AND([not_expired, evidence_missing]),
            "expiring": expression.AND(
                [
                    evidence_ok,
                    [
                        ("date_expiry", ">=", today),
                        ("date_expiry", "<=", expiring_from),
                    ],
                ]
            ),
            "valid": expression.AND(
                [
                    evidence_ok,
                    [
                        "|",
                        ("date_expiry", "=", False),
                        ("date_expiry", ">", expiring_from),
                    ],
                ]
            ),
        }
        domain = expression.OR(
            [domains[v] for v in values if v in domains] or [[(0, "=", 1)]]
        )
        if operator in ("!=", "not in"):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.constrains("date_obtained", "date_expiry")
    def _check_dates(self):
        for qualification in self:
            if (
                qualification.date_expiry
                and qualification.date_expiry < qualification.date_obtained
            ):
                raise ValidationError(
                    self.env._(
                        "%(qualification)s of %(person)s cannot expire (%(expiry)s) "
                        "before it was obtained (%(obtained)s).",
                        qualification=qualification.type_id.name,
                        person=qualification.partner_id.display_name,
                        expiry=qualification.date_expiry,
                        obtained=qualification.date_obtained,
                    )
                )

    @api.depends("partner_id", "type_id")
    def _compute_display_name(self):
        for qualification in self:
            qualification.display_name = (
                f"{qualification.type_id.name} - {qualification.partner_id.name}"
            )

    def write(self, vals):
        if "date_expiry" in vals or "date_obtained" in vals or "type_id" in vals:
            # A renewed qualification is announced again before its new expiry.
            vals = {**vals, "expiry_alert_days": 0}
        return super().write(vals)

    def action_check_evidence(self):
        if not all(self.mapped("evidence")):
            raise UserError(self.env._("There is no evidence to check yet."))
        self.evidence_state = "checked"

    @api.model
    def _valid_domain(self, on_date):
        """Qualifications that count on ``on_date``."""
        return [
            ("date_obtained", "<=", on_date),
            "|",
            ("date_expiry", "=", False),
            ("date_expiry", ">=", on_date),
            "|",
            ("type_id.evidence_required", "=", False),
            ("evidence_state", "=", "checked"),
        ]

    @api.model
    def _missing(self, partners, types, on_date):
        """{partner id: the qualification types in ``types`` that the person
        does not hold, valid on ``on_date``}, in one query for all partners."""
        if not types:
            return {partner.id: types for partner in partners}
        held = defaultdict(set)
        for partner, qualification_type in self.sudo()._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("type_id", "in", types.ids),
                *self._valid_domain(on_date),
            ],
            ["partner_id", "type_id"],
        ):
            held[partner.id].add(qualification_type.id)
        return {
            partner.id: types.filtered(lambda t, p=partner: t.id not in held[p.id])
            for partner in partners
        }

    @api.model
    def _cron_expiry_alerts(self):
        """Tell the person (mail) and the coordinator (activity) when a
        qualification comes within 60, 30 and 7 days of expiry: each
        threshold once, whatever the number of runs, a batch at a time."""
        today = fields.Date.context_today(self)
        template = self.env.ref("link_membership.mail_template_qualification_expiry")
        company = self.env.company

        def coordinator_of(qualification):
            return (qualification.company_id or company).link_volunteer_coordinator_id

        # Bands (7, 30] etc., so a qualification first seen 5 days before its
        # expiry gets the 7-day alert only, not all three at once.
        bounds = [*EXPIRY_ALERT_DAYS[1:], -1]
        for days, above in zip(EXPIRY_ALERT_DAYS, bounds, strict=True):
            domain = [
                ("date_expiry", "<=", today + timedelta(days=days)),
                ("date_expiry", ">", today + timedelta(days=above)),
                "|",
                ("expiry_alert_days", "=", 0),
                ("expiry_alert_days", ">", days),
            ]
            while qualifications := self.search(
                domain, limit=self._activity_batch, order="id"
            ):
                qualifications._create_activities(
                    "mail.mail_activity_data_todo",
                    coordinator_of,
                    lambda qualification: qualification.date_expiry,
                    self.env._(
                        "Renew before it expires (%(days)s days' notice)", days=days
                    ),
                )
                template.send_mail_batch(qualifications.ids)
                qualifications.write({"expiry_alert_days": days})

    @api.model
    def _missing_per_day(self, partner, needs):
        """For one person and many (types, day) needs, the types missing on
        each day, reading the person's qualifications once whatever the number
        of needs: ``needs`` is {key: (types, day)}, the result {key: missing
        types} for the keys that miss something."""
        days = [day for _types, day in needs.values()]
        if not days:
            return {}
        held = self.sudo().search_fetch(
            [
                ("partner_id", "=", partner.id),
                ("date_obtained", "<=", max(days)),
                "|",
                ("date_expiry", "=", False),
                ("date_expiry", ">=", min(days)),
                "|",
                ("type_id.evidence_required", "=", False),
                ("evidence_state", "=", "checked"),
            ],
            ["type_id", "date_obtained", "date_expiry"],
        )
        held = [(q.type_id.id, q.date_obtained, q.date_expiry) for q in held]
        missing = {}
        for key, (types, day) in needs.items():
            # The same test as _valid_domain, for one day in Python.
            valid_ids = {
                type_id
                for type_id, obtained, expiry in held
                if obtained <= day and (not expiry or expiry >= day)
            }
            if not valid_ids.issuperset(types.ids):
                missing[key] = types.filtered(lambda t, v=valid_ids: t.id not in v)
        return missing

    def _submit_evidence(self, content, filename):
        """A volunteer sends evidence from the portal: staff are asked to
        check it before it counts."""
        self.ensure_one()
        self.write(
            {
                "evidence": base64.b64encode(content),
                "evidence_filename": (filename or "evidence")[:200],
                "evidence_state": "submitted",
            }
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Check the evidence the volunteer sent"),
            user_id=(self.company_id or self.env.company)
            ._link_activity_users([self.company_id.link_volunteer_coordinator_id])[0]
            .id,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A qualification whose evidence was sent or checked, or that has
        expired, is the record of a check the volunteer had: kept. One keyed
        in by mistake (no evidence yet, not expired) may be deleted."""
        kept = self.sudo().filtered(
            lambda q: q.evidence_state != "none" or q.state == "expired"
        )
        if kept:
            raise UserError(
                self.env._(
                    "%(names)s is the record of a check (its evidence was sent or "
                    "checked, or it has expired): it is kept as the volunteer's "
                    "history. Record a renewal as a new qualification instead of "
                    "deleting this one.",
                    names=", ".join(kept.mapped("display_name")),
                )
            )
