# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The services register moved from link_enter_view to link_membership:
move its external ids before either addon is loaded (see
link_membership.upgrade)."""

from odoo.addons.link_membership.upgrade import move_services_register


def migrate(cr, version):
    move_services_register(cr)
