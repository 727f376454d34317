# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..wizards.link_settings import DEFAULT_THRESHOLD, THRESHOLD_PARAM
from .small_numbers import cells_to_suppress


class LinkSuppressedReportMixin(models.AbstractModel):
    """A report about people that is only ever read as totals (pivot,
    graph), with small numbers suppressed: its rows are never read one by
    one, and any count below the threshold in LINk settings is blanked, with
    the cells that would give it away (small_numbers.cells_to_suppress)."""

    _name = "link.suppressed.report.mixin"
    _description = "Report read as suppressed totals"

    # Aggregated fields that count people: blanked with the count. A cell
    # is suppressed on the smallest of them and its count.
    _suppressed_measures = ()

    def _fetch_query(self, query, fields):
        raise AccessError(
            self.env._(
                "The report “%(report)s” can only be read as totals (pivot or "
                "graph): its rows are about individual people.",
                report=self._description,
            )
        )

    @api.model
    def _suppression_threshold(self):
        value = self.env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAM)
        return int(value or DEFAULT_THRESHOLD)

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        groups = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        if isinstance(groupby, str):
            groupby = [groupby]
        keys = groupby[:1] if lazy and groupby else groupby
        count_key = f"{groupby[0]}_count" if lazy and groupby else "__count"
        blanked = [count_key, *self._suppressed_measures]

        def key(group):
            return tuple(str(group[k]) for k in keys)

        cells = {
            key(group): min(group[name] or 0 for name in blanked if name in group)
            for group in groups
        }
        hidden = cells_to_suppress(cells, self._suppression_threshold())
        for group in groups:
            if key(group) in hidden:
                group.update({name: False for name in blanked if name in group})
        return groups
