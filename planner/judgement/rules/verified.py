"""Rules on a verification step the model takes over: today a person checks that whoever claims is
entitled (the owner of a lost item describes it, an applicant shows an identity or a proof), and that
check is what stops a false claim. A model that matches and hands over, or that sends the claimant a
photo of what it found, replaces the check with something a false claimant can game: describe vaguely
and be shown the item, claim what was never theirs.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, handled, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Mode, Plan

# A person's check today that the claimant is entitled: ownership, identity, eligibility.
VERIFIES = Lexicon("""
    proof of ownership, proves ownership, prove ownership, proving ownership, ownership check, ownership checks
    checks ownership, check ownership, checked ownership, verify ownership, verifies ownership
    describe the item, describes the item, describe their item, describes their item, identifying marks
    distinguishing marks, identity check, identity checks, checks identity, check identity, checks their id
    checks the id, photo id, proof of identity, verifies identity, verify identity, verifies their identity
    eligibility check, eligibility checks, checks eligibility, check eligibility, verifies eligibility
    proof of address, proof of purchase, proof of entitlement, asks the claimant, asks the owner
""")
# What the model sends the claimant: a photo or the details of what it found.
SHOWS = Lexicon("""
    photo of the item, photos of the item, photo of the found item, photos of the found item
    picture of the item, pictures of the item, image of the item, images of the item, photo of the match
    photo of the matched item, photos of the matched item, details of the found item, details of the item
""")
# ...to whoever claims it.
CLAIMANT = Lexicon("""
    claimant, claimants, whoever claims, whoever reported, the person who reported, the reporter, the caller
    the customer, the passenger, the owner, the applicant, the member
""")
# Words saying the plan keeps a check against false claims, or has weighed them.
GUARDED = Lexicon("""
    false claim, false claims, false claimant, false claimants, fraudulent claim, fraudulent claims
    claim fraud, fraud check, fraud checks, before handover, before hand-over, before it is handed over
    withheld until, held back until, without showing the photo, photo is not sent, photos are not sent
    never sent the photo, must describe, still describes, still describe, still proves, still prove
""")
# Inputs that carry the check's result from records: an address match, a registration check.
CHECKED_BY_RECORDS = Lexicon("""
    check result, check results, address match, address matched, match result, verified against, checked against
    registration check, identity verification, id verification, document verification, verification result
""")

_PLANNED = (
    "product.decision",
    "product.output",
    "product.decision_owner",
    "heuristics.humans_handle",
    "after_launch.fallback",
    "press_release.solution",
)


@rule(
    "claimant-check-automated",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep the check that stops a false claimant",
        "Today a person checks that whoever claims is entitled (describes the item, shows an identity or a "
        "proof); a model that matches and hands over, or sends the claimant what it found, lets a false "
        "claimant describe vaguely and be shown or given the item: say what the check prevented, keep the "
        "claimant proving it (describing what is not shown, an identity at handover), and count false claims",
        "warning",
    ),
    ask="what did today's check stop, and how does the automated path stop a false claimant?",
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.current_solution": "A clerk asks the owner to describe the item before handing it over.",
            },
            evidence=(
                'product.current_solution: "A clerk asks the owner to describe the item before handing it '
                'over." (asks the owner, describe the item: a person checks today that the claimant is '
                "entitled)",
                'product.mode: "automate" (the model takes the step over)',
            ),
        ),
        Case(
            {
                "product.output": "The best matching found item, with a photo of the item sent to the "
                "claimant by email.",
            },
        ),
    ),
    quiet=(
        Case(  # a person still decides: augment, nothing sent to the claimant
            {
                "product.current_solution": "A clerk asks the owner to describe the item before handing it over."
            }
        ),
        Case(  # the check kept at handover
            {
                "product.mode": "automate",
                "product.current_solution": "A clerk asks the owner to describe the item before handing it over.",
                "product.decision": "The match is proposed; the owner must describe the item before handover.",
            }
        ),
        Case({"product.mode": "automate", "product.current_solution": "Clerks search the log by date."}),
        Case(  # the model reads the check's result from records
            {
                "product.mode": "automate",
                "product.current_solution": "An officer checks proof of address for every application.",
                "product.inputs": "Application form and the council tax address match.",
            }
        ),
    ),
)
def claimant_check_automated(plan: Plan) -> Evidence:
    """The model takes over the check that whoever claims is entitled, or shows the claimant what it found.

    Where a person today checks ownership, identity or eligibility before handing something over, that
    check is what stops false claims. A model that matches and hands over on its own, or sends the
    claimant a photo of the item it found, lets anyone describe something vaguely and be shown (or given)
    the item: fishing and false claims, unmeasured by any accuracy figure.

    Mitigation: Say what the check prevents today; keep the claimant proving entitlement on the automated
    path (describing what is not shown, an identity at handover); never send what would let them fake
    it; count false claims after launch.
    """
    if any(GUARDED.find(answer_at(plan, path)) for path in _PLANNED) or handled(plan, GUARDED):
        return None
    if any(VERIFIES.find(answer_at(plan, path)) for path in _PLANNED):
        return None  # the check is kept on the new path
    if CHECKED_BY_RECORDS.find(answer_at(plan, "product.inputs")):
        return None  # the model reads the check's result from records: the check still runs
    shown = first_said(plan, ("product.output", "product.decision", "press_release.solution"), SHOWS)
    if shown and CLAIMANT.find(answer_at(plan, shown[0])):
        path, words = shown
        note = f"{', '.join(words)}: what the model found goes to whoever claims it"
        return Hint(words, (quote(plan, path, note),))
    checks = VERIFIES.find_all(answer_at(plan, "product.current_solution"))
    if not checks or plan.product.mode is not Mode.automate:
        return None
    note = f"{', '.join(checks)}: a person checks today that the claimant is entitled"
    return Hint(
        checks,
        (
            quote(plan, "product.current_solution", note),
            quote(plan, "product.mode", "the model takes the step over"),
        ),
    )
