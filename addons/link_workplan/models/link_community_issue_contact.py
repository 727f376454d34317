# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LinkCommunityIssueContact(models.Model):
    """One contact from the public about an issue: who (or anonymous), when,
    and how it reached the LINk."""

    _name = "link.community.issue.contact"
    _description = "Contact about a community issue"
    _order = "date desc, id desc"

    issue_id = fields.Many2one(
        "link.community.issue", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        index=True,
        help="Empty for an anonymous contact.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "Email"),
            ("event", "Event"),
            ("survey", "Survey"),
            ("web", "Web"),
        ],
        required=True,
        default="phone",
    )
    note = fields.Text()
    tell_back = fields.Boolean(
        string="Tell them what happened",
        help="The person asked to hear what came of the issue: they get an "
        "email when the steering group decides and when what it decided is "
        "done (their contact needs an email address).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.issue_id._check_triggers()
        return records

    def _link_tell_back_partners(self):
        """The people of these contacts to tell what happened to their
        issue: those who asked (Tell them what happened) and have an email
        address, each address once. Extend with super() for other ways of
        asking; a record without id (res.partner.new) stands for a person
        known only by their name and address, mailed there and never saved
        as a contact."""
        partners = self.filtered("tell_back").partner_id.filtered("email")
        return self._link_unique_addresses(partners)

    @api.model
    def _link_unique_addresses(self, partners):
        """``partners`` with one per email address (the first)."""
        seen = set()
        kept = self.env["res.partner"]
        for partner in partners:
            address = partner.email_normalized or (partner.email or "").strip().lower()
            if address and address not in seen:
                seen.add(address)
                kept |= partner
        return kept

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Once the issue was assessed, its contacts are the evidence the
        steering group weighed: kept (a person may be taken off, making the
        contact anonymous)."""
        if self.sudo().issue_id.filtered(lambda i: i.state != "new"):
            raise UserError(
                self.env._(
                    "This contact is part of the evidence of an assessed issue: "
                    "clear the person to make it anonymous instead of deleting it."
                )
            )
