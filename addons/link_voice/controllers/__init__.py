from . import quick_log
