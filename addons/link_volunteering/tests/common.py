# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.link_membership.tests.common import LinkCase

NOW = datetime(2031, 3, 3, 9, 0)


class VolunteeringCase(LinkCase):
    """The LINk roles of LinkCase, a recruiting officer who is the
    coordinator, and helpers to make applications and shifts. Tests freeze
    time at NOW (a Monday)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.safeguarding_lead = cls._link_user(
            "link_safeguarding", "group_link_safeguarding"
        )
        cls.env.company.write(
            {
                "link_volunteer_coordinator_id": cls.staff.id,
                "link_activity_coordinator_id": False,
                "email": "volunteers@link.example.org",
            }
        )
        cls.dbs = cls.env.ref("link_membership.qualification_type_dbs_enhanced")
        cls.ed = cls.env.ref("link_membership.qualification_type_equality_diversity")
        cls.Application = cls.env["link.volunteer.application"]
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    @classmethod
    def _application(cls, name="Zara Applicant", **vals):
        partner = cls.env["res.partner"].create(
            {"name": name, "email": f"{name.split()[0].lower()}@applicant.example"}
        )
        return cls.Application.create(
            {
                "partner_id": partner.id,
                "motivation": "To help",
                "user_id": cls.staff.id,
                "reference_ids": [
                    fields.Command.create(
                        {
                            "referee_name": f"Referee {number}",
                            "referee_email": (
                                f"referee{number}.{partner.id}@example.org"
                            ),
                        }
                    )
                    for number in (1, 2)
                ],
                **vals,
            }
        )

    @classmethod
    def _volunteer(cls, name, login=None, **vals):
        if login:
            user = new_test_user(cls.env, login=login, groups="base.group_portal")
            partner = user.partner_id
            partner.write({"name": name, "email": f"{login}@example.org", **vals})
        else:
            partner = cls.env["res.partner"].create(
                {
                    "name": name,
                    "email": f"{name.split()[0].lower()}@example.org",
                    **vals,
                }
            )
        partner.link_is_volunteer = True
        return partner

    def _mails_to(self, email):
        return self.env["mail.mail"].search([("email_to", "ilike", email)]) | self.env[
            "mail.mail"
        ].search([("recipient_ids.email", "=", email)])

    @staticmethod
    def _start(days, hour=10):
        return NOW.replace(hour=hour) + timedelta(days=days)
