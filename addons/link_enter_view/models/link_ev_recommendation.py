# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from textwrap import shorten

from odoo import api, fields, models
from odoo.exceptions import UserError

from .link_ev_visit import REPORT_SENT

FOLLOW_UP_ACTIVITY = "link_enter_view.mail_activity_type_link_ev_follow_up"
# Followed up: implemented by the provider, or closed (no longer needed).
FOLLOWED_UP = ("implemented", "closed")


class LinkEvRecommendation(models.Model):
    _name = "link.ev.recommendation"
    _description = "Recommendation of an enter and view report"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.activity.once.mixin"]
    _order = "visit_id, sequence, id"

    visit_id = fields.Many2one(
        "link.ev.visit", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Recommendation", required=True)
    answer = fields.Text(string="Provider's answer", tracking=True)
    status = fields.Selection(
        [
            ("no_answer", "No answer"),
            ("accepted", "Accepted"),
            ("partly", "Partly accepted"),
            ("declined", "Declined"),
        ],
        default="no_answer",
        required=True,
        tracking=True,
        index=True,
    )
    date_follow_up = fields.Date(string="Follow up on", tracking=True, index=True)
    follow_up_status = fields.Selection(
        [
            ("open", "To follow up"),
            ("implemented", "Implemented"),
            ("closed", "Closed"),
        ],
        string="Follow-up",
        default="open",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        help="Implemented: the provider did what was recommended. Closed: "
        "followed up and no longer pursued. Either ends the reminders.",
    )
    date_followed_up = fields.Date(string="Followed up on", readonly=True, copy=False)
    follow_up_reminded_for = fields.Date(
        readonly=True,
        copy=False,
        help="The follow-up date the host officer was last reminded of.",
    )
    provider_id = fields.Many2one(related="visit_id.provider_id", store=True)
    visit_state = fields.Selection(related="visit_id.state", string="Visit status")
    company_id = fields.Many2one(related="visit_id.company_id")

    def write(self, vals):
        res = super().write(vals)
        if {"date_follow_up", "follow_up_status"} & set(vals):
            self._update_follow_up_reminders()
        return res

    def _follow_up_activities(self):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", self.env.ref(FOLLOW_UP_ACTIVITY).id),
                ]
            )
        )

    def _update_follow_up_reminders(self):
        """A pending reminder goes when its recommendation is followed up
        (marked done, with a note) or its date moves (deleted: the daily job
        reminds again on the new date). A follow-up reopened later is
        reminded of again."""
        activities = self._follow_up_activities()
        by_id = {rec.id: rec for rec in self}
        done = activities.filtered(
            lambda a: by_id[a.res_id].follow_up_status in FOLLOWED_UP
        )
        moved = (activities - done).filtered(
            lambda a: a.date_deadline != by_id[a.res_id].date_follow_up
        )
        if done:
            done.action_feedback(feedback=self.env._("Recommendation followed up."))
        rearm = self.filtered(
            lambda rec: (
                rec.follow_up_reminded_for
                and (
                    rec.follow_up_status in FOLLOWED_UP
                    or rec.id in moved.mapped("res_id")
                )
            )
        )
        if moved:
            moved.unlink()
        if rearm:
            rearm.write({"follow_up_reminded_for": False})

    def _set_follow_up(self, status):
        if any(rec.visit_id.state not in REPORT_SENT for rec in self):
            raise UserError(
                self.env._(
                    "A recommendation is followed up once the report has been "
                    "sent to the provider."
                )
            )
        self.write(
            {
                "follow_up_status": status,
                "date_followed_up": fields.Date.context_today(self)
                if status in FOLLOWED_UP
                else False,
            }
        )
        return True

    def action_mark_implemented(self):
        return self._set_follow_up("implemented")

    def action_close_follow_up(self):
        return self._set_follow_up("closed")

    def action_reopen_follow_up(self):
        return self._set_follow_up("open")

    @api.model
    def _cron_link_follow_ups(self):
        """An activity for the visit's host officer on each recommendation's
        follow-up date, once per date (a later date reminds again), while it
        is still to follow up; a batch at a time (called by the visits'
        daily job)."""
        today = fields.Date.context_today(self)
        self._schedule_once_matching(
            [
                ("follow_up_status", "=", "open"),
                ("date_follow_up", "<=", today),
                ("visit_id.state", "in", REPORT_SENT),
            ],
            FOLLOW_UP_ACTIVITY,
            "follow_up_reminded_for",
            lambda rec: rec.visit_id.user_id,
            lambda rec: rec.date_follow_up,
            self.env._("Follow up recommendation"),
            values_of=lambda rec: {"summary": rec._follow_up_summary()},
        )

    def _follow_up_summary(self):
        self.ensure_one()
        return self.env._(
            "Follow up recommendation: %(recommendation)s",
            recommendation=shorten(self.name or "", 80, placeholder="…"),
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        """Recommendations sent to the provider in a report, or answered, are
        kept: they are what the provider responds to."""
        sent = self.sudo().filtered(
            lambda r: r.visit_id.state in REPORT_SENT or r.status != "no_answer"
        )
        if sent:
            raise UserError(
                self.env._(
                    "This recommendation was sent to the provider in the report of "
                    "%(visit)s: it is kept. Record the provider's answer instead "
                    "of deleting it.",
                    visit=sent[0].visit_id.display_name,
                )
            )
