from . import public_pages
