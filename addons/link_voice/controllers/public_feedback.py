# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import hash_sign, verify_hash_signed

from odoo.addons.link_membership.models.link_public_rate_mixin import (
    LinkTooManyFromOneAddress,
)

from ..models.link_feedback import (
    FEEDBACK_TEXT_MAX,
    PUBLIC_LENGTHS,
    PUBLIC_UPLOAD_MAX_BYTES,
    PUBLIC_UPLOADS_MAX,
)

FORM_FIELDS = (
    "service",
    "what_good",
    "what_bad",
    "rating",
    "postcode",
    "contact_name",
    "contact_email",
    "contact_phone",
    "consent_to_contact",
)
THANKS_SCOPE = "link_voice.public_feedback_thanks"
# The hidden field only robots fill in.
HONEYPOT = "website"


class LinkPublicFeedback(http.Controller):
    """Share your experience: the public feedback form, with no login, on a
    phone or embedded in the host's own website. The model decides what is
    stored (link.feedback._submit_public); these routes read the form."""

    @http.route(
        "/share-your-experience",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def public_feedback_form(self, embed=None, **kw):
        return self._render_form({}, embed=embed == "1")

    # No CSRF token: the form has no session to protect (nobody is logged in
    # on it), and an embedded form would lose the session cookie to the
    # browser's third-party cookie rules. The limit per address and the
    # honeypot stand against robots.
    @http.route(
        "/share-your-experience",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        website=True,
    )
    def public_feedback_post(self, **post):
        embed = post.get("embed") == "1"
        values = {
            name: post.get(name) if isinstance(post.get(name), str) else ""
            for name in FORM_FIELDS
        }
        if post.get(HONEYPOT):
            return self._redirect_thanks(None, embed)
        files = [
            (upload.filename, upload.read(PUBLIC_UPLOAD_MAX_BYTES + 1))
            for upload in request.httprequest.files.getlist("attachments")[
                : PUBLIC_UPLOADS_MAX + 1
            ]
        ]
        try:
            with request.env.cr.savepoint():
                feedback = request.env["link.feedback"]._submit_public(
                    values, files, request.httprequest.remote_addr
                )
        except LinkTooManyFromOneAddress as error:
            return self._render_form(values, embed, error=error.args[0], status=429)
        except (UserError, ValidationError) as error:
            return self._render_form(values, embed, error=error.args[0], status=400)
        return self._redirect_thanks(feedback.name, embed)

    @http.route(
        "/share-your-experience/thanks/<string:token>",
        type="http",
        auth="public",
        website=True,
    )
    def public_feedback_thanks(self, token, embed=None, **kw):
        """The reference, read from the signed token of the redirect: the
        page shows nothing else, whoever opens it."""
        reference = None
        if token != "received":
            try:
                reference = verify_hash_signed(
                    request.env(su=True), THANKS_SCOPE, token
                )
            except ValueError:  # not base64, not JSON, not UTF-8
                reference = None
            if not isinstance(reference, str):
                raise request.not_found()
        return self._response(
            "link_voice.public_feedback_thanks",
            {"reference": reference, "embed": embed == "1"},
            embed == "1",
        )

    def _redirect_thanks(self, reference, embed):
        token = (
            hash_sign(request.env(su=True), THANKS_SCOPE, reference, expiration_hours=1)
            if reference
            else "received"
        )
        return request.redirect(
            f"/share-your-experience/thanks/{token}{'?embed=1' if embed else ''}"
        )

    def _render_form(self, values, embed, error=None, status=200):
        return self._response(
            "link_voice.public_feedback_form",
            {
                "values": values,
                "error": error,
                "embed": embed,
                "services": list(request.env["link.feedback"]._public_services()),
                "text_max": FEEDBACK_TEXT_MAX,
                "lengths": PUBLIC_LENGTHS,
                "uploads_max": PUBLIC_UPLOADS_MAX,
                "honeypot": HONEYPOT,
            },
            embed,
            status=status,
        )

    def _response(self, template, values, embed, status=200):
        response = request.render(template, values, status=status)
        origins = request.env.company.sudo()._link_feedback_embed_origins()
        if embed and origins:
            # Only the host's own websites may show the form in a frame.
            response.headers["Content-Security-Policy"] = "frame-ancestors 'self' " + (
                " ".join(origins)
            )
        else:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
            response.headers["Content-Security-Policy"] = "frame-ancestors 'self'"
        return response
