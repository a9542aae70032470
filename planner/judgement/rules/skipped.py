"""Rules on items that skip today's check once the model runs, supplied by those who gain when they pass.

A check today's process makes on every item (a bench test of a device, an inspection of the goods, a
verification of a document) tests the thing itself; the model reads only what is shown of it (a label, a
photo, a form), and what is shown is a claim. Where the party who supplies the item (a seller, an
applicant, a claimant, a contractor) gains when it passes unchecked, the check is the defence against
them, not only against the model's errors: they learn which items skip it and bring more of those, so the
model's misses grow once it runs, and its test, drawn from before anyone knew, cannot show it. A lead asks
what the check catches that the input cannot show, whether the suppliers will adapt (a random share of
the skipped items audited with the full check, the skipped share watched by supplier), and whether the
value counted is the check's own time, which the audit pays back in part.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, said_or_settled, ticked
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.setup import runs_once
from planner.judgement.rules.words import Lexicon
from planner.plan.fields import is_answered
from planner.plan.model import Category, Circumstance, Plan
from planner.plan.stakes import LaterPhase, SkippedFrom

# Words saying a random share of the items that skip the check still gets it in full.
AUDITED = Lexicon("""
    random audit, random audits, audited at random, audit a random, audits a random, random share,
    random sample of the skipped, random sample of skipped, randomly chosen, chosen at random, drawn at random,
    spot check, spot checks, spot-check, spot-checks, spot checked, spot-checked, mystery shopper
""")
_AUDIT_IN = ("done.when_met", "after_launch.fallback", "done.worst_error_metric", "product.decision")
_SKIPPING = (LaterPhase.retires_check, LaterPhase.removes_check)
_PHASE_NOTE = (
    "a check stops for the items the model passes: the check tests the thing, the model reads what is shown"
)
_GAINERS_NOTE = (
    "they gain when an item passes unchecked: they learn which items skip the check and bring more"
)
_SAVING_NOTE = (
    "the saving counted: where it is the check's own time, it exists only while items skip the check; count "
    "it net of a random audit, and against what one item steered past the check costs"
)
_BASE = {"done.later_phase": ["retires_check"], "impact.value_per_item": 4}
_SKIPS = 'done.later_phase: ["retires_check"] (' + _PHASE_NOTE + ")"


@rule(
    "skipped-check-gamed",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Audit a random share of the items that skip the check, for good",
        "Those who supply the items gain when one passes unchecked and will learn which ones skip it; keep the "
        "full check on a random share of the skipped items (they cannot tell which), watch the skipped share "
        "and the audit's finds by supplier, and count the saving net of the audit",
        "warning",
    ),
    fires=(
        Case(
            {**_BASE, "done.skipped_from": "gainers"},
            evidence=(
                _SKIPS,
                f'done.skipped_from: "gainers" ({_GAINERS_NOTE})',
                f"impact.value_per_item: 4 ({_SAVING_NOTE})",
            ),
        ),
        Case(  # claims paid without the assessor's visit, to claimants who gain: errors serious, high
            {
                "done.later_phase": ["removes_check"],
                "product.circumstances": ["party_gains"],
                "impact.error_severity": "serious",
            },
            evidence=(
                'done.later_phase: ["removes_check"] (' + _PHASE_NOTE + ")",
                'product.circumstances: "party_gains" (someone who gains from a favourable output supplies its '
                f"inputs: {_GAINERS_NOTE})",
                f"impact.value_per_item: 4 ({_SAVING_NOTE})",
                'impact.error_severity: "serious" (an item steered past the check is an error nobody sees)',
            ),
        ),
        Case(  # nobody knows who supplies them: a question
            {"done.later_phase": ["retires_check"], "done.skipped_from": "not_known"},
        ),
    ),
    quiet=(
        Case({**_BASE, "done.skipped_from": "own"}),  # our own machines' parts: nobody gains from passing
        Case({"done.later_phase": ["wider_scope"], "product.circumstances": ["party_gains"]}),
        Case(
            {
                **_BASE,
                "done.skipped_from": "gainers",
                "done.when_met": "One item in ten that the app passes still gets the full test, drawn at random.",
            }
        ),
    ),
)
def skipped_check_gamed(plan: Plan) -> Evidence:
    """Items skip today's check once the model runs, and those who supply them gain when they pass.

    The check tests the thing (the device, the goods, the document); the model reads a claim about it (a
    label, a photo, a form). Those who supply the items and gain when one passes unchecked learn which ones
    skip the check and bring more of those: faulty goods that photograph well, forms written to pass.
    The model's misses grow once it runs, and no test drawn from before can show it; the saving counted is
    often the check's own time, which exists only while items skip it.

    Mitigation: Keep the full check on a random share of the skipped items, for good, so no supplier can
    tell which; watch the skipped share and the audit's finds by supplier over time; count the saving net
    of the audit and against what an item steered past the check costs; keep the check for good where the
    harm of one such item is serious.
    """
    phases = [phase for phase in _SKIPPING if phase in plan.done.later_phase]
    if not phases or runs_once(plan) or said_or_settled(plan, _AUDIT_IN, AUDITED):
        return None
    answer = plan.done.skipped_from
    if answer in (SkippedFrom.own, SkippedFrom.neutral):
        return None
    gains = ticked(plan, Circumstance.party_gains)
    if answer is SkippedFrom.gainers:
        fact = quote(plan, "done.skipped_from", _GAINERS_NOTE)
    elif answer is SkippedFrom.not_known:
        asked = "who supplies the items that skip it, and do they gain when one passes?"
        fact = quote(plan, "done.skipped_from", asked)
    elif gains:
        fact = f"{gains[:-1]}: {_GAINERS_NOTE})"
    else:
        return None
    evidence = [quote(plan, "done.later_phase", _PHASE_NOTE), fact]
    if is_answered(plan.impact.value_per_item):
        evidence.append(quote(plan, "impact.value_per_item", _SAVING_NOTE))
    if answer is not SkippedFrom.not_known and serious_harm(plan):
        evidence.append(severity_quote(plan, "an item steered past the check is an error nobody sees"))
        return tuple(evidence)
    return Tempered(3, evidence)
