# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter, defaultdict

from odoo import api, models
from odoo.tools import split_every


class LinkActivityOnceMixin(models.AbstractModel):
    """Deadline crons: one activity per record that needs it, exactly once, a
    batch at a time with the same number of queries whatever the batch size."""

    _name = "link.activity.once.mixin"
    _description = "Activities scheduled once per record"

    _activity_batch = 500

    @api.model
    def _schedule_once_matching(
        self,
        domain,
        activity_type_xmlid,
        flag,
        user_of,
        deadline_of,
        summary,
        replaces=None,
        on=None,
        values_of=None,
    ):
        """Schedule an activity on each record of ``domain`` whose ``flag``
        is not set yet, then set it, so the next run skips them.

        ``flag`` is a boolean, or a date that keeps the deadline last
        scheduled: a record is due again when its deadline moves (a
        protocol's next review). ``user_of`` gives the preferred user(s) of a
        record (possibly none): the activity goes to the first who can act,
        else to the coordinator (see ``res.company._link_activity_users``).
        ``replaces`` names the activity type (xmlid) of an earlier reminder
        for the same deadline: a pending one becomes this activity instead of
        a second one. ``on`` and ``values_of``: see _create_activities."""
        args = (activity_type_xmlid, flag, user_of, deadline_of, summary)
        options = {"replaces": replaces, "on": on, "values_of": values_of}
        if self._fields[flag].type == "boolean":
            pending = [*domain, (flag, "=", False)]
            while records := self.search(
                pending, limit=self._activity_batch, order="id"
            ):
                records._schedule_once(*args, **options)
            return
        # No domain compares two fields: the due ones are picked here.
        due = self.search(domain, order="id").filtered(
            lambda record: record[flag] != deadline_of(record)
        )
        for ids in split_every(self._activity_batch, due.ids):
            self.browse(ids)._schedule_once(*args, **options)

    def _schedule_once(
        self,
        activity_type_xmlid,
        flag,
        user_of,
        deadline_of,
        summary,
        replaces=None,
        on=None,
        values_of=None,
    ):
        """The activity of each of these records whose ``flag`` is not set
        yet (a boolean, or a date other than the record's deadline), then
        the flag set: for a rule met when a record changes rather than on a
        date (an issue reaching a trigger point), and for each batch of
        _schedule_once_matching."""
        is_date = self._fields[flag].type != "boolean"
        records = self.filtered(
            lambda record: (
                record[flag] != deadline_of(record) if is_date else not record[flag]
            )
        )
        records._create_activities(
            activity_type_xmlid,
            user_of,
            deadline_of,
            summary,
            replaces=replaces,
            on=on,
            values_of=values_of,
        )
        if not is_date:
            records.write({flag: True})
            return
        by_deadline = defaultdict(list)
        for record in records:
            by_deadline[deadline_of(record)].append(record.id)
        for deadline, ids in by_deadline.items():
            self.browse(ids).write({flag: deadline})

    def _activity_assignees(self, user_of):
        """The user who acts on each record of ``self``, in order: the first
        active internal user of ``user_of(record)``, else the fallback of the
        record's company. Batched per company."""
        preferred = [user_of(record) for record in self]
        by_company = defaultdict(list)
        has_company = "company_id" in self._fields
        for index, record in enumerate(self):
            company = (has_company and record.company_id) or self.env.company
            by_company[company].append(index)
        assignees = [None] * len(self)
        for company, indexes in by_company.items():
            users = company._link_activity_users([preferred[i] for i in indexes])
            for index, user in zip(indexes, users, strict=True):
                assignees[index] = user
        return assignees

    def _create_activities(
        self,
        activity_type_xmlid,
        user_of,
        deadline_of,
        summary,
        replaces=None,
        on=None,
        values_of=None,
    ):
        """One activity for each record, in a single create; a pending
        ``replaces`` activity with the same deadline is replaced by it.

        ``on(record)`` is the record the activity is attached to when it is
        not the record itself (a meeting's report back goes on its seat);
        ``values_of(record)`` adds values of the activity (the meeting)."""
        if not self:
            return
        activity_type = self.env.ref(activity_type_xmlid)
        targets = [on(record) if on else record for record in self]
        target_model = targets[0]._name
        model_id = self.env["ir.model"]._get_id(target_model)
        Activity = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True
        )
        assignees = self._activity_assignees(user_of)
        earlier = {}
        if replaces:
            for activity in Activity.sudo().search(
                [
                    ("res_model", "=", target_model),
                    ("res_id", "in", [target.id for target in targets]),
                    ("activity_type_id", "=", self.env.ref(replaces).id),
                ]
            ):
                earlier.setdefault((activity.res_id, activity.date_deadline), activity)
        # A pending earlier reminder for the same deadline gives way to this
        # activity (deleted in one go once the others are created): one
        # activity per record per deadline, with no write per activity.
        replaced = Activity.sudo()
        # One activity per target in each create: mail.activity subscribes
        # the users to the records of a create, and would subscribe a user
        # twice to a seat that had two meetings.
        rounds = defaultdict(list)
        seen = Counter()
        for record, target, user in zip(self, targets, assignees, strict=True):
            deadline = deadline_of(record)
            replaced |= earlier.get((target.id, deadline), Activity.sudo())
            rounds[seen[target.id]].append(
                {
                    "res_model_id": model_id,
                    "res_id": target.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": deadline,
                    "summary": summary,
                    **(values_of(record) if values_of else {}),
                }
            )
            seen[target.id] += 1
        for vals_list in rounds.values():
            Activity.create(vals_list)
        # After the create: unlink empties the whole cache, and the create
        # would then read each record's name with a query of its own.
        if replaced:
            replaced.unlink()
