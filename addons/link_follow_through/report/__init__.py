from . import link_community_issue_report
