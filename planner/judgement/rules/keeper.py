"""A label that one service's or one person's records define: what happens elsewhere is never seen.

Attendances at one hospital, what a surveyor noted, complaints received through one channel: each records
the events that reach its keeper, and a case whose event happened at another hospital, unnoticed or by
another route reads as a negative. A tick that nothing limits the recorded outcome does not show it; a
lead asks where else the event can happen.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, OutcomeLimit, Plan

# A label read from what reached one keeper: one hospital, one channel, one person's notes.
_ONE_KEEPER = Lexicon("""
    at our hospital, to our hospital, at this hospital, to this hospital, at our clinic, to our clinic
    at our practice, to our practice, our emergency department, our a&e, to our wards, to our ward
    attendances at, attendance at, readmission to, readmissions to, readmitted to, re-presented to
    returned to our, returns to our, came back to our, come back to our, back to our
    noted by the, as noted by, surveyor noted, surveyor's notes, surveyor's note, inspector noted
    inspector's notes, the surveyor recorded, the inspector recorded, the auditor noted
    complaints received, complaint received, received by our, received through our, received via our
    on our helpline, to our helpline, to our call centre, to our contact centre, by our call centre
    reported to us, told us, contacted us, called us, emailed us
""")
# Words that say the record reaches past its keeper: linked, national, any provider, every channel.
_WIDER = Lexicon("""
    any hospital, all hospitals, every hospital, any provider, all providers, national, nationwide
    linked, linkage, record linkage, regional registry, registry, all channels, every channel, any channel
    all routes, every route, any surveyor, cross-checked, death register, claims data
""")


@rule(
    "label-seen-by-one-keeper",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Find where else the event happens, and link or estimate it",
        "A label read from one service's or one person's records counts only the events that reached them; "
        "on a sample, look for the same event at the other hospitals, channels or observers (a registry, a "
        "linked record, a follow-up call) and measure what share the record misses",
        "warning",
    ),
    ask="does the label's record see the events that happen elsewhere, at another service or by another route?",
    fires=(
        Case(
            {
                "product.label": "Readmission to our hospital within 30 days of discharge.",
                "constraints.data.outcome_limits": ["none"],
            },
            evidence=(
                'product.label: "Readmission to our hospital within 30 days of discharge." (read from what '
                "reached one keeper: readmission to; an event elsewhere reads as none)",
                'constraints.data.outcome_limits: ["none"] (how would an event at another service, or one '
                "nobody noted, show in this record?)",
            ),
        ),
    ),
    quiet=(
        Case(  # linked to the national record: events elsewhere are seen
            {
                "product.label": "Readmission to any hospital within 30 days, from the linked national record.",
                "constraints.data.outcome_limits": ["none"],
            }
        ),
        Case(  # the limit is ticked: outcome-counts-reports weighs it
            {
                "product.label": "Readmission to our hospital within 30 days of discharge.",
                "constraints.data.outcome_limits": ["reported_only"],
            }
        ),
        Case(  # a label read from the case's own record, not from what reached one keeper
            {
                "product.label": "Invoice paid twice, confirmed by the accounts team.",
                "constraints.data.outcome_limits": ["none"],
            }
        ),
    ),
)
def label_seen_by_one_keeper(plan: Plan) -> Evidence:
    """The label sees only what reaches one service or one person.

    A label defined by one keeper's records (attendances at one hospital, what a surveyor noted,
    complaints received through one channel) counts the events that reached that keeper; a patient
    admitted elsewhere, a defect nobody noted, a complaint made by another route all read as negatives,
    so the model learns who comes back to this keeper, not who has the event, even where the team ticked
    that nothing limits the outcome.

    Mitigation: On a sample, look for the event where else it can happen (a registry, linked records, a
    follow-up call, a second observer); measure the share the record misses, and link or widen the label
    before training.
    """
    limits = plan.constraints.data.outcome_limits
    if limits and limits != [OutcomeLimit.none]:
        return None  # a limit is ticked: the record rules weigh it
    label = plan.product.label
    words = _ONE_KEEPER.find_all(label)
    if not words:
        return None
    paths = ("product.label", "constraints.data.differences_note", *source_paths(plan))
    if any(_WIDER.find(answer_at(plan, path)) for path in paths):
        return None
    note = f"read from what reached one keeper: {', '.join(words)}; an event elsewhere reads as none"
    asked = "how would an event at another service, or one nobody noted, show in this record?"
    limit = (
        quote(plan, "constraints.data.outcome_limits", asked)
        if limits
        else f"constraints.data.outcome_limits: not answered ({asked})"
    )
    return Hint(words, (quote(plan, "product.label", note), limit))
