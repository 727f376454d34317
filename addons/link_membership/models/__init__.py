from . import link_ward
