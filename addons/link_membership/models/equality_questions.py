# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The equality-monitoring questions, defined once for the profile, the staff
entry form and the aggregated report.

Answers follow the 2021 census for England and Wales and the protected
characteristics of the Equality Act 2010. Every question also offers
"prefer not to say" and "not asked".
"""

from odoo import fields

PREFER_NOT = ("prefer_not", "Prefer not to say")
NOT_ASKED = ("not_asked", "Not asked")
NON_ANSWERS = {PREFER_NOT[0], NOT_ASKED[0]}
YES_NO = [("yes", "Yes"), ("no", "No")]

# (field name, label, answers). Ethnic-group keys start with their broad group.
QUESTIONS = [
    (
        "ethnicity",
        "Ethnic group",
        [
            ("asian_bangladeshi", "Asian: Bangladeshi"),
            ("asian_chinese", "Asian: Chinese"),
            ("asian_indian", "Asian: Indian"),
            ("asian_pakistani", "Asian: Pakistani"),
            ("asian_other", "Asian: any other Asian background"),
            ("black_african", "Black: African"),
            ("black_caribbean", "Black: Caribbean"),
            ("black_other", "Black: any other Black background"),
            ("mixed_white_asian", "Mixed: White and Asian"),
            ("mixed_white_black_african", "Mixed: White and Black African"),
            ("mixed_white_black_caribbean", "Mixed: White and Black Caribbean"),
            ("mixed_other", "Mixed: any other Mixed background"),
            ("white_british", "White: English, Welsh, Scottish, NI or British"),
            ("white_irish", "White: Irish"),
            ("white_gypsy_traveller", "White: Gypsy or Irish Traveller"),
            ("white_roma", "White: Roma"),
            ("white_other", "White: any other White background"),
            ("other_arab", "Other: Arab"),
            ("other_any", "Other: any other ethnic group"),
        ],
    ),
    (
        "age_band",
        "Age",
        [
            ("under_18", "Under 18"),
            ("18_24", "18 to 24"),
            ("25_34", "25 to 34"),
            ("35_44", "35 to 44"),
            ("45_54", "45 to 54"),
            ("55_64", "55 to 64"),
            ("65_74", "65 to 74"),
            ("75_84", "75 to 84"),
            ("85_over", "85 and over"),
        ],
    ),
    ("sex", "Sex", [("female", "Female"), ("male", "Male")]),
    ("gender_identity_same", "Gender identity same as sex registered at birth", YES_NO),
    (
        "religion",
        "Religion or belief",
        [
            ("none", "No religion"),
            ("christian", "Christian"),
            ("buddhist", "Buddhist"),
            ("hindu", "Hindu"),
            ("jewish", "Jewish"),
            ("muslim", "Muslim"),
            ("sikh", "Sikh"),
            ("other", "Any other religion or belief"),
        ],
    ),
    (
        "sexual_orientation",
        "Sexual orientation",
        [
            ("heterosexual", "Straight or heterosexual"),
            ("gay_lesbian", "Gay or lesbian"),
            ("bisexual", "Bisexual"),
            ("other", "Other sexual orientation"),
        ],
    ),
    (
        "disability",
        "Disability",
        [
            ("limited_a_lot", "Day-to-day activities limited a lot"),
            ("limited_a_little", "Day-to-day activities limited a little"),
            ("no", "No"),
        ],
    ),
    (
        "marriage",
        "Marriage or civil partnership",
        [
            ("married", "Married"),
            ("civil_partnership", "In a civil partnership"),
            ("neither", "Neither"),
        ],
    ),
    ("pregnancy", "Pregnant or on maternity leave", YES_NO),
    ("carer", "Unpaid carer", YES_NO),
]

QUESTION_LABELS = {name: label for name, label, __ in QUESTIONS}
ANSWER_FIELDS = [name for name, __, __ in QUESTIONS]


def selection(answers):
    return [*answers, PREFER_NOT, NOT_ASKED]


def all_answers(with_non_answers=True):
    """Selection of every answer of every question, keyed "question:answer"."""
    return [
        (f"{name}:{key}", label)
        for name, __, answers in QUESTIONS
        for key, label in selection(answers)
        if with_non_answers or key not in NON_ANSWERS
    ]


def answer_group(question, answer):
    """The group an answer counts towards in coverage targets: the broad ethnic
    group for ethnicity, the answer itself otherwise; None for non-answers."""
    if not answer or answer in NON_ANSWERS:
        return None
    return answer.split("_")[0] if question == "ethnicity" else answer


ETHNIC_GROUPS = {
    "asian": "Asian",
    "black": "Black",
    "mixed": "Mixed",
    "white": "White",
    "other": "Other ethnic group",
}


def answer_groups(question):
    """{group: label} of the groups a coverage target needs one member in."""
    if question == "ethnicity":
        return dict(ETHNIC_GROUPS)
    answers = next(ans for name, __, ans in QUESTIONS if name == question)
    return dict(answers)


def answer_field(question, **kwargs):
    """A Selection field for one question, the same wherever it is asked."""
    label, answers = next(
        (lab, ans) for name, lab, ans in QUESTIONS if name == question
    )
    return fields.Selection(selection(answers), string=label, **kwargs)
