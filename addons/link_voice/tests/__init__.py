from . import test_feedback
from . import test_quick_log
from . import test_mail_alias
from . import test_quick_log_portal
from . import test_quick_log_tours
from . import test_safeguarding
from . import test_public_feedback
from . import test_publication
