# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .link_rag_review import link_meeting_from_context

# The kind of decision (link.decision.type code) each issue decision is.
DECISION_KINDS = {
    "work_plan": "work_programme",
    "task_group": "work_programme",
    "enter_view": "premises",
    "information_request": "information_request",
    "refer_link": "referral",
    "refer_scrutiny": "referral",
    "refer_regulator": "referral",
    "refer_partner": "referral",
}


class LinkCommunityIssue(models.Model):
    _inherit = "link.community.issue"

    meeting_id = fields.Many2one(
        "link.steering.meeting",
        string="Decided at",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The steering group meeting that decided the issue.",
    )

    def action_decide(self):
        """The decision is logged, against the meeting it is taken from,
        before the follow-ups it calls for are created (they carry it out)."""
        meeting = link_meeting_from_context(self.env)
        if meeting:
            self.sudo().write({"meeting_id": meeting.id})
        return super().action_decide()

    def _link_act_on_decision(self):
        undecided = self.filtered(lambda issue: issue.state != "decided")
        Decision = self.env["link.decision"]
        labels = dict(self._fields["decision"]._description_selection(self.env))
        for code in {
            DECISION_KINDS.get(d, "other") for d in undecided.mapped("decision")
        }:
            Decision._link_log(
                undecided.filtered(
                    lambda issue, code=code: (
                        DECISION_KINDS.get(issue.decision, "other") == code
                    )
                ),
                code,
                lambda issue: self.env._(
                    "%(decision)s: %(issue)s",
                    decision=labels.get(issue.decision, ""),
                    issue=issue.name,
                ),
            )
        return super()._link_act_on_decision()
