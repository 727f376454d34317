# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase


class SuiteTagsMixin:
    """Odoo tags test classes by addon (``odoo.addons.<addon>...``); suite-level
    tests live outside any addon, so they declare their tags themselves."""

    test_tags = {"standard", "post_install", "link_suite"}
    test_module = "link_suite"


class SuiteCase(SuiteTagsMixin, TransactionCase):
    pass
