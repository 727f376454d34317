from . import link_safeguarding_raise
from . import link_settings
