from . import test_annual_report
from . import test_annual_report_public
from . import test_steering_meeting
from . import test_decision_log
from . import test_steering_tour
from . import test_annual_report_tour
from . import test_quarter_tour
