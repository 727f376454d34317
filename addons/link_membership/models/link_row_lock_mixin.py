# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class LinkRowLockMixin(models.AbstractModel):
    """Row locks taken before a state is checked, so that two requests
    acting on the same records at once queue behind each other."""

    _name = "link.row.lock.mixin"
    _description = "Row locks before a check"

    def _lock_rows(self, fnames_to_invalidate=None, claim=False):
        """Lock the rows of ``self`` until the end of the transaction, in id
        order (no deadlock between two requests locking several), then drop
        ``fnames_to_invalidate`` from the cache so the check reads them anew.

        Under Odoo's REPEATABLE READ, a row another transaction changed and
        committed meanwhile raises a serialization failure here: the request
        is retried, and the retry sees the change. A lock alone does not do
        that for a row the other transaction only locked (its snapshot would
        still miss what the other one wrote elsewhere): ``claim`` also marks
        the rows as changed, so whoever waited on them is retried too. Use it
        when the rows stand for something written in other tables (a
        person's bookings)."""
        if not self.ids:
            return
        table = SQL.identifier(self._table)
        ids = tuple(self.ids)
        if claim:
            query = SQL(
                "UPDATE %s SET write_date = write_date WHERE id IN ("
                "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR NO KEY UPDATE)",
                table,
                table,
                ids,
            )
        else:
            query = SQL(
                "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE", table, ids
            )
        # Expected under contention and retried by Odoo's request handling:
        # not an error worth logging.
        self.env.cr.execute(query, log_exceptions=False)
        if fnames_to_invalidate:
            self.invalidate_recordset(fnames_to_invalidate)
