from . import test_link_protocol
