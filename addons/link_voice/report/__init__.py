from . import link_feedback_report
