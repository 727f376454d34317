from . import res_company
from . import link_workplan
from . import link_workplan_action
from . import link_workstream
from . import link_workplan_target
from . import link_workplan_progress
from . import link_rag_review
