from . import link_suppressed_report
from . import link_equality_report
from . import link_ward_representation
from . import link_membership_report
from . import link_volunteering_report
