from . import link_ev_authorisation
from . import link_ev_visit
from . import link_ev_team_member
from . import link_ev_declaration
from . import link_ev_note
from . import link_ev_recommendation
from . import link_shift
from . import link_monitoring_period
