# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import link_induction_item
from . import link_induction_step
from . import link_volunteer_application
from . import link_volunteer_reference
from . import link_cover_request
from . import link_cover_offer
from . import link_shift
