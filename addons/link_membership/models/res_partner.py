# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .history import refuse_if_referenced

# The contact fields the member rule reads (_link_active_member_domain and
# its SQL twin _link_active_member_sql): reports built on it depend on them
# (_depends), so that pending changes are written before they query.
ACTIVE_MEMBER_FIELDS = [
    "active",
    "link_membership_type",
    "link_join_date",
    "link_leave_date",
]
# The field _link_person_sql reads, for reports about people only.
PERSON_FIELDS = ["is_company"]

MEMBERSHIP_TYPES = [
    ("full", "Full member"),
    ("participant", "Participant member"),
    ("organisation", "Organisation / community group"),
    ("network", "Network"),
]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "link.row.lock.mixin", "link.calendar.feed.mixin"]

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
        [
            ("joining", "Not yet joined"),
            ("active", "Member"),
            ("left", "Former member"),
        ],
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

    @api.depends("active", "link_membership_type", "link_join_date", "link_leave_date")
    @api.depends_context("date")
    def _compute_link_member_state(self):
        """The status is the member rule read on today: evaluated on the
        records (filtered_domain) from the very domains its search uses, so
        what a contact shows is what a search on it finds."""
        self.link_member_state = False
        for state, domain in self._link_member_state_domains().items():
            self.filtered_domain(domain).link_member_state = state

    def _search_link_member_state(self, operator, value):
        if operator not in ("=", "!=") or value not in (
            "joining",
            "active",
            "left",
            False,
        ):
            raise UserError(self.env._("Unsupported search on membership status."))
        domains = self._link_member_state_domains()
        if value:
            domain = domains[value]
        else:
            domain = ["!", *expression.OR(list(domains.values()))]
        return (
            domain if operator == "=" else ["!", *expression.normalize_domain(domain)]
        )

    @api.model
    def _link_member_state_domains(self):
        """{status: domain} today; no contact is in two of them. A former
        member has a leaving date on or before today (archived or not); a
        member is one by the member rule; a contact joining later is on the
        register, not left, with a join date after today. Anyone else (no
        membership type, or archived before leaving) has no status."""
        today = fields.Date.context_today(self)
        register, __, not_left = self._link_member_terms(today, today)
        # Dates said to be set, so that the negation (a "!=" search) keeps
        # the contacts whose date is empty: NOT (d <= today) is d > today.
        return {
            "left": [
                ("link_membership_type", "!=", False),
                ("link_leave_date", "!=", False),
                ("link_leave_date", "<=", today),
            ],
            "active": self._link_active_member_domain(today, today),
            "joining": [
                *register,
                *not_left,
                ("link_join_date", "!=", False),
                ("link_join_date", ">", today),
            ],
        }

    @api.model
    def _link_member_terms(self, date_from, date_to):
        """The three terms of the member rule as domains: on the register
        (an active contact with a membership type), joined by date_to (or
        join date unknown), not left by date_from (left on date_from is
        gone that day)."""
        register = [("active", "=", True), ("link_membership_type", "!=", False)]
        joined = [
            "|",
            ("link_join_date", "=", False),
            ("link_join_date", "<=", date_to),
        ]
        not_left = [
            "|",
            ("link_leave_date", "=", False),
            ("link_leave_date", ">", date_from),
        ]
        return register, joined, not_left

    @api.model
    def _link_active_member_domain(self, date_from=None, date_to=None):
        """THE member rule: who is a member at any time between two days
        (both today by default; one day when date_to is left out).

        A member on a day is an active contact with a membership type who
        joined on or before that day (or whose join date is unknown) and had
        not left on or before that day. So a future joiner is not a member
        yet (the status says "Not yet joined"), a leaver stops being one on
        the leaving day, and an organisation or network with a membership
        type is a member like a person. A report that must count people
        only adds _link_person_sql on top of this rule; it does not restate
        it.

        _link_active_member_sql is the same rule in SQL for report views;
        the status, its search, membership targets, opportunity audiences,
        work plan outputs and every report count members through these two
        (test_member_definition checks that they agree)."""
        date_from = date_from or fields.Date.context_today(self)
        return expression.AND(self._link_member_terms(date_from, date_to or date_from))

    @api.model
    def _link_active_member_sql(self, alias, date_from=None, date_to=None):
        """The SQL twin of _link_active_member_domain, term for term, for
        report views. The days default to CURRENT_DATE, so that a view
        counts the members of the day it is read, not of the day it was
        made."""
        day_from = SQL("CURRENT_DATE") if date_from is None else SQL("%s", date_from)
        day_to = day_from if date_to is None else SQL("%s", date_to)
        return SQL(
            """%(register)s
            AND (%(p)s.link_join_date IS NULL
                 OR %(p)s.link_join_date <= %(day_to)s::date)
            AND (%(p)s.link_leave_date IS NULL
                 OR %(p)s.link_leave_date > %(day_from)s::date)""",
            register=self._link_member_register_sql(alias),
            p=SQL.identifier(alias),
            day_from=day_from,
            day_to=day_to,
        )

    @api.model
    def _link_member_register_sql(self, alias):
        """Contacts on the membership register whatever their dates (the
        first term of the member rule): the rows of the recruitment report,
        whose joiners and leavers are counted by date."""
        return SQL(
            "%(p)s.active AND %(p)s.link_membership_type IS NOT NULL",
            p=SQL.identifier(alias),
        )

    @api.model
    def _link_person_sql(self, alias):
        """People, not organisations: an extra filter on top of the member
        rule for reports about people only (ward representation compares
        residents with the population; equality monitoring is about people's
        own characteristics)."""
        return SQL("NOT COALESCE(%s.is_company, FALSE)", SQL.identifier(alias))

    @api.model
    def _link_recruited_domain(self, date_from, date_to):
        """Members recruited between two days: members in the period whose
        join date falls in it, counted once they have joined (a join date
        after today is not a recruit yet). Today is the database's, as in
        the report views (CURRENT_DATE), so that counting recruits reads
        no user's time zone."""
        return expression.AND(
            [
                self._link_active_member_domain(date_from, date_to),
                [
                    ("link_join_date", ">=", date_from),
                    ("link_join_date", "<=", date_to),
                    ("link_join_date", "<=", SQL("CURRENT_DATE")),
                ],
            ]
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
