from . import link_safeguarding_raise
