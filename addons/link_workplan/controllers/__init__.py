from . import public_pages
from . import expenses
