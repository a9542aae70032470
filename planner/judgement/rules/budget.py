"""Rule on an action budget said in other units than the model's flags (km, hours, visits a year)."""

from __future__ import annotations

import re

from planner.judgement.rules.atcapacity import acts_alone
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import BUDGET_IN_ACTIONS, BUDGET_IN_UNITS, SEVERAL_PER_CASE
from planner.plan.model import Category, Plan

# Effort said in time: in the step the model relieves (impact.bottleneck), it is what the step costs today.
_TIME_SPENT = re.compile(r"\b(?:hours?|crew[- ]days|person[- ]days|man-days|shifts)\b", re.IGNORECASE)


@rule(
    "action-budget-in-other-units",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Turn the action budget into cases a day at the model's unit",
        "A budget in kilometres, hours or visits a year says how much people can do, not how many of the "
        "model's flags that is; convert it (the average length, duration or visits per flagged case), "
        "set the threshold to flag no more, and judge precision in that top",
        "info",
    ),
    ask="how many of the model's flagged cases a day does that budget cover?",
    fires=(
        Case(
            {
                "impact.capacity_per_day": None,
                "product.decision_owner": "The ERP team, which can review 120 hours of invoices a month.",
            },
            evidence=(
                'product.decision_owner: "The ERP team, which can review 120 hours of invoices a month." (a '
                "budget in other units than flagged cases a day: 120 hours of invoices a month)",
                "impact.capacity_per_day: not answered (how many of the model's flagged cases a day is that?)",
            ),
        ),
    ),
    quiet=(
        Case(  # already converted to cases a day
            {"product.decision_owner": "The ERP team, which can review 120 hours of invoices a month."}
        ),
        Case(  # the hours are what the step costs today, the time the model would save: not a budget
            {
                "impact.capacity_per_day": None,
                "impact.bottleneck": "Clerks key in delivery notes, about 600 hours a month.",
            }
        ),
        Case(  # the system matches alone: nobody spends a budget on each of its flags
            {
                "impact.capacity_per_day": None,
                "product.mode": "automate",
                "product.decision": "Pairs above the threshold are reconciled automatically.",
                "product.decision_owner": "The reconciliation service; 300 hours a month of clerks today.",
            }
        ),
    ),
)
def action_budget_in_other_units(plan: Plan) -> Evidence:
    """The action budget is stated in other units than flagged cases a day.

    People who can inspect 400 km of pipe a year, or give 120 hours a month, have a budget, but not yet
    a number of the model's flags: without the conversion the threshold is set by guess and precision
    is read over all cases rather than at the budget. A count of the action itself (300 inspections a
    year) already counts flags, unless a case takes several. Hours in the bottleneck are what the step
    costs today, the time the model would save, not a budget; where the system acts on each case alone,
    nobody spends a budget on its flags.

    Mitigation: Convert the budget into flagged cases a day at the model's unit (average length,
    duration or visits per case), set the threshold to flag no more than that, and judge precision in
    that top.
    """
    if plan.impact.capacity_per_day is not None:
        return None  # answered in cases a day: the capacity rules reason from it
    if acts_alone(plan):
        return None  # the system acts on each case itself: no person spends a budget on each flag
    paths = ("product.decision", "product.decision_owner", "impact.bottleneck", "product.users")
    # a count of the action done once per flagged case (300 inspections a year) is in the model's unit
    several = any(SEVERAL_PER_CASE.find(answer_at(plan, path)) for path in paths)
    for path in paths:
        text = answer_at(plan, path)
        actions = BUDGET_IN_ACTIONS.find_all(text) if several else ()
        words = (*BUDGET_IN_UNITS.find_all(text), *actions)
        if path == "impact.bottleneck":  # the step as it is today: the time it takes is what is saved
            words = tuple(word for word in words if not _TIME_SPENT.search(word))
        if words:
            return Hint(
                words,
                (
                    quote(
                        plan, path, f"a budget in other units than flagged cases a day: {', '.join(words)}"
                    ),
                    "impact.capacity_per_day: not answered (how many of the model's flagged cases a day is "
                    "that?)",
                ),
            )
    return None
