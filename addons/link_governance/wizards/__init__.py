from . import link_decision_settings
