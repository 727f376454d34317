# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .history import refuse_if_referenced

# The contact fields _link_active_member_sql reads: reports built on it depend
# on them (_depends), so that pending changes are written before they query.
ACTIVE_MEMBER_FIELDS = [
    "active",
    "is_company",
    "link_membership_type",
    "link_join_date",
    "link_leave_date",
    "link_ward_id",
]

MEMBERSHIP_TYPES = [
    ("full", "Full member"),
    ("participant", "Participant member"),
    ("organisation", "Organisation / community group"),
    ("network", "Network"),
]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "link.row.lock.mixin"]

    link_membership_type = fields.Selection(
        MEMBERSHIP_TYPES, string="Membership type", index=True, tracking=True
    )
    link_member_number = fields.Char(
        string="Membership number", readonly=True, copy=False, index=True
    )
    link_join_date = fields.Date(string="Joined", tracking=True, index=True)
    link_leave_date = fields.Date(string="Left", tracking=True, index=True, copy=False)
    link_leave_reason = fields.Char(string="Reason for leaving", tracking=True)
    link_member_state = fields.Selection(
        [("active", "Member"), ("left", "Former member")],
        string="Membership status",
        compute="_compute_link_member_state",
        search="_search_link_member_state",
    )
    link_ward_id = fields.Many2one(
        "link.ward", string="Ward", index=True, tracking=True, ondelete="restrict"
    )
    link_interest_ids = fields.Many2many(
        "link.interest",
        "res_partner_link_interest_rel",
        "partner_id",
        "interest_id",
        string="Interests",
    )
    link_heard_via = fields.Selection(
        [
            ("word_of_mouth", "Word of mouth"),
            ("event", "Event or stall"),
            ("leaflet", "Leaflet or poster"),
            ("website", "Website"),
            ("social_media", "Social media"),
            ("partner", "Partner organisation"),
            ("other", "Other"),
        ],
        string="Heard of us through",
    )
    link_contact_by_post = fields.Boolean(string="Contact by post")
    link_contact_by_email = fields.Boolean(string="Contact by email", default=True)
    link_contact_by_phone = fields.Boolean(string="Contact by phone")
    link_mailing_consent = fields.Boolean(
        string="Receives information",
        tracking=True,
        help="Agreed to receive, and comment on, information from care providers "
        "and the LINk.",
    )
    link_mailing_consent_date = fields.Date(string="Consent given on", tracking=True)
    link_is_volunteer = fields.Boolean(string="Volunteer", index=True, tracking=True)
    link_qualification_ids = fields.One2many(
        "link.qualification", "partner_id", string="Qualifications"
    )
    link_shift_assignment_ids = fields.One2many(
        "link.shift.assignment", "partner_id", string="Shifts"
    )
    link_qualification_valid_count = fields.Integer(
        string="Valid qualifications",
        compute="_compute_link_qualification_counts",
        help="Qualifications in date, with their evidence checked where needed.",
    )
    link_qualification_alert_count = fields.Integer(
        string="To renew or check",
        compute="_compute_link_qualification_counts",
        help="Qualifications expired, expiring soon or waiting for their evidence "
        "to be checked.",
    )
    link_next_shift_id = fields.Many2one(
        "link.shift", string="Next shift", compute="_compute_link_next_shift"
    )
    link_next_shift_start = fields.Datetime(
        string="Next shift on", compute="_compute_link_next_shift"
    )

    _sql_constraints = [
        (
            "link_member_number_unique",
            "unique(link_member_number)",
            "This membership number is already used.",
        ),
    ]

    @api.depends("link_membership_type", "link_leave_date")
    @api.depends_context("date")
    def _compute_link_member_state(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if not partner.link_membership_type:
                partner.link_member_state = False
            elif partner.link_leave_date and partner.link_leave_date <= today:
                partner.link_member_state = "left"
            else:
                partner.link_member_state = "active"

    def _search_link_member_state(self, operator, value):
        if operator not in ("=", "!=") or value not in ("active", "left", False):
            raise UserError(self.env._("Unsupported search on membership status."))
        today = fields.Date.context_today(self)
        domains = {
            "active": self._link_active_member_domain(today, today),
            "left": [
                ("link_membership_type", "!=", False),
                ("link_leave_date", "<=", today),
            ],
            False: [("link_membership_type", "=", False)],
        }
        domain = domains[value]
        return (
            domain if operator == "=" else ["!", *expression.normalize_domain(domain)]
        )

    @api.model
    def _link_active_member_domain(self, date_from, date_to):
        """Members at any time between the two dates: joined by the end (or no
        join date recorded) and not left before the start."""
        return [
            ("active", "=", True),
            ("link_membership_type", "!=", False),
            "|",
            ("link_join_date", "=", False),
            ("link_join_date", "<=", date_to),
            "|",
            ("link_leave_date", "=", False),
            ("link_leave_date", ">", date_from),
        ]

    @api.model
    def _link_active_member_sql(self, alias):
        """SQL condition for an individual who is a member today (reports)."""
        return SQL(
            """%(p)s.active AND NOT COALESCE(%(p)s.is_company, FALSE)
            AND %(p)s.link_membership_type IS NOT NULL
            AND (%(p)s.link_join_date IS NULL
                 OR %(p)s.link_join_date <= CURRENT_DATE)
            AND (%(p)s.link_leave_date IS NULL
                 OR %(p)s.link_leave_date > CURRENT_DATE)""",
            p=SQL.identifier(alias),
        )

    @api.depends_context("date")
    def _compute_link_qualification_counts(self):
        """One read of the qualifications of every partner in the batch (a
        list page), whatever its size."""
        ids = [pid for pid in self.ids if pid]
        qualifications = self.env["link.qualification"].search_fetch(
            [("partner_id", "in", ids)],
            ["partner_id", "date_expiry", "evidence_state", "type_id"],
        )
        valid, alert = {}, {}
        for qualification in qualifications:
            counts = valid if qualification.state == "valid" else alert
            pid = qualification.partner_id.id
            counts[pid] = counts.get(pid, 0) + 1
        for partner in self:
            partner.link_qualification_valid_count = valid.get(partner.id, 0)
            partner.link_qualification_alert_count = alert.get(partner.id, 0)

    def _compute_link_next_shift(self):
        """The first confirmed place to come of each partner of the batch, in
        one query."""
        ids = [pid for pid in self.ids if pid]
        places = self.env["link.shift.assignment"].search_fetch(
            [
                ("partner_id", "in", ids),
                ("state", "=", "confirmed"),
                ("date_start", ">=", fields.Datetime.now()),
            ],
            ["partner_id", "shift_id", "date_start"],
            order="date_start, id",
        )
        first = {}
        for place in places:
            first.setdefault(place.partner_id.id, place)
        for partner in self:
            place = first.get(partner.id)
            partner.link_next_shift_id = place.shift_id if place else False
            partner.link_next_shift_start = place.date_start if place else False

    @api.constrains("link_join_date", "link_leave_date")
    def _check_link_dates(self):
        for partner in self:
            if (
                partner.link_join_date
                and partner.link_leave_date
                and partner.link_leave_date < partner.link_join_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot leave (%(left)s) before joining (%(joined)s).",
                        name=partner.display_name,
                        left=partner.link_leave_date,
                        joined=partner.link_join_date,
                    )
                )

    @api.constrains("link_ward_id")
    def _check_link_ward_authority(self):
        for partner in self.filtered("link_ward_id"):
            authority = (partner.company_id or self.env.company).link_local_authority
            if authority and partner.link_ward_id.local_authority != authority:
                raise ValidationError(
                    self.env._(
                        "%(ward)s is a ward of %(other)s, not of %(ours)s: choose "
                        "one of your own authority's wards for %(name)s.",
                        ward=partner.link_ward_id.name,
                        other=partner.link_ward_id.local_authority or "",
                        ours=authority,
                        name=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners._link_start_membership()
        return partners

    def write(self, vals):
        res = super().write(vals)
        if vals.get("link_membership_type"):
            self._link_start_membership()
        return res

    def _link_start_membership(self):
        """Give new members their number, and today as join date if none."""
        today = fields.Date.context_today(self)
        sequence = self.env["ir.sequence"]
        for partner in self.filtered(
            lambda p: p.link_membership_type and not p.link_member_number
        ):
            partner.write(
                {
                    "link_member_number": sequence.next_by_code("link.member"),
                    "link_join_date": partner.link_join_date or today,
                }
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_link_member(self):
        members = self.filtered("link_member_number")
        if members:
            raise UserError(
                self.env._(
                    "%(names)s joined the LINk, so deleting them would lose their "
                    "history. Record a leaving date, or archive them, instead.",
                    names=", ".join(members.mapped("display_name")),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_link_history(self):
        """A person or organisation any LINk record names (places on shifts,
        qualifications, equality answers, visits, issue contacts, protocols,
        requests...) keeps that history: archived, never deleted."""
        refuse_if_referenced(
            self,
            self.env._(
                "Deleting would lose that history: archive the contact instead."
            ),
        )

    def _link_find_duplicates(self):
        """Other contacts with the same email, or the same name and postcode."""
        self.ensure_one()
        conditions = []
        if self.email:
            conditions.append([("email", "=ilike", self.email.strip())])
        if self.name and self.zip:
            conditions.append(
                [
                    ("name", "=ilike", self.name.strip()),
                    ("zip", "=ilike", self.zip.strip()),
                ]
            )
        if not conditions:
            return self.browse()
        domain = expression.AND(
            [expression.OR(conditions), [("id", "!=", self._origin.id or 0)]]
        )
        return self.with_context(active_test=False).search(domain, limit=5)

    @api.onchange("email", "name", "zip")
    def _onchange_link_duplicates(self):
        duplicates = self._link_find_duplicates()
        if duplicates:
            return {
                "warning": {
                    "title": self.env._("Possible duplicate"),
                    "message": self.env._(
                        "This looks like a contact you already have: %(names)s. "
                        "Open that record instead of creating a second one.",
                        names=", ".join(
                            f"{p.display_name} "
                            f"({p.link_member_number or p.email or p.zip})"
                            for p in duplicates
                        ),
                    ),
                }
            }
