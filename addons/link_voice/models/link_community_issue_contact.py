# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkCommunityIssueContact(models.Model):
    _inherit = "link.community.issue.contact"

    channel = fields.Selection(
        selection_add=[("paper", "Paper")], ondelete={"paper": "set default"}
    )
    feedback_id = fields.Many2one(
        "link.feedback",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The feedback this contact comes from: kept in step with it.",
    )

    _sql_constraints = [
        (
            "feedback_unique",
            "unique(feedback_id)",
            "A feedback counts as one contact about its issue.",
        ),
    ]

    def _link_tell_back_partners(self):
        """Also the people whose feedback counts as a contact and who agreed
        to be contacted about it (May be contacted), at their contact's
        address or the one they gave on the feedback. A person known only by
        the name and address on their feedback is not made a contact: they
        stand here as an unsaved record (res.partner.new), mailed at that
        address."""
        partners = super()._link_tell_back_partners()
        Partner = self.env["res.partner"]
        by_address = Partner
        for contact in self.filtered(
            lambda c: c.feedback_id.consent_to_contact and not c.feedback_id.anonymous
        ):
            feedback = contact.feedback_id
            if feedback.partner_id.email:
                partners |= feedback.partner_id
            elif feedback.contact_email:
                by_address |= Partner.new(
                    {
                        "name": feedback.contact_name or feedback.contact_email,
                        "email": feedback.contact_email,
                    }
                )
        # The LINk's own contacts first: an address they share is theirs.
        return self._link_unique_addresses(partners | by_address)
