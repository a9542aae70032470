"""A rule on today's process treating things before their outcome shows (a preventive spray, a prophylactic
dose): the history holds fewer outcomes where it acted, and nobody has said how the outcome is recorded."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# Words saying today's process acts before the outcome is observed, to keep it from happening.
PREVENTIVE = Lexicon("""
    preventive, preventively, preventative, preventatively, prophylactic, prophylactically, pre-emptive
    pre-emptively, preemptive, preemptively, as a precaution, precautionary
""")
_TODAY = ("product.current_solution", "heuristics.humans_handle")
_SPRAYS = {
    "constraints.data.outcome_recorded_for": None,
    "product.current_solution": "Growers scout each bed weekly; they spray preventively when the forecast is wet.",
}


@rule(
    "treated-before-outcome",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Record where today's process treated before the outcome, and say for which cases it is recorded",
        "Where today's process treats before the outcome shows, the history holds fewer outcomes exactly "
        "where the risk was highest: log each treatment with its date and place, score the model apart on "
        "untreated cases, and expect more positives once the product replaces that treatment",
        "warning",
    ),
    ask="does today's process treat things before the outcome shows, so the history holds fewer outcomes there?",
    fires=(
        Case(
            _SPRAYS,
            evidence=(
                'product.current_solution: "Growers scout each bed weekly; they spray preventively when the for..." '
                "(today's process acts before the outcome shows: preventively)",
                "constraints.data.outcome_recorded_for: not answered (is the outcome recorded where today's "
                "treatment came first?)",
            ),
        ),
    ),
    quiet=(
        Case({**_SPRAYS, "constraints.data.outcome_recorded_for": "every_case"}),
        Case(
            {**_SPRAYS, "product.current_solution": "Growers scout each bed weekly and spray what they find."}
        ),
        Case({**_SPRAYS, "constraints.data.labels": ["none"]}),
    ),
)
def treated_before_outcome(plan: Plan) -> Evidence:
    """Today's process treats things before their outcome shows, and the team has not said how that is recorded.

    A preventive spray, a prophylactic dose or a pre-emptive repair keeps the outcome from happening where
    today's process expected it: the history shows fewer outcomes exactly there, and a model learns those
    conditions are safe, or never sees what they look like. Once the product replaces that treatment, the
    outcomes come back where the data held few.

    Mitigation: Record each treatment with its date and place, tick whether acting changes the outcome
    (`outcome_recorded_for`), score the model apart on untreated cases, and keep part of today's treatment
    until the model has met the conditions it suppressed.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for is not None or "none" in data.labels:
        return None  # the team said for which cases the outcome is recorded; or nothing is learned from it
    said = first_said(plan, _TODAY, PREVENTIVE)
    if said is None:
        return None
    path, words = said
    return Hint(
        words,
        (
            quote(plan, path, f"today's process acts before the outcome shows: {', '.join(words)}"),
            "constraints.data.outcome_recorded_for: not answered (is the outcome recorded where today's "
            "treatment came first?)",
        ),
    )
