from . import test_link_ward
from . import test_security_groups
