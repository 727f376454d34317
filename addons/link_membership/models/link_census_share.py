# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .equality_questions import NON_ANSWERS, QUESTIONS, all_answers


class LinkCensusShare(models.Model):
    """The local population's share of an answer (from the census), beside the
    current members' share, so that a host sees which groups are missing."""

    _name = "link.census.share"
    _description = "Census share of an equality answer"
    _order = "characteristic, answer"

    characteristic = fields.Selection(
        [(name, label) for name, label, __ in QUESTIONS], required=True
    )
    answer = fields.Selection(all_answers(with_non_answers=False), required=True)
    share = fields.Float(string="Population (%)", digits=(5, 1), required=True)
    source = fields.Char(help="For example: Census 2021, Brookfield local authority.")
    member_share = fields.Float(
        string="Members (%)",
        digits=(5, 1),
        compute="_compute_member_share",
        help="Share of the current members who answered this question. Empty when "
        "the number of members is too small to publish.",
    )
    gap = fields.Float(
        string="Gap (points)", digits=(5, 1), compute="_compute_member_share"
    )

    _sql_constraints = [
        (
            "answer_unique",
            "unique(answer)",
            "This answer already has a census share: update that one.",
        ),
    ]

    @api.constrains("characteristic", "answer", "share")
    def _check_share(self):
        for record in self:
            if not record.answer.startswith(f"{record.characteristic}:"):
                raise ValidationError(
                    self.env._("The answer does not belong to the question chosen.")
                )
            if not 0 <= record.share <= 100:
                raise ValidationError(
                    self.env._("A share is a percentage, between 0 and 100.")
                )
        totals = defaultdict(float)
        for record in self.search(
            [("characteristic", "in", self.mapped("characteristic"))]
        ):
            totals[record.characteristic] += record.share
        for characteristic, total in totals.items():
            if total > 100.5:
                raise ValidationError(
                    self.env._(
                        "The census shares of %(question)s add up to %(total)s%%, "
                        "more than 100%%.",
                        question=dict(self._fields["characteristic"].selection)[
                            characteristic
                        ],
                        total=round(total, 1),
                    )
                )

    @api.depends("characteristic", "answer", "share")
    def _compute_member_share(self):
        """From the suppressed report: a share is only shown when its count is."""
        report = self.env["link.equality.report"]
        for characteristic in set(self.mapped("characteristic")) - {False}:
            domain = [
                ("characteristic", "=", characteristic),
                (
                    "answer",
                    "not in",
                    [f"{characteristic}:{key}" for key in NON_ANSWERS],
                ),
            ]
            (total,) = report.read_group(domain, ["member_count:sum"], [], lazy=False)
            counts = {
                group["answer"]: group["member_count"]
                for group in report.read_group(
                    domain, ["member_count:sum"], ["answer"], lazy=False
                )
            }
            for record in self.filtered(
                lambda r, c=characteristic: r.characteristic == c
            ):
                count = counts.get(record.answer, 0)
                if total["member_count"] and count is not False:
                    record.member_share = 100.0 * count / total["member_count"]
                    record.gap = record.member_share - record.share
                else:
                    record.member_share = record.gap = False
        (self - self.filtered("characteristic")).update(
            {"member_share": False, "gap": False}
        )
