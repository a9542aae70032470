"""Rules on outcomes written down for options nobody tried.

An outcome exists only for what was done: the tutor who was matched, the customer who was called, the
item that was shown. Teams that want a label for every row fill the gap with a guess: the options
nobody chose are labelled failures, the customers nobody called are counted as lost. The model then
learns who was chosen, not what works, and its score rewards agreeing with the old choices. A lead asks
that only tried options carry an outcome, and that a small random share of the untried be tried.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.model import Category, OutcomeRecorded, Plan

# Options or cases nobody acted on.
UNTRIED = Lexicon("""
    not chosen, never chosen, unchosen, not picked, never picked, not selected, never selected, unselected
    not offered, never offered, not shown, never shown, not recommended, never recommended
    not contacted, never contacted, not called, never called, not visited, never visited
    not matched, never matched, unmatched, not shortlisted, not booked, not invited, never invited
    not treated, untreated, not approved, not funded, not inspected, never inspected, not tried
    passed over, the rest of the shortlist, the other candidates, the other options
    did not choose, did not pick, did not select, did not offer, did not show, did not recommend
    did not contact, did not call, did not visit, did not match, did not approve, did not fund
    did not treat, did not invite, did not inspect, didn't choose, didn't pick, didn't call
    didn't contact, didn't approve, didn't offer, didn't show
    did not bid, not bid on, never bid on, not worked, never worked, not followed up, never followed up
    declined applicants, declined applications, rejected applicants, rejected applications
    turned-down applicants, not given the offer, not sent the offer, not mailed, not sent
    never sent, never mailed, never given, not phoned, never phoned, not rung, never rung, not emailed
    never emailed, not approached, never approached, not ordered from, never ordered from
    did not order from, didn't order from, didn't shortlist, did not shortlist, didn't invite
    didn't visit, didn't treat, didn't select, didn't recommend, didn't fund, didn't inspect
    nobody called, nobody contacted, nobody chose, nobody picked, nobody visited, nobody followed up
    nobody tried, nobody approached, no one called, no one contacted, no one chose, no one visited
    no one followed up, we rejected, we declined, we turned down, were rejected, were declined
    were turned down, rejected claims, declined claims, never served, not served, weren't served
    never listed, not listed, weren't listed, didn't advertise, did not advertise, never advertised
    not advertised, weren't serviced, not serviced, never serviced, weren't visited, weren't called
    weren't contacted, weren't offered, weren't shown, weren't chosen, weren't selected, weren't approved
    weren't treated, weren't inspected, weren't funded, wasn't chosen, wasn't offered, wasn't shown
""")

# Words that give those a label by assumption.
ASSUMED = Lexicon("""
    labelled, labeled, labelled as, labeled as, counted as, treated as, marked as, taken as, assumed
    assumed to be, set to, scored as, recorded as, as negatives, as negative, as a negative, as failures
    as a failure, as a no, as zero, as 0, count as, counts as, classed as, classified as, coded as
    tagged as, flagged as, deemed, default to, defaults to, defaulted to, labelled 0, labeled 0
    labelled 1, labeled 1, assumed to have, taken to be, scored 0, scored zero, given 0, given a 0
""")

# Words that say the untried are kept apart, or that their outcome is observed all the same.
OBSERVED = Lexicon("""
    unknown, left out, excluded, dropped, missing, not labelled, not labeled, unlabelled, unlabeled
    control group, control groups, holdout, hold-out, held out, at random, randomly, by whether
    whether or not, still recorded, recorded anyway
""")

# Where a team says how its labels are made.
_SAID_IN = ("product.label", "done.eval_set", "constraints.data.differences_note", "product.output")


def _guessed_outcome(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer and the words that give options nobody tried an outcome: `not chosen ... labelled`."""
    for path in _SAID_IN:
        for sentence in SENTENCE.split(answer_at(plan, path) or ""):
            untried, assumed = UNTRIED.find_all(sentence), ASSUMED.find_all(sentence)
            if untried and assumed and not OBSERVED.find(sentence):
                return path, (*untried[:1], *assumed[:1])
    return None


@rule(
    "untried-labelled-as-failures",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are options nobody tried given an outcome they never had?",
    move=Move(
        "Label only what was tried",
        "An option nobody chose, called or showed has no outcome: labelling it a failure teaches the model "
        "who was chosen, not what works, and scores it on agreeing with the old choices; keep outcomes for "
        "the tried options, and try a small random share of the others to learn about them",
        "warning",
    ),
    fires=(
        Case({"product.label": "Ad clicked; impressions we never served are set to no click."}),
        Case(
            {
                "product.label": "Offer redeemed within 14 days. Customers who were never sent the offer count as not redeemed."
            }
        ),
        Case({"product.label": "Claim paid; claims we rejected are assumed fraudulent and labelled 1."}),
        Case({"product.label": "Lead converted. Leads nobody followed up were labelled as unconverted."}),
        Case(
            {
                "product.label": "Loan repaid within a year; applicants we did not approve are labelled as "
                "defaults."
            },
            evidence=(
                'product.label: "Loan repaid within a year; applicants we did not approve are labell..." '
                "(did not approve ... labelled as: an outcome given to options nobody tried)",
                'constraints.data.outcome_recorded_for: "every_case" (only for the rows someone acted on; the '
                "rest are guessed)",
            ),
        ),
        Case(
            {
                "product.label": "Visit booked within 30 days. Practices the reps never called are counted "
                "as a no."
            },
        ),
    ),
    quiet=(
        Case(
            {
                "product.label": "Candidates not shortlisted are excluded; the label is hired or not among those interviewed."
            }
        ),
        Case({"product.label": "Loan repaid within a year, for the loans we approved."}),
        Case(  # the untried are kept apart, not labelled
            {"product.label": "Visit booked within 30 days, for the practices a rep called."}
        ),
        Case(  # the untried are a control group whose outcome is observed
            {
                "product.label": "Renewed within 60 days; customers not sent the offer are the control "
                "group, labelled by whether they renewed.",
            }
        ),
        Case(  # the untried kept apart
            {
                "product.label": "Visit booked within 30 days; practices not called are labelled as "
                "unknown and left out.",
            }
        ),
    ),
)
def untried_labelled_as_failures(plan: Plan) -> Evidence:
    """Options nobody tried are labelled as failures.

    An outcome exists only for what was done. Labelling the options nobody chose, called, showed or
    approved as failures writes the old choices into the label: the model learns to rank what people
    chose before, its score rewards agreeing with them, and a good option people passed over looks bad
    by construction. The outcome the team claims to predict was never observed for those rows.

    Mitigation: Keep an outcome only for the options that were tried (and say so in the label); learn
    about the rest from a small random share that is tried on purpose, or from an outcome recorded
    whether or not anyone acted; score the model on tried options only.
    """
    found = _guessed_outcome(plan)
    if found is None:
        return None
    path, words = found
    evidence = [quote(plan, path, f"{' ... '.join(words)}: an outcome given to options nobody tried")]
    if plan.constraints.data.outcome_recorded_for is OutcomeRecorded.every_case:
        evidence.append(
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "only for the rows someone acted on; the rest are guessed",
            )
        )
    return Hint(words, evidence)
