# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .equality_questions import QUESTIONS, answer_group, answer_groups
from .history import issued_period
from .res_partner import MEMBERSHIP_TYPES

KINDS = [
    ("member_count", "Number of members"),
    ("ward_coverage", "At least one member in every ward"),
    ("characteristic_coverage", "At least one member in each group"),
    ("interest_share", "Share of members with an interest (%)"),
]


class LinkMembershipTarget(models.Model):
    _name = "link.membership.target"
    _description = "Membership target"
    _order = "date_end desc, sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(KINDS, required=True, default="member_count")
    membership_type = fields.Selection(
        MEMBERSHIP_TYPES, help="Count only this type of member; empty counts all."
    )
    characteristic = fields.Selection(
        [(name, label) for name, label, __ in QUESTIONS],
        help="Equality question whose every answer group needs a member.",
    )
    interest_id = fields.Many2one("link.interest")
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    target_value = fields.Float(
        string="Target", help="Members to recruit, or a percentage for shares."
    )
    actual = fields.Float(compute="_compute_progress", digits=(16, 1))
    goal = fields.Float(
        compute="_compute_progress",
        digits=(16, 1),
        help="What the target asks for: the target, or for coverage targets "
        "the number of wards or groups to cover.",
    )
    met = fields.Boolean(compute="_compute_progress")
    missing = fields.Text(
        compute="_compute_progress", help="Wards or groups with no member yet."
    )
    active = fields.Boolean(default=True)

    @api.constrains(
        "kind",
        "target_value",
        "date_start",
        "date_end",
        "characteristic",
        "interest_id",
    )
    def _check_target(self):
        for target in self:
            if target.target_value < 0:
                raise ValidationError(
                    self.env._(
                        "A target cannot be negative (%(name)s).", name=target.name
                    )
                )
            if target.kind == "interest_share" and target.target_value > 100:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a percentage: it cannot be over 100.",
                        name=target.name,
                    )
                )
            if target.date_end < target.date_start:
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=target.name)
                )
            if target.kind == "characteristic_coverage" and not target.characteristic:
                raise ValidationError(
                    self.env._(
                        "Choose the equality question for %(name)s.", name=target.name
                    )
                )
            if target.kind == "interest_share" and not target.interest_id:
                raise ValidationError(
                    self.env._("Choose the interest for %(name)s.", name=target.name)
                )

    def _members_domain(self):
        """Members on the day the target is judged: the end of the period, or
        today while the period runs."""
        day = min(self.date_end, fields.Date.context_today(self))
        return self.env["res.partner"]._link_active_member_domain(day, day)

    @api.depends_context("date")
    @api.depends(
        "kind",
        "membership_type",
        "characteristic",
        "interest_id",
        "date_start",
        "date_end",
        "target_value",
    )
    def _compute_progress(self):
        # Targets of one period share their queries: one per period and aspect.
        cache = {}

        def once(key, compute):
            if key not in cache:
                cache[key] = compute()
            return cache[key]

        for target in self:
            period = (target.date_start, target.date_end)
            if not all(period):
                target.actual, target.met, target.missing = 0, False, False
                target.goal = target.target_value
                continue
            actual, missing = getattr(target, f"_progress_{target.kind}")(
                lambda aspect, compute, period=period: once((period, aspect), compute)
            )
            target.actual = actual
            target.missing = "\n".join(missing) if missing else False
            if target.kind in ("ward_coverage", "characteristic_coverage"):
                target.met = not missing
                target.goal = actual + len(missing)
            else:
                target.met = actual >= target.target_value
                target.goal = target.target_value

    def _members_by(self, field):
        """{value: number of members} on the day the target is judged. Only
        counts leave this method, so it may read every contact."""
        return dict(
            self.env["res.partner"]
            .sudo()
            ._read_group(self._members_domain(), [field], ["__count"])
        )

    def _progress_member_count(self, once):
        by_type = once("by_type", lambda: self._members_by("link_membership_type"))
        if self.membership_type:
            return by_type.get(self.membership_type, 0), []
        return sum(by_type.values()), []

    def _progress_ward_coverage(self, once):
        by_ward = once("by_ward", lambda: self._members_by("link_ward_id"))
        wards = once("wards", self._wards_to_cover)
        missing = wards - self.env["link.ward"].union(*filter(None, by_ward))
        return len(wards) - len(missing), missing.mapped("name")

    def _wards_to_cover(self):
        authority = self.env.company.link_local_authority
        domain = [("local_authority", "=", authority)] if authority else []
        return self.env["link.ward"].sudo().search(domain)

    def _progress_characteristic_coverage(self, once):
        question = self.characteristic

        def present():
            members = [
                ("partner_id." + leaf[0], *leaf[1:])
                if isinstance(leaf, tuple)
                else leaf
                for leaf in self._members_domain()
            ]
            today = fields.Date.context_today(self)
            rows = (
                self.env["link.equality.profile"]
                .sudo()
                ._read_group(
                    [
                        *members,
                        "|",
                        ("objection_date", "=", False),
                        ("objection_date", ">", today),
                    ],
                    [question],
                )
            )
            return {answer_group(question, answer) for (answer,) in rows} - {None}

        groups = answer_groups(question)
        found = once(f"answers:{question}", present)
        missing = [label for key, label in groups.items() if key not in found]
        return len(groups) - len(missing), missing

    def _progress_interest_share(self, once):
        with_interest = once(
            "by_interest", lambda: self._members_by("link_interest_ids")
        )
        total = self._progress_member_count(once)[0]
        if not total:
            return 0.0, []
        return 100.0 * with_interest.get(self.interest_id, 0) / total, []

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        """A target that runs in an issued monitoring period is in the pack the
        council received: archived, never deleted."""
        for target in self:
            period = issued_period(self.env, target.date_start, target.date_end)
            if period:
                raise UserError(
                    self.env._(
                        "The target “%(target)s” was reported to the council in "
                        "the monitoring pack of %(period)s: archive it instead "
                        "of deleting it.",
                        target=target.name,
                        period=period.name,
                    )
                )
