# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import hmac


class LinkTooManyFromOneAddress(UserError):
    """A public form's limit per internet address is reached (a 429)."""


class LinkPublicRateMixin(models.AbstractModel):
    """Records the public creates through a form with no login (feedback,
    volunteer applications). Each keeps in ``source_key`` a keyed hash of
    the internet address it came from (never the address itself), and one
    address creates at most ``_public_rate_limit()`` an hour."""

    _name = "link.public.rate.mixin"
    _description = "Record made on a public form, limited per address"

    # The hash's scope: one per form, so the keys of two forms never match.
    _public_rate_scope = None

    source_key = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="base.group_system",
        help="A keyed hash of the internet address a web form submission "
        "came from (never the address itself): only the limit per address "
        "reads it.",
    )

    def _public_rate_limit(self):
        raise NotImplementedError

    def _public_rate_refusal(self):
        """What the person is told when their address reached the limit."""
        raise NotImplementedError

    @api.model
    def _claim_public_slot(self, address):
        """Count a submission from ``address`` against the hourly limit, or
        refuse it; returns the key to store in ``source_key``. Submissions
        from one address wait for each other here (a transaction lock on
        its key, held until each commits), so a flood cannot slip past the
        count; other addresses never wait.

        The count is read on a cursor of its own: this request's transaction
        reads from a snapshot taken at its first query, before it waited for
        the lock, and would not see the submissions committed meanwhile."""
        key = hmac(self.env(su=True), self._public_rate_scope, address or "")
        self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(hashtext(%s))", key))
        limit = self._public_rate_limit()
        with self.env.registry.cursor() as cr:
            recent = (
                self.with_env(self.env(cr=cr, su=True))
                .with_context(active_test=False)
                .search_count(
                    [
                        ("source_key", "=", key),
                        (
                            "create_date",
                            ">=",
                            fields.Datetime.now() - timedelta(hours=1),
                        ),
                    ],
                    limit=limit,
                )
            )
        if recent >= limit:
            raise LinkTooManyFromOneAddress(self._public_rate_refusal())
        return key
