# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What gives a person away in text the LINk publishes: the one pattern of
each contact detail, for every public page's screening (published feedback,
"you said, we did")."""

import re

EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# UK numbers, national (0...) or international (+44...), spaced or not.
PHONE_NUMBER = re.compile(r"(\+44\s?|\b0)(\d[\s-]?){9,10}\b")
