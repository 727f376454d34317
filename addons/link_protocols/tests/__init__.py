from . import test_link_protocol
from . import test_working_days
from . import test_information_request
from . import test_opportunity
from . import test_opportunity_portal
from . import test_representation
from . import test_monitoring
from . import test_link_settings
