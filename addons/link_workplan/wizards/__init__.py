from . import link_workplan_import
from . import link_settings
