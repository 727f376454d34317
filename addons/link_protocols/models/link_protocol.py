# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.link_membership.models.history import refuse_if_referenced

REVIEW_NOTICE_DAYS = 30
# Complaints about conduct can name people: never the council monitor.
COMPLAINT_READERS = (
    "link_membership.group_link_staff,link_membership.group_link_steering"
)


class LinkProtocol(models.Model):
    _name = "link.protocol"
    _description = "Protocol with statutory partners"
    _inherit = ["mail.thread", "mail.activity.mixin", "link.activity.once.mixin"]
    _order = "date_issue desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        domain=[("is_company", "=", True)],
        help="The statutory partners who agreed this protocol.",
    )
    version = fields.Char(required=True, default="1.0", tracking=True)
    date_issue = fields.Date(string="Date of issue", tracking=True)
    responsible_body = fields.Char(
        help="Who owns the protocol, for example the LINk executive committee."
    )
    review_period_months = fields.Integer(
        string="Review period (months)",
        help="Leave empty while the review period is still to be agreed.",
    )
    next_review_date = fields.Date(
        compute="_compute_next_review_date",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    review_reminded_for = fields.Date(
        readonly=True,
        copy=False,
        help="The review date an activity was last scheduled for.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("agreed", "Agreed"),
            ("under_review", "Under review"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    document = fields.Binary(string="Signed document", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    sla_ids = fields.One2many(
        "link.protocol.sla", "protocol_id", string="Response times", copy=True
    )
    previous_version_id = fields.Many2one(
        "link.protocol", readonly=True, copy=False, index=True
    )
    active = fields.Boolean(default=True)
    complaint_ids = fields.One2many(
        "link.protocol.complaint",
        "protocol_id",
        string="Complaints",
        groups=COMPLAINT_READERS,
    )
    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups=COMPLAINT_READERS
    )
    review_complaint_ids = fields.Many2many(
        "link.protocol.complaint",
        string="Complaints for the next review",
        compute="_compute_review_complaint_ids",
        groups=COMPLAINT_READERS,
        help="Complaints about conduct raised under this version (or an earlier "
        "one) that no review has considered yet: a new version marks them "
        "considered.",
    )
    review_complaint_count = fields.Integer(
        compute="_compute_review_complaint_ids", groups=COMPLAINT_READERS
    )

    _sql_constraints = [
        (
            "review_period_positive",
            "CHECK(review_period_months IS NULL OR review_period_months >= 0)",
            "The review period cannot be negative.",
        ),
    ]

    @api.constrains("review_period_months")
    def _check_review_period_months(self):
        if any(protocol.review_period_months > 120 for protocol in self):
            raise ValidationError(
                self.env._("Review a protocol at least every 120 months (10 years).")
            )

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        counts = dict(
            self.env["link.protocol.complaint"]._read_group(
                [("protocol_id", "in", self.ids)], ["protocol_id"], ["__count"]
            )
        )
        for protocol in self:
            protocol.complaint_count = counts.get(protocol._origin, 0)

    @api.depends("complaint_ids.reviewed_in_protocol_id", "previous_version_id")
    def _compute_review_complaint_ids(self):
        chains = {}
        for protocol in self:
            chain, earlier = protocol._origin, protocol._origin.previous_version_id
            while earlier and earlier not in chain:
                chain |= earlier
                earlier = earlier.previous_version_id
            chains[protocol] = chain
        versions = self.browse().union(*chains.values())
        pending = self.env["link.protocol.complaint"].search(
            [
                ("protocol_id", "in", versions.ids),
                ("reviewed_in_protocol_id", "=", False),
            ]
        )
        for protocol in self:
            complaints = pending.filtered(
                lambda c, chain=chains[protocol]: c.protocol_id in chain
            )
            protocol.review_complaint_ids = complaints
            protocol.review_complaint_count = len(complaints)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "link_protocols.link_protocol_complaint_action"
        )
        action["domain"] = [("protocol_id", "=", self.id)]
        action["context"] = {
            "default_protocol_id": self.id,
            "default_partner_id": self.partner_ids[:1].id,
        }
        return action

    @api.depends("date_issue", "review_period_months")
    def _compute_next_review_date(self):
        for protocol in self:
            if protocol.date_issue and protocol.review_period_months:
                protocol.next_review_date = protocol.date_issue + relativedelta(
                    months=protocol.review_period_months
                )
            else:
                protocol.next_review_date = False

    def action_agree(self):
        for protocol in self:
            if not protocol.partner_ids:
                raise UserError(
                    self.env._(
                        "Add the partners who agreed “%(title)s” before marking "
                        "it agreed.",
                        title=protocol.name,
                    )
                )
            if not protocol.date_issue:
                raise UserError(
                    self.env._(
                        "Set the date of issue of “%(title)s” before marking it "
                        "agreed.",
                        title=protocol.name,
                    )
                )
        self.previous_version_id.filtered(lambda p: p.state != "superseded").write(
            {"state": "superseded"}
        )
        self.state = "agreed"

    def action_start_review(self):
        self.state = "under_review"

    def action_reset_to_draft(self):
        self.state = "draft"

    def action_new_version(self):
        """Draft the next version; the current one stays in force, and readable
        once superseded, until the new one is agreed."""
        self.ensure_one()
        match = re.match(r"^(\d+)(?:\.\d+)?$", self.version or "")
        version = f"{int(match.group(1)) + 1}.0" if match else f"{self.version} (new)"
        new = self.copy(
            {"version": version, "previous_version_id": self.id, "date_issue": False}
        )
        # The complaints waiting for this review are considered in it.
        self.review_complaint_ids.write({"reviewed_in_protocol_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    @api.model
    def _agreed_for_partners(self, partners):
        """The agreed protocol of each partner (the latest by date of issue),
        as {partner id: protocol}, with one search for the whole batch: what
        visits and requests are measured against."""
        by_partner = {}
        partners = partners._origin
        if not partners:
            return by_partner
        for protocol in self.search(
            [("state", "=", "agreed"), ("partner_ids", "in", partners.ids)],
            order="date_issue desc, id desc",
        ):
            for partner in protocol.partner_ids & partners:
                by_partner.setdefault(partner.id, protocol)
        return by_partner

    def _sla_for(self, sla_type):
        """This protocol's term for one kind of response, if it has one."""
        self.ensure_one()
        return self.sla_ids.filtered(lambda s: s.type_id == sla_type)[:1]

    @api.model
    def _cron_link_review_reminders(self):
        """An activity for the protocol's owner a month before each review,
        once per review date, saying how many complaints await the review."""
        today = fields.Date.context_today(self)

        def note_of(protocol):
            count = len(protocol.review_complaint_ids)
            if not count:
                return {"note": self.env._("No complaint about conduct awaits it.")}
            return {
                "note": self.env._(
                    "%(count)s complaint(s) about conduct await this review.",
                    count=count,
                )
            }

        self._schedule_once_matching(
            [
                ("state", "=", "agreed"),
                ("next_review_date", "!=", False),
                (
                    "next_review_date",
                    "<=",
                    today + relativedelta(days=REVIEW_NOTICE_DAYS),
                ),
            ],
            "link_protocols.mail_activity_type_link_review",
            "review_reminded_for",
            lambda protocol: protocol.create_uid,
            lambda protocol: protocol.next_review_date,
            self.env._("Review of the protocol is due"),
            values_of=note_of,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A protocol that was agreed, or that requests, visits or a later
        version refer to, is archived (or superseded), never deleted."""
        agreed = self.filtered(lambda p: p.state != "draft")
        if agreed:
            raise UserError(
                self.env._(
                    "The protocol “%(name)s” was agreed: it keeps its history. "
                    "Archive it, or make a new version that supersedes it, "
                    "instead of deleting it.",
                    name=agreed[0].name,
                )
            )
        refuse_if_referenced(
            self, self.env._("Archive the protocol instead of deleting it.")
        )
