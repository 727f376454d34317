# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

STAFF = "link_membership.group_link_staff"
# What a decided claim may no longer change: it is in the accounts.
LOCKED_FIELDS = {
    "partner_id",
    "shift_id",
    "event_id",
    "amount",
    "expense_type",
    "budget_line_id",
    "company_id",
}
# A place on a shift that counts as taking part in it.
TOOK_PART_STATES = ("confirmed", "attended")
# Receipts sent from the portal: photos or scans, not any file.
RECEIPT_MIMETYPES = ("application/pdf", "image/jpeg", "image/png", "image/webp")
RECEIPT_MAX_BYTES = 10 * 1024 * 1024
RECEIPTS_MAX = 5
# Most a single claim may ask for (a larger sum goes through the accounts).
MAX_AMOUNT = 10000
# How far back the portal offers shifts and meetings to claim for.
PORTAL_CLAIM_DAYS = 180
# The mail that tells the claimant how their claim was decided, by state.
CLAIMANT_TEMPLATES = {
    "approved": "link_workplan.mail_template_link_expense_approved",
    "declined": "link_workplan.mail_template_link_expense_declined",
    "paid": "link_workplan.mail_template_link_expense_paid",
}


class LinkExpenseClaim(models.Model):
    """Out-of-pocket expenses of a volunteer or a representative (fares,
    mileage, a meal, care costs) for a shift they worked or a meeting or
    visit they took part in, with the receipts. Host staff approve it onto
    a budget line, which books a volunteer expense cost there (so the budget
    pivot, the monitoring pack and the annual report count it), then mark it
    paid with the date. Never deleted: a declined claim stays with its
    reason."""

    _name = "link.expense.claim"
    _description = "Volunteer expense claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.claim.mixin"]
    _claimant_templates = CLAIMANT_TEMPLATES
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Claimant",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    shift_id = fields.Many2one(
        "link.shift",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    event_id = fields.Many2one(
        "calendar.event",
        string="Meeting or visit",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date = fields.Date(
        compute="_compute_date",
        store=True,
        index=True,
        help="The day of the shift or meeting: the cost is booked on it.",
    )
    expense_type = fields.Selection(
        [
            ("travel", "Fares"),
            ("mileage", "Mileage"),
            ("meal", "Meals"),
            ("care", "Care costs"),
            ("other", "Other"),
        ],
        string="Expense",
        required=True,
        default="travel",
        tracking=True,
    )
    description = fields.Text(
        help="What was paid for, e.g. return bus fare to the hospital."
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    amount = fields.Monetary(required=True, aggregator="sum", tracking=True)
    receipt_ids = fields.Many2many(
        "ir.attachment",
        "link_expense_claim_receipt_rel",
        "claim_id",
        "attachment_id",
        string="Receipts",
        copy=False,
    )
    receipt_count = fields.Integer(compute="_compute_receipt_count")
    state = fields.Selection(
        [
            ("submitted", "To approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("declined", "Declined"),
        ],
        string="Status",
        required=True,
        default="submitted",
        index=True,
        tracking=True,
        copy=False,
    )
    budget_line_id = fields.Many2one(
        "link.budget.line",
        string="Budget line",
        index=True,
        tracking=True,
        help="The line the expense is paid from: approving books it there.",
    )
    cost_id = fields.Many2one(
        "link.budget.cost",
        string="Budget cost",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    paid_date = fields.Date(tracking=True, copy=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "shift_or_event",
            "CHECK ((shift_id IS NULL) != (event_id IS NULL))",
            "An expense is claimed for one shift or one meeting or visit.",
        ),
    ]

    # Not on the start of the shift or meeting: the claim keeps the day it
    # was made for (and moving a meeting or a place's sign-up never has to
    # look for claims).
    @api.depends("shift_id", "event_id")
    def _compute_date(self):
        for claim in self:
            start = claim.shift_id.date_start or claim.event_id.sudo().start
            claim.date = start and start.date()

    @api.depends("receipt_ids")
    def _compute_receipt_count(self):
        for claim in self:
            claim.receipt_count = len(claim.receipt_ids)

    @api.constrains("amount")
    def _check_amount(self):
        for claim in self:
            if not 0 < claim.amount <= MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "An expense claim is for an amount above nothing and up "
                        "to %(max)s, not %(amount)s.",
                        max=MAX_AMOUNT,
                        amount=claim.amount,
                    )
                )

    @api.constrains("partner_id", "shift_id", "event_id")
    def _check_took_part(self):
        if refusals := self._took_part_refusals():
            raise ValidationError("\n".join(refusals.values()))

    def _took_part_refusals(self):
        """{claim id: why} for the claims whose claimant did not take part
        in their shift (no confirmed or attended place) or meeting (not an
        attendee), in two queries."""
        claims = self.sudo()
        with_shift = claims.filtered("shift_id")
        places = set()
        if with_shift:
            places = {
                (place.shift_id.id, place.partner_id.id)
                for place in self.env["link.shift.assignment"]
                .sudo()
                .search(
                    [
                        ("shift_id", "in", with_shift.shift_id.ids),
                        ("partner_id", "in", with_shift.partner_id.ids),
                        ("state", "in", TOOK_PART_STATES),
                    ]
                )
            }
        refusals = {}
        for claim in claims:
            if claim.shift_id:
                if (claim.shift_id.id, claim.partner_id.id) not in places:
                    refusals[claim.id] = self.env._(
                        "%(person)s had no place on the shift %(what)s: an "
                        "expense is claimed for a shift the claimant worked.",
                        person=claim.partner_id.name,
                        what=claim.shift_id.name,
                    )
            elif claim.partner_id not in claim.event_id.partner_ids:
                refusals[claim.id] = self.env._(
                    "%(person)s is not an attendee of %(what)s: an expense is "
                    "claimed for a meeting or visit the claimant took part in.",
                    person=claim.partner_id.name,
                    what=claim.event_id.name,
                )
        return refusals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("link.expense.claim")
                    or "/"
                )
        claims = super().create(vals_list)
        claims._link_receipts()
        return claims

    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and any(c.state != "submitted" for c in self):
            raise UserError(
                self.env._(
                    "A decided expense claim is kept as it was decided: it is in "
                    "the accounts."
                )
            )
        res = super().write(vals)
        if "receipt_ids" in vals:
            self._link_receipts()
        return res

    def _link_receipts(self):
        """Receipts belong to their claim (and so are read with its rights,
        and listed in its chatter)."""
        for claim in self:
            loose = claim.receipt_ids.sudo().filtered(
                lambda a, c=claim: a.res_model != c._name or a.res_id != c.id
            )
            if loose:
                loose.write({"res_model": claim._name, "res_id": claim.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._(
                "Expense claims are kept on record: decline a claim that should "
                "not be paid instead, with the reason."
            )
        )

    # ------------------------------------------------------------------
    # Decisions
    # ------------------------------------------------------------------

    def _claim_buttons(self):
        return self.env._(
            "Use the Approve, Decline and Mark as paid buttons to decide a claim."
        )

    def _decide(self, state, vals=None, per_claim=None):
        """Put the claims in ``state`` (approved, declined or paid) with
        ``vals``, and ``per_claim`` {claim id: values} for what differs from
        one claim to the next (flushed as one update), then tell the
        claimants."""
        self._set_state({"state": state, **(vals or {})})
        for claim in self if per_claim else ():
            claim._set_state(per_claim[claim.id])
        self._notify_claimant()

    def action_approve(self):
        """Approve the claims (from the list, many at once): each books an
        approved volunteer expense on its budget line."""
        self._check_group(
            STAFF, self.env._("Only host staff approve or decline expenses.")
        )
        if any(claim.state != "submitted" for claim in self):
            raise UserError(
                self.env._("Only claims waiting for approval can be approved.")
            )
        if missing := self.filtered(lambda c: not c.budget_line_id):
            raise UserError(
                self.env._(
                    "Choose the budget line that pays %(claims)s before approving.",
                    claims=", ".join(missing.mapped("name")),
                )
            )
        types = dict(self._fields["expense_type"].selection)
        # Costs never name the claimant: the council monitor reads them.
        costs = (
            self.env["link.budget.cost"]
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "name": self.env._(
                            "Volunteer expense %(ref)s: %(type)s",
                            ref=claim.name,
                            type=types[claim.expense_type],
                        ),
                        "budget_line_id": claim.budget_line_id.id,
                        "date": claim.date,
                        "amount": claim.amount,
                        "kind": "expense",
                    }
                    for claim in self
                ]
            )
        )
        costs.action_approve()
        self._decide(
            "approved",
            {
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
            },
            per_claim={
                claim.id: {"cost_id": cost.id}
                for claim, cost in zip(self, costs, strict=True)
            },
        )
        return True

    def action_decline(self):
        self._check_group(
            STAFF, self.env._("Only host staff approve or decline expenses.")
        )
        if any(claim.state != "submitted" for claim in self):
            raise UserError(
                self.env._("Only claims waiting for approval can be declined.")
            )
        if any(not (claim.decline_reason or "").strip() for claim in self):
            raise UserError(
                self.env._("Say why the expense is declined before declining it.")
            )
        self._decide(
            "declined",
            {
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
            },
        )
        return True

    def action_reset_to_submitted(self):
        """A declined claim may go back for approval."""
        self._check_group(STAFF, self.env._("Only host staff reopen claims."))
        if any(claim.state != "declined" for claim in self):
            raise UserError(self.env._("Only declined claims go back for approval."))
        self._set_state(
            {"state": "submitted", "decided_by_id": False, "decided_on": False}
        )
        return True

    def action_mark_paid(self):
        """The claimant was paid: on the paid date given, else today."""
        self._check_group(STAFF, self.env._("Only host staff mark expenses paid."))
        if any(claim.state != "approved" for claim in self):
            raise UserError(self.env._("Only approved claims can be marked paid."))
        today = fields.Date.context_today(self)
        paid_dates = {}
        for claim in self:
            paid = paid_dates[claim.id] = claim.paid_date or today
            if paid > today:
                raise UserError(
                    self.env._(
                        "%(ref)s cannot be paid on %(date)s, a day still to come.",
                        ref=claim.name,
                        date=paid.strftime("%d/%m/%Y"),
                    )
                )
        self._decide(
            "paid",
            per_claim={
                claim_id: {"paid_date": paid} for claim_id, paid in paid_dates.items()
            },
        )
        return True

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------

    @api.model
    def _portal_choices(self, partner):
        """What ``partner`` can claim for on the portal: their shifts
        (confirmed or attended places) and the meetings and visits they
        attended, from PORTAL_CLAIM_DAYS ago to today, latest first, as
        [(key, label, date)] with keys "shift-<id>" and "event-<id>"."""
        now = fields.Datetime.now()
        since = now - timedelta(days=PORTAL_CLAIM_DAYS)
        places = (
            self.env["link.shift.assignment"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "=", partner.id),
                    ("state", "in", TOOK_PART_STATES),
                    ("date_start", ">=", since),
                    ("date_start", "<=", now),
                ],
                ["shift_id", "date_start"],
            )
        )
        places.shift_id.fetch(["name"])
        events = (
            self.env["calendar.event"]
            .sudo()
            .search_fetch(
                [
                    ("partner_ids", "in", partner.id),
                    ("start", ">=", since),
                    ("start", "<=", now),
                ],
                ["name", "start"],
            )
        )
        choices = [
            (f"shift-{place.shift_id.id}", place.shift_id.name, place.date_start)
            for place in places
        ] + [(f"event-{event.id}", event.name, event.start) for event in events]
        return sorted(choices, key=lambda choice: choice[2], reverse=True)

    def _portal_receipt(self, receipt_id):
        """The receipt ``receipt_id`` of this claim (found by the portal as
        the claimant), to download, or an empty recordset. sudo: portal
        users cannot read attachments field by field."""
        self.ensure_one()
        return self.sudo().receipt_ids.filtered(lambda a: a.id == receipt_id)

    @api.model
    def _portal_submit(self, partner, values, receipts):
        """A claimant sends a claim from the portal, with ``receipts`` as
        [(file name, bytes)]: theirs, waiting for approval, for a shift or
        meeting they took part in, whatever the form sent."""
        types = dict(self._fields["expense_type"].selection)
        if values.get("expense_type") not in types:
            raise ValidationError(self.env._("Choose what the expense was for."))
        kind, __, record_id = (values.get("what") or "").partition("-")
        record_id = int(record_id) if record_id.isdecimal() else 0
        if kind not in ("shift", "event") or not 0 < record_id < 2**31:
            raise ValidationError(
                self.env._("Choose the shift or meeting you claim for.")
            )
        if len(receipts) > RECEIPTS_MAX:
            raise ValidationError(
                self.env._("Send up to %(max)s receipts.", max=RECEIPTS_MAX)
            )
        if not receipts and values["expense_type"] != "mileage":
            raise ValidationError(self.env._("Add a photo or scan of the receipt."))
        for filename, content in receipts:
            if not content or len(content) > RECEIPT_MAX_BYTES:
                raise ValidationError(
                    self.env._(
                        "%(file)s is empty or larger than 10 MB: send a smaller "
                        "photo or scan.",
                        file=filename,
                    )
                )
            if guess_mimetype(content) not in RECEIPT_MIMETYPES:
                raise ValidationError(
                    self.env._(
                        "%(file)s is not a photo or a PDF: send the receipt as "
                        "a photo (JPEG or PNG) or a PDF.",
                        file=filename,
                    )
                )
        Claim = self.sudo()
        target = (
            Claim.env["link.shift"] if kind == "shift" else Claim.env["calendar.event"]
        ).search([("id", "=", record_id)])
        field = "shift_id" if kind == "shift" else "event_id"
        claim = Claim.new({"partner_id": partner.id, field: target.id})
        if not target or claim._took_part_refusals():
            raise ValidationError(
                self.env._(
                    "That is not a shift or meeting you took part in: choose one "
                    "from the list."
                )
            )
        attachments = Claim.env["ir.attachment"].create(
            [
                {
                    "name": (filename or "receipt")[:200],
                    "raw": content,
                    "res_model": self._name,
                }
                for filename, content in receipts
            ]
        )
        return Claim.create(
            {
                "partner_id": partner.id,
                field: target.id,
                "expense_type": values["expense_type"],
                "amount": values["amount"],
                "description": (values.get("description") or "").strip()[:2000],
                "receipt_ids": [fields.Command.set(attachments.ids)],
                "company_id": (partner.company_id or self.env.company).id,
            }
        )
