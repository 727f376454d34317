from . import test_link_ev_visit
