# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

DECISIONS = [
    ("work_plan", "Take into the work plan"),
    ("refer_link", "Refer to another LINk"),
    ("refer_scrutiny", "Refer to the scrutiny committee"),
    ("refer_regulator", "Refer to the regulator"),
    ("no_action", "No action"),
]


class LinkCommunityIssue(models.Model):
    """An issue raised by the public, logged contact by contact ("500 calls
    from 1 person about an issue or 1 call from 500 people"), weighed against
    the agreed criteria, and decided by the steering group."""

    _name = "link.community.issue"
    _description = "Community issue"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.activity.once.mixin"]
    _order = "score desc, id desc"

    name = fields.Char(string="Issue", required=True, tracking=True)
    description = fields.Html()
    service_area = fields.Selection(
        [("health", "Health"), ("social_care", "Social care"), ("both", "Both")],
        required=True,
        default="health",
        index=True,
    )
    level = fields.Selection(
        [
            ("national", "National"),
            ("regional", "Regional"),
            ("local", "Local"),
            ("individual", "Individual"),
            ("specialist", "Specialist"),
        ],
        required=True,
        default="local",
        index=True,
    )
    provider_id = fields.Many2one(
        "res.partner", string="Service or provider", index=True
    )
    ward_id = fields.Many2one("link.ward", index=True)
    state = fields.Selection(
        [("new", "New"), ("assessed", "Assessed"), ("decided", "Decided")],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    contact_ids = fields.One2many("link.community.issue.contact", "issue_id")
    contact_count = fields.Integer(
        string="Contacts", compute="_compute_counts", store=True, aggregator="sum"
    )
    people_count = fields.Integer(
        string="People",
        compute="_compute_counts",
        store=True,
        aggregator="sum",
        help="Different people who raised it; each anonymous contact counts as one.",
    )
    score_ids = fields.One2many(
        "link.community.issue.score", "issue_id", string="Scoring"
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        index=True,
        aggregator="avg",
        help="Sum of each criterion's score times its weight.",
    )
    triggered = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="Reached a trigger point; the steering group has been asked to decide.",
    )
    decision = fields.Selection(DECISIONS, tracking=True, index=True, copy=False)
    decision_reason = fields.Text(copy=False)
    decision_date = fields.Date(readonly=True, copy=False)
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False
    )
    plan_workstream_id = fields.Many2one(
        "link.workstream",
        string="Into work stream",
        help="Where the issue goes when it is taken into the work plan.",
    )
    action_id = fields.Many2one("link.workplan.action", readonly=True, copy=False)

    @api.depends("contact_ids.partner_id")
    def _compute_counts(self):
        rows = self.env["link.community.issue.contact"]._read_group(
            [("issue_id", "in", self.ids)], ["issue_id", "partner_id"], ["__count"]
        )
        contacts, people = Counter(), Counter()
        for issue, partner, count in rows:
            contacts[issue.id] += count
            people[issue.id] += 1 if partner else count
        for issue in self:
            issue.contact_count = contacts[issue.id]
            issue.people_count = people[issue.id]

    @api.depends("score_ids.score", "score_ids.criterion_id.weight")
    def _compute_score(self):
        for issue in self:
            issue.score = sum(
                line.score * line.criterion_id.weight for line in issue.score_ids
            )

    @api.constrains("decision", "decision_reason")
    def _check_decision_reason(self):
        for issue in self:
            if (
                issue.decision
                and issue.decision != "work_plan"
                and not issue.decision_reason
            ):
                raise ValidationError(
                    self.env._(
                        "Give the reason for the decision on “%(issue)s”.",
                        issue=issue.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        issues = super().create(vals_list)
        issues._check_triggers()
        return issues

    def write(self, vals):
        res = super().write(vals)
        if {"contact_ids", "score_ids"} & set(vals):
            self._check_triggers()
        return res

    def _check_triggers(self):
        """Ask the steering group, once per issue, when an issue reaches a trigger
        point: a weighted score, or a number of different people."""
        self.flush_recordset(["score", "people_count"])
        company = self.env.company
        reached = self.filtered(
            lambda i: (
                not i.triggered
                and i.state != "decided"
                and (
                    (
                        company.link_issue_score_trigger
                        and i.score >= company.link_issue_score_trigger
                    )
                    or (
                        company.link_issue_people_trigger
                        and i.people_count >= company.link_issue_people_trigger
                    )
                )
            )
        )
        if not reached:
            return
        # sudo: whoever logs a contact may not schedule for the steering group.
        reached.sudo()._schedule_once(
            "link_workplan.mail_activity_type_link_issue_trigger",
            "triggered",
            lambda issue: company.link_issue_steering_user_id | issue.create_uid,
            fields.Date.context_today,
            self.env._("Reached a trigger point: please decide"),
        )

    def action_decide(self):
        """Record the decision chosen on the issue; taking it into the work plan
        creates the action there."""
        for issue in self:
            if not issue.decision:
                raise UserError(
                    self.env._("Choose a decision for “%(issue)s”.", issue=issue.name)
                )
            if issue.decision == "work_plan" and not issue.action_id:
                if not issue.plan_workstream_id:
                    raise UserError(
                        self.env._(
                            "Choose the work stream that takes “%(issue)s” on.",
                            issue=issue.name,
                        )
                    )
                # The steering group decides, but may not edit the plan itself:
                # the action its decision calls for is created on its behalf.
                issue.action_id = (
                    self.env["link.workplan.action"]
                    .sudo()
                    .create(
                        {
                            "workstream_id": issue.plan_workstream_id.id,
                            "name": issue.name,
                            "deadline_text": "Ongoing",
                        }
                    )
                )
        self.write(
            {
                "state": "decided",
                "decision_date": fields.Date.context_today(self),
                "decided_by_id": self.env.uid,
            }
        )
        # The request to decide is done (raised by _check_triggers, so
        # not an "automated" activity that activity_feedback would find).
        self.env["mail.activity"].sudo().search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(
                        "link_workplan.mail_activity_type_link_issue_trigger"
                    ).id,
                ),
            ]
        ).action_feedback(feedback=self.env._("Decision recorded."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """An issue people raised (contacts), assessed or decided is kept."""
        kept = self.sudo().filtered(
            lambda i: i.state != "new" or i.contact_ids or i.decision
        )
        if kept:
            raise UserError(
                self.env._(
                    "The issue “%(name)s” was raised by people, assessed or "
                    "decided: it keeps that history. Decide “No action” instead "
                    "of deleting it.",
                    name=kept[0].name,
                )
            )
