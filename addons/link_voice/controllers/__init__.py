from . import public_feedback
from . import quick_log
