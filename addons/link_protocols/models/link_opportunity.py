# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.link_membership.models.res_partner import MEMBERSHIP_TYPES

CIRCULATION_BATCH = 200
RESPONSE_NOTICE_WORKING_DAYS = 3


class LinkOpportunity(models.Model):
    """An involvement opportunity offered by a partner (consultation, survey,
    focus group, board place...), circulated to the members it concerns, with
    the LINk's collated response back to the partner."""

    _name = "link.opportunity"
    _description = "Involvement opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_close, id"

    name = fields.Char(string="Title", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Offered by",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
    )
    kind = fields.Selection(
        [
            ("consultation", "Consultation"),
            ("survey", "Survey"),
            ("focus_group", "Focus group"),
            ("questionnaire", "Questionnaire"),
            ("event", "Public event"),
            ("place", "Board or panel place"),
            ("other", "Other"),
        ],
        required=True,
        default="consultation",
    )
    ladder = fields.Selection(
        [
            ("informing", "Informing"),
            ("consultation", "Consultation"),
            ("partnership", "Partnership"),
        ],
        string="Ladder of involvement",
        required=True,
        default="consultation",
    )
    description = fields.Html()
    url = fields.Char(string="Link")
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    date_open = fields.Date(string="Opens", default=fields.Date.context_today)
    date_close = fields.Date(string="Closes", required=True, index=True, tracking=True)
    response_deadline = fields.Date(
        string="Response due to the partner", tracking=True, index=True
    )
    audience_full = fields.Boolean(string="Full members", default=True)
    audience_participant = fields.Boolean(string="Participant members", default=True)
    audience_organisation = fields.Boolean(
        string="Organisations and groups", default=True
    )
    audience_network = fields.Boolean(string="Networks", default=True)
    audience_interest_ids = fields.Many2many(
        "link.interest",
        string="Interests",
        help="Only members with one of these interests; empty: any interest.",
    )
    audience_ward_ids = fields.Many2many(
        "link.ward",
        string="Wards",
        help="Only members in these wards; empty: every ward.",
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("circulated", "Circulated"),
            ("closed", "Closed"),
            ("responded", "Responded"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    recipient_ids = fields.One2many(
        "link.opportunity.recipient", "opportunity_id", string="Circulated to"
    )
    recipient_count = fields.Integer(compute="_compute_counts")
    interested_count = fields.Integer(string="Interested", compute="_compute_counts")
    date_circulated = fields.Date(
        string="Circulated on",
        readonly=True,
        copy=False,
        index=True,
        help="When it was first circulated to members.",
    )
    representation_id = fields.Many2one(
        "link.representation",
        string="Seat",
        index="btree_not_null",
        readonly=True,
        copy=False,
        tracking=True,
        help="The seat this board or panel place was filled as, with a member "
        "who registered interest.",
    )
    response = fields.Html(string="The LINk's response")
    date_responded = fields.Date(string="Response sent on", copy=False, tracking=True)

    @api.constrains(
        "date_open",
        "date_close",
        "response_deadline",
        "audience_full",
        "audience_participant",
        "audience_organisation",
        "audience_network",
    )
    def _check_opportunity(self):
        for opportunity in self:
            if opportunity.date_open and opportunity.date_close < opportunity.date_open:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” closes before it opens.", name=opportunity.name
                    )
                )
            if (
                opportunity.response_deadline
                and opportunity.date_open
                and opportunity.response_deadline < opportunity.date_open
            ):
                raise ValidationError(
                    self.env._(
                        "The response to “%(name)s” cannot be due before it opens.",
                        name=opportunity.name,
                    )
                )
            if not opportunity._audience_type_list():
                raise ValidationError(
                    self.env._(
                        "Choose at least one kind of member for “%(name)s”.",
                        name=opportunity.name,
                    )
                )

    def _audience_type_list(self):
        return [key for key, __ in MEMBERSHIP_TYPES if self[f"audience_{key}"]]

    @api.depends("recipient_ids.interested")
    def _compute_counts(self):
        # Totals, never who: readers of opportunities who may not see the
        # recipients (council monitor, steering group) still see the counts.
        counts = {
            (opportunity.id, interested): count
            for opportunity, interested, count in self.env["link.opportunity.recipient"]
            .sudo()
            ._read_group(
                [("opportunity_id", "in", self.ids)],
                ["opportunity_id", "interested"],
                ["__count"],
            )
        }
        for opportunity in self:
            yes = counts.get((opportunity.id, True), 0)
            opportunity.interested_count = yes
            opportunity.recipient_count = yes + counts.get((opportunity.id, False), 0)

    # --- audience ---------------------------------------------------------------

    def _audience(self):
        """Everyone the opportunity should reach today: members of the chosen
        types, interests and wards who agreed to receive information and have
        not opted out, and the people of member organisations and networks."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        today = fields.Date.context_today(self)
        members = Partner._link_active_member_domain(today, today) + [
            ("link_membership_type", "in", self._audience_type_list()),
            ("link_mailing_consent", "=", True),
        ]
        if self.audience_interest_ids:
            members.append(("link_interest_ids", "in", self.audience_interest_ids.ids))
        if self.audience_ward_ids:
            members.append(("link_ward_id", "in", self.audience_ward_ids.ids))
        reachable = [("email", "!=", False), ("is_blacklisted", "=", False)]
        people = Partner.search(expression.AND([members, reachable]))
        groups = people.filtered("is_company")
        contacts = Partner.search(
            expression.AND(
                [[("parent_id", "in", groups.ids), ("active", "=", True)], reachable]
            )
        )
        return (people - groups) | contacts

    # --- circulation -----------------------------------------------------------------

    def action_circulate(self):
        """Queue the opportunity to everyone in the audience it has not yet
        reached, a batch at a time; nobody gets it twice."""
        self.ensure_one()
        if self.state not in ("new", "circulated"):
            raise UserError(
                self.env._("A closed opportunity is not circulated any more.")
            )
        new_people = self._audience() - self.recipient_ids.partner_id
        for start in range(0, len(new_people), CIRCULATION_BATCH):
            self._circulate_batch(new_people[start : start + CIRCULATION_BATCH])
        if self.state == "new":
            self.write(
                {
                    "state": "circulated",
                    "date_circulated": fields.Date.context_today(self),
                }
            )
            self._schedule_response_activity()
        self.message_post(
            body=self.env._(
                "Circulated to %(count)s more people.", count=len(new_people)
            )
        )
        return True

    def _circulate_batch(self, partners):
        recipients = self.env["link.opportunity.recipient"].create(
            [{"opportunity_id": self.id, "partner_id": p.id} for p in partners]
        )
        template = self.env.ref("link_protocols.mail_template_link_opportunity")
        rendered = template._generate_template(self.ids, ("subject", "body_html"))
        email_from = self.env.user.email_formatted or self.env.company.email_formatted
        # Replies come back to the opportunity; worked out once, not per mail.
        reply_to = self._notify_get_reply_to(default=email_from)[self.id]
        self.env["mail.mail"].sudo().create(
            [
                {
                    "subject": rendered[self.id]["subject"],
                    "body_html": rendered[self.id]["body_html"],
                    "email_to": partner.email_formatted,
                    "recipient_ids": [(4, partner.id)],
                    "model": self._name,
                    "res_id": self.id,
                    "message_type": "email_outgoing",
                    "author_id": self.env.user.partner_id.id,
                    "email_from": email_from,
                    "reply_to": reply_to,
                    "auto_delete": True,
                }
                for partner in partners
            ]
        )
        recipients.date_sent = fields.Datetime.now()

    def _schedule_response_activity(self):
        if not self.response_deadline:
            return
        deadline = (
            self.env["link.sla.clock"]._reminder_dates(
                [self.response_deadline],
                self.env.company,
                RESPONSE_NOTICE_WORKING_DAYS,
            )[0]
            or self.response_deadline
        )
        self.activity_schedule(
            "link_protocols.mail_activity_type_link_opportunity_response",
            date_deadline=deadline,
            summary=self.env._("Collate and send the LINk's response"),
            user_id=self.env.company._link_activity_users([self.env.user])[0].id,
        )

    def action_close(self):
        self.state = "closed"

    def action_responded(self):
        for opportunity in self:
            if not opportunity.response:
                raise UserError(
                    self.env._(
                        "Write the LINk's response to “%(name)s” before recording that "
                        "it was sent.",
                        name=opportunity.name,
                    )
                )
        self.write(
            {"state": "responded", "date_responded": fields.Date.context_today(self)}
        )
        self.activity_feedback(
            ["link_protocols.mail_activity_type_link_opportunity_response"]
        )

    # --- a board place becomes a seat ----------------------------------------------

    def action_fill_seat(self):
        """Choose, among the members who registered interest, who takes the
        place: the wizard makes it a seat (or fills a vacant one)."""
        self.ensure_one()
        self._check_place_to_fill()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fill the seat"),
            "res_model": "link.representation.appoint",
            "view_mode": "form",
            "target": "new",
            "context": {"default_opportunity_id": self.id},
        }

    def _check_place_to_fill(self):
        self.ensure_one()
        if self.kind != "place":
            raise UserError(
                self.env._(
                    "Only a board or panel place becomes a seat; “%(name)s” is "
                    "not one.",
                    name=self.name,
                )
            )
        if self.representation_id:
            raise UserError(
                self.env._(
                    "“%(name)s” was already filled as the seat %(seat)s.",
                    name=self.name,
                    seat=self.representation_id.name,
                )
            )
        if self.state not in ("circulated", "closed"):
            raise UserError(
                self.env._(
                    "Circulate “%(name)s” first: the seat is filled from the "
                    "members who register interest.",
                    name=self.name,
                )
            )

    def _fill_seat(self, seat, representative, deputy=None, term=None):
        """The place becomes ``seat``: ``representative`` (and ``deputy``),
        replies of members who registered interest in it, sit on it for
        ``term`` ({"date_start", "date_end"}). The seat refuses anyone
        without the qualifications it requires. The chosen are told by mail,
        the others who were interested thanked; the place closes."""
        self.ensure_one()
        self._check_place_to_fill()
        deputy = deputy or self.env["link.opportunity.recipient"]
        chosen = representative | deputy
        if len(chosen) != 1 + len(deputy) or len(representative) != 1:
            raise UserError(
                self.env._("Choose one representative and, if any, another deputy.")
            )
        for recipient in chosen:
            if recipient.opportunity_id != self or not recipient.interested:
                raise UserError(
                    self.env._(
                        "%(person)s did not register interest in “%(name)s”: the "
                        "seat is filled from those who did.",
                        person=recipient.partner_id.name,
                        name=self.name,
                    )
                )
        today = fields.Date.context_today(self)
        if seat.representative_id and seat._in_term(today):
            raise UserError(
                self.env._(
                    "%(seat)s already has %(person)s as representative: end their "
                    "term first, or make the place a new seat.",
                    seat=seat.name,
                    person=seat.representative_id.name,
                )
            )
        seat.write(
            {
                "representative_id": representative.partner_id.id,
                **({"deputy_id": deputy.partner_id.id} if deputy else {}),
                **(term or {}),
            }
        )
        representative.place_outcome = "representative"
        deputy.place_outcome = "deputy"
        thanked = self.recipient_ids.filtered(
            lambda r: r.interested and r not in chosen
        )
        thanked.place_outcome = "thanked"
        self.write(
            {
                "representation_id": seat.id,
                **({"state": "closed"} if self.state == "circulated" else {}),
            }
        )
        self.env.ref(
            "link_protocols.mail_template_link_place_appointed"
        ).sudo().send_mail_batch(chosen.ids)
        if thanked:
            self.env.ref(
                "link_protocols.mail_template_link_place_thanks"
            ).sudo().send_mail_batch(thanked.ids)
        self.message_post(
            body=self.env._(
                "The place became the seat %(seat)s: %(people)s appointed, "
                "%(count)s others who were interested thanked.",
                seat=seat.name,
                people=", ".join(chosen.partner_id.mapped("name")),
                count=len(thanked),
            )
        )
        seat.message_post(
            body=self.env._(
                "Filled from the place offered: “%(name)s”.", name=self.name
            )
        )
        return seat

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """An opportunity that was circulated keeps who it went to and who
        was interested."""
        sent = self.filtered(lambda o: o.state != "new" or o.sudo().recipient_ids)
        if sent:
            raise UserError(
                self.env._(
                    "The opportunity “%(name)s” was circulated to members: it "
                    "keeps that history. Close it instead of deleting it.",
                    name=sent[0].name,
                )
            )
