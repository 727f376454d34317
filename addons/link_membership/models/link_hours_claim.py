# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STAFF = "link_membership.group_link_staff"
MANAGER = "link_membership.group_link_manager"
# The most hours one claim may count: one day's work.
MAX_HOURS = 24.0
# What a decided claim may no longer change: it counts (or was refused) as is.
LOCKED_FIELDS = {"partner_id", "date", "hours", "kind", "company_id"}
# The mail that tells the volunteer how their claim was decided, by state.
CLAIMANT_TEMPLATES = {
    "approved": "link_membership.mail_template_link_hours_approved",
    "declined": "link_membership.mail_template_link_hours_declined",
}


class LinkHoursClaim(models.Model):
    """Hours a volunteer gave outside a shift (outreach, a survey round),
    claimed on the portal. Host staff approve them, in bulk from the list,
    or decline them with the reason; only approved hours count in the
    volunteering report and the monitoring pack. A claim is never deleted:
    a declined one stays on record with its reason."""

    _name = "link.hours.claim"
    _description = "Volunteer hours claim"
    _inherit = ["mail.thread", "link.claim.mixin"]
    _claimant_templates = CLAIMANT_TEMPLATES
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date = fields.Date(
        string="Day worked",
        required=True,
        index=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    hours = fields.Float(required=True, aggregator="sum", tracking=True)
    kind = fields.Selection(
        [
            ("outreach", "Outreach"),
            ("survey", "Survey"),
            ("other", "Other flexible work"),
        ],
        string="Kind of work",
        required=True,
        default="outreach",
        tracking=True,
    )
    description = fields.Text(
        string="What was done",
        required=True,
        help="Where and what, e.g. leaflets at the Saturday market.",
    )
    ward_id = fields.Many2one(
        "link.ward",
        index=True,
        tracking=True,
        help="The ward the work was done in, if any: the volunteering report "
        "counts the hours there.",
    )
    state = fields.Selection(
        [
            ("submitted", "To approve"),
            ("approved", "Approved"),
            ("declined", "Declined"),
        ],
        string="Status",
        required=True,
        default="submitted",
        index=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.constrains("hours")
    def _check_hours(self):
        for claim in self:
            if not 0 < claim.hours <= MAX_HOURS:
                claimed = f"{claim.hours:g}"
                raise ValidationError(
                    self.env._(
                        "A claim counts between a minute and %(max)s hours of "
                        "one day's work, not %(hours)s.",
                        max=int(MAX_HOURS),
                        hours=claimed,
                    )
                )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for claim in self:
            if claim.date > today:
                raise ValidationError(
                    self.env._(
                        "Hours are claimed once they are worked: %(date)s is "
                        "still to come.",
                        date=claim.date.strftime("%d/%m/%Y"),
                    )
                )

    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and any(c.state != "submitted" for c in self):
            raise UserError(
                self.env._(
                    "A decided claim is kept as it was decided: put it back to "
                    "approval before it is corrected."
                )
            )
        return super().write(vals)

    def _decide(self, state, vals=None):
        self._check_group(
            STAFF, self.env._("Only host staff approve or decline hours.")
        )
        if any(claim.state != "submitted" for claim in self):
            raise UserError(
                self.env._("Only claims waiting for approval can be decided.")
            )
        self._set_state(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "decided_on": fields.Date.context_today(self),
                **(vals or {}),
            }
        )
        self._notify_claimant()
        return True

    def action_approve(self):
        """Approve the claims: from the list, many at once."""
        return self._decide("approved")

    def action_decline(self):
        if any(not (claim.decline_reason or "").strip() for claim in self):
            raise UserError(
                self.env._("Say why the hours are declined before declining them.")
            )
        return self._decide("declined")

    def action_reset_to_submitted(self):
        """A declined claim may go back for approval; an approved one only by
        a host manager correcting the hours counted."""
        self._check_group(STAFF, self.env._("Only host staff reopen claims."))
        if any(claim.state == "approved" for claim in self):
            self._check_group(
                MANAGER,
                self.env._("Only a host manager can reopen approved hours."),
            )
        self._set_state(
            {"state": "submitted", "decided_by_id": False, "decided_on": False}
        )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._(
                "Hours claims are kept as the volunteer's history: decline a "
                "claim that should not count instead, with the reason."
            )
        )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------

    @api.model
    def _portal_submit(self, partner, values):
        """A volunteer claims hours on the portal: the claim is theirs and
        waits for approval, whatever the form sent. ``values`` are the
        parsed form fields (date, hours, kind, description, ward_id)."""
        if not partner.link_is_volunteer:
            raise ValidationError(
                self.env._(
                    "Hours are claimed by volunteers: ask your volunteer "
                    "coordinator to sign you up as one first."
                )
            )
        kinds = dict(self._fields["kind"].selection)
        if values.get("kind") not in kinds:
            raise ValidationError(self.env._("Choose the kind of work done."))
        description = (values.get("description") or "").strip()
        if not description:
            raise ValidationError(self.env._("Say what you did."))
        ward = self.env["link.ward"]
        if values.get("ward_id"):
            ward = ward.sudo().search([("id", "=", values["ward_id"])])
            if not ward:
                raise ValidationError(self.env._("Choose a ward from the list."))
        return self.sudo().create(
            {
                "partner_id": partner.id,
                "date": values["date"],
                "hours": values["hours"],
                "kind": values["kind"],
                "description": description[:2000],
                "ward_id": ward.id or partner.link_ward_id.id,
                "company_id": (partner.company_id or self.env.company).id,
            }
        )
