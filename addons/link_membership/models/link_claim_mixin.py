# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class LinkClaimMixin(models.AbstractModel):
    """Claims a person (``partner_id``) makes and staff decide: hours,
    expenses. A claim is born waiting for approval (``state`` "submitted"),
    its state moves only through the model's decision methods
    (``_set_state``), it records who decided, when and why not, and the
    claimant is told of each decision."""

    _name = "link.claim.mixin"
    _description = "Claim decided by staff"

    # {state: xmlid of the mail.template that tells the claimant}
    _claimant_templates = {}

    decline_reason = fields.Text(tracking=True, copy=False)
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False
    )
    decided_on = fields.Date(readonly=True, copy=False)

    def _check_group(self, group, message):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(message)

    @api.model_create_multi
    def create(self, vals_list):
        # A claim is decided by the buttons, never born decided (demo data,
        # loaded as superuser, shows decided claims).
        if not self.env.su and any(
            vals.get("state", "submitted") != "submitted" for vals in vals_list
        ):
            raise UserError(
                self.env._("A new claim waits for approval: approve it once saved.")
            )
        return super().create(vals_list)

    def _claim_buttons(self):
        """The refusal when the state is written other than by a decision."""
        return self.env._("Use the Approve and Decline buttons to decide a claim.")

    def write(self, vals):
        if "state" in vals and not self.env.context.get("link_claim_decision"):
            raise UserError(self._claim_buttons())
        return super().write(vals)

    def _set_state(self, vals):
        """The one way a decision writes the claims."""
        self.with_context(link_claim_decision=True).write(vals)

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
