# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LinkRepresentationAppoint(models.TransientModel):
    """Staff choose who takes a board or panel place among the members who
    registered interest in it: the place becomes a new seat, or fills a
    vacant one."""

    _name = "link.representation.appoint"
    _description = "Fill a seat from an offered place"

    opportunity_id = fields.Many2one(
        "link.opportunity", string="Place offered", required=True, readonly=True
    )
    interested_ids = fields.Many2many(
        "link.opportunity.recipient",
        string="Interested members",
        compute="_compute_interested_ids",
    )
    recipient_id = fields.Many2one(
        "link.opportunity.recipient",
        string="Representative",
        required=True,
        domain="[('opportunity_id', '=', opportunity_id), ('interested', '=', True)]",
    )
    deputy_recipient_id = fields.Many2one(
        "link.opportunity.recipient",
        string="Deputy",
        domain="[('opportunity_id', '=', opportunity_id), ('interested', '=', True),"
        " ('id', '!=', recipient_id)]",
    )
    representation_id = fields.Many2one(
        "link.representation",
        string="Vacant seat to fill",
        domain="[('needs_cover', '=', True)]",
        help="Empty: the place becomes a new seat.",
    )
    name = fields.Char(
        string="Seat",
        compute="_compute_name",
        store=True,
        readonly=False,
    )
    committee = fields.Char(compute="_compute_committee", store=True, readonly=False)
    report_days = fields.Integer(
        string="Report back within (days)",
        compute="_compute_report_days",
        store=True,
        readonly=False,
    )
    qualification_type_ids = fields.Many2many(
        "link.qualification.type",
        string="Required qualifications",
        compute="_compute_qualification_type_ids",
        store=True,
        readonly=False,
    )
    date_start = fields.Date(
        string="Term start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Term end")
    missing_text = fields.Text(
        string="Missing qualifications", compute="_compute_missing_text"
    )

    @api.depends("opportunity_id")
    def _compute_interested_ids(self):
        for wizard in self:
            wizard.interested_ids = wizard.opportunity_id.recipient_ids.filtered(
                "interested"
            )

    # One compute a field: a value typed in one does not keep the others
    # from following the seat chosen.
    @api.depends("representation_id", "opportunity_id")
    def _compute_name(self):
        for wizard in self:
            wizard.name = wizard.representation_id.name or wizard.opportunity_id.name

    @api.depends("representation_id")
    def _compute_committee(self):
        for wizard in self:
            wizard.committee = wizard.representation_id.committee

    @api.depends("representation_id")
    def _compute_report_days(self):
        for wizard in self:
            wizard.report_days = wizard.representation_id.report_days or 14

    @api.depends("representation_id")
    def _compute_qualification_type_ids(self):
        for wizard in self:
            wizard.qualification_type_ids = (
                wizard.representation_id.qualification_type_ids
            )

    @api.depends(
        "recipient_id", "deputy_recipient_id", "qualification_type_ids", "date_start"
    )
    def _compute_missing_text(self):
        """What the chosen lack, as the seat would refuse it on saving: the
        same check (link.qualification._missing)."""
        today = fields.Date.context_today(self)
        for wizard in self:
            people = (wizard.recipient_id | wizard.deputy_recipient_id).partner_id
            day = max(today, wizard.date_start or today)
            missing = self.env["link.qualification"]._missing(
                people, wizard.qualification_type_ids, day
            )
            wizard.missing_text = "\n".join(
                self.env._(
                    "%(person)s needs %(missing)s valid on %(day)s.",
                    person=person.name,
                    missing=", ".join(missing[person.id].mapped("name")),
                    day=day.strftime("%d/%m/%Y"),
                )
                for person in people
                if wizard.qualification_type_ids and missing[person.id]
            )

    def action_appoint(self):
        self.ensure_one()
        opportunity = self.opportunity_id
        opportunity._check_place_to_fill()
        seat = self.representation_id
        seat_values = {
            "name": self.name,
            "committee": self.committee,
            "report_days": self.report_days,
            "qualification_type_ids": [
                fields.Command.set(self.qualification_type_ids.ids)
            ],
        }
        if seat:
            seat.write(seat_values)
        else:
            seat = self.env["link.representation"].create(
                {**seat_values, "partner_id": opportunity.partner_id.id}
            )
        opportunity._fill_seat(
            seat,
            self.recipient_id,
            self.deputy_recipient_id,
            {"date_start": self.date_start, "date_end": self.date_end},
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "link.representation",
            "res_id": seat.id,
            "view_mode": "form",
            "target": "current",
        }
