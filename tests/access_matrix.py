# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may do what in the LINk Host Suite: the declared access matrix.

For every link.* model and every role, the letters of what the role may do
to a record somebody else made: c(reate), r(ead), u(pdate/write), d(elete).
tests/test_access_matrix.py tries each operation for real, as each user,
through the ORM and over JSON-RPC and XML-RPC, and fails on any difference
and on any link.* model missing here: a new model must be declared.

Letters are what access rights and record rules allow; a business rule may
still refuse (e.g. deleting a shift that has places). Field-level secrets
(identifiable equality answers) are tested separately.

Roles: public (not logged in), portal_a / portal_b (two volunteers with a
portal login), monitor (council contract monitor: never personal data),
staff (host staff), steering (steering group), equality_officer,
safeguarding (a safeguarding lead: host staff who also act on safeguarding
concerns), manager.
"""

# The roles, in the order of the letters of each row of TABLE.
ROLES = (
    "public",
    "portal_a",
    "portal_b",
    "monitor",
    "staff",
    "steering",
    "equality_officer",
    "safeguarding",
    "manager",
)

# One row per model: the letters of each role, in the order of ROLES ("-":
# nothing). Columns: pub(lic), pA/pB (portal_a/portal_b), mon(itor), st(a)f(f),
# st(ee)r(ing), eq(uality_officer), s(afe)g(uarding lead), m(ana)g(e)r.
# fmt: off
TABLE = {
    # The statutory annual report (#20): published for all to read; only
    # managers delete a draft, nobody a published one.
    "link.annual.report":            "-    -    -    r    cru  r    -    cru  crud",
    "link.annual.report.stream":     "-    -    -    r    crud r    -    crud crud",
    # Budget (#20): the council's money, not personal data: the monitor
    # reads it; staff keep it; nobody deletes a line with decided costs.
    "link.budget.line":              "-    -    -    r    crud r    -    crud crud",
    # Costs against a budget line (#20): the monitor reads approved ones
    # only (record rule; the sample is a draft); never deleted once decided.
    "link.budget.cost":              "-    -    -    -    crud r    -    crud crud",
    #                                 pub  pA   pB   mon  stf  str  eq   sg   mgr
    # Census shares of the area: reference figures, no personal data.
    "link.census.share":             "-    -    -    r    r    r    -    r    crud",
    # Community issues; steering reviews them (write), only managers delete.
    "link.community.issue":          "-    -    -    r    cru  ru   -    cru  crud",
    # WHO raised an issue: personal data. Staff and the steering group
    # only; never the council monitor, equality officer or portal.
    "link.community.issue.contact":  "-    -    -    -    crud r    -    crud crud",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.community.issue.report":   "-    -    -    r    r    r    -    r    r",
    "link.community.issue.score":    "-    -    -    r    crud cru  -    crud crud",
    # Who was asked to cover a shift (#21): staff read them; a volunteer
    # reads only their own offer (record rule), nobody else's.
    "link.cover.offer":              "-    -    -    -    r    -    -    r    r",
    # Asking the best-placed volunteers to cover a shift (#21): host
    # staff; only a draft (nobody asked yet) is deleted.
    "link.cover.request":            "-    -    -    -    crud -    -    crud crud",
    # Wizard to key in a member's equality answers (transient).
    "link.equality.entry":           "-    -    -    -    crud -    crud crud crud",
    # Identifiable equality answers (special category data). Staff and
    # managers read the record but its answer fields are restricted to the
    # equality officer (field groups, tested separately); only the equality
    # officer writes them. Nobody deletes: history.
    "link.equality.profile":         "-    -    -    -    r    -    cru  r    r",
    # Equality report: read as totals only, small numbers suppressed.
    "link.equality.report":          "-    -    -    r    r    r    r    r    r",
    # The decision log (#20): public-body governance, read by the monitor;
    # never deleted (a business rule refuses even managers).
    "link.decision":                 "-    -    -    r    cru  cru  -    cru  crud",
    # Kinds of relevant decision and the route the procedure sets for each.
    "link.decision.type":            "-    -    -    r    r    r    -    r    crud",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.ev.activity.report":       "-    -    -    r    r    r    -    r    r",
    "link.ev.authorisation":         "-    -    -    -    cru  r    -    cru  crud",
    # Conflict-of-interest declarations of a visit team: never deleted.
    "link.ev.declaration":           "-    -    -    -    cru  r    -    cru  cru",
    # Visit notes by team members: never deleted.
    "link.ev.note":                  "-    -    -    -    cru  r    -    cru  cru",
    "link.ev.recommendation":        "-    -    -    r    crud r    -    crud crud",
    "link.ev.team.member":           "-    -    -    -    crud r    -    crud crud",
    # Enter and view visits. The monitor reads them (contract reporting);
    # only managers delete.
    "link.ev.visit":                 "-    -    -    r    cru  r    -    cru  crud",
    # Volunteers' and representatives' expenses (#21): personal, so never
    # the monitor (who reads the approved budget costs, naming no one);
    # the claimant reads their own on the portal; never deleted.
    "link.expense.claim":            "-    -    -    -    cru  -    -    cru  cru",
    # Feedback from the public (#18): WHO said what is personal data. Staff
    # log it, the steering group reads it; never the council monitor (it
    # gets totals), the equality officer or the portal. Portal volunteers
    # read only what they logged at a gateway session, and log it only
    # through the portal quick log (tested in link_voice).
    "link.feedback":                 "-    -    -    -    crud r    -    crud crud",
    # Feedback trends (#18): totals only, small numbers suppressed, never
    # any words; read-only.
    "link.feedback.report":          "-    -    -    r    r    r    -    r    r",
    # Feedback themes: the LINk's own list, no personal data.
    "link.feedback.theme":           "-    -    -    r    cru  r    -    cru  crud",
    # Hours volunteers claim for flexible work (#21): as expense claims;
    # the monitor sees only the totals in the volunteering report.
    "link.hours.claim":              "-    -    -    -    cru  -    -    cru  cru",
    # The induction checklist (#21): configuration kept by managers;
    # each application keeps its own copy of the steps.
    "link.induction.item":           "-    -    -    -    r    -    -    r    crud",
    # An applicant's induction steps (#21): they go with the application.
    "link.induction.step":           "-    -    -    -    cru  -    -    cru  cru",
    "link.information.request":      "-    -    -    r    crud r    -    crud crud",
    "link.interest":                 "-    -    -    r    r    r    r    r    cru",
    "link.issue.criterion":          "-    -    -    r    r    r    r    r    crud",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.membership.report":        "-    -    -    r    r    r    -    r    r",
    "link.membership.target":        "-    -    -    r    r    r    r    r    crud",
    # Key figures of a monitoring period (#8); frozen once issued.
    "link.monitoring.figure":        "-    -    -    r    crud r    -    crud crud",
    # Monitoring periods and packs (#8); only managers delete (drafts).
    "link.monitoring.period":        "-    -    -    r    cru  r    -    cru  crud",
    # The wizard that produces a monitoring pack (#8): host staff only.
    "link.monitoring.wizard":        "-    -    -    -    cru  -    -    cru  cru",
    "link.opportunity":              "-    -    -    r    cru  r    -    cru  crud",
    # Opportunities received, circulated and responded to (#20): counts.
    "link.opportunity.report":       "-    -    -    r    r    r    -    r    r",
    # Who an opportunity was sent to. Portal volunteers reach only their
    # own (tested separately); nobody deletes the record of a circulation.
    "link.opportunity.recipient":    "-    -    -    -    cru  -    -    cru  cru",
    "link.protocol":                 "-    -    -    r    cru  r    -    cru  crud",
    "link.protocol.sla":             "-    -    -    r    crud r    r    crud crud",
    # Complaints about conduct under a protocol (#19): they name people, so
    # staff and managers; the steering group reads them for the review.
    "link.protocol.complaint":       "-    -    -    -    crud r    -    crud crud",
    # A volunteer's checks (DBS...): staff; portal volunteers see only
    # their own (tested separately).
    "link.qualification":            "-    -    -    -    crud -    -    crud crud",
    "link.qualification.type":       "-    r    r    r    r    r    r    r    crud",
    # Steering group's RAG reviews: the steering group writes them.
    # Referrals to scrutiny, the regulator, another LINk (#19): the text may
    # be about a person, so never the monitor (it reads totals in the SLA
    # compliance report); the steering group reads them.
    "link.referral":                 "-    -    -    -    crud r    -    crud crud",
    "link.rag.review":               "-    -    -    r    r    cru  r    r    crud",
    # The Review button's wizard (transient): the steering group and staff
    # record reviews through it; never the monitor.
    "link.rag.review.wizard":        "-    -    -    -    crud crud -    crud crud",
    "link.representation":           "-    -    -    r    cru  r    -    cru  crud",
    # Filling a seat from an offered place (transient, #21): host staff.
    "link.representation.appoint":   "-    -    -    -    crud -    -    crud crud",
    "link.representation.report":    "-    -    -    r    cru  r    -    cru  crud",
    # Safeguarding concerns (#18): only safeguarding leads and host
    # managers read them; staff raise them through the wizard below and then
    # see only the feedback's safeguarding state. Never deleted.
    "link.safeguarding.concern":     "-    -    -    -    -    -    -    cru  cru",
    # Raise a safeguarding concern (transient): host staff.
    "link.safeguarding.raise":       "-    -    -    -    crud -    -    crud crud",
    # LINk > Configuration > Settings (transient): host managers only; it
    # writes LINk settings of their own company, nothing else, and only the
    # manager who opened a settings page may save it.
    "link.settings":                 "-    -    -    -    -    -    -    -    cr",
    # Signposting (#18): what someone asked and where they were sent.
    # Staff log it, the steering group reads it; portal volunteers read only
    # what they logged at a gateway session (tested in link_voice).
    "link.signpost":                 "-    -    -    -    crud r    -    crud crud",
    # Steering group meetings (#20): the steering group runs them (fills
    # the agenda, marks them held); held meetings are never deleted.
    "link.steering.agenda.item":     "-    -    -    r    crud cru  -    crud crud",
    "link.steering.meeting":         "-    -    -    r    crud ru   -    crud crud",
    # Portal volunteers read open/full shifts and their own.
    "link.shift":                    "-    r    r    -    crud -    -    crud crud",
    # Shift places: volunteer contact details. Staff only; portal
    # volunteers see only their own (tested separately); never deleted (history).
    "link.shift.assignment":         "-    -    -    -    cru  -    -    cru  cru",
    "link.shift.series":             "-    -    -    -    cru  -    -    cru  cru",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.sla.compliance.report":    "-    -    -    r    r    r    -    r    r",
    "link.sla.type":                 "-    -    -    r    r    r    r    r    cru",
    # Feedback, signposting and safeguarding counts (#20): no text, no
    # person, no ward; read-only.
    "link.voice.report":             "-    -    -    r    r    r    -    r    r",
    # Applications to volunteer (#21): personal data, host staff only;
    # applicants never log in (tokens). Managers delete only declined or
    # withdrawn ones.
    "link.volunteer.application":    "-    -    -    -    cru  -    -    cru  crud",
    # Referees' answers (#21): host staff; they go with the application.
    "link.volunteer.reference":      "-    -    -    -    cru  -    -    cru  cru",
    "link.volunteer.role":           "-    r    r    r    r    r    r    r    crud",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.volunteering.report":      "-    -    -    r    r    r    -    r    r",
    "link.ward":                     "-    -    -    r    r    r    r    r    crud",
    # Ward representation report: aggregates; not for the equality officer.
    "link.ward.representation":      "-    -    -    r    r    r    -    r    r",
    "link.workplan":                 "-    -    -    r    cru  r    -    cru  crud",
    "link.workplan.action":          "-    -    -    r    cru  r    -    cru  crud",
    "link.workplan.import":          "-    -    -    -    crud -    -    crud crud",
    "link.workplan.output":          "-    -    -    r    cru  r    -    cru  crud",
    "link.workplan.progress":        "-    -    -    r    cru  r    r    cru  cru",
    # Contract monitoring report (#8): totals, no names; read-only.
    "link.workplan.rag.report":      "-    -    -    r    r    r    -    r    r",
    "link.workplan.target":          "-    -    -    r    crud r    -    crud crud",
    "link.workstream":               "-    -    -    r    cru  r    -    cru  crud",
}


MATRIX = {
    model: {
        role: "" if letters == "-" else letters
        for role, letters in zip(ROLES, row.split(), strict=True)
    }
    for model, row in TABLE.items()
}
