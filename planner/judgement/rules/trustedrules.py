"""Rules on trusting the team's plain rules too far: hoped for on unstructured data, or acting alone where
false alarms cost most."""

from __future__ import annotations

from planner.judgement.rules.base import RULES_PRECISE, Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_is, quote, says_nothing
from planner.judgement.rules.lexicon import ACTS_ALONE, LIFTS, PEOPLE
from planner.judgement.rules.words import Lexicon, mentions, not_denied
from planner.plan.model import UNSTRUCTURED, Category, ErrorCost, Mode, Plan, RulesVerdict


@rule(
    "rules-on-unstructured-data",
    Category.model,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"product.data_kinds": ["images"], "heuristics.verdict": "rules_suffice"},
            evidence=('product.data_kinds: ["images"]', 'heuristics.verdict: "rules_suffice"'),
            also=frozenset(["rules-may-suffice"]),
        ),
    ),
)
def rules_on_unstructured_data(plan: Plan) -> Evidence:
    """Rules hoped for on unstructured data.

    Images, audio, video and free text rarely yield to hand-written rules; a claim that rules
    suffice there usually falls apart on real inputs.

    Mitigation: Measure the rules' coverage and accuracy on a few hundred real inputs; keep them for
    the obvious cases (out-of-scope inputs) and route the rest to people or a model.
    """
    kinds = plan.product.data_kinds
    if kinds and all(kind in UNSTRUCTURED for kind in kinds):
        found = answer_is(plan, "heuristics.verdict", RulesVerdict.rules_suffice)
        return (quote(plan, "product.data_kinds"), *found) if found else None
    return None


# Words that say a rule matches an exact key (an identifier, a GTIN, a barcode): no guess, a lookup.
_EXACT_KEY = Lexicon("""
    exact match, exact-match, exact matches, exactly matches, exactly match, exact gtin, same gtin, gtin match
    exact ean, same ean, ean match, exact barcode, same barcode, barcode match, exact id, same id, id match
    exact identifier, same identifier, identifier match, exact key, same key, key match, exact sku, same sku
    sku match, exact serial number, same serial number
""")
# Words that say a rule runs in production already.
_RUNS_TODAY = Lexicon("""
    today, already, in production, currently, runs now, in place, in use, as now, as it does now
    existing rule, existing rules, existing check, existing checks
""")


def _exact_key_running(plan: Plan, condition: str | None, action: str | None) -> bool:
    """Whether a rule matches an exact key (an identifier, a GTIN) and runs today: the rule or the
    current process says so. Such a rule is no guess whose false alarms are yet to be counted."""
    if not _EXACT_KEY.find(condition):
        return False
    today = plan.product.current_solution
    return bool(
        _RUNS_TODAY.find(condition)
        or _RUNS_TODAY.find(action)
        or (today and not says_nothing(today) and _EXACT_KEY.find(today))
    )


@rule(
    "automatic-rules-costly-errors",
    Category.product,
    likelihood=4,
    impact=3,
    ask="do the rules act alone where false alarms cost most?",
    move=Move(
        "Let the rules route to people rather than act alone",
        "A rule that blocks or declines by itself turns every false positive into a harmed customer; "
        "while false positives cost more, send its hits to review and measure its precision first",
        "warning",
    ),
    fires=(
        Case(
            {"heuristics.rules[0].action": "Reject the invoice automatically."},
            evidence=(
                'heuristics.rules[0].action: "Reject the invoice automatically."',
                'product.mode: "augment"',
            ),
        ),
        Case(  # an exact match, but a new rule nobody runs yet: its false alarms are still unknown
            {
                "heuristics.rules[0].condition": "Exact GTIN match with a product in the catalogue.",
                "heuristics.rules[0].action": "Reject the new listing automatically.",
                "product.current_solution": "Editors compare new listings by eye.",
            },
            evidence=(
                'heuristics.rules[0].action: "Reject the new listing automatically."',
                'product.mode: "augment"',
            ),
        ),
    ),
    quiet=(
        Case({"heuristics.rules[0].action": "Hold for a duplicate check."}),
        Case({"heuristics.rules[0].action": "Reject the invoice and send it to a clerk."}),
        Case({"heuristics.rules[0].action": "Do not block it.", "impact.costlier_error": "false_positive"}),
        Case(  # an exact identifier match that runs in production today: a lookup, not a guess
            {
                "heuristics.rules[0].condition": "Exact GTIN match with a product already in the catalogue.",
                "heuristics.rules[0].action": "Reject the new listing automatically, as the catalogue does today.",
            }
        ),
    ),
)
def automatic_rules_costly_errors(plan: Plan) -> Evidence:
    """Rules act on their own where false alarms cost most.

    Rules that decline, block or delete by themselves make every false positive a harmed customer,
    yet the team says false positives cost more, or that people should decide (augment).

    Mitigation: Have the rules hold cases for a person instead, measure their precision on real
    cases, and automate only the rules that are right nearly always.
    """
    acting: list[str] = []
    words: list[str] = []
    for index, candidate in enumerate(plan.heuristics.rules):
        said = not_denied(ACTS_ALONE.find_all(action := candidate.action or ""), action, LIFTS, Lexicon(""))
        if _exact_key_running(plan, candidate.condition, candidate.action):
            continue  # an exact identifier match running today: a lookup, not a guess
        if said and not mentions(candidate.action, PEOPLE):  # "reject and send to a technician" routes
            acting.append(quote(plan, f"heuristics.rules[{index}].action"))
            words += said
    if not acting or (plan.heuristics.accuracy_figure or 0) >= RULES_PRECISE:
        return None  # rules measured right nearly always may act alone
    why = answer_is(plan, "impact.costlier_error", ErrorCost.false_positive) or answer_is(
        plan, "product.mode", Mode.augment
    )
    return Hint(words, (*acting[:2], *why)) if why else None
