# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract quarter and year of a date, as SQL for the reporting views.

The same labels as ``res.company._link_contract_period_name`` (“2026/27 Q2”
for a contract year starting in April, “2026 Q3” for one starting in
January), computed when the report is read, from the company's first month
as it is then: changing the first month needs no recompute. The labels sort
chronologically as text.
"""

from odoo.tools import SQL

from ..models.res_company import DEFAULT_CONTRACT_MONTH


def contract_month_sql(company_sql=None):
    """The first month (1-12) of the contract year of the company whose id
    is the SQL expression ``company_sql``; rows without a company follow the
    main (first) company."""
    main = SQL(
        "(SELECT link_cy_main.link_contract_start_month"
        " FROM res_company link_cy_main ORDER BY link_cy_main.id LIMIT 1)"
    )
    if company_sql is not None:
        main = SQL(
            "COALESCE((SELECT link_cy_co.link_contract_start_month"
            " FROM res_company link_cy_co WHERE link_cy_co.id = %s), %s)",
            company_sql,
            main,
        )
    return SQL("COALESCE(%s, %s)::integer", main, DEFAULT_CONTRACT_MONTH)


def contract_period_sql(date_sql, company_sql=None, period_type="quarter"):
    """SQL for the contract quarter (“2026/27 Q2”) or year (“2026/27”)
    containing the date (or timestamp) ``date_sql``; NULL without a date.

    ``n`` counts months from year 0 shifted by the first month, so that
    ``n / 12`` is the calendar year the contract year starts in and
    ``n mod 12`` the month within the contract year (0-11).
    """
    year = SQL(
        "CASE WHEN link_cp.first_month = 1 THEN div(link_cp.n, 12)::text"
        " ELSE div(link_cp.n, 12)::text || '/'"
        " || lpad(mod(div(link_cp.n, 12) + 1, 100)::text, 2, '0') END"
    )
    if period_type == "quarter":
        year = SQL("%s || ' Q' || (mod(link_cp.n, 12) / 3 + 1)::text", year)
    return SQL(
        """(SELECT %(label)s
              FROM (SELECT link_cm.first_month,
                           EXTRACT(YEAR FROM %(day)s)::integer * 12
                           + EXTRACT(MONTH FROM %(day)s)::integer
                           - link_cm.first_month AS n
                      FROM (SELECT %(month)s AS first_month) link_cm
                   ) link_cp)""",
        label=year,
        day=date_sql,
        month=contract_month_sql(company_sql),
    )


def contract_quarter_field_sql(model, date_sql, company_sql):
    """The contract quarter for a ``_field_to_sql`` override on an ordinary
    model, so that its list, pivot and graph views group and sort by it:
    a change of the first month not yet written is flushed first."""
    return SQL(
        "%s",
        contract_period_sql(date_sql, company_sql),
        to_flush=model.env["res.company"]._fields["link_contract_start_month"],
    )
