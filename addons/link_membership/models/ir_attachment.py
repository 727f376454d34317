# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, models
from odoo.exceptions import UserError

# Writing these moves an attachment to another document.
DOCUMENT_FIELDS = ("res_model", "res_id")


class IrAttachment(models.Model):
    """The PDFs of issued documents (a monitoring pack the council received,
    and what other LINk addons add) are kept as issued: never deleted, never
    replaced, never moved to another document."""

    _inherit = "ir.attachment"

    @api.model
    def _link_kept_documents(self):
        """The issued documents whose PDF is kept, as (model, attachment
        field, domain of the issued records, refusal with ``%(name)s``).
        Each addon adds its own with super()."""
        return [
            (
                "link.monitoring.period",
                "attachment_id",
                [("state", "=", "issued")],
                self.env._(
                    "This is the monitoring pack of %(name)s that the council "
                    "received: it is kept with the period as issued and cannot "
                    "be deleted or replaced."
                ),
            )
        ]

    def _link_check_kept(self, new_content=None):
        """Refuse when one of these attachments is an issued document's PDF
        (for a write: unless the content stays the same bytes, as when the
        attachment moves between storages)."""
        if not self.ids:
            return
        for model, field, domain, refusal in self._link_kept_documents():
            documents = (
                self.env[model]
                .sudo()
                .search([(field, "in", self.ids), *domain], limit=1)
            )
            if not documents:
                continue
            kept = documents[field].sudo()
            if new_content is not None and all(
                attachment.raw == new_content for attachment in kept
            ):
                continue
            raise UserError(refusal % {"name": documents.display_name})

    def write(self, vals):
        if "raw" in vals or "datas" in vals:
            new = (
                vals["raw"] if "raw" in vals else base64.b64decode(vals["datas"] or b"")
            )
            self._link_check_kept(new.encode() if isinstance(new, str) else new)
        if any(field in vals for field in DOCUMENT_FIELDS):
            self._link_check_kept()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_link_kept_document(self):
        self._link_check_kept()
