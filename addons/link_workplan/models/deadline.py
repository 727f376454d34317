# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines as work plans write them: "9 July 2010", "March 2011", "End of
August", "December school holiday", "Ongoing". The words are kept; the date is
the last day of the period they name, and the precision says how exact it is."""

import calendar
import re
from datetime import date

PRECISIONS = [
    ("day", "Day"),
    ("month", "Month"),
    ("term", "School term, holiday or season"),
    ("ongoing", "Ongoing"),
]

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    }
}
MONTHS["sept"] = 9
# English month names whatever the server's locale (calendar.month_name
# follows it).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Last (month, day) of each named period; school dates are England's usual ones.
PERIODS = {
    "december school holiday": (12, 31),
    "christmas holiday": (12, 31),
    "christmas school holiday": (12, 31),
    "february half term": (2, 28),
    "easter holiday": (4, 20),
    "easter school holiday": (4, 20),
    "may half term": (5, 31),
    "summer holiday": (8, 31),
    "summer school holiday": (8, 31),
    "october half term": (10, 31),
    "autumn term": (12, 20),
    "spring term": (3, 31),
    "summer term": (7, 22),
    "spring": (5, 31),
    "summer": (8, 31),
    "autumn": (11, 30),
    "winter": (2, 28),
}

MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_RE = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\s+(\d{{4}})$")
MONTH_RE = re.compile(rf"^(?:end of\s+|by\s+|end\s+)?{MONTH}(?:\s+(\d{{4}}))?$")
PERIOD_RE = re.compile(
    r"^(?:end of\s+|by\s+)?("
    + "|".join(sorted(PERIODS, key=len, reverse=True))
    + r")(?:\s+(\d{4}))?$"
)


def _next(month, day, reference, year):
    """The named month and day in the given year or, without one, the first
    time it comes on or after the reference date."""
    if year:
        return _clamp(int(year), month, day)
    candidate = _clamp(reference.year, month, day)
    return (
        candidate if candidate >= reference else _clamp(reference.year + 1, month, day)
    )


def _clamp(year, month, day):
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_deadline(text, reference):
    """(date or None, precision or None) for a deadline as written.

    ``reference`` places a deadline written without a year (the start of the
    plan). Raises ValueError, with a message for a host officer, when the
    words name no date."""
    words = re.sub(r"\s+", " ", (text or "").strip().lower())
    if not words:
        return None, None
    if words in ("ongoing", "on going", "on-going", "continuous"):
        return None, "ongoing"
    if match := DAY_RE.match(words):
        day, month, year = match.groups()
        try:
            return date(int(year), MONTHS[month], int(day)), "day"
        except ValueError:
            raise ValueError(f"“{text}” is not a date in the calendar.") from None
    if match := MONTH_RE.match(words):
        month, year = match.groups()
        return _next(MONTHS[month], 31, reference, year), "month"
    if match := PERIOD_RE.match(words):
        period, year = match.groups()
        return _next(*PERIODS[period], reference, year), "term"
    raise ValueError(
        f"Cannot read the deadline “{text}”: write a date (9 July 2010), a month "
        "(March 2011), a school holiday or term (December school holiday), a "
        "season, or “Ongoing”."
    )


def deadline_words(day):
    """A date as a plan writes it ("9 July 2026"), which parse_deadline reads
    back as that day."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
