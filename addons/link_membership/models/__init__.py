from . import link_ward
from . import link_interest
from . import res_company
from . import res_config_settings
from . import res_partner
from . import link_equality_profile
from . import link_membership_target
from . import link_census_share
