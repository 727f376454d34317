from . import test_link_ward
from . import test_security_groups
from . import test_members
from . import test_equality_access
from . import test_equality_jsonrpc
from . import test_equality_report
from . import test_membership_target
from . import test_member_list_queries
