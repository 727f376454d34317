from . import portal
from . import shift_checkin
from . import hours
