# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, models


class LinkSlaClock(models.AbstractModel):
    """The one engine behind every statutory clock (information requests,
    enter and view reports and responses, and the clocks to come).

    A clock's term is resolved in this order: the record's own term (a field
    holding a ``link.protocol.sla``, as requests' ``sla_id``), else the term
    its protocol agrees for the SLA type, else the type's default
    (``link.sla.type.default_days``); no term at all means no due date.
    Working days are counted on the record's company calendar, less its
    public holidays; a company without a calendar counts calendar days, since
    there is nothing to say which days are worked.
    """

    _name = "link.sla.clock"
    _description = "Statutory clock engine"

    @api.model
    def _set_due_dates(
        self,
        records,
        start_field,
        due_field,
        sla_type,
        term_field=None,
        protocol_field="protocol_id",
    ):
        """Set ``due_field`` of every record from its ``start_field`` (for a
        compute method): no start or no term, no due date.

        ``term_field`` names the record's own term, if it has one; give
        ``protocol_field=None`` for a record whose own term is already its
        protocol's (an empty term then means no clock, not the protocol's).
        """
        records[due_field] = False
        started = records.filtered(start_field)
        terms = self._terms(started, sla_type, term_field, protocol_field)
        dated = [(r, term) for r, term in zip(started, terms, strict=True) if term]
        dues = self._due_dates(
            [record[start_field] for record, __ in dated],
            [term for __, term in dated],
            [self._calendar(record) for record, __ in dated],
        )
        for (record, __), due in zip(dated, dues, strict=True):
            record[due_field] = due

    @api.model
    def _terms(self, records, sla_type, term_field=None, protocol_field="protocol_id"):
        """The (days, working days?) term of each record, or None: the
        record's term, else its protocol's for the type, else the type's
        default. Reads each protocol's terms once for the batch."""
        default = (
            (sla_type.default_days, sla_type.default_working_days)
            if sla_type and sla_type.default_days > 0
            else None
        )
        terms = []
        for record in records:
            term = record[term_field] if term_field else False
            if not term and protocol_field and sla_type and record[protocol_field]:
                term = record[protocol_field]._sla_for(sla_type)
            terms.append((term.days, term.working_days) if term else default)
        return terms

    @api.model
    def _due_dates(self, start_dates, terms, calendars):
        """Due date of each start under its (days, working days?) term and
        calendar (empty: calendar days), one calendar read per group of the
        same days and calendar."""
        groups = defaultdict(list)
        for index, ((days, working), calendar) in enumerate(
            zip(terms, calendars, strict=True)
        ):
            groups[days, working and calendar or False].append(index)
        dues = [False] * len(start_dates)
        for (days, calendar), indexes in groups.items():
            starts = [start_dates[i] for i in indexes]
            if calendar:
                found = calendar._link_add_working_days(starts, days)
            else:
                found = [start + timedelta(days=days) for start in starts]
            for index, due in zip(indexes, found, strict=True):
                dues[index] = due
        return dues

    @api.model
    def _working_days_taken(self, records, start_field, end_field):
        """Working days from ``start_field`` to ``end_field`` of each record
        on its company calendar, the inverse of the due date (an end on the
        due date gives the term's days); 0 without either date or without a
        calendar. One calendar read per calendar."""
        taken = dict.fromkeys(records.ids, 0)
        by_calendar = defaultdict(lambda: records.browse())
        for record in records:
            if record[start_field] and record[end_field]:
                by_calendar[self._calendar(record)] |= record
        for calendar, group in by_calendar.items():
            if not calendar:
                continue
            days = calendar._link_working_days_between(
                group.mapped(start_field), group.mapped(end_field)
            )
            taken.update(zip(group.ids, days, strict=True))
        return [taken[record.id] for record in records]

    @api.model
    def _set_reminder_dates(self, records, due_field, reminder_field, days=None):
        """Set ``reminder_field`` of every record ``days`` working days
        (default: its company's ``link_reminder_working_days``) before its
        ``due_field``; see _reminder_dates."""
        records[reminder_field] = False
        by_company = defaultdict(lambda: records.browse())
        for record in records.filtered(due_field):
            by_company[self._company(record)] |= record
        for company, group in by_company.items():
            reminders = self._reminder_dates(
                group.mapped(due_field),
                company,
                company.link_reminder_working_days if days is None else days,
            )
            for record, reminder in zip(group, reminders, strict=True):
                record[reminder_field] = reminder

    @api.model
    def _reminder_dates(self, due_dates, company, days):
        """The date ``days`` working days before each due date on the
        company calendar: the one rule for reminders and notice periods.
        No calendar, no positive number of days, or no due date: False."""
        calendar = company.resource_calendar_id
        dated = [due for due in due_dates if due]
        if not calendar or not days or days <= 0 or not dated:
            return [False] * len(due_dates)
        found = iter(calendar._link_add_working_days(dated, -days))
        return [next(found) if due else False for due in due_dates]

    @api.model
    def _company(self, record):
        return record.company_id if "company_id" in record._fields else self.env.company

    @api.model
    def _calendar(self, record):
        return (self._company(record) or self.env.company).resource_calendar_id
