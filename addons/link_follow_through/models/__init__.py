from . import link_issue_follow_up_mixin
from . import link_community_issue
from . import link_ev_visit
from . import link_information_request
from . import link_referral
