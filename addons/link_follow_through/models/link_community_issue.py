# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# The kind of body each referral decision goes to (res.partner.link_partner_kind;
# None: any statutory partner).
REFERRAL_KINDS = {
    "refer_scrutiny": "scrutiny",
    "refer_regulator": "regulator",
    "refer_link": "link",
    "refer_partner": None,
}
# The decisions this addon adds, after "Take into the work plan" (the one
# place their labels are written; the issue report repeats them).
ADDED_DECISIONS = [
    ("work_plan",),
    ("enter_view", "Enter and view the service"),
    ("information_request", "Ask the provider for information"),
    ("refer_regulator",),
    ("refer_partner", "Refer to a statutory partner"),
]
ADDED_DECISIONS_ONDELETE = {
    value: "set null" for value, *label in ADDED_DECISIONS if label
}
# Decisions whose follow-up goes to the issue's service or its provider.
TO_PROVIDER = ("enter_view", "information_request")
FOLLOW_UP_GROUPS = (
    "link_membership.group_link_staff,link_membership.group_link_steering"
)


class LinkCommunityIssue(models.Model):
    _inherit = "link.community.issue"

    decision = fields.Selection(
        selection_add=ADDED_DECISIONS, ondelete=ADDED_DECISIONS_ONDELETE
    )
    refer_to_id = fields.Many2one(
        "res.partner",
        string="Refer to",
        compute="_compute_refer_to_id",
        store=True,
        readonly=False,
        domain="[('is_company', '=', True), ('link_partner_kind', '!=', False)]",
        help="The body the issue is referred to: proposed from the decision "
        "when the register has exactly one body of that kind.",
    )
    referral_ids = fields.One2many(
        "link.referral", "community_issue_id", groups=FOLLOW_UP_GROUPS
    )
    visit_ids = fields.One2many(
        "link.ev.visit", "community_issue_id", groups=FOLLOW_UP_GROUPS
    )
    information_request_ids = fields.One2many(
        "link.information.request", "community_issue_id", groups=FOLLOW_UP_GROUPS
    )
    referral_count = fields.Integer(
        compute="_compute_follow_up_counts", groups=FOLLOW_UP_GROUPS
    )
    visit_count = fields.Integer(
        compute="_compute_follow_up_counts", groups=FOLLOW_UP_GROUPS
    )
    information_request_count = fields.Integer(
        compute="_compute_follow_up_counts", groups=FOLLOW_UP_GROUPS
    )

    @api.depends("decision")
    def _compute_refer_to_id(self):
        kinds = {
            REFERRAL_KINDS[d] for d in self.mapped("decision") if REFERRAL_KINDS.get(d)
        }
        bodies = (
            {
                kind: partners
                for kind, partners in self.env["res.partner"]._read_group(
                    [
                        ("is_company", "=", True),
                        ("link_partner_kind", "in", list(kinds)),
                    ],
                    ["link_partner_kind"],
                    ["id:recordset"],
                )
            }
            if kinds
            else {}
        )
        for issue in self:
            kind = REFERRAL_KINDS.get(issue.decision)
            if not kind or issue.refer_to_id.link_partner_kind == kind:
                continue
            found = bodies.get(kind, self.env["res.partner"])
            issue.refer_to_id = found if len(found) == 1 else False

    @api.depends("referral_ids", "visit_ids", "information_request_ids")
    def _compute_follow_up_counts(self):
        for issue in self:
            issue.referral_count = len(issue.referral_ids)
            issue.visit_count = len(issue.visit_ids)
            issue.information_request_count = len(issue.information_request_ids)

    def _link_decision_needs_reason(self):
        # A visit or a request says what it looks into: no reason needed.
        return (
            super()._link_decision_needs_reason() and self.decision not in TO_PROVIDER
        )

    def _link_check_decision(self):
        res = super()._link_check_decision()
        for issue in self:
            if issue.decision in REFERRAL_KINDS and not issue.refer_to_id:
                raise UserError(
                    self.env._(
                        "Choose the body “%(issue)s” is referred to (Refer to).",
                        issue=issue.name,
                    )
                )
            if issue.decision in TO_PROVIDER and not issue.provider_id:
                raise UserError(
                    self.env._(
                        "Name the service or provider of “%(issue)s”: the visit or "
                        "the request for information goes there.",
                        issue=issue.name,
                    )
                )
        return res

    def _link_act_on_decision(self):
        """A referral, visit or information request for each issue whose
        decision calls for one (and has none yet), in one create per model,
        each with an activity for the host officer who takes it on: the
        steering group decides, staff write and send."""
        res = super()._link_act_on_decision()
        # sudo: a steering group member decides but may not create these;
        # they are created on the group's behalf, as the work plan's action is.
        issues = self.sudo()
        officers = dict(
            zip(
                issues.ids,
                issues._activity_assignees(lambda i: i.create_uid),
                strict=True,
            )
        )
        self._link_create_follow_ups(
            officers,
            "link.referral",
            issues.filtered(
                lambda i: i.decision in REFERRAL_KINDS and not i.referral_ids
            ),
            lambda issue: {
                "subject": issue.name,
                "body": issue._link_follow_up_text(),
                "recipient_id": issue.refer_to_id.id,
                "user_id": officers[issue.id].id,
            },
            self.env._("Write and send the referral the steering group decided"),
        )
        self._link_create_follow_ups(
            officers,
            "link.ev.visit",
            issues.filtered(lambda i: i.decision == "enter_view" and not i.visit_ids),
            lambda issue: {
                "premises_id": issue.provider_id.id,
                "theme": issue.name,
                "purpose": html2plaintext(issue._link_follow_up_text()),
                "user_id": officers[issue.id].id,
            },
            self.env._("Plan the visit the steering group decided"),
        )
        self._link_create_follow_ups(
            officers,
            "link.information.request",
            issues.filtered(
                lambda i: (
                    i.decision == "information_request"
                    and not i.information_request_ids
                )
            ),
            lambda issue: {
                "partner_id": (
                    issue.provider_id.link_provider_id
                    or issue.provider_id.commercial_partner_id
                ).id,
                "subject": issue.name,
                "request": issue._link_follow_up_text(),
                "requester_id": officers[issue.id].id,
            },
            self.env._("Write and send the request the steering group decided"),
        )
        return res

    def _link_create_follow_ups(self, officers, model, issues, values_of, summary):
        """One ``model`` record per issue and an activity for its officer
        (``officers``: user by issue id) to take it on today."""
        if not issues:
            return
        records = (
            self.env[model]
            .sudo()
            .create(
                [
                    {**values_of(issue), "community_issue_id": issue.id}
                    for issue in issues
                ]
            )
        )
        records._create_activities(
            "mail.mail_activity_data_todo",
            lambda record: officers[record.community_issue_id.id],
            lambda record: fields.Date.context_today(record),
            summary,
        )

    def _link_follow_up_text(self):
        """What a follow-up starts from: the issue as described, then the
        steering group's reason."""
        self.ensure_one()
        text = Markup(self.description or "")
        if self.decision_reason:
            text += Markup("<p>%s</p>") % self.env._(
                "The steering group decided: %(reason)s", reason=self.decision_reason
            )
        return text

    def action_open_referrals(self):
        return self._link_open_follow_ups("link.referral", self.referral_ids)

    def action_open_visits(self):
        return self._link_open_follow_ups("link.ev.visit", self.visit_ids)

    def action_open_information_requests(self):
        return self._link_open_follow_ups(
            "link.information.request", self.information_request_ids
        )

    def _link_open_follow_ups(self, model, records):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "res_model": model,
            "name": self.env[model]._description,
            "domain": [("community_issue_id", "=", self.id)],
            "context": {"create": False},
        }
        if len(records) == 1:
            return {**action, "view_mode": "form", "res_id": records.id}
        return {**action, "view_mode": "list,form"}
