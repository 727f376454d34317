# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Volunteers asked at most per request, and how far back experience in the
# role counts and ahead load is measured when ranking them.
ASK_MAX = 50
LOAD_DAYS = 30
# Hours before the shift at which an unfilled request raises an activity.
UNFILLED_HOURS = 24


class LinkCoverRequest(models.Model):
    """Cover for a shift short of volunteers: the N best-ranked volunteers
    who are qualified and free at that time are asked by mail; the first to
    accept on the portal get the places."""

    _name = "link.cover.request"
    _description = "Cover request for a shift"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "link.activity.once.mixin",
        "link.row.lock.mixin",
    ]
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    shift_id = fields.Many2one(
        "link.shift",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("state", "in", ("open", "full"))],
    )
    date_start = fields.Datetime(
        related="shift_id.date_start", store=True, index=True, string="Shift starts"
    )
    role_id = fields.Many2one(related="shift_id.role_id", string="Role")
    places = fields.Integer(
        string="Places to fill",
        default=1,
        tracking=True,
        help="The first this many volunteers to accept get a place.",
    )
    ask_count = fields.Integer(
        string="Volunteers to ask",
        default=5,
        tracking=True,
        help="How many of the best-ranked qualified, free volunteers are asked.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Asked"),
            ("filled", "Filled"),
            ("unfilled", "Not filled"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    offer_ids = fields.One2many("link.cover.offer", "request_id", string="Asked")
    accepted_count = fields.Integer(
        string="Accepted", compute="_compute_offer_counts", store=True
    )
    waiting_count = fields.Integer(
        string="Not answered", compute="_compute_offer_counts", store=True
    )
    date_sent = fields.Datetime(string="Asked on", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Asked by",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        readonly=True,
    )
    unfilled_notified = fields.Boolean(readonly=True, copy=False)
    company_id = fields.Many2one(related="shift_id.company_id", store=True, index=True)

    @api.depends("shift_id.name", "shift_id.date_start")
    def _compute_name(self):
        for request in self:
            start = request.shift_id.date_start
            day = start.strftime("%d/%m/%Y") if start else ""
            request.name = self.env._(
                "Cover: %(shift)s %(day)s",
                shift=request.shift_id.name or "",
                day=day,
            ).strip()

    @api.depends("offer_ids.state")
    def _compute_offer_counts(self):
        for request in self:
            states = Counter(request.offer_ids.mapped("state"))
            request.accepted_count = states["accepted"]
            request.waiting_count = states["offered"]

    @api.constrains("places", "ask_count")
    def _check_numbers(self):
        for request in self:
            if request.places < 1:
                raise ValidationError(self.env._("Ask for at least one place."))
            if not request.places <= request.ask_count <= ASK_MAX:
                raise ValidationError(
                    self.env._(
                        "Ask between %(places)s and %(max)s volunteers: at least as "
                        "many as the places to fill.",
                        places=request.places,
                        max=ASK_MAX,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(request.state != "draft" for request in self):
            raise UserError(
                self.env._(
                    "Volunteers were asked for this cover: cancel the request "
                    "instead of deleting it."
                )
            )

    # ------------------------------------------------------------------
    # Ranking
    # ------------------------------------------------------------------

    def _candidates(self):
        """The volunteers who could cover this shift, best first: active
        volunteers with an email, without a place on the shift or an offer
        of this request, qualified on the day (link.qualification._missing,
        the rule places are confirmed by) and not confirmed elsewhere at that
        time (the clash rule of link.shift.assignment). Ranked by shifts of
        this role attended, then living in the shift's ward, then fewest
        confirmed places in the next LOAD_DAYS days. Fixed number of
        queries whatever the number of volunteers."""
        self.ensure_one()
        shift = self.shift_id.sudo()
        Place = self.env["link.shift.assignment"].sudo()
        excluded = (
            shift.assignment_ids.filtered(
                lambda a: a.state in ("waitlisted", "confirmed")
            ).partner_id
            | self.offer_ids.partner_id
        )
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("link_is_volunteer", "=", True),
                    ("email", "!=", False),
                    ("id", "not in", excluded.ids),
                ]
            )
        )
        if not partners:
            return partners
        types = shift.role_id.qualification_type_ids
        if types:
            missing = self.env["link.qualification"]._missing(
                partners, types, shift.date_start.date()
            )
            partners = partners.filtered(lambda p: not missing[p.id])
        busy = Place._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("state", "=", "confirmed"),
                ("date_start", "<", shift.date_end),
                ("date_end", ">", shift.date_start),
            ],
            ["partner_id"],
        )
        partners -= self.env["res.partner"].browse([p.id for (p,) in busy])
        if not partners:
            return partners
        experience = dict(
            Place._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("role_id", "=", shift.role_id.id),
                    ("state", "=", "attended"),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        now = fields.Datetime.now()
        load = dict(
            Place._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("state", "=", "confirmed"),
                    ("date_start", ">", now),
                    ("date_start", "<", now + timedelta(days=LOAD_DAYS)),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        partners.fetch(["link_ward_id"])
        return partners.sorted(
            lambda p: (
                -experience.get(p, 0),
                not (shift.ward_id and p.link_ward_id == shift.ward_id),
                load.get(p, 0),
                p.id,
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_send(self):
        """Ask the best-ranked volunteers, by mail with a link to accept."""
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._("%(name)s was already sent.", name=request.name)
                )
            if request.shift_id.state not in ("open", "full") or (
                request.shift_id.date_start <= fields.Datetime.now()
            ):
                raise UserError(
                    self.env._(
                        "Cover can only be asked for an open shift still to come."
                    )
                )
            candidates = request._candidates()[: request.ask_count]
            if not candidates:
                raise UserError(
                    self.env._(
                        "No volunteer is qualified and free at that time: ask "
                        "the volunteers you know directly, or change the shift."
                    )
                )
            # sudo: offers are made by the request only (staff read them).
            offers = (
                self.env["link.cover.offer"]
                .sudo()
                .create(
                    [
                        {
                            "request_id": request.id,
                            "partner_id": partner.id,
                            "rank": rank,
                        }
                        for rank, partner in enumerate(candidates, start=1)
                    ]
                )
            )
            request.write({"state": "open", "date_sent": fields.Datetime.now()})
            offers._send("link_volunteering.mail_template_cover_offer")
            request.message_post(
                body=self.env._(
                    "Asked %(count)s volunteer(s): %(names)s.",
                    count=len(candidates),
                    names=", ".join(candidates.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        if any(request.state not in ("draft", "open") for request in self):
            raise UserError(
                self.env._("Only a request still waiting for answers can be cancelled.")
            )
        self.write({"state": "cancelled"})
        self.offer_ids.sudo().filtered(lambda o: o.state == "offered").write(
            {"state": "expired"}
        )

    def _close_if_filled(self):
        """Once enough volunteers accepted, the others are told the shift is
        covered."""
        filled = self.filtered(
            lambda r: r.state == "open" and r.accepted_count >= r.places
        )
        if not filled:
            return
        filled.write({"state": "filled"})
        others = filled.offer_ids.sudo().filtered(lambda o: o.state == "offered")
        others.write({"state": "taken"})
        others._send("link_volunteering.mail_template_cover_taken")

    def _check_answered(self):
        """Everyone asked answered and places are still free: tell whoever
        asked (an activity, once)."""
        self.filtered(
            lambda r: r.state == "open" and not r.waiting_count
        )._notify_unfilled()

    def _notify_unfilled(self):
        company = self.env.company
        self._schedule_once(
            "mail.mail_activity_data_todo",
            "unfilled_notified",
            lambda r: (
                r.user_id or (r.company_id or company).link_volunteer_coordinator_id
            ),
            lambda r: fields.Date.context_today(r),
            self.env._("Cover request not filled: find a volunteer another way"),
        )

    @api.model
    def _cron_cover_requests(self):
        """Requests whose shift has started are closed (offers not answered
        expire); those still unfilled close to the shift raise an activity."""
        now = fields.Datetime.now()
        while started := self.search(
            [("state", "=", "open"), ("date_start", "<=", now)],
            limit=self._activity_batch,
        ):
            started.write({"state": "unfilled"})
            started.offer_ids.filtered(lambda o: o.state == "offered").write(
                {"state": "expired"}
            )
        self._schedule_once_matching(
            [
                ("state", "=", "open"),
                ("date_start", "<=", now + timedelta(hours=UNFILLED_HOURS)),
            ],
            "mail.mail_activity_data_todo",
            "unfilled_notified",
            lambda r: (
                r.user_id
                or (r.company_id or self.env.company).link_volunteer_coordinator_id
            ),
            lambda r: r.date_start.date(),
            self.env._("Cover request not filled: find a volunteer another way"),
        )
