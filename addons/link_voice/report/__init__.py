from . import link_feedback_report
from . import link_voice_report
