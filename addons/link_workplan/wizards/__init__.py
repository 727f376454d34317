from . import link_workplan_import
