from . import link_settings
