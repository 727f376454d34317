# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""iCalendar (RFC 5545) text for the volunteers' calendar feed and the
.ics attached to shift mails: no library needed for a list of events."""

from datetime import datetime

# SEQUENCE counts seconds of the last change since this moment: it grows
# with every change without a counter to keep (fits an integer until 2088).
SEQUENCE_EPOCH = datetime(2020, 1, 1)


def ical_text(value):
    """A TEXT value escaped as RFC 5545 3.3.11 says."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def ical_datetime(value):
    """A UTC date-time (Odoo keeps naive UTC datetimes)."""
    return value.strftime("%Y%m%dT%H%M%SZ")


def ical_sequence(last_modified):
    return max(int((last_modified - SEQUENCE_EPOCH).total_seconds()), 0)


def ical_fold(line):
    """Lines of at most 75 octets, continued with a space (RFC 5545 3.1),
    never cutting a UTF-8 character in two."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space counts
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def ical_calendar(events, name=None, method="PUBLISH", refresh_minutes=None):
    """The text of a VCALENDAR of ``events``: dicts of the properties
    uid, start, end, last_modified (datetimes), summary, location,
    description, url and status (CONFIRMED or CANCELLED)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//LINk Host Suite//Volunteer shifts//EN",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{ical_text(name)}")
    if refresh_minutes:
        lines.append(f"REFRESH-INTERVAL;VALUE=DURATION:PT{refresh_minutes}M")
        lines.append(f"X-PUBLISHED-TTL:PT{refresh_minutes}M")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}",
            f"DTSTAMP:{ical_datetime(event['last_modified'])}",
            f"LAST-MODIFIED:{ical_datetime(event['last_modified'])}",
            f"SEQUENCE:{ical_sequence(event['last_modified'])}",
            f"DTSTART:{ical_datetime(event['start'])}",
            f"DTEND:{ical_datetime(event['end'])}",
            f"SUMMARY:{ical_text(event['summary'])}",
            f"STATUS:{event['status']}",
            # A cancelled shift frees the volunteer's time.
            "TRANSP:TRANSPARENT" if event["status"] == "CANCELLED" else "TRANSP:OPAQUE",
        ]
        if event.get("location"):
            lines.append(f"LOCATION:{ical_text(event['location'])}")
        if event.get("description"):
            lines.append(f"DESCRIPTION:{ical_text(event['description'])}")
        if event.get("url"):
            lines.append(f"URL:{event['url']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(ical_fold(line) + "\r\n" for line in lines)
