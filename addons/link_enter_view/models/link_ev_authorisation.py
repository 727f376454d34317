# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OPEN_STATES = ("applied", "authorised", "suspended")
DEFAULT_QUALIFICATIONS = (
    "link_membership.qualification_type_dbs_enhanced",
    "link_membership.qualification_type_enter_view",
    "link_membership.qualification_type_safeguarding",
)
AUTHORISATION_YEARS = 3


class LinkEvAuthorisation(models.Model):
    """The LINk's authorisation of one person to enter and view."""

    _name = "link.ev.authorisation"
    _description = "Enter and view authorisation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
    ]
    _order = "state, date_expiry, id"
    _rec_name = "partner_id"
    _lapse_batch = 500

    partner_id = fields.Many2one(
        "res.partner",
        string="Representative",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("applied", "Applied"),
            ("authorised", "Authorised"),
            ("suspended", "Suspended"),
            ("revoked", "Revoked"),
            ("expired", "Expired"),
        ],
        default="applied",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    authorised_by_id = fields.Many2one(
        "res.users", string="Authorised by", readonly=True, copy=False, tracking=True
    )
    date_authorised = fields.Date(
        string="Authorised on", readonly=True, copy=False, tracking=True
    )
    date_expiry = fields.Date(
        string="Authorisation expires on",
        copy=False,
        tracking=True,
        index=True,
        help=f"Empty: {AUTHORISATION_YEARS} years after the authorisation.",
    )
    badge_number = fields.Char(
        string="ID badge number", readonly=True, copy=False, index=True
    )
    qualification_type_ids = fields.Many2many(
        "link.qualification.type",
        string="Required qualifications",
        default=lambda self: self._default_qualification_types(),
        help="What the person must hold, valid, to be authorised.",
    )
    missing_qualification_ids = fields.Many2many(
        "link.qualification.type",
        string="Missing or lapsed today",
        compute="_compute_qualifications_ok",
    )
    qualifications_ok = fields.Boolean(
        string="All qualifications valid today", compute="_compute_qualifications_ok"
    )
    status_note = fields.Char(
        string="Why", tracking=True, copy=False, help="Why it was suspended or ended."
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        ("badge_unique", "UNIQUE(badge_number)", "An ID badge number is unique."),
    ]

    @api.model
    def _default_qualification_types(self):
        types = self.env["link.qualification.type"]
        for xmlid in DEFAULT_QUALIFICATIONS:
            types |= self.env.ref(xmlid, raise_if_not_found=False) or types
        return types

    @api.depends_context("date")
    @api.depends("partner_id", "qualification_type_ids")
    def _compute_qualifications_ok(self):
        missing = self._missing_on(fields.Date.context_today(self))
        for authorisation in self:
            types = missing.get(authorisation.id) or self.env["link.qualification.type"]
            authorisation.missing_qualification_ids = types
            authorisation.qualifications_ok = not types

    def _missing_on(self, on_date):
        """{authorisation id: required types the person lacks on ``on_date``},
        one query per distinct set of required types."""
        by_types = defaultdict(lambda: self.browse())
        for authorisation in self.filtered("partner_id"):
            by_types[authorisation.qualification_type_ids] |= authorisation
        Qualification = self.env["link.qualification"]
        result = {}
        for types, authorisations in by_types.items():
            missing = Qualification._missing(authorisations.partner_id, types, on_date)
            for authorisation in authorisations:
                result[authorisation.id] = missing[authorisation.partner_id.id]
        return result

    @api.constrains("partner_id", "state")
    def _check_one_open_authorisation(self):
        counts = self._read_group(
            [("partner_id", "in", self.partner_id.ids), ("state", "in", OPEN_STATES)],
            ["partner_id"],
            ["__count"],
        )
        for partner, count in counts:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has an authorisation in progress or in "
                        "force: update it instead of adding another.",
                        person=partner.display_name,
                    )
                )

    @api.constrains("date_authorised", "date_expiry")
    def _check_dates(self):
        for authorisation in self:
            if (
                authorisation.date_authorised
                and authorisation.date_expiry
                and authorisation.date_expiry < authorisation.date_authorised
            ):
                raise ValidationError(
                    self.env._(
                        "The authorisation of %(person)s cannot expire before it "
                        "was given.",
                        person=authorisation.partner_id.display_name,
                    )
                )

    # --- life cycle --------------------------------------------------------------

    def _check_manager(self):
        if not self.env.user.has_group("link_membership.group_link_manager"):
            raise AccessError(
                self.env._("Only a LINk manager can authorise representatives.")
            )

    def action_authorise(self):
        """Authorise (or reinstate) people whose qualifications are all valid."""
        self._check_manager()
        today = fields.Date.context_today(self)
        if any(a.state not in ("applied", "suspended") for a in self):
            raise UserError(
                self.env._("Only an application or a suspension can be authorised.")
            )
        missing = self._missing_on(today)
        lacking = self.filtered(lambda a: missing.get(a.id))
        if lacking:
            raise UserError(
                self.env._(
                    "Not authorised: %(people)s.",
                    people="; ".join(
                        "{}: {}".format(
                            a.partner_id.display_name,
                            ", ".join(missing[a.id].mapped("name")),
                        )
                        for a in lacking
                    ),
                )
                + " "
                + self.env._(
                    "These qualifications are missing, expired or await an evidence "
                    "check."
                )
            )
        for authorisation in self:
            expiry = authorisation.date_expiry
            if not expiry or expiry < today:
                expiry = today + relativedelta(years=AUTHORISATION_YEARS)
            vals = {
                "state": "authorised",
                "authorised_by_id": self.env.user.id,
                "date_authorised": today,
                "date_expiry": expiry,
                "status_note": False,
            }
            if not authorisation.badge_number:
                vals["badge_number"] = self.env["ir.sequence"].next_by_code(
                    "link.ev.authorisation"
                )
            authorisation.write(vals)

    def action_suspend(self):
        self._check_manager()
        if any(a.state != "authorised" for a in self):
            raise UserError(self.env._("Only an authorised person can be suspended."))
        self.state = "suspended"

    def action_revoke(self):
        self._check_manager()
        if any(a.state not in OPEN_STATES for a in self):
            raise UserError(self.env._("This authorisation has already ended."))
        self.state = "revoked"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_authorised(self):
        if any(a.date_authorised for a in self):
            raise UserError(
                self.env._(
                    "An authorisation that was given keeps its history: revoke it "
                    "instead of deleting it."
                )
            )

    # --- who may visit ---------------------------------------------------------------

    @api.model
    def _authorised_partners(self, partners, on_date):
        """The partners among ``partners`` authorised to enter and view on
        ``on_date``: authorisation in force that day, qualifications valid."""
        authorisations = self.sudo().search(
            [
                ("partner_id", "in", partners.ids),
                ("state", "in", ("authorised", "expired")),
                ("date_authorised", "<=", on_date),
                "|",
                ("date_expiry", "=", False),
                ("date_expiry", ">=", on_date),
            ]
        )
        missing = authorisations._missing_on(on_date)
        return authorisations.filtered(lambda a: not missing.get(a.id)).partner_id

    # --- daily cron --------------------------------------------------------------

    @api.model
    def _cron_link_lapse(self):
        """Expired authorisations and lapsed qualifications change the state by
        themselves; the person gets a mail and the coordinator an activity.
        A state changes once, so each is told once; a batch at a time."""
        today = fields.Date.context_today(self)
        expired = self.browse()
        while batch := self.search(
            [("state", "=", "authorised"), ("date_expiry", "<", today)],
            limit=self._lapse_batch,
            order="id",
        ):
            batch.write({"state": "expired"})
            expired |= batch
        self._tell(expired, self.env._("Authorisation expired"))
        last_id = 0
        while batch := self.search(
            [("state", "=", "authorised"), ("id", ">", last_id)],
            limit=self._lapse_batch,
            order="id",
        ):
            last_id = batch[-1].id
            missing = batch._missing_on(today)
            lapsed = batch.filtered(lambda a, m=missing: m.get(a.id))
            if lapsed:
                lapsed.write(
                    {
                        "state": "suspended",
                        "status_note": self.env._("A required qualification lapsed"),
                    }
                )
                self._tell(
                    lapsed, self.env._("Suspended: a required qualification lapsed")
                )

    @api.model
    def _tell(self, authorisations, summary):
        if not authorisations:
            return
        template = self.env.ref("link_enter_view.mail_template_link_ev_authorisation")
        template.send_mail_batch(authorisations.ids)
        today = fields.Date.context_today(self)
        company = self.env.company
        authorisations._create_activities(
            "mail.mail_activity_data_todo",
            lambda a: (a.company_id or company).link_volunteer_coordinator_id,
            lambda a: today,
            summary,
        )
