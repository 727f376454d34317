from . import link_sla_compliance_report
