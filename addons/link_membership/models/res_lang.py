# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# The host's own language and time zone: new users, portal volunteers and
# contacts get them unless somebody chooses otherwise.
LINK_LANG = "en_GB"
LINK_TZ = "Europe/London"
LINK_LANG_FORMATS = {
    "date_format": "%d/%m/%Y",
    "time_format": "%H:%M",
    "short_time_format": "%H:%M",
    "week_start": "1",
}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _link_install_british_english(self):
        """Activate English (UK), day/month/year dates, times without seconds
        and weeks from Monday, and make it (with London time) the default of
        every new contact and user. Run on install and on every upgrade; a
        host who prefers another language changes the default afterwards in
        Settings (a later upgrade puts English (UK) back as the default only
        where no other language was chosen)."""
        lang = self._activate_lang(LINK_LANG) or self._create_lang(
            LINK_LANG, "English (UK)"
        )
        lang.write(
            {
                name: value
                for name, value in LINK_LANG_FORMATS.items()
                if lang[name] != value
            }
        )
        IrDefault = self.env["ir.default"].sudo()
        if IrDefault._get("res.partner", "lang") in (None, "en_US"):
            IrDefault.set("res.partner", "lang", LINK_LANG)
        if IrDefault._get("res.partner", "tz") is None:
            IrDefault.set("res.partner", "tz", LINK_TZ)
        return True
