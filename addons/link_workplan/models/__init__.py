from . import link_workplan
