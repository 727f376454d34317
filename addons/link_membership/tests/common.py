# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

# Debian's wkhtmltopdf (unpatched Qt) warns on stderr about header switches.
WKHTMLTOPDF_LOGGER = "odoo.addons.base.models.ir_actions_report"
# wkhtmltopdf fetches the report's stylesheets from report.url. Inside a test
# that request can wait for good (on the test's uncommitted asset bundles, or
# on the registry an earlier tour leaves behind) while the test waits for
# wkhtmltopdf: a closed port makes it render the page unstyled at once.
NO_SERVER_URL = "http://127.0.0.1:9"


def render_pdfs_offline(env):
    """Tests that render real PDFs call this in their set-up."""
    env["ir.config_parameter"].set_param("report.url", NO_SERVER_URL)


class LinkCase(TransactionCase):
    """One user per LINk role, so each test acts as the least-privileged
    user that does the job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.staff = cls._link_user("link_staff", "group_link_staff")
        cls.manager = cls._link_user("link_manager", "group_link_manager")
        cls.monitor = cls._link_user("link_monitor", "group_link_monitor")
        cls.steering = cls._link_user("link_steering", "group_link_steering")
        cls.equality_officer = cls._link_user(
            "link_equality", "group_link_equality_officer"
        )
        cls.portal_user = new_test_user(
            cls.env, login="link_portal", groups="base.group_portal"
        )

    @classmethod
    def _set_aside_demo_data(cls, wards=False):
        """Archive existing members (and wards) so a test counts its own.
        Odoo keeps the contact of a user active (the demo portal volunteer):
        those stop being members and volunteers instead, and lose their email,
        so a test's own people are the only ones mail can be matched to."""
        members = cls.env["res.partner"].search([("link_membership_type", "!=", False)])
        with_login = members.filtered("user_ids")
        (members - with_login).write({"active": False})
        with_login.write(
            {"link_membership_type": False, "link_is_volunteer": False, "email": False}
        )
        if wards:
            cls.env["link.ward"].search([]).write({"active": False})

    @classmethod
    def _link_user(cls, login, group):
        return new_test_user(
            cls.env, login=login, groups=f"link_membership.{group}", name=login
        )


class VolunteerCase(LinkCase):
    """Two volunteers, a role needing a DBS check, and shifts in March 2027;
    tests freeze time at NOW."""

    NOW = "2027-03-01 09:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "link_volunteer_coordinator_id": cls.manager.id,
                "link_shift_reminder_hours": 48,
                "link_shift_withdraw_cutoff_hours": 24,
                "link_shift_shortfall_days": 7,
            }
        )
        cls.dbs = cls.env.ref("link_membership.qualification_type_dbs_enhanced")
        cls.safeguarding = cls.env.ref(
            "link_membership.qualification_type_safeguarding"
        )
        cls.gateway = cls.env["link.volunteer.role"].create({"name": "Gateway host"})
        cls.board_seat = cls.env["link.volunteer.role"].create(
            {
                "name": "Board observer",
                "qualification_type_ids": [(6, 0, (cls.dbs | cls.safeguarding).ids)],
            }
        )
        cls.portal_b = new_test_user(
            cls.env, login="link_portal_b", groups="base.group_portal"
        )
        cls.ann = cls.portal_user.partner_id
        cls.ben = cls.portal_b.partner_id
        (cls.ann | cls.ben).write(
            {"link_is_volunteer": True, "email": "volunteer@example.org"}
        )
        cls.ann.name = "Ann Volunteer"
        cls.ben.name = "Ben Volunteer"

    @classmethod
    def _shift(cls, start, hours=3, role=None, **vals):
        start = fields.Datetime.to_datetime(start)
        return (
            cls.env["link.shift"]
            .with_user(cls.staff)
            .create(
                {
                    "name": vals.pop("name", "Gateway"),
                    "role_id": (role or cls.gateway).id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=hours),
                    "min_volunteers": 1,
                    "max_volunteers": 3,
                    "state": "open",
                    **vals,
                }
            )
        )

    @classmethod
    def _volunteer(cls, name):
        return cls.env["res.partner"].create(
            {"name": name, "link_is_volunteer": True, "email": "v@example.org"}
        )

    def _place(self, shift, partner, user=None):
        return (
            self.env["link.shift.assignment"]
            .with_user(user or self.staff)
            .create({"shift_id": shift.id, "partner_id": partner.id})
        )

    def assertRefused(self, exception, regex):
        """assertRaisesRegex that rolls back what the refused call wrote
        (Odoo's assertRaises opens a savepoint, unittest's Regex one does not)."""
        return _Refused(self, exception, regex)


class _Refused:
    def __init__(self, case, exception, regex):
        self.case, self.exception, self.regex = case, exception, regex

    def __enter__(self):
        self.manager = self.case.assertRaises(self.exception)
        self.context = self.manager.__enter__()
        return self.context

    def __exit__(self, *exc_info):
        handled = self.manager.__exit__(*exc_info)
        self.case.assertRegex(str(self.context.exception), self.regex)
        return handled
