# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the portal bad-input tests share (tests/test_portal_bad_input_*.py,
one module a form): the hostile values, the Hypothesis settings, the
volunteers A and B with their records, and the HTTP helpers that fail on
a 500 or on a WARNING/ERROR in the server log.

Hostile input at every portal form and at the import wizard, over real
HTTP, as a portal volunteer (and as the least-privileged host staff for the
wizard): ids that are not numbers, huge or someone else's, script and HTML
in text, 100,000-character strings, NUL bytes, dates out of range, missing
and unexpected fields. Whatever comes in, the server answers with a page,
a redirect or a 4xx (never a 500), logs no error, writes nothing half-way,
touches nothing of another volunteer, and no script comes back unescaped in
a page rendered afterwards."""

import logging
import os
import re
import urllib.parse
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from odoo import Command
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import SuiteHttpCase

ALLOWED_STATUS = {200, 301, 302, 303, 400, 403, 404}
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
# What must never appear in raw HTML: the start of a live script element or
# a live onerror attribute. Escaped (&lt;script&gt;, onerror=alert(1)&gt;) is
# fine.
LIVE_MARKUP = re.compile(r"<script>alert\(1\)|onerror=alert\(1\)>", re.IGNORECASE)
START = datetime(2031, 3, 3, 10)
QUALIFICATIONS = ("dbs_enhanced", "enter_view", "safeguarding")

HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [
            SCRIPT,
            IMG,
            f"<p>{SCRIPT}</p><b>bold</b>",
            "a" * 100_000,
            "<" * 100_000,
            "before\x00after",
            "\x00",
            "   ",
            "",
            "Ω≈ç√∫˜µ≤≥÷ 🙂 \u202e",
        ]
    ),
    st.text(max_size=300),
)
# Path ids: what werkzeug's <int:...> converter must turn away, and numbers
# that are not records.
HOSTILE_PATH_ID = st.one_of(
    st.sampled_from(
        ["abc", "-1", "1.5", "0x10", "1e3", "²", "١٢", "1;2", "%20", "%00", "1%00"]
    ),
    st.sampled_from([0, 2**31, 2**63, 10**30]).map(str),
    st.integers(min_value=0, max_value=2**64).map(str),
)
# Query string and form values where a number is expected.
HOSTILE_NUMBER_TEXT = st.one_of(
    HOSTILE_PATH_ID,
    st.sampled_from(["", " 1", "1 ", "+1", "1_000", "٣", "9" * 40]),
)
HOSTILE_DATE_TEXT = st.one_of(
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "2026-13-45",
            "abc",
            "0000-00-00",
            "31 December 9999",
            "29 February 2027",
            "December 0000",
            "10000-01-01",
        ]
    ),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(str),
)
# Fields no portal form has: trying to set someone else's partner, a state
# or a date through the form must change nothing.
EXTRA_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "partner_id": st.sampled_from(["other", "-1", "abc", str(2**63)]),
        "state": st.sampled_from(["confirmed", "attended", "checked", "published"]),
        "date_start": HOSTILE_DATE_TEXT,
        "hours": st.sampled_from(["-5", "1e308", "nan", "abc"]),
        "id": HOSTILE_NUMBER_TEXT,
    },
)

# Derandomized, so that CI always tries the same values; raise
# LINK_BAD_INPUT_EXAMPLES (and unset derandomize by hand) to hunt further.
SETTINGS = settings(
    max_examples=int(os.environ.get("LINK_BAD_INPUT_EXAMPLES", "6")),
    deadline=None,
    database=None,
    derandomize=not os.environ.get("LINK_BAD_INPUT_RANDOM"),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


class _Rollback(Exception):
    """Undo one example's writes: every example starts from the same data."""


class ServerLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class PortalBadInputCase(SuiteHttpCase):
    """Volunteer A (logged in, with a csrf token) and B, each with a shift
    place, a qualification awaiting evidence, a planned visit and an
    opportunity; B's records must come out of every example untouched."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.vol_a = new_test_user(cls.env, "bad_vol_a", groups="base.group_portal")
        cls.vol_b = new_test_user(cls.env, "bad_vol_b", groups="base.group_portal")
        cls.a, cls.b = cls.vol_a.partner_id, cls.vol_b.partner_id
        cls.a.write({"name": "Bad Input Ann", "link_is_volunteer": True})
        cls.b.write(
            {
                "name": "Bad Input Ben",
                "link_is_volunteer": True,
                "email": "ben@example.org",
                "phone": "01234 999888",
            }
        )
        cls.staff = new_test_user(
            cls.env, "bad_staff", groups="link_membership.group_link_staff"
        )
        people = cls.a | cls.b
        # Shifts: only these are open; Ben holds a place on one of them.
        cls.env["link.shift"].search([("state", "in", ("open", "full"))]).write(
            {"state": "draft"}
        )
        role = cls.env["link.volunteer.role"].create({"name": "Bad input host"})
        Shift = cls.env["link.shift"]
        cls.shifts = Shift.create(
            [
                {
                    "name": f"Bad input shift {day}",
                    "role_id": role.id,
                    "date_start": START + timedelta(days=day),
                    "date_end": START + timedelta(days=day, hours=3),
                    "max_volunteers": 3,
                    "state": "open",
                }
                for day in range(3)
            ]
        )
        cls.draft_shift = Shift.create(
            {
                "name": "Bad input draft shift",
                "role_id": role.id,
                "date_start": START,
                "date_end": START + timedelta(hours=3),
                "state": "draft",
            }
        )
        Place = cls.env["link.shift.assignment"]
        cls.a_place = Place.create(
            {"shift_id": cls.shifts[1].id, "partner_id": cls.a.id}
        )
        cls.b_place = Place.create(
            {"shift_id": cls.shifts[2].id, "partner_id": cls.b.id}
        )
        # Qualifications: each has one awaiting evidence, and the checks that
        # an Enter and View representative needs.
        types = cls.env["link.qualification.type"]
        for name in QUALIFICATIONS:
            types |= cls.env.ref(f"link_membership.qualification_type_{name}")
        Qualification = cls.env["link.qualification"]
        Qualification.create(
            [
                {
                    "partner_id": partner.id,
                    "type_id": qualification_type.id,
                    "date_obtained": date.today(),
                    "evidence_state": "checked",
                }
                for partner in people
                for qualification_type in types
            ]
        )
        first_aid = cls.env["link.qualification.type"].create(
            {"name": "Bad input first aid"}
        )
        cls.a_qualification, cls.b_qualification = Qualification.create(
            [{"partner_id": partner.id, "type_id": first_aid.id} for partner in people]
        )
        # Enter and View: one planned visit each, Ben's with his note and
        # declaration.
        cls.env["link.ev.authorisation"].create(
            [
                {
                    "partner_id": partner.id,
                    "state": "authorised",
                    "date_authorised": date.today(),
                }
                for partner in people
            ]
        )
        home = cls.env["res.partner"].create(
            {
                "name": "Bad Input Care Home",
                "is_company": True,
                "link_premises_kind": "care_home",
            }
        )
        soon = datetime.combine(date.today(), datetime.min.time()).replace(
            year=date.today().year + 1
        )
        Visit = cls.env["link.ev.visit"]
        cls.a_visit, cls.b_visit = (
            Visit.create(
                {
                    "premises_id": home.id,
                    "date_visit": soon,
                    "state": "planned",
                    "team_member_ids": [
                        Command.create({"partner_id": partner.id, "is_lead": True})
                    ],
                }
            )
            for partner in people
        )
        cls.b_note = cls.env["link.ev.note"].create(
            {"visit_id": cls.b_visit.id, "partner_id": cls.b.id, "body": "Ben's note"}
        )
        cls.b_declaration = cls.env["link.ev.declaration"].create(
            {
                "visit_id": cls.b_visit.id,
                "partner_id": cls.b.id,
                "interest": "declared",
                "details": "Ben's interest",
            }
        )
        # Opportunities: one circulated to each.
        trust = cls.env["res.partner"].create({"name": "Bad Input Trust"})
        Opportunity = cls.env["link.opportunity"]
        cls.a_opportunity, cls.b_opportunity = (
            Opportunity.create(
                {
                    "name": f"Bad input survey for {partner.name}",
                    "partner_id": trust.id,
                    "date_close": date(2099, 1, 1),
                    "recipient_ids": [Command.create({"partner_id": partner.id})],
                }
            )
            for partner in people
        )
        (cls.a_opportunity | cls.b_opportunity).state = "circulated"
        cls.plan = cls.env["link.workplan"].create(
            {
                "name": "Bad input plan",
                "date_start": date(2027, 4, 1),
                "date_end": date(2028, 3, 31),
            }
        )
        # Ids of Ben's records, to be tried by Ann in every id slot.
        cls.other_ids = {
            "other_shift": cls.shifts[2].id,
            "other_place": cls.b_place.id,
            "other_qualification": cls.b_qualification.id,
            "other_visit": cls.b_visit.id,
            "other_opportunity": cls.b_opportunity.id,
            "other_partner": cls.b.id,
            "draft_shift": cls.draft_shift.id,
        }

    # --- helpers --------------------------------------------------------------

    def setUp(self):
        super().setUp()
        self.env.flush_all()
        self.authenticate("bad_vol_a", "bad_vol_a")
        page = self.url_open("/my/shifts")
        self.assertEqual(page.status_code, 200)
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]

    def _id(self, value):
        """A generated id: Ben's record ids are named, the rest is literal."""
        return str(self.other_ids.get(value, value))

    def _ben(self):
        """Everything of Ben's a portal form could reach."""
        self.env.invalidate_all()
        return {
            "place": self.b_place.read(["state", "shift_id", "partner_id"]),
            "qualification": self.b_qualification.read(
                ["evidence", "evidence_filename", "evidence_state"]
            ),
            "note": self.b_note.read(["body", "partner_id"]),
            "declaration": self.b_declaration.read(
                ["interest", "details", "noted_by_id"]
            ),
            "reply": self.b_opportunity.recipient_ids.read(["interested", "note"]),
            "partner": self.b.read(["name", "email", "phone", "link_is_volunteer"]),
            "places": self.env["link.shift.assignment"].search_count(
                [("partner_id", "=", self.b.id)]
            ),
            "messages": self.env["mail.message"].search_count(
                [("author_id", "=", self.b.id)]
            ),
        }

    def _counts(self, *models):
        self.env.invalidate_all()
        return {model: self.env[model].sudo().search_count([]) for model in models}

    def _request(self, url, data=None, files=None, expect_warning=None):
        """One request; never a 500 and no WARNING/ERROR logged by the server
        (except the one named warning this request is expected to cause)."""
        log = ServerLog()
        odoo_logger = logging.getLogger("odoo")
        odoo_logger.addHandler(log)
        try:
            if expect_warning:
                with mute_logger(expect_warning):
                    response = self.url_open(
                        url, data=data, files=files, allow_redirects=False, timeout=60
                    )
            else:
                response = self.url_open(
                    url, data=data, files=files, allow_redirects=False, timeout=60
                )
        finally:
            odoo_logger.removeHandler(log)
        shown = (url[:120], {k: str(v)[:60] for k, v in (data or {}).items()})
        self.assertIn(response.status_code, ALLOWED_STATUS, shown)
        self.assertFalse(
            [r.getMessage()[:300] for r in log.records],
            f"server logged warnings/errors for {shown}",
        )
        return response

    def _post(self, url, **data):
        return self._request(url, data={"csrf_token": self.token, **data})

    def _assert_clean(self, *urls, shown=None):
        """The pages render, hold no live markup and, when ``shown`` (a text
        the volunteer sent) holds the script or the img tag, show it escaped:
        it is on the page, as text."""
        pages = ""
        for url in urls:
            response = self._request(url)
            self.assertEqual(response.status_code, 200, url)
            live = LIVE_MARKUP.search(response.text)
            self.assertIsNone(live, f"live markup in {url}: {live and live[0]}")
            pages += response.text
        if shown and SCRIPT in shown:
            self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", pages)
        if shown and IMG in shown:
            self.assertIn("onerror=alert(1)&gt;", pages)

    def _example(self, check):
        """Run one example in a savepoint rolled back afterwards."""
        try:
            with self.env.cr.savepoint():
                before = self._ben()
                check()
                self.assertEqual(self._ben(), before, "Ben's records changed")
                raise _Rollback
        except _Rollback:
            pass
        self.env.invalidate_all()

    # --- staff views of what the portal wrote ---------------------------------------

    def _assert_staff_sees_escaped(self, records):
        """Host staff read the record and its chatter: text is kept as typed
        (it is escaped where shown), HTML fields and messages hold no live
        markup."""
        for record in records:
            as_staff = record.with_user(self.staff).sudo(False)
            if not as_staff.has_access("read"):
                continue
            html = [n for n, f in record._fields.items() if f.type == "html"]
            for values in as_staff.read(html):
                for name in html:
                    self.assertIsNone(LIVE_MARKUP.search(str(values[name] or "")))
            messages = self.env["mail.message"].search(
                [("model", "=", record._name), ("res_id", "=", record.id)]
            )
            for message in messages:
                self.assertIsNone(LIVE_MARKUP.search(str(message.body or "")))


def route_id(text):
    """The record id a path segment names for werkzeug's <int:...>: its
    pattern is \\d+, which also matches other scripts' digits ("١٢" is 12)."""
    text = str(text)
    return int(text) if text.isdecimal() else None


def typed(text):
    """What the form keeps of a text: no control characters, no outer
    blanks."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text or "").strip()


def quote(value):
    return urllib.parse.quote(value, safe="")
