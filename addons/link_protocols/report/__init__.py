from . import link_sla_compliance_report
from . import link_opportunity_report
