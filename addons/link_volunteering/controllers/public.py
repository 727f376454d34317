# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.link_membership.models.link_public_rate_mixin import (
    LinkTooManyFromOneAddress,
)

from ..models.link_volunteer_application import (
    PUBLIC_LENGTHS,
    REFEREES_ON_FORM,
    TEXT_MAX,
)
from ..models.link_volunteer_reference import YEARS_MAX, LinkReferenceRefused

APPLY_FIELDS = (
    "name",
    "email",
    "phone",
    "zip",
    "motivation",
    "availability",
    "consent",
    *(
        f"referee{number}_{part}"
        for number in range(1, REFEREES_ON_FORM + 1)
        for part in ("name", "email", "relationship")
    ),
)
REFERENCE_FIELDS = ("years_known", "suitable", "comments", "concerns", "decline")
# The hidden field only robots fill in.
HONEYPOT = "website"


def _form_values(post, names):
    return {
        name: post.get(name) if isinstance(post.get(name), str) else ""
        for name in names
    }


class LinkVolunteeringPublic(http.Controller):
    """Becoming a volunteer, with no login: the application form and the
    referees' form (reached by the link in their mail). The models decide
    what is stored; these routes only read the forms."""

    @http.route(
        "/volunteer/apply", type="http", auth="public", methods=["GET"], website=True
    )
    def volunteer_apply_form(self, **kw):
        return self._render_apply({})

    @http.route(
        "/volunteer/apply", type="http", auth="public", methods=["POST"], website=True
    )
    def volunteer_apply_post(self, **post):
        values = _form_values(post, APPLY_FIELDS)
        roles = request.httprequest.form.getlist("role_ids")
        if post.get(HONEYPOT):
            return request.redirect("/volunteer/apply/thanks")
        try:
            with request.env.cr.savepoint():
                request.env["link.volunteer.application"]._submit_public(
                    values, roles, request.httprequest.remote_addr
                )
        except LinkTooManyFromOneAddress as error:
            return self._render_apply(values, roles, error.args[0], status=429)
        except (UserError, ValidationError) as error:
            return self._render_apply(values, roles, error.args[0], status=400)
        return request.redirect("/volunteer/apply/thanks")

    @http.route(
        "/volunteer/apply/thanks",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def volunteer_apply_thanks(self, **kw):
        return request.render("link_volunteering.public_apply_thanks", {})

    def _render_apply(self, values, roles=(), error=None, status=200):
        Application = request.env["link.volunteer.application"]
        return request.render(
            "link_volunteering.public_apply_form",
            {
                "values": values,
                "chosen_roles": set(roles),
                "roles": Application._public_roles(),
                "error": error,
                "lengths": PUBLIC_LENGTHS,
                "text_max": TEXT_MAX,
                "referees": range(1, REFEREES_ON_FORM + 1),
                "honeypot": HONEYPOT,
            },
            status=status,
        )

    # ------------------------------------------------------------------
    # References
    # ------------------------------------------------------------------

    @http.route(
        "/volunteer/reference/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def volunteer_reference_form(self, token, **kw):
        reference = request.env["link.volunteer.reference"]._from_token(token)
        if not reference:
            raise request.not_found()
        if refusal := reference._form_refusal():
            return self._render_closed(refusal)
        return self._render_reference(reference, {})

    @http.route(
        "/volunteer/reference/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def volunteer_reference_post(self, token, **post):
        reference = request.env["link.volunteer.reference"]._from_token(token)
        if not reference:
            raise request.not_found()
        values = _form_values(post, REFERENCE_FIELDS)
        try:
            with request.env.cr.savepoint():
                reference._submit(values)
        except LinkReferenceRefused as error:
            return self._render_closed(error.args[0])
        except (UserError, ValidationError) as error:
            return self._render_reference(reference, values, error.args[0], 400)
        return self._render_closed(reference._form_refusal(), thanks=True)

    def _render_reference(self, reference, values, error=None, status=200):
        return request.render(
            "link_volunteering.public_reference_form",
            {
                "reference": reference,
                "applicant": reference.application_id.partner_id.name,
                "values": values,
                "error": error,
                "text_max": TEXT_MAX,
                "years_max": YEARS_MAX,
            },
            status=status,
        )

    def _render_closed(self, message, thanks=False):
        return request.render(
            "link_volunteering.public_reference_closed",
            {"message": message, "thanks": thanks},
            status=200 if thanks else 410,
        )
