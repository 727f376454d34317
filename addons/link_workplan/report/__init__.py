from . import link_workplan_rag_report
from . import link_community_issue_report
