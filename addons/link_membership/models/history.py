# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Data is never lost: what deleting a record would orphan.

Used by the ``@api.ondelete`` methods of the LINk models to refuse deleting
a record that other records still refer to, with a message a host officer
understands, before the database would refuse it (restrict foreign keys) or
silently empty the reference (set null)."""

from odoo.exceptions import UserError


def history_references(records, extra_models=()):
    """The descriptions of the models whose rows still refer to ``records``.

    Looks at every stored many2one and many2many of the link.* models (and
    of ``extra_models``) that points at the model of ``records``, archived
    rows included, as the superuser. Left out: related copies of another
    reference, and a part's link to its document (many2one with ondelete
    cascade): the document's own rule decides for its parts."""
    env = records.env
    found = []
    if not records:
        return found
    for name in sorted(env.registry.models):
        if not (name.startswith("link.") or name in extra_models):
            continue
        Model = env[name]
        if Model._abstract or Model._transient or not Model._auto:
            continue
        Model = Model.sudo().with_context(active_test=False)
        for field in Model._fields.values():
            if (
                field.type not in ("many2one", "many2many")
                or field.comodel_name != records._name
                or not field.store
                or field.related
                or (field.type == "many2one" and field.ondelete == "cascade")
            ):
                continue
            if Model.search_count([(field.name, "in", records.ids)], limit=1):
                found.append(Model._description)
                break
    return found


def issued_period(env, date_from, date_to):
    """The first issued contract monitoring period that overlaps the dates:
    its pack has gone to the council with what these dates hold."""
    if not date_from or not date_to:
        return env["link.monitoring.period"]
    return (
        env["link.monitoring.period"]
        .sudo()
        .search(
            [
                ("state", "=", "issued"),
                ("date_from", "<=", date_to),
                ("date_to", ">=", date_from),
            ],
            order="date_from",
            limit=1,
        )
    )


def refuse_if_referenced(records, advice, extra_models=()):
    """Raise a UserError naming ``records`` and what still refers to them,
    followed by ``advice`` (already translated: what to do instead)."""
    what = history_references(records, extra_models)
    if what:
        raise UserError(
            records.env._(
                "%(names)s cannot be deleted: the LINk's records refer to it "
                "(%(what)s). %(advice)s",
                names=", ".join(records.sudo().mapped("display_name")),
                what=", ".join(what),
                advice=advice,
            )
        )
