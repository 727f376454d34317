# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LinkActivityOnceMixin(models.AbstractModel):
    """Deadline crons: one activity per record that needs it, exactly once, a
    batch at a time with the same number of queries whatever the batch size."""

    _name = "link.activity.once.mixin"
    _description = "Activities scheduled once per record"

    _link_activity_batch = 500

    @api.model
    def _link_schedule_once(
        self, domain, activity_type_xmlid, flag, user_of, deadline_of, summary
    ):
        """Schedule an activity on each record of ``domain`` whose boolean
        ``flag`` is not set yet, then set it, so the next run skips them."""
        pending = [*domain, (flag, "=", False)]
        while records := self.search(
            pending, limit=self._link_activity_batch, order="id"
        ):
            records._link_create_activities(
                activity_type_xmlid, user_of, deadline_of, summary
            )
            records.write({flag: True})

    def _link_create_activities(
        self, activity_type_xmlid, user_of, deadline_of, summary
    ):
        """One activity on each record, in a single create."""
        activity_type = self.env.ref(activity_type_xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user_of(record).id,
                    "date_deadline": deadline_of(record),
                    "summary": summary,
                }
                for record in self
            ]
        )
