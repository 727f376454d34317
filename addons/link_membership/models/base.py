# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import api, models

from .link_input_guard import install_input_guard

MONITOR_GROUP = "link_membership.group_link_monitor"
STAFF_GROUP = "link_membership.group_link_staff"


class Base(models.AbstractModel):
    _inherit = "base"

    def _setup_complete(self):
        """Puts the LINk input guard first in the bases of the model's class,
        ahead of its create and write overrides: see install_input_guard."""
        res = super()._setup_complete()
        install_input_guard(self.env.registry[self._name])
        return res

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """The council monitor reads organisations only (record rule on
        res.partner): a person's name it is shown (a lead, a representative)
        must not be a link that ends in an Access Error. For a monitor who is
        not also host staff, every many2one to a contact, or to a model the
        monitor may not read, is shown as plain text (``no_open``)."""
        result = super().get_view(view_id, view_type, **options)
        user = self.env.user
        if user.has_group(MONITOR_GROUP) and not user.has_group(STAFF_GROUP):
            arch = etree.fromstring(result["arch"])
            if self._link_close_dead_links(arch, self._name):
                result = dict(result, arch=etree.tostring(arch, encoding="unicode"))
        return result

    @api.model
    def _link_close_dead_links(self, node, model_name):
        """Set ``no_open`` on the many2one fields under ``node`` (a view of
        ``model_name``) whose target the user cannot open; True if any."""
        changed = False
        model = self.env[model_name]
        for child in node:
            if not isinstance(child.tag, str):
                continue
            field = (
                model._fields.get(child.get("name")) if child.tag == "field" else None
            )
            if field is not None and field.type == "many2one":
                comodel = self.env[field.comodel_name]
                options = child.get("options") or "{}"
                if (
                    field.comodel_name == "res.partner"
                    or not comodel.has_access("read")
                ) and "no_open" not in options:
                    inner = options.strip()[1:-1].strip()
                    child.set(
                        "options",
                        "{'no_open': True" + (", " + inner if inner else "") + "}",
                    )
                    changed = True
            sub_model = (
                field.comodel_name
                if field is not None and field.type in ("one2many", "many2many")
                else model_name
            )
            changed |= self._link_close_dead_links(child, sub_model)
        return changed
