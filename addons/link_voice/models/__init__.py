from . import link_ward
from . import res_company
from . import link_feedback_theme
from . import link_feedback
from . import link_community_issue_contact
from . import link_shift
from . import link_safeguarding_concern
