from . import test_link_workplan
from . import test_workplan_actions
from . import test_workplan_import
from . import test_workplan_outputs
from . import test_community_issue
from . import test_monitoring
from . import test_rag_review
from . import test_steering_tour
