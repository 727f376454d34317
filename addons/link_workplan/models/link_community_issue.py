# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.link_membership.models.personal_details import (
    EMAIL_ADDRESS,
    PHONE_NUMBER,
)

from .deadline import deadline_words, parse_deadline

DECISIONS = [
    ("work_plan", "Take into the work plan"),
    ("task_group", "Set up a task group"),
    ("refer_link", "Refer to another LINk"),
    ("refer_scrutiny", "Refer to the scrutiny committee"),
    ("refer_regulator", "Refer to the regulator"),
    ("no_action", "No action"),
]
# Decisions that act, and so need no reason (see _link_decision_needs_reason).
ACTING_DECISIONS = ("work_plan", "task_group")
# What only host staff write: what the public page shows.
PUBLICATION_FIELDS = {
    "public_published",
    "public_published_on",
    "public_summary",
    "public_outcome",
}
# Telling back: event -> (done flag, count of people told, date, mail template).
TELL_BACK = {
    "decided": (
        "told_back_decided",
        "told_back_decided_count",
        "told_back_decided_on",
        "link_workplan.mail_template_link_issue_decided",
    ),
    "done": (
        "told_back_done",
        "told_back_done_count",
        "told_back_done_on",
        "link_workplan.mail_template_link_issue_done",
    ),
}
# What the public page reads of a published issue: never who raised it.
PUBLIC_FIELDS = [
    "public_summary",
    "public_outcome",
    "decision",
    "decision_date",
    "action_id",
]
PUBLIC_PER_PAGE = 20
# Contact details that have no place in what is published.


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
    action_id = fields.Many2one(
        "link.workplan.action", readonly=True, copy=False, index="btree_not_null"
    )
    action_lead_id = fields.Many2one(
        "res.partner",
        string="Action lead",
        groups="link_membership.group_link_staff,link_membership.group_link_steering",
        help="Who leads the action the issue becomes in the work plan.",
    )
    action_target_id = fields.Many2one(
        "link.workplan.target",
        string="Action target",
        domain="[('workstream_id', '=', plan_workstream_id)]",
        help="The target of the work stream the action works towards.",
    )
    action_deadline_text = fields.Char(
        string="Action deadline",
        help="In the plan's words: 9 July 2026, March 2027, End of August, "
        "Ongoing. Left empty, the date below is the deadline; with neither, "
        "the action is ongoing.",
    )
    action_deadline_date = fields.Date(
        string="Action due by",
        help="The action's deadline when no words are given above.",
    )
    plan_workplan_id = fields.Many2one(
        "link.workplan",
        string="Into work plan",
        help="The plan the task group is set up in. Left empty, the approved "
        "plan running on the day of the decision.",
    )
    workstream_id = fields.Many2one(
        "link.workstream",
        string="Task group",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The task group set up by the decision.",
    )
    # --- You said, we did ---
    public_published = fields.Boolean(
        string="On the public page",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Shown on the public page “You said, we did”. Host staff publish "
        "and take down.",
    )
    public_published_on = fields.Date(string="Published on", readonly=True, copy=False)
    public_summary = fields.Text(
        string="What we publish",
        copy=False,
        help="The issue as people raised it, in words that name nobody: shown "
        "on the public page and in the mails to the people who raised it.",
    )
    public_outcome = fields.Text(
        string="What we did",
        copy=False,
        help="What came of it, for the public page and the mails to the "
        "people who raised it: no names, nothing the steering group said in "
        "confidence.",
    )
    # --- Telling back ---
    told_back_decided = fields.Boolean(
        string="Told of the decision",
        readonly=True,
        copy=False,
        help="The people who raised the issue and asked to hear were told of "
        "the decision (once).",
    )
    told_back_decided_count = fields.Integer(
        string="People told of the decision", readonly=True, copy=False
    )
    told_back_decided_on = fields.Date(readonly=True, copy=False)
    told_back_done = fields.Boolean(
        string="Told it is done",
        readonly=True,
        copy=False,
        help="The people who raised the issue and asked to hear were told "
        "that what was decided is done (once).",
    )
    told_back_done_count = fields.Integer(
        string="People told it is done", readonly=True, copy=False
    )
    told_back_done_on = fields.Date(readonly=True, copy=False)

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

    def _link_decision_needs_reason(self):
        """Whether the decision chosen on this issue must say why: all but
        the decisions that act (take into the plan, set up a task group).
        Extend with super() for a decision that needs no reason."""
        self.ensure_one()
        return bool(self.decision) and self.decision not in ACTING_DECISIONS

    @api.constrains("decision", "decision_reason")
    def _check_decision_reason(self):
        for issue in self:
            if issue._link_decision_needs_reason() and not issue.decision_reason:
                raise ValidationError(
                    self.env._(
                        "Give the reason for the decision on “%(issue)s”.",
                        issue=issue.name,
                    )
                )

    @api.constrains("action_target_id", "plan_workstream_id")
    def _check_action_target(self):
        for issue in self:
            target = issue.action_target_id
            if target and target.workstream_id != issue.plan_workstream_id:
                raise ValidationError(
                    self.env._(
                        "The action target of “%(issue)s” must be a target of "
                        "the work stream that takes it on.",
                        issue=issue.name,
                    )
                )

    @api.onchange("plan_workstream_id")
    def _onchange_plan_workstream_id(self):
        if self.action_target_id.workstream_id != self.plan_workstream_id:
            self.action_target_id = False

    @api.model_create_multi
    def create(self, vals_list):
        if any(PUBLICATION_FIELDS & set(vals) for vals in vals_list):
            self._link_check_publisher()
        issues = super().create(vals_list)
        issues._check_triggers()
        return issues

    def write(self, vals):
        if PUBLICATION_FIELDS & set(vals):
            self._link_check_publisher()
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

    # --- Decision -------------------------------------------------------------

    def _link_check_decision(self):
        """Refuse, before anything is written, to record the decision of an
        issue that lacks what its decision needs. Extend with super() for
        the needs of other decisions."""
        for issue in self:
            if not issue.decision:
                raise UserError(
                    self.env._("Choose a decision for “%(issue)s”.", issue=issue.name)
                )
            if issue.decision == "work_plan" and not issue.action_id:
                issue._link_check_work_plan()
            if issue.decision == "task_group" and not issue.workstream_id:
                issue._link_check_task_group()

    def _link_check_work_plan(self):
        self.ensure_one()
        stream = self.plan_workstream_id
        if not stream:
            raise UserError(
                self.env._(
                    "Choose the work stream that takes “%(issue)s” on.",
                    issue=self.name,
                )
            )
        if stream.workplan_id.state == "closed":
            raise UserError(
                self.env._(
                    "The work plan of “%(stream)s” is closed: choose a work "
                    "stream of an open plan for “%(issue)s”.",
                    stream=stream.name,
                    issue=self.name,
                )
            )
        if self.action_deadline_text:
            try:
                parse_deadline(self.action_deadline_text, stream.workplan_id.date_start)
            except ValueError:
                raise UserError(
                    self.env._(
                        "Cannot read the action deadline “%(text)s” of "
                        "“%(issue)s”: write a date (9 July 2026), a month "
                        "(March 2027), a school holiday or term, a season, or "
                        "“Ongoing”.",
                        text=self.action_deadline_text,
                        issue=self.name,
                    )
                ) from None

    def _link_task_group_plan(self):
        """The plan a task group decided on this issue goes into: the one
        chosen on the issue, else the approved plan running today (the one
        that started last, when several do)."""
        self.ensure_one()
        if self.plan_workplan_id:
            return self.plan_workplan_id
        today = fields.Date.context_today(self)
        return self.env["link.workplan"].search(
            [
                ("state", "=", "approved"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ],
            order="date_start desc, id desc",
            limit=1,
        )

    def _link_check_task_group(self):
        self.ensure_one()
        plan = self._link_task_group_plan()
        if not plan:
            raise UserError(
                self.env._(
                    "No approved work plan runs today: choose the work plan "
                    "the task group for “%(issue)s” is set up in (Into work "
                    "plan).",
                    issue=self.name,
                )
            )
        if plan.state == "closed":
            raise UserError(
                self.env._(
                    "The work plan “%(plan)s” is closed: choose an open plan "
                    "for the task group of “%(issue)s”.",
                    plan=plan.name,
                    issue=self.name,
                )
            )

    def _link_action_values(self):
        """The work plan action taking this issue on."""
        self.ensure_one()
        if self.action_deadline_text:
            deadline = self.action_deadline_text
        elif self.action_deadline_date:
            deadline = deadline_words(self.action_deadline_date)
        else:
            deadline = "Ongoing"
        return {
            "workstream_id": self.plan_workstream_id.id,
            "name": self.name,
            "target_id": self.action_target_id.id,
            "lead_id": self.action_lead_id.id,
            "deadline_text": deadline,
        }

    def _link_act_on_decision(self):
        """Create what each issue's decision calls for and link it both
        ways: the work plan action (work_plan), the task group (task_group).
        Called by action_decide once the decisions are checked and before
        the issues are marked decided; an issue that already has its record
        gets no second one. Extend with super() for other decisions.

        The steering group decides but may not edit the plan: the records
        are created on its behalf (sudo on those creates only); the issue
        is written as the deciding user."""
        to_plan = self.filtered(lambda i: i.decision == "work_plan" and not i.action_id)
        if to_plan:
            actions = (
                self.env["link.workplan.action"]
                .sudo()
                .create([issue._link_action_values() for issue in to_plan])
            )
            for issue, action in zip(to_plan, actions, strict=True):
                issue.action_id = action
        to_group = self.filtered(
            lambda i: i.decision == "task_group" and not i.workstream_id
        )
        if to_group:
            plans = [issue._link_task_group_plan() for issue in to_group]
            # The host officer who logged the issue supports the new group.
            supports = to_group.sudo()._activity_assignees(lambda i: i.create_uid)
            streams = (
                self.env["link.workstream"]
                .sudo()
                .create(
                    [
                        {
                            "name": issue.name,
                            "workplan_id": plan.id,
                            "category": "task_group",
                            "aim": issue.description,
                            "responsible_user_id": support.id,
                        }
                        for issue, plan, support in zip(
                            to_group, plans, supports, strict=True
                        )
                    ]
                )
            )
            for issue, plan, stream in zip(to_group, plans, streams, strict=True):
                issue.write({"workstream_id": stream.id, "plan_workplan_id": plan.id})

    def action_decide(self):
        """Record the decision chosen on each issue: check what it needs
        (_link_check_decision), create what it calls for
        (_link_act_on_decision), mark the issues decided, close the request
        to decide, and tell the people who raised them (_link_tell_back).

        The issues are locked first: two people deciding the same issue at
        once make one action, not two (the second waits, then retries on
        the decided issue)."""
        if not self:
            return True
        self.check_access("write")
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self._link_check_decision()
        self._link_act_on_decision()
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
        self._link_tell_back("decided")
        return True

    def action_open_link_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "link.workplan.action",
            "view_mode": "form",
            "res_id": self.action_id.id,
        }

    def action_open_link_workstream(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "link.workstream",
            "view_mode": "form",
            "res_id": self.workstream_id.id,
        }

    def _link_decision_label(self):
        """The decision as the public reads it, in the reader's language."""
        self.ensure_one()
        labels = dict(self._fields["decision"]._description_selection(self.env))
        return labels.get(self.decision, "")

    # --- Telling back ---------------------------------------------------------

    def _link_tell_back(self, event):
        """Tell the people who raised these issues, and asked to hear, what
        happened: ``event`` "decided" (the steering group decided) or
        "done" (what it decided is done). One mail per person through the
        mail queue, each to their own address only, once per event and
        issue; a note on each issue says how many were told. The one place
        that tells back: action_decide, the action's completion and other
        follow-ups call it. Returns the mail.mail created."""
        flag, count_field, date_field, template_xmlid = TELL_BACK[event]
        issues = self.filtered(lambda i: not i[flag])
        Mail = self.env["mail.mail"].sudo()
        if not issues:
            return Mail
        # sudo: whoever decides or completes may not read who raised the
        # issue nor write mails; they are sent on the LINk's behalf.
        issues_sudo = issues.sudo()
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        recipients = {
            issue.id: issue.contact_ids._link_tell_back_partners()
            if template
            else self.env["res.partner"]
            for issue in issues_sudo
        }
        to_tell = issues_sudo.filtered(lambda i: recipients[i.id])
        mails_values = []
        if to_tell:
            rendered = template.sudo()._generate_template(
                to_tell.ids,
                ("subject", "body_html", "email_from", "reply_to", "auto_delete"),
            )
            company = self.env.company
            default_from = (
                company.email_formatted
                or self.env["ir.mail_server"]._get_default_from_address()
            )
            for issue in to_tell:
                values = rendered[issue.id]
                email_from = values.get("email_from") or default_from
                for partner in recipients[issue.id]:
                    mails_values.append(
                        {
                            "subject": values["subject"],
                            "body_html": values["body_html"],
                            "body": values["body_html"],
                            "email_from": email_from,
                            "reply_to": values.get("reply_to") or email_from,
                            "auto_delete": values.get("auto_delete", True),
                            "author_id": company.partner_id.id,
                            # Linked to the issue for the record, but a
                            # notification to one person: not on the issue's
                            # chatter, not readable through the issue.
                            "model": self._name,
                            "res_id": issue.id,
                            "message_type": "user_notification",
                            "recipient_ids": [(4, partner.id)] if partner.id else [],
                            "email_to": False
                            if partner.id
                            else partner.email_formatted,
                            "headers": repr({"Auto-Submitted": "auto-generated"}),
                        }
                    )
        mails = Mail.create(mails_values)
        today = fields.Date.context_today(self)
        by_count = defaultdict(list)
        for issue in issues:
            by_count[len(recipients[issue.id])].append(issue.id)
        for count, ids in by_count.items():
            self.browse(ids).sudo().write(
                {flag: True, count_field: count, date_field: today}
            )
        if to_tell:
            to_tell._message_log_batch(
                {
                    issue.id: self._link_tell_back_note(
                        event, len(recipients[issue.id])
                    )
                    for issue in to_tell
                }
            )
        return mails

    def _link_tell_back_note(self, event, count):
        people = (
            self.env._("1 person")
            if count == 1
            else self.env._("%(count)s people", count=count)
        )
        if event == "decided":
            return self.env._(
                "Told %(people)s who raised this issue of the decision, by email "
                "(one each).",
                people=people,
            )
        return self.env._(
            "Told %(people)s who raised this issue that what was decided is "
            "done, by email (one each).",
            people=people,
        )

    # --- You said, we did -----------------------------------------------------

    def _link_check_publisher(self):
        """Only host staff choose what is public."""
        if not self.env.su and not self.env.user.has_group(
            "link_membership.group_link_staff"
        ):
            raise AccessError(
                self.env._(
                    "Only host staff choose what the public page “You said, we "
                    "did” shows."
                )
            )

    def _link_raised_by_names(self):
        """The names of the people who raised the issue, as the LINk knows
        them: what is published must not contain them."""
        self.ensure_one()
        people = self.sudo().contact_ids.partner_id.filtered(lambda p: not p.is_company)
        return {name.strip() for name in people.mapped("name") if name and name.strip()}

    def _link_publication_refusals(self):
        """Why this issue may not be published yet (nothing: it may)."""
        self.ensure_one()
        refusals = []
        if self.state != "decided":
            refusals.append(self.env._("record the decision first"))
        if not (self.public_summary or "").strip():
            refusals.append(
                self.env._(
                    "write what we publish: the issue as people raised it, "
                    "naming nobody"
                )
            )
        text = f"{self.public_summary or ''}\n{self.public_outcome or ''}"
        names = sorted(
            name
            for name in self._link_raised_by_names()
            if re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)
        )
        if names:
            refusals.append(
                self.env._(
                    "take out the names of the people who raised it: %(names)s",
                    names=", ".join(f"“{name}”" for name in names[:5]),
                )
            )
        if EMAIL_ADDRESS.search(text) or PHONE_NUMBER.search(text):
            refusals.append(
                self.env._("take out the email addresses and phone numbers")
            )
        return refusals

    def action_publish(self):
        """Show the issues on the public page “You said, we did”."""
        self._link_check_publisher()
        for issue in self:
            refusals = issue._link_publication_refusals()
            if refusals:
                raise UserError(
                    self.env._(
                        "“%(issue)s” cannot be published yet: %(refusals)s.",
                        issue=issue.name,
                        refusals="; ".join(refusals),
                    )
                )
        self.write(
            {
                "public_published": True,
                "public_published_on": fields.Date.context_today(self),
            }
        )
        return True

    def action_take_down(self):
        """Take the issues off the public page."""
        self._link_check_publisher()
        self.write({"public_published": False, "public_published_on": False})
        return True

    @api.model
    def _link_public_domain(self):
        """What the public page may show: published and decided."""
        return [("public_published", "=", True), ("state", "=", "decided")]

    def _link_public_rows(self):
        """What the public page shows of each issue (read as superuser,
        PUBLIC_FIELDS only): plain values, nothing about who raised it."""
        self.action_id.fetch(["state", "date_done"])
        return [
            {
                "id": issue.id,
                "summary": issue.public_summary or "",
                "decision": issue._link_decision_label(),
                "decided_on": issue.decision_date
                and issue.decision_date.strftime("%d/%m/%Y"),
                "outcome": issue.public_outcome or "",
                "done": issue.action_id.state == "done",
                "done_on": issue.action_id.state == "done"
                and issue.action_id.date_done
                and issue.action_id.date_done.strftime("%d/%m/%Y"),
            }
            for issue in self
        ]

    @api.model
    def _link_public_page(self, page=1, per_page=PUBLIC_PER_PAGE):
        """One page of “You said, we did”: the published issues, the latest
        decided first. ``page`` past the last shows the last. Returns
        {total, page, rows}; the same few queries whatever the number of
        issues."""
        Issue = self.sudo()
        domain = self._link_public_domain()
        total = Issue.search_count(domain)
        pages = max(1, -(-total // per_page))
        page = min(max(1, page), pages)
        issues = Issue.search_fetch(
            domain,
            PUBLIC_FIELDS,
            order="decision_date desc, id desc",
            limit=per_page,
            offset=(page - 1) * per_page,
        )
        return {"total": total, "page": page, "rows": issues._link_public_rows()}

    @api.model
    def _link_public_issue(self, issue_id):
        """The public row of one published issue, or None."""
        if not issue_id:
            return None
        issue = self.sudo().search_fetch(
            [*self._link_public_domain(), ("id", "=", issue_id)], PUBLIC_FIELDS
        )
        return issue._link_public_rows()[0] if issue else None

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
