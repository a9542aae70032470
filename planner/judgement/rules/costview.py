"""Rules on the team's cost view held against its own other answers: the error said to cost more
(`impact.costlier_error`) is not the one the harm, the severity or the automation describe.

Where the plan's answers disagree, the cut-off, the metric and the checks are set from the wrong side; a
lead names both answers and asks which one holds before anything is tuned to either.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.errorkinds import FALSE_ALARM, MISS, kind_in_text
from planner.judgement.rules.errorwords import named_as_cheap
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import (
    FALSE_ALARM_SAID,
    MISS_SAID,
    ONE_SIDE_COSTS,
    OVER_QUOTED,
    TOO_FEW,
    TOO_MANY,
    UNDER_QUOTED,
)
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.model import Category, ErrorCost, Mode, PersonEffect, Plan, TaskType
from planner.plan.stakes import HarmKind

_STATED = {ErrorCost.false_negative: MISS, ErrorCost.false_positive: FALSE_ALARM}
# Outputs that are no flag against someone: a value left out can refuse a person as surely as a wrong one.
_NO_FLAGS = (TaskType.extraction, TaskType.generation)

# Where the team writes what each error costs, the harm or the work it makes.
_COST_PATHS = ("impact.error_harm", "impact.action_cost", "product.current_solution", "product.goal")
# The two sides of an error, for a yes/no call and for an amount or an estimate.
_SIDES: dict[str, Lexicon] = {"a missed case": MISS_SAID, "a false alarm": FALSE_ALARM_SAID}
_AMOUNT_SIDES: dict[str, Lexicon] = {
    "an amount too low": TOO_FEW + UNDER_QUOTED,
    "an amount too high": TOO_MANY + OVER_QUOTED,
}


def one_side_costs(plan: Plan) -> tuple[str, str, tuple[str, ...]] | None:
    """`similar` ticked as the costlier error, while the team's words name one error only, in a sentence
    saying it costs or is absorbed (`overruns, which we absorb because the quote is fixed price`): the
    answer's path, that error, and the words. None where the words name both errors."""
    sides = _AMOUNT_SIDES if plan.product.task in (TaskType.regression, TaskType.forecasting) else _SIDES
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    named: set[str] = set()
    for path in _COST_PATHS:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for sentence in SENTENCE.split(text):
            said = {side: words for side, lexicon in sides.items() if (words := lexicon.find_all(sentence))}
            named |= set(said)
            costs = ONE_SIDE_COSTS.find_all(sentence)
            if len(said) == 1 and costs:
                side, words = next(iter(said.items()))
                found.setdefault(side, (path, (*words, *costs)))
    if len(named) != 1 or len(found) != 1:
        return None  # both errors named: the team weighed them, as `similar` says
    side, (path, words) = next(iter(found.items()))
    return path, side, words


@rule(
    "cost-view-contradicted",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Settle which error costs more before tuning anything to it",
        "The error the team says costs more is not the one its other answers describe: the cut-off, the "
        "metric and who checks what all follow from it, so put a rough cost on each error and settle it",
        "warning",
    ),
    ask="the costlier error the team ticked is not the one its other answers describe: which one holds?",
    fires=(
        Case(  # a miss costs more, yet a false flag refuses someone unchecked
            {
                "constraints.data.personal_data": True,
                "impact.costlier_error": "false_negative",
                "product.mode": "automate",
                "impact.harm_kinds": ["rights"],
            },
            evidence=(
                'impact.costlier_error: "false_negative" (the team says a missed case costs more)',
                'product.mode: "automate" (each flag is acted on with nobody checking it)',
                'impact.harm_kinds: ["rights"] (a wrong flag, acted on unchecked, takes away someone\'s '
                "rights or access: that is a false alarm's cost)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # wasted trips said to cost most, yet the serious harm written is a missed case
            {
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A missed gas leak can injure the household.",
            },
        ),
        Case(  # `similar` ticked, yet the words say the team absorbs one error: a question naming them
            {
                "product.task": "regression",
                "impact.costlier_error": "similar",
                "impact.error_harm": "Jobs that run over, which we absorb because the quote is fixed price.",
            },
            evidence=(
                'impact.costlier_error: "similar" (the team says both errors cost about the same)',
                'impact.error_harm: "Jobs that run over, which we absorb because the quote is fixed price." (the '
                "words say an amount too low costs: is it the costlier one?)",
            ),
        ),
        Case(  # a missed case said to cost, nothing of a false alarm
            {"impact.costlier_error": "similar", "impact.error_harm": "A missed defect costs us a recall."}
        ),
        Case(  # extraction: wrong values ticked as costlier, yet the serious harm written is a field left out
            {
                "product.task": "extraction",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A missing field on a benefit form gets the claim refused.",
            }
        ),
        Case(  # a drafted tenancy notice: invented statements ticked costlier, yet the harm is a part left out
            {
                "product.task": "generation",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A notice leaves out the tenant's right to appeal, and the eviction fails.",
            }
        ),
    ),
    quiet=(
        Case(  # a drafted discharge letter: the invented dose is the false positive the pharmacist misses
            {
                "product.task": "generation",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A letter states a wrong dose, the pharmacist misses it and the patient takes it.",
            }
        ),
        Case(  # `similar`, and the words weigh both errors
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "A missed defect costs a rework; a false alarm costs a re-inspection.",
            }
        ),
        Case(  # `similar`, and the words name one error with no cost to it
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "A missed defect is caught at the next station.",
            }
        ),
        Case(  # the harm written is the same kind as the tick
            {
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A false alarm sends an engineer out for nothing.",
            }
        ),
        Case(  # bursaries granted to the students it picks: a deserving student missed is the one refused
            {
                "impact.costlier_error": "false_negative",
                "product.mode": "automate",
                "impact.harm_kinds": ["rights"],
                "product.output": "The students offered a hardship bursary this term.",
                "product.person_effect": "grants",
            }
        ),
        Case(  # extraction: a missed field said to cost more, and it can refuse someone as a wrong one can
            {
                "product.task": "extraction",
                "impact.costlier_error": "false_negative",
                "product.mode": "automate",
                "impact.harm_kinds": ["rights"],
            }
        ),
        Case(  # extraction: a wrong field is the false positive, and the missed field the cheap one
            {
                "product.task": "extraction",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
                "impact.error_harm": "A wrong amount is paid out unchecked; a missed field only goes to a clerk.",
            }
        ),
        Case(  # grain batches flagged for destruction unchecked: the rows name no person, a flag refuses no one
            {
                "impact.costlier_error": "false_negative",
                "product.mode": "automate",
                "impact.harm_kinds": ["money", "rights"],
                "product.output": "Each grain batch flagged as contaminated is held back from sale.",
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # a person checks each flag: a wrong one is caught before it refuses anyone
            {
                "impact.costlier_error": "false_negative",
                "product.mode": "augment",
                "impact.harm_kinds": ["rights"],
            }
        ),
    ),
)
def cost_view_contradicted(plan: Plan) -> Evidence:
    """The error the team says costs more is not the one its other answers describe.

    The costlier error sets the cut-off, the metric and who checks what. Where the team ticks a missed
    case as the costlier error while each flag refuses someone unchecked, or ticks a false alarm while the
    serious harm it wrote down is a missed case, one of the answers is wrong, and whichever the model is
    tuned to, the other side's errors are the ones that hurt.

    Mitigation: Put a rough cost on each error (money, harm, a complaint, a refusal), settle which one
    costs more with whoever owns the decision, and correct the tick or the harm before choosing the
    cut-off and the metric.
    """
    impact = plan.impact
    if impact.costlier_error is ErrorCost.similar:
        one = one_side_costs(plan)
        if one is None:
            return None
        path, side, words = one
        tick = quote(plan, "impact.costlier_error", "the team says both errors cost about the same")
        return Hint(words, (tick, quote(plan, path, f"the words say {side} costs: is it the costlier one?")))
    stated = _STATED.get(impact.costlier_error) if impact.costlier_error else None
    if stated is None:
        return None
    said = "a missed case" if stated == MISS else "a false alarm"
    tick = quote(plan, "impact.costlier_error", f"the team says {said} costs more")
    flags = plan.product.task not in _NO_FLAGS
    if (
        stated == MISS
        and flags
        and plan.product.mode is Mode.automate
        and HarmKind.rights in impact.harm_kinds
        and plan.product.person_effect is not PersonEffect.grants
        and plan.constraints.data.personal_data is not False
    ):
        # an output that grants may find the people to grant (a miss then refuses someone): only where it
        # flags people for refusal or scrutiny is a wrong flag the one that takes their rights away; where
        # the rows hold no personal data the flag names no one, and the rights harmed are a miss's too (a
        # rule breached, an outbreak left untreated)
        return (
            tick,
            quote(plan, "product.mode", "each flag is acted on with nobody checking it"),
            quote(
                plan,
                "impact.harm_kinds",
                "a wrong flag, acted on unchecked, takes away someone's rights or access: that is a false "
                "alarm's cost",
            ),
        )
    if not serious_harm(plan):
        return None
    text = kind_in_text(impact.error_harm, plan.product.task)
    if text is None or text[0] == stated or text[0] not in (MISS, FALSE_ALARM):
        return None
    kind, words = text
    if impact.error_harm and named_as_cheap(impact.error_harm, words):
        return None  # the harm names that kind as the cheap error: it agrees with the tick
    harm = quote(plan, "impact.error_harm", f"the serious harm written down is {kind}: {', '.join(words)}")
    return Hint(words, (tick, harm, severity_quote(plan)))
