from . import public_feedback
from . import public_pages
from . import quick_log
