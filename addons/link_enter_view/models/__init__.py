from . import link_ev_visit
