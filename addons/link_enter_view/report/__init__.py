from . import link_ev_activity_report
