# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""pytest-odoo glue for the whole repository (addons/ and tests/)."""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_collection(session):
    yield
    # tools/run_tests.sh starts pytest-odoo in test mode (--odoo-extra
    # test-enable): pytest-odoo and the test modules import odoo.tests before
    # any test runs, and Odoo logs an ERROR for that outside test mode. Test
    # mode must be off again before pytest-odoo loads the registry, or Odoo
    # would run every installed module's at_install tests there; pytest-odoo
    # turns it back on around each test module itself.
    from odoo.tools import config

    config["test_enable"] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Odoo's own runner names the running test in odoo.modules.module.
    # current_test (before the class set-up), and Odoo reads it: outgoing
    # mail is not handed to an SMTP server during a test, and a test cursor
    # checks which test opened it. pytest-odoo sets it only from Odoo 19 on;
    # without it, sending a mail in a test tries a real SMTP server.
    from odoo.modules import module
    from odoo.tests import BaseCase

    instance = getattr(item, "instance", None)
    module.current_test = instance if isinstance(instance, BaseCase) else False


def pytest_runtest_teardown(item, nextitem):
    from odoo.modules import module

    if nextitem is None:
        module.current_test = False
