# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .link_ev_visit import REPORT_SENT


class LinkEvRecommendation(models.Model):
    _name = "link.ev.recommendation"
    _description = "Recommendation of an enter and view report"
    _inherit = ["mail.thread"]
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
    provider_id = fields.Many2one(related="visit_id.provider_id", store=True)
    visit_state = fields.Selection(related="visit_id.state", string="Visit status")

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
