from . import link_protocol
