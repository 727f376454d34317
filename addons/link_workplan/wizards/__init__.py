from . import link_workplan_import
from . import link_rag_review_wizard
from . import link_settings
