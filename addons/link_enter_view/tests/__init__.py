from . import test_authorisation
from . import test_visit_lifecycle
from . import test_visit_deadlines
from . import test_reports
from . import test_portal
from . import test_representative_input
from . import test_visit_shift
from . import test_monitoring
