"""Rules on extracting values another system already holds as fields.

A claim typed into a portal form, an invoice printed by our own billing system, a report exported from
the sender's database: the values the extraction plan reads off the page were structured fields before
the document existed. A lead asks for them first; read from the form or the system (an export, an API,
a query), they are exact, cost nothing per document and need no evaluation; only the values nobody
holds are left to extract. The rule reasons from `product.values_held`, asked of extraction plans.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.plan.model import Category, Plan, TaskType, ValuesHeld


@rule(
    "extracting-values-held-elsewhere",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Read the values the source system holds, and extract only the rest",
        "Values a portal form or the system that produced the document already holds as fields are exact "
        "there: read them (an export, an API, a query) instead of extracting them from the page, and keep "
        "the extraction, and its evaluation, for the values nobody holds",
        "warning",
        first=True,
        reshapes=True,
    ),
    fires=(
        Case(  # some values held as fields: read them, extract the rest
            {"product.task": "extraction", "product.values_held": "some"},
            evidence=(
                'product.values_held: "some" (the form or system that produced the document holds some of '
                "these values as fields: read them there, and extract only the rest)",
            ),
        ),
        Case(  # nobody asked: a low note, a question worth a call to whoever runs the form
            {"product.task": "extraction", "product.values_held": "not_checked"},
            evidence=(
                'product.values_held: "not_checked" (does the form or system that produced the document '
                "hold any of these values as fields? ask whoever runs it before building the extraction)",
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "extraction", "product.values_held": "none"}),
        Case({"product.task": "extraction", "product.values_held": None}),
        Case({"product.task": "classification", "product.values_held": "some"}),
    ),
)
def extracting_values_held_elsewhere(plan: Plan) -> Evidence:
    """The extraction reads values another system already holds as fields.

    A portal form, the sender's system or our own system that printed the document holds some of the
    values as structured fields. Extracting them from the page adds errors, a cost per document and an
    evaluation where a read of the source would be exact and free.

    Mitigation: Read those values from the form or the system that holds them (an export, an API, a
    query of its database), join them to each document by its reference, and extract only the values
    nobody holds; where nobody has asked, ask whoever runs that system before building the extraction.
    """
    if plan.product.task is not TaskType.extraction:
        return None
    held = plan.product.values_held
    if held is ValuesHeld.some:
        note = (
            "the form or system that produced the document holds some of these values as fields: read them "
            "there, and extract only the rest"
        )
        return Tempered(3, (quote(plan, "product.values_held", note),))
    if held is ValuesHeld.not_checked:
        note = (
            "does the form or system that produced the document hold any of these values as fields? ask "
            "whoever runs it before building the extraction"
        )
        return Tempered(1, (quote(plan, "product.values_held", note),))
    return None
