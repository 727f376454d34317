# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class LinkWorkplanOutput(models.Model):
    """A measurable output of the plan (the Derby outputs): target against the
    previous year and the actual, entered by hand or counted from the suite's
    own records by a declared measure."""

    _name = "link.workplan.output"
    _description = "Work plan output"
    _order = "workplan_id, sequence, id"

    workplan_id = fields.Many2one(
        "link.workplan",
        string="Work plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    workstream_id = fields.Many2one(
        "link.workstream",
        string="Work stream",
        domain="[('workplan_id', '=', workplan_id)]",
    )
    sequence = fields.Integer(default=10)
    objective = fields.Char(string="Strategic objective")
    name = fields.Text(string="Output", required=True)
    unit = fields.Char(help="What is counted, for example members or surveys.")
    previous_year = fields.Float(
        help="Leave empty when there is no previous year.", aggregator="sum"
    )
    target = fields.Float(required=True, aggregator="sum")
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    measure = fields.Selection(
        selection="_selection_measure",
        help="Count the actual from the LINk's own records; empty: enter it by hand.",
    )
    actual_entered = fields.Float(string="Actual (entered)")
    actual = fields.Float(compute="_compute_actual")
    progress = fields.Float(string="Progress (%)", compute="_compute_actual")
    owner_ids = fields.Many2many("res.partner", string="By whom")
    note = fields.Text(string="Notes")

    @api.model
    def _measures(self):
        """{key: (label, model, date field, extra domain)}: what an output can
        count in its period. The extra domain may be a function of the
        period's two days (members recruited follow the member rule, which
        depends on them). Measures over another LINk addon's records are
        offered only when that addon is installed."""
        recruited = self.env["res.partner"]._link_recruited_domain
        measures = {
            "members_recruited": (
                self.env._("Members recruited"),
                "res.partner",
                "link_join_date",
                recruited,
            ),
            "full_members_recruited": (
                self.env._("Full members recruited"),
                "res.partner",
                "link_join_date",
                lambda start, end: [
                    *recruited(start, end),
                    ("link_membership_type", "=", "full"),
                ],
            ),
            "actions_completed": (
                # By the day it was marked done: a later edit does not move
                # it to another period.
                self.env._("Work plan actions completed"),
                "link.workplan.action",
                "date_done",
                [("state", "=", "done")],
            ),
            "issues_reviewed": (
                self.env._("Community issues reviewed"),
                "link.community.issue",
                "decision_date",
                [("state", "=", "decided")],
            ),
            "surveys_run": (
                # The LINk's own: offered by the company itself, not a
                # partner's survey the LINk passed on.
                self.env._("Surveys run"),
                "link.opportunity",
                "date_open",
                lambda start, end: [
                    ("kind", "in", ("survey", "questionnaire")),
                    ("state", "!=", "new"),
                    ("partner_id", "=", self.env.company.partner_id.id),
                ],
            ),
            "events_attended": (
                self.env._("Meetings and events attended"),
                "link.representation.report",
                "date",
                [("attended", "=", True)],
            ),
            "visits_done": (
                self.env._("Enter and view visits done"),
                "link.ev.visit",
                "visit_day",
                lambda start, end: self.env["link.ev.visit"]._link_took_place_domain(),
            ),
        }
        return {key: m for key, m in measures.items() if m[1] in self.env}

    @api.model
    def _selection_measure(self):
        return [(key, label) for key, (label, *__) in self._measures().items()]

    @api.constrains(
        "target", "previous_year", "date_start", "date_end", "actual_entered"
    )
    def _check_output(self):
        for output in self:
            if min(output.target, output.previous_year, output.actual_entered) < 0:
                raise ValidationError(
                    self.env._("The figures of an output cannot be negative.")
                )
            if output.date_end < output.date_start:
                raise ValidationError(
                    self.env._("The period of an output ends before it starts.")
                )

    @api.depends_context("date")
    @api.depends("measure", "date_start", "date_end", "actual_entered", "target")
    def _compute_actual(self):
        # One count per measure and period, whatever the number of outputs.
        keys = {
            (output.measure, output.date_start, output.date_end)
            for output in self
            if output.measure and output.date_start and output.date_end
        }
        measures = self._measures()
        counted = {}
        for measure, start, end in keys:
            __, model, date_field, domain = measures[measure]
            if callable(domain):
                domain = domain(start, end)
            counted[measure, start, end] = (
                self.env[model]
                .sudo()
                .search_count(
                    [*domain, (date_field, ">=", start), (date_field, "<=", end)]
                )
            )
        for output in self:
            key = (output.measure, output.date_start, output.date_end)
            output.actual = counted.get(key, output.actual_entered)
            output.progress = (
                100.0 * output.actual / output.target if output.target else 0.0
            )

    def _with_history(self):
        """Outputs of a plan that was approved, or with an actual entered."""
        return self.sudo().filtered(
            lambda o: o.workplan_id.state != "draft" or o.actual_entered
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        kept = self._with_history()
        if kept:
            raise UserError(
                self.env._(
                    "The output “%(name)s” is part of an approved plan or has an "
                    "actual recorded: correct it instead of deleting it.",
                    name=(kept[0].name or "").splitlines()[0][:80],
                )
            )

    # ------------------------------------------------------------------
    # The pack's "Work-plan outputs" section: the outputs list and pivot
    # ------------------------------------------------------------------

    @api.model
    def _link_running_domain(self, date_from, date_to):
        """Outputs of an approved (or since closed) plan that run in the
        dates: what the monitor's Outputs list shows with the same filter."""
        return [
            ("workplan_id.state", "in", ("approved", "closed")),
            ("date_start", "<=", date_to),
            ("date_end", ">=", date_from),
        ]

    @api.model
    def _link_figures(self, date_from, date_to):
        """One figure per output running in the dates: its previous year,
        target and actual, who is responsible and the notes."""
        outputs = self.search(self._link_running_domain(date_from, date_to))
        return [
            {
                "section": "outputs",
                "code": f"output_{output.id}",
                "label": " ".join((output.name or "").split()),
                "value": output.actual,
                "previous_value": output.previous_year,
                "target_value": output.target,
                "owner": ", ".join(output.owner_ids.mapped("name")),
                "note": output.note or False,
            }
            for output in outputs
        ]
