# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from .link_decision_type import PROCEDURE_ROUTES

ROUTES = [
    ("meeting", "Steering group meeting"),
    ("delegated", "Delegated to staff"),
    ("urgent", "Urgent, between meetings"),
]
# What may still be written once the minutes of the meeting are issued.
UNLOCKED_FIELDS = {"breach_explanation"}
MAIL_FIELDS_PREFIXES = ("message_", "activity_")


class LinkDecision(models.Model):
    """The decision log: every relevant decision (the work programme, the
    premises to enter and view, information requests, referrals, reports
    and recommendations) with when, how and by whom it was taken, how lay
    members and volunteers took part, and whether the decision-making
    procedure was kept. Rows are never deleted."""

    _name = "link.decision"
    _description = "Decision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    name = fields.Char(string="What was decided", required=True, tracking=True)
    notes = fields.Text()
    type_id = fields.Many2one(
        "link.decision.type",
        string="Kind",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    procedure_route = fields.Selection(
        PROCEDURE_ROUTES,
        string="Route the procedure sets",
        compute="_compute_procedure_route",
        store=True,
        help="The route the decision-making procedure set for this kind of "
        "decision when it was taken: a later change of the procedure does not "
        "rewrite the log.",
    )
    route = fields.Selection(
        ROUTES,
        string="Route taken",
        required=True,
        default="meeting",
        index=True,
        tracking=True,
    )
    urgent_reason = fields.Text(
        string="Why it was urgent",
        help="Why the decision could not wait for the next meeting; it is "
        "reported to that meeting.",
    )
    meeting_id = fields.Many2one(
        "link.steering.meeting",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    decided_by_user_ids = fields.Many2many(
        "res.users",
        "link_decision_res_users_rel",
        "decision_id",
        "user_id",
        string="Decided by (users)",
    )
    decided_by_partner_ids = fields.Many2many(
        "res.partner",
        "link_decision_res_partner_rel",
        "decision_id",
        "partner_id",
        string="Decided by",
        help="The people who took the decision: the meeting's attendees, or "
        "the members and staff who took it between meetings.",
    )
    lay_member_count = fields.Integer(
        string="Lay members",
        compute="_compute_lay_counts",
        store=True,
        readonly=False,
        aggregator="sum",
        help="Members without a backend login among those who decided.",
    )
    volunteer_count = fields.Integer(
        string="Volunteers",
        compute="_compute_lay_counts",
        store=True,
        readonly=False,
        aggregator="sum",
        help="Volunteers without a backend login among those who decided.",
    )
    lay_involvement = fields.Text(
        string="How lay members and volunteers took part",
    )
    res_model = fields.Char(string="About (model)", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="About (record)", model_field="res_model", readonly=True
    )
    breach = fields.Boolean(
        compute="_compute_breach",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="The decision was not taken the way the decision-making procedure "
        "allows. Set by itself when staff took, not urgently, a decision the "
        "procedure keeps for a meeting; staff can record a breach by hand.",
    )
    breach_explanation = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends(
        "route",
        "decided_by_partner_ids",
        "meeting_id.attendee_ids",
    )
    def _compute_lay_counts(self):
        Meeting = self.env["link.steering.meeting"]
        for decision in self:
            people = decision.decided_by_partner_ids
            if decision.route == "meeting" and decision.meeting_id:
                people |= decision.meeting_id.attendee_ids
            lay = Meeting._link_lay_partners(people)
            decision.lay_member_count = len(lay.filtered("link_membership_type"))
            decision.volunteer_count = len(lay.filtered("link_is_volunteer"))

    @api.depends("type_id")
    def _compute_procedure_route(self):
        for decision in self:
            decision.procedure_route = decision.type_id.route

    @api.depends("route", "procedure_route")
    def _compute_breach(self):
        for decision in self:
            # A meeting may take any decision; staff only what is delegated.
            decision.breach = (
                decision.procedure_route == "meeting" and decision.route == "delegated"
            )

    @api.constrains("route", "urgent_reason", "meeting_id")
    def _check_route(self):
        for decision in self:
            if (
                decision.route == "urgent"
                and not (decision.urgent_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Say why “%(decision)s” was urgent: it is reported to the "
                        "next meeting.",
                        decision=decision.name,
                    )
                )
            if decision.route == "meeting" and not decision.meeting_id:
                raise ValidationError(
                    self.env._(
                        "Choose the meeting that took “%(decision)s”.",
                        decision=decision.name,
                    )
                )

    # --- never rewritten, never deleted --------------------------------------------

    def _locked(self):
        """The decisions in the minutes already issued: of a meeting whose
        minutes are issued, or reported to one."""
        issued = self.meeting_id.filtered(lambda m: m.state == "minutes_issued")
        locked = self.filtered(lambda d: d.meeting_id in issued)
        urgent = (self - locked).filtered(lambda d: d.route == "urgent")
        if urgent:
            reported = (
                self.env["link.steering.agenda.item"]
                .sudo()
                .search_fetch(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", urgent.ids),
                        ("meeting_id.state", "=", "minutes_issued"),
                    ],
                    ["res_id"],
                )
            )
            locked |= self.browse(reported.mapped("res_id"))
        return locked

    def write(self, vals):
        # A breach by hand (not the one the route sets): host staff only.
        by_hand = "breach" in vals and not {"route", "type_id"} & set(vals)
        if by_hand and not (
            self.env.su or self.env.user.has_group("link_membership.group_link_staff")
        ):
            raise AccessError(
                self.env._("Only host staff record or clear a breach by hand.")
            )
        facts = {
            field
            for field in vals
            if not field.startswith(MAIL_FIELDS_PREFIXES)
            and field not in UNLOCKED_FIELDS
        }
        if facts and self._locked():
            raise UserError(
                self.env._(
                    "The minutes recording this decision are issued: its facts "
                    "no longer change. Add an explanation, or record a new "
                    "decision."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "The decision log keeps every decision: a row is never deleted. "
                "Record a new decision that corrects or reverses it."
            )
        )

    @api.model
    def _link_action_decision_log(self):
        """The decision log, its filter “This contract year” set to the
        contract year running today."""
        __, __, date_from, date_to = self.env.company._link_contract_period(
            fields.Date.context_today(self), "year"
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decision log"),
            "res_model": self._name,
            "view_mode": "list,form,pivot",
            "views": [(False, "list"), (False, "form"), (False, "pivot")],
            "context": {
                "link_contract_year_start": fields.Date.to_string(date_from),
                "link_contract_year_end": fields.Date.to_string(date_to),
                "search_default_this_contract_year": 1,
            },
        }

    def action_open_record(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            raise UserError(self.env._("This decision is not about a record."))
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # --- made by the suite ---------------------------------------------------------

    @api.model
    def _link_route_values(self, record=None):
        """How a decision made now is taken: at the meeting the user works
        from (context ``link_meeting_id``), urgently (context
        ``link_decision_urgent_reason``), as the decision already logged for
        the community issue it follows from, or else delegated to staff."""
        context = self.env.context
        meeting_id = context.get("link_meeting_id")
        if isinstance(meeting_id, int) and meeting_id:
            meeting = self.env["link.steering.meeting"].browse(meeting_id).exists()
            if meeting:
                return {
                    "route": "meeting",
                    "meeting_id": meeting.id,
                    "decided_by_partner_ids": [
                        fields.Command.set(meeting.attendee_ids.ids)
                    ],
                }
        if context.get("link_decision_urgent_reason"):
            return {
                "route": "urgent",
                "urgent_reason": str(context["link_decision_urgent_reason"]),
            }
        return {"route": "delegated"}

    @api.model
    def _link_log(self, records, type_code, name_of, origin_of=None):
        """Log one decision per record of ``records``, of the kind with code
        ``type_code``, named ``name_of(record)``, taken by the current user,
        the way ``_link_route_values`` says. ``origin_of(record)``: the
        decision already logged that this one carries out (its route and
        meeting are kept); one create for all."""
        if not records:
            return self.browse()
        decision_type = (
            self.env["link.decision.type"]
            .sudo()
            .search([("code", "=", type_code)], limit=1)
        )
        if not decision_type:
            return self.browse()
        route = self._link_route_values()
        today = fields.Date.context_today(self)
        vals_list = []
        for record in records:
            origin = origin_of(record) if origin_of else None
            vals = dict(route)
            if origin and route["route"] == "delegated":
                vals = {
                    "route": origin.route,
                    "meeting_id": origin.meeting_id.id,
                    "urgent_reason": origin.urgent_reason,
                    "decided_by_partner_ids": [
                        fields.Command.set(origin.decided_by_partner_ids.ids)
                    ],
                }
            vals_list.append(
                {
                    **vals,
                    "date": today,
                    "name": name_of(record),
                    "type_id": decision_type.id,
                    "res_model": record._name,
                    "res_id": record.id,
                    "decided_by_user_ids": [fields.Command.set([self.env.uid])],
                }
            )
        # sudo: whoever acts (a steering member, an officer) logs the decision.
        return self.sudo().create(vals_list).sudo(False)

    @api.model
    def _link_logged_for(self, records):
        """The decisions logged about ``records``, by record id."""
        decisions = self.search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)],
            order="date desc, id desc",
        )
        found = {}
        for decision in decisions:
            found.setdefault(decision.res_id, decision)
        return found

    # --- for the annual report ---------------------------------------------------

    def _link_lay_involvement_text(self):
        self.ensure_one()
        parts = []
        if self.lay_member_count or self.volunteer_count:
            parts.append(
                self.env._(
                    "%(members)s lay member(s) and %(volunteers)s volunteer(s) "
                    "took part.",
                    members=self.lay_member_count,
                    volunteers=self.volunteer_count,
                )
            )
        if self.lay_involvement:
            parts.append(self.lay_involvement.strip())
        return " ".join(parts)

    @api.model
    def _link_annual_summary(self, date_from, date_to):
        """The decision-making procedure and the decisions taken (and
        breaches of it) between ``date_from`` and ``date_to``, as plain
        values for the annual report."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        decisions = self.search(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            order="date, id",
        )
        routes = dict(self._fields["route"]._description_selection(self.env))
        procedure = self.env.company.link_decision_procedure
        return {
            "procedure": html2plaintext(procedure).strip() if procedure else "",
            "decisions": [
                {
                    "date": decision.date,
                    "kind": decision.type_id.name or "",
                    "name": decision.name,
                    "route": routes.get(decision.route, ""),
                    "lay_involvement": decision._link_lay_involvement_text(),
                }
                for decision in decisions
            ],
            "breaches": [
                {
                    "date": decision.date,
                    "name": decision.name,
                    "explanation": decision.breach_explanation or "",
                }
                for decision in decisions
                if decision.breach
            ],
        }
