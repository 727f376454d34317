# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the benchmarks print their figures: one aligned table per scenario."""


def table(title, rows):
    """Print ``rows`` (dicts) under ``title``, a column per key."""
    print(f"\n## {title}")
    if not rows:
        return
    keys = list(dict.fromkeys(key for row in rows for key in row))
    widths = {k: max(len(k), *(len(str(r.get(k, ""))) for r in rows)) for k in keys}
    print("  ".join(f"{k:<{widths[k]}}" for k in keys))
    for row in rows:
        print("  ".join(f"{row.get(k, '')!s:<{widths[k]}}" for k in keys))
