from . import test_link_workplan
