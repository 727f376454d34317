# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LinkSafeguardingRaise(models.TransientModel):
    """Raise a safeguarding concern from a feedback: host staff write what
    worries them; the concern goes to the safeguarding lead, whom only they
    and host managers can read (link.feedback._raise_safeguarding)."""

    _name = "link.safeguarding.raise"
    _description = "Raise a safeguarding concern"

    feedback_id = fields.Many2one("link.feedback", required=True, readonly=True)
    description = fields.Text(
        string="What worries you",
        required=True,
        help="What was said or seen that makes you worried for someone's "
        "safety. Facts, in the words used. Only the safeguarding lead and "
        "host managers will read it.",
    )

    def action_raise(self):
        self.ensure_one()
        concern = self.feedback_id._raise_safeguarding(self.description)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": False,
                "message": self.env._(
                    "Concern %(name)s sent to the safeguarding lead.",
                    name=concern.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
