# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import secrets
from datetime import timedelta

from odoo import api, fields, models

from .link_ical import ical_calendar

FEED_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
# Cancelled places stay in the feed this long, so that calendars that
# already have them drop them; older ones are gone from every calendar.
CANCELLED_KEPT = timedelta(days=60)
FEED_REFRESH_MINUTES = 60


class LinkCalendarFeedMixin(models.AbstractModel):
    """A volunteer's private calendar address (on res.partner)."""

    _name = "link.calendar.feed.mixin"
    _description = "Private calendar address of a volunteer"

    link_calendar_token = fields.Char(
        string="Calendar feed key",
        copy=False,
        index="btree_not_null",
        groups="base.group_system",
        help="The secret in the volunteer's private calendar address. A new "
        "key stops the old address; no key, no feed.",
    )

    link_calendar_feed_active = fields.Boolean(
        string="Calendar address in use",
        compute="_compute_link_calendar_feed_active",
        help="The volunteer has a private calendar address for their shifts.",
    )

    def _compute_link_calendar_feed_active(self):
        tokens = {partner.id: partner.link_calendar_token for partner in self.sudo()}
        for partner in self:
            partner.link_calendar_feed_active = bool(tokens.get(partner.id))

    def action_link_calendar_feed_stop(self):
        """Staff stop a volunteer's calendar address (a lost phone): the
        volunteer can get a new one from their page."""
        self.check_access("write")
        self._link_calendar_feed_set(False)

    @api.model
    def _link_calendar_partner(self, token):
        """The volunteer whose calendar address holds ``token``, or an empty
        recordset: a malformed, forged or revoked key finds no one."""
        if not isinstance(token, str) or not FEED_TOKEN.match(token):
            return self.browse()
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("link_calendar_token", "=", token)], limit=1)
            .filtered("active")
        )

    def _link_calendar_feed_set(self, enabled):
        """Give the volunteer a new private calendar address (the old one
        stops working), or none (``enabled`` false)."""
        for partner in self:
            partner.sudo().link_calendar_token = (
                secrets.token_urlsafe(32) if enabled else False
            )

    def _link_calendar_feed_url(self):
        self.ensure_one()
        token = self.sudo().link_calendar_token
        if not token:
            return False
        return f"{self.get_base_url()}/link/calendar/{token}.ics"

    def _link_calendar_feed(self):
        """The volunteer's calendar: every place held or attended, and the
        places given up lately (STATUS:CANCELLED, so calendars drop them),
        each under the same UID for the life of the place."""
        self.ensure_one()
        places = (
            self.env["link.shift.assignment"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "=", self.id),
                    ("state", "in", ("confirmed", "attended", "no_show", "cancelled")),
                    "|",
                    ("state", "!=", "cancelled"),
                    ("date_end", ">=", fields.Datetime.now() - CANCELLED_KEPT),
                ],
                ["shift_id", "state", "date_start", "date_end", "write_date"],
                order="date_start, id",
            )
        )
        company = self.company_id or self.env.company
        return ical_calendar(
            places._ical_events(),
            name=self.env._("%(company)s volunteer shifts", company=company.name),
            refresh_minutes=FEED_REFRESH_MINUTES,
        )
