from . import link_equality_entry
