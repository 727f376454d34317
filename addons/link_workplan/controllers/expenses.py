# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.controllers.hours import link_parse_amount
from odoo.addons.link_membership.controllers.portal import (
    link_plain_text,
    link_record_id,
    link_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.link_expense_claim import RECEIPTS_MAX

CLAIMS_SHOWN = 50
CLAIM_FIELDS_SHOWN = [
    "name",
    "date",
    "shift_id",
    "event_id",
    "expense_type",
    "amount",
    "currency_id",
    "state",
    "decline_reason",
    "paid_date",
    "receipt_ids",
]


class LinkExpensePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "expense_claim_count" in counters:
            Claim = request.env["link.expense.claim"]
            values["expense_claim_count"] = (
                Claim.search_count([("state", "in", ("submitted", "approved"))])
                if Claim.has_access("read")
                else 0
            )
        return values

    def _link_expense_values(self, form=None, error=None, submitted=None):
        partner = request.env.user.partner_id
        Claim = request.env["link.expense.claim"]
        # Record rules keep a claimant to their own claims.
        claims = Claim.search_fetch(
            [("partner_id", "=", partner.id)],
            CLAIM_FIELDS_SHOWN,
            order="date desc, id desc",
            limit=CLAIMS_SHOWN,
        )
        # sudo: the names of the shifts and meetings claimed for, in one go.
        claims_sudo = claims.sudo()
        claims_sudo.shift_id.fetch(["name"])
        claims_sudo.event_id.fetch(["name"])
        choices = Claim._portal_choices(partner)
        tz = pytz.timezone(request.env.user.tz or "Europe/London")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "expenses",
                "claims": claims_sudo,
                "choices": [
                    (
                        key,
                        label,
                        pytz.utc.localize(start).astimezone(tz).strftime("%d/%m/%Y"),
                    )
                    for key, label, start in choices
                ],
                "types": Claim._fields["expense_type"].selection,
                "form": form or {},
                "error": error,
                "submitted": submitted,
                "receipts_max": RECEIPTS_MAX,
            }
        )
        return values

    @http.route("/my/expenses", type="http", auth="user", methods=["GET"], website=True)
    def portal_my_expenses(self, submitted=None, **kw):
        return request.render(
            "link_workplan.portal_my_expenses",
            self._link_expense_values(submitted=bool(link_record_id(submitted))),
        )

    @http.route(
        "/my/expenses", type="http", auth="user", methods=["POST"], website=True
    )
    def portal_my_expenses_submit(self, **post):
        form = {
            "what": post.get("what") or "",
            "expense_type": post.get("expense_type"),
            "amount": link_parse_amount(post.get("amount")),
            "description": link_plain_text(post.get("description")),
        }
        files = request.httprequest.files.getlist("receipts")
        receipts = [
            (link_plain_text(upload.filename).strip() or "receipt", upload.read())
            for upload in files
            if upload and upload.filename
        ]
        error = None
        if not form["amount"]:
            error = request.env._("Give the amount in pounds, e.g. 4.80.")
        else:
            try:
                with request.env.cr.savepoint():
                    claim = request.env["link.expense.claim"]._portal_submit(
                        request.env.user.partner_id, form, receipts
                    )
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
        if error:
            return request.render(
                "link_workplan.portal_my_expenses",
                self._link_expense_values(
                    form=dict(form, amount=post.get("amount")), error=error
                ),
                status=400,
            )
        return request.redirect(f"/my/expenses?submitted={claim.id}")

    @http.route(
        "/my/expenses/<string:claim_id>/receipt/<string:receipt_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def portal_my_expense_receipt(self, claim_id, receipt_id, **kw):
        """A receipt of one of the claimant's own claims, as a download; a
        404 for anyone else's, or an id that names nothing."""
        claim = link_record_or_404(
            "link.expense.claim",
            claim_id,
            [("partner_id", "=", request.env.user.partner_id.id)],
        )
        receipt = claim._portal_receipt(link_record_id(receipt_id))
        if not receipt:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(receipt)
            .get_response(as_attachment=True)
        )
