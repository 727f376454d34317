from . import resource_calendar
from . import res_company
from . import res_config_settings
from . import res_partner
from . import link_sla_type
from . import link_protocol
from . import link_protocol_sla
from . import link_information_request
