# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_application
from . import test_cover
from . import test_cover_concurrency
from . import test_public_forms
from . import test_cover_portal
from . import test_tours
