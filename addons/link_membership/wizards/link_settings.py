# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

THRESHOLD_PARAM = "link_membership.suppression_threshold"
DEFAULT_THRESHOLD = 5


class LinkSettings(models.TransientModel):
    """LINk > Configuration > Settings: the host manager's settings page.

    It holds only LINk settings: fields related to the current company and
    the few LINk system parameters listed in ``_config_parameters``. A
    host manager may not write on companies or system parameters, so once the
    access rights of this model have let the manager in, the values are saved
    as the superuser; nothing else can be reached this way. Each LINk addon
    adds its own fields and its own block to the form."""

    _name = "link.settings"
    _description = "LINk settings"

    # field name -> ir.config_parameter key
    _config_parameters = {"link_suppression_threshold": THRESHOLD_PARAM}

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    link_local_authority = fields.Char(
        related="company_id.link_local_authority", readonly=False
    )
    link_contract_start_month = fields.Selection(
        related="company_id.link_contract_start_month",
        readonly=False,
        required=True,
    )
    link_activity_coordinator_id = fields.Many2one(
        related="company_id.link_activity_coordinator_id", readonly=False
    )
    link_volunteer_coordinator_id = fields.Many2one(
        related="company_id.link_volunteer_coordinator_id", readonly=False
    )
    link_shift_reminder_hours = fields.Integer(
        related="company_id.link_shift_reminder_hours", readonly=False
    )
    link_shift_withdraw_cutoff_hours = fields.Integer(
        related="company_id.link_shift_withdraw_cutoff_hours", readonly=False
    )
    link_shift_shortfall_days = fields.Integer(
        related="company_id.link_shift_shortfall_days", readonly=False
    )
    link_volunteer_hour_rate = fields.Float(
        related="company_id.link_volunteer_hour_rate", readonly=False
    )
    link_suppression_threshold = fields.Integer(
        string="Suppress counts below",
        default=lambda self: self._default_param("link_suppression_threshold"),
        help="Equality reports show a blank instead of any count smaller than "
        "this, and blank further cells where a total would give it away.",
    )

    @api.model
    def _default_param(self, name):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(self._config_parameters[name])
        )
        try:
            return int(value) if value else DEFAULT_THRESHOLD
        except ValueError:
            return DEFAULT_THRESHOLD

    @api.constrains("link_suppression_threshold")
    def _check_link_suppression_threshold(self):
        for settings in self:
            if settings.link_suppression_threshold < 1:
                raise ValidationError(
                    self.env._("The suppression threshold must be at least 1.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        for vals in vals_list:
            # Always the manager's current company, never one given by the client.
            vals["company_id"] = self.env.company.id
        records = super(LinkSettings, self.sudo()).create(vals_list)
        records._save_parameters()
        return records.sudo(False)

    def write(self, vals):
        self.check_access("write")
        self._check_own()
        vals.pop("company_id", None)
        result = super(LinkSettings, self.sudo()).write(vals)
        if set(vals) & set(self._config_parameters):
            self._save_parameters()
        return result

    def _check_own(self):
        """Saved as the superuser, so only the manager who opened these
        settings, for a company they work in, may change them."""
        if self.env.su:
            return
        user = self.env.user
        if any(
            settings.create_uid != user or settings.company_id not in user.company_ids
            for settings in self.sudo()
        ):
            raise AccessError(
                self.env._(
                    "These settings were opened by someone else: open LINk, "
                    "Configuration, Settings again to change them."
                )
            )

    def _save_parameters(self):
        params = self.env["ir.config_parameter"].sudo()
        for settings in self:
            for name, key in self._config_parameters.items():
                value = str(settings.sudo()[name])
                if params.get_param(key) != value:
                    params.set_param(key, value)

    def execute(self):
        """The Save button of the settings page: the values are stored when
        the record is saved; reload so every screen uses them."""
        return {"type": "ir.actions.client", "tag": "reload"}

    def cancel(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "link_membership.link_settings_action"
        )
