# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .link_feedback import CHANNELS


class LinkSignpost(models.Model):
    """Someone asked where to go for help, and the LINk told them: the
    enquiry, the services from the signposting directory they were sent to,
    and whether anyone checks later that they got the help."""

    _name = "link.signpost"
    _description = "Signposting"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.activity.once.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    channel = fields.Selection(
        CHANNELS, required=True, default="phone", index=True, tracking=True
    )
    shift_id = fields.Many2one(
        "link.shift",
        string="Gateway session",
        index="btree_not_null",
        ondelete="restrict",
        help="The volunteer shift (a gateway session, a stall) where the "
        "enquiry was made.",
    )
    enquiry = fields.Text(
        required=True, help="What the person wanted help with, in a line or two."
    )
    service_ids = fields.Many2many(
        "res.partner",
        "link_signpost_service_rel",
        "signpost_id",
        "partner_id",
        string="Sent to",
        domain=[("link_signpost", "=", True)],
        help="Where the person was sent: services from the signposting directory.",
    )
    contact_name = fields.Char(string="Their name")
    contact_phone = fields.Char(string="Their phone")
    contact_email = fields.Char(string="Their email")
    follow_up = fields.Boolean(
        string="Follow up",
        tracking=True,
        help="The person agreed that the LINk checks with them later whether "
        "they got the help.",
    )
    follow_up_date = fields.Date(string="Follow-up date", tracking=True)
    follow_up_done = fields.Boolean(string="Followed up", tracking=True)
    # The follow-up date an activity was last scheduled for (once per date).
    follow_up_scheduled = fields.Date(readonly=True, copy=False)
    follow_up_note = fields.Text(
        string="How it went", help="Did they get the help they needed?"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Logged by",
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("service_ids")
    def _check_service_ids(self):
        if self.filtered(lambda signpost: not signpost.service_ids):
            raise ValidationError(
                self.env._(
                    "Say where the person was sent: choose at least one service "
                    "from the signposting directory."
                )
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda signpost: signpost.date > today):
            raise ValidationError(
                self.env._("An enquiry cannot be dated in the future.")
            )

    @api.constrains("follow_up", "follow_up_date", "contact_phone", "contact_email")
    def _check_follow_up(self):
        for signpost in self.filtered("follow_up"):
            if not signpost.follow_up_date:
                raise ValidationError(
                    self.env._("Say when to follow up (Follow-up date).")
                )
            if not (signpost.contact_phone or signpost.contact_email):
                raise ValidationError(
                    self.env._(
                        "To follow up, the LINk needs the person's phone "
                        "number or email."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = Sequence.with_context(
                    ir_sequence_date=vals.get("date") or fields.Date.context_today(self)
                ).next_by_code("link.signpost")
        signposts = super().create(vals_list)
        signposts._schedule_follow_ups()
        return signposts

    def write(self, vals):
        res = super().write(vals)
        if {"follow_up", "follow_up_date", "follow_up_done"} & set(vals):
            self._schedule_follow_ups()
        return res

    def _follow_up_activities(self):
        activity_type = self.env.ref(
            "link_voice.mail_activity_type_link_signpost_follow_up"
        )
        return self.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )

    def _schedule_follow_ups(self):
        """One follow-up activity per enquiry, on its follow-up date, for
        whoever logged it (else the coordinator): a new date moves it, no
        follow-up (or one done) removes it."""
        wanted = self.filtered(
            lambda signpost: signpost.follow_up and not signpost.follow_up_done
        )
        moved = wanted.filtered(
            lambda signpost: signpost.follow_up_scheduled != signpost.follow_up_date
        )
        ((self - wanted) | moved)._follow_up_activities().unlink()
        (self - wanted).filtered("follow_up_scheduled").write(
            {"follow_up_scheduled": False}
        )
        moved._schedule_once(
            "link_voice.mail_activity_type_link_signpost_follow_up",
            "follow_up_scheduled",
            lambda signpost: signpost.user_id,
            lambda signpost: signpost.follow_up_date,
            self.env._("Check whether they got the help"),
        )

    def action_follow_up_done(self):
        self._follow_up_activities().action_feedback(
            feedback=self.env._("Followed up.")
        )
        self.write({"follow_up_done": True})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A signposting record is counted in the LINk's reports: only a
        mistake is deleted, on the day it was logged."""
        today = fields.Date.context_today(self)
        if self.filtered(
            lambda signpost: (
                fields.Date.context_today(signpost, signpost.create_date) < today
            )
        ):
            raise UserError(
                self.env._(
                    "Signposting logged before today is kept in the LINk's "
                    "counts: correct it instead of deleting it."
                )
            )

    @api.model
    def _log_from_portal(self, shift, values):
        """An enquiry a volunteer answered at a gateway session, logged from
        the portal: only on a shift they may log against now (the same rule
        as feedback), only services of the directory."""
        Feedback = self.env["link.feedback"]
        shift = Feedback._portal_shift_or_refuse(shift, self.env._("an enquiry"))
        enquiry = Feedback._typed_text(values.get("enquiry"), self.env._("The enquiry"))
        if not enquiry:
            raise UserError(self.env._("Write what the person wanted help with."))
        service_ids = set(values.get("service_ids") or ())
        services = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("id", "in", [i for i in service_ids if isinstance(i, int)]),
                    ("link_signpost", "=", True),
                ]
            )
        )
        if not services or len(services) != len(service_ids):
            raise UserError(
                self.env._("Choose where you sent them from the directory.")
            )
        return (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "channel": "gateway",
                    "shift_id": shift.id,
                    "date": fields.Date.context_today(self, shift.date_start),
                    "enquiry": enquiry,
                    "service_ids": [(6, 0, services.ids)],
                    "user_id": self.env.user.id,
                    "company_id": shift.company_id.id or self.env.company.id,
                }
            )
        )
