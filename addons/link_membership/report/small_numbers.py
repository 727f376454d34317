# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small-number suppression for published tables of counts about people."""

from collections import defaultdict


def cells_to_suppress(cells, threshold):
    """Return the keys of the cells to blank out in a table of counts.

    ``cells`` maps a tuple of coordinates (one per grouping) to a count; cells
    absent from the table are zeros, which are never shown either.

    Primary suppression blanks every count below ``threshold``. Secondary
    suppression then protects them from the totals published beside the table:
    along each coordinate, the cells that share all the other coordinates add up
    to a published total, so no such line may hold exactly one blank cell (it
    would be that total minus the rest). The smallest other cell of the line is
    blanked too, and this repeats until no line gives a blank away.
    """
    hidden = {key for key, count in cells.items() if count < threshold}
    if not hidden:
        return hidden
    dimensions = len(next(iter(cells)))
    lines = []
    for axis in range(dimensions):
        by_rest = defaultdict(list)
        for key in cells:
            by_rest[key[:axis] + key[axis + 1 :]].append(key)
        lines.extend(by_rest.values())
    changed = True
    while changed:
        changed = False
        for line in lines:
            blanks = [key for key in line if key in hidden]
            shown = [key for key in line if key not in hidden]
            if len(blanks) == 1 and shown:
                hidden.add(min(shown, key=lambda key: (cells[key], repr(key))))
                changed = True
    return hidden
