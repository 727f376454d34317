# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LinkClaimantMailMixin(models.AbstractModel):
    """Claims staff decide (hours, expenses): the one way the claimant
    (``partner_id``) is told of the decision."""

    _name = "link.claimant.mail.mixin"
    _description = "Claim whose claimant is told of the decision"

    # {state: xmlid of the mail.template that tells the claimant}
    _claimant_templates = {}

    def _notify_claimant(self):
        """Tell each claimant how their claim was decided: one mail, from
        the template of the claim's state, queued (the mail cron sends it)
        and posted on the claim's chatter. Claimants without an email are
        not told; a template deleted by the host turns that mail off.
        Rendered and created in one batch, whatever the number of claims.
        Returns the mail.mail created."""
        Mail = self.env["mail.mail"].sudo()
        # sudo: staff who decide need not read the claimant's contact
        # details nor write mails; they go on the LINk's behalf.
        claims = self.sudo().filtered(lambda c: c.partner_id.email)
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        for state, template_xmlid in self._claimant_templates.items():
            to_tell = claims.filtered(lambda c, s=state: c.state == s)
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
            if to_tell and template:
                Mail |= template.sudo().send_mail_batch(
                    to_tell.ids,
                    # A comment on the chatter, kept once the mail is sent.
                    email_values={
                        "message_type": "comment",
                        "subtype_id": comment,
                        "is_notification": True,
                    },
                )
        return Mail
