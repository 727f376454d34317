# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models


class LinkActivityOnceMixin(models.AbstractModel):
    """Deadline crons: one activity per record that needs it, exactly once, a
    batch at a time with the same number of queries whatever the batch size."""

    _name = "link.activity.once.mixin"
    _description = "Activities scheduled once per record"

    _link_activity_batch = 500

    @api.model
    def _link_schedule_once(
        self,
        domain,
        activity_type_xmlid,
        flag,
        user_of,
        deadline_of,
        summary,
        replaces=None,
    ):
        """Schedule an activity on each record of ``domain`` whose boolean
        ``flag`` is not set yet, then set it, so the next run skips them.

        ``user_of`` gives the preferred user(s) of a record (possibly none):
        the activity goes to the first who can act, else to the coordinator
        (see ``res.company._link_activity_users``). ``replaces`` names the
        activity type (xmlid) of an earlier reminder for the same deadline: a
        pending one becomes this activity instead of a second one."""
        pending = [*domain, (flag, "=", False)]
        while records := self.search(
            pending, limit=self._link_activity_batch, order="id"
        ):
            records._link_create_activities(
                activity_type_xmlid, user_of, deadline_of, summary, replaces=replaces
            )
            records.write({flag: True})

    def _link_activity_assignees(self, user_of):
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

    def _link_create_activities(
        self, activity_type_xmlid, user_of, deadline_of, summary, replaces=None
    ):
        """One activity on each record, in a single create; a pending
        ``replaces`` activity with the same deadline is replaced by it."""
        if not self:
            return
        activity_type = self.env.ref(activity_type_xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        Activity = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True
        )
        assignees = self._link_activity_assignees(user_of)
        earlier = {}
        if replaces:
            for activity in Activity.sudo().search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", self.env.ref(replaces).id),
                ]
            ):
                earlier.setdefault((activity.res_id, activity.date_deadline), activity)
        # A pending earlier reminder for the same deadline gives way to this
        # activity (deleted in one go once the others are created): one
        # activity per record per deadline, with no write per activity.
        replaced = Activity.sudo()
        to_create = []
        for record, user in zip(self, assignees, strict=True):
            deadline = deadline_of(record)
            replaced |= earlier.get((record.id, deadline), Activity.sudo())
            to_create.append(
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": deadline,
                    "summary": summary,
                }
            )
        Activity.create(to_create)
        # After the create: unlink empties the whole cache, and the create
        # would then read each record's name with a query of its own.
        if replaced:
            replaced.unlink()
