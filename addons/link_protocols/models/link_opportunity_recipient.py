# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkOpportunityRecipient(models.Model):
    """Who an opportunity went to, and whether they want to take part."""

    _name = "link.opportunity.recipient"
    _description = "Opportunity recipient"
    _order = "opportunity_id, partner_id"
    _rec_name = "partner_id"

    opportunity_id = fields.Many2one(
        "link.opportunity", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    date_sent = fields.Datetime(string="Sent on", readonly=True)
    interested = fields.Boolean(index=True)
    date_interest = fields.Datetime(string="Interest registered on", readonly=True)
    note = fields.Text(string="Comment")
    place_outcome = fields.Selection(
        [
            ("representative", "Appointed representative"),
            ("deputy", "Appointed deputy"),
            ("thanked", "Thanked"),
        ],
        string="Outcome",
        readonly=True,
        copy=False,
        help="For a board or panel place: who was appointed to the seat, and "
        "who was thanked for their interest.",
    )

    _sql_constraints = [
        (
            "person_unique",
            "unique(opportunity_id, partner_id)",
            "This person has already been sent this opportunity.",
        ),
    ]

    def _register_interest(self, note=None):
        """The recipients want to take part (the portal's answer); private,
        so that no one registers another person's interest over RPC."""
        self.write(
            {
                "interested": True,
                "date_interest": fields.Datetime.now(),
                **({"note": note} if note else {}),
            }
        )
        for recipient in self:
            recipient.opportunity_id.message_post(
                body=self.env._(
                    "%(name)s would like to take part.", name=recipient.partner_id.name
                )
                + (f"\n{note}" if note else ""),
                author_id=recipient.partner_id.id,
            )
