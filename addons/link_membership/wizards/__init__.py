from . import link_equality_entry
from . import link_monitoring_wizard
from . import link_settings
