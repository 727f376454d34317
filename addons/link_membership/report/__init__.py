from . import link_equality_report
from . import link_ward_representation
