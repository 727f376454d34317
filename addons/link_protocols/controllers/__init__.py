from . import portal
from . import link_representation_portal
