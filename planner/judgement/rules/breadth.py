"""Rules on a label broader than the harm the plan exists to prevent.

The team rates its errors serious because of the worst outcome (a worker seriously injured, a patient
harmed, a main that bursts), then labels every event of that kind, most of them minor. The model learns
what predicts the common minor events; the serious ones are few and often have other causes (falls from
height, not slips), so a model that ranks minor incidents well can miss the serious ones. A lead asks
how many serious events the data holds and that the model be scored on them apart.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, truth_paths
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# Words that grade an event as the serious kind.
GRAVE = Lexicon(
    """
    serious, seriously, severe, severely, major, fatal, fatally, fatality, fatalities, death, deaths
    life-threatening, life threatening, catastrophic, permanent, permanently, disabling, hospitalised
    hospitalized, hospitalisation, hospitalization, reportable, riddor, lost-time, lost time, high-severity
    high severity, critical incident, critical incidents, sentinel event, sentinel events, never event
    never events, weighted by severity, by severity, severity-weighted, severity weighted
    injures, injured, injuring, killed, kills, dies, died, hurt, hurts, harmed, ends in hospital
    critical, destroys, destroyed, derailment, derailments, needing surgery, needs surgery, needed surgery
    requiring surgery, requires surgery, grade 3 or higher, grade 3 or above, grade 4 or higher
""",
    # a treatment that kills pests, lice or weeds: the stock is treated, no one is hurt
    everyday=(
        (
            "kills, killed",
            "pest, pests, weevil, weevils, lice, bacteria, germs, weeds, insects, mites, fungus, mould, mold"
            " parasites, larvae, algae, treatment, treatments, fumigation, fumigate, pesticide, pesticides"
            " disinfectant, biocide, sterilises, sterilizes",
        ),
    ),
)

# Events a label counts.
EVENTS = Lexicon("""
    incident, incidents, accident, accidents, injury, injuries, failure, failures, fault, faults
    breakdown, breakdowns, fall, falls, complication, complications, adverse event, adverse events
    harm, harms, outbreak, outbreaks, leak, leaks, burst, bursts, fire, fires, collapse, collapses
    defect, defects, near miss, near misses, crash, crashes, collision, collisions, outage, outages
    readmission, readmissions, infection, infections, spill, spills, breach, breaches
    adverse drug event, adverse drug events, adverse reaction, adverse reactions, adverse drug reaction
    adverse drug reactions, side effect, side effects, call-out, call-outs, callout, callouts
    violation, violations, offence, offences, offense, offenses, pressure sore, pressure sores
    pressure ulcer, pressure ulcers, alert, alerts
""")


@rule(
    "label-broader-than-the-harm",
    Category.model,
    likelihood=3,
    impact=4,
    ask="does the label count every event, while the harm that matters is the serious few?",
    move=Move(
        "Score the model on the serious events apart",
        "The label counts every event, most of them minor, while the harm the plan exists to prevent is "
        "the serious few, which often have other causes: count how many serious events the data holds, "
        "score recall on them apart (or weight the label by severity), and check the model ranks them",
        "warning",
    ),
    fires=(
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A gas explosion in a home.",
                "product.label": "Any gas leak reported at the address.",
            },
            also=frozenset({"no-flag-read-as-cleared"}),  # the sound plan's clerks read every invoice today
        ),
        Case(
            {
                "impact.error_severity": "severe",
                "impact.error_harm": "A derailment caused by a broken rail.",
                "product.label": "Rail defects of any kind found on the segment.",
            }
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A pressure ulcer that becomes a deep wound needing surgery.",
                "product.label": "Pressure sores of any grade noted by the nurses.",
            }
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A patient suffers a severe adverse drug reaction.",
                "product.label": "All adverse drug events reported for the patient within 30 days.",
            }
        ),
        Case(
            {
                "impact.error_severity": "severe",
                "impact.error_harm": "A main that is about to burst is not replaced and a street floods.",
                "product.label": "Any recorded leak on the main in the next year.",
            },
            evidence=(
                'product.label: "Any recorded leak on the main in the next year." (counts every leak, of '
                "any size)",
                'impact.error_harm: "A main that is about to burst is not replaced and a street floods." '
                "(the harm is the serious kind: burst)",
                'impact.error_severity: "severe"',
            ),
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A resident has a fall that ends in hospital.",
                "product.label": "Falls recorded in the care notes in the next 30 days.",
            }
        ),
    ),
    quiet=(
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A gas explosion in a home.",
                "product.label": "Gas leaks graded as dangerous at the address.",
            }
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A patient suffers a severe adverse drug reaction.",
                "product.label": "Grade 3 or higher adverse drug reaction within 30 days.",
            }
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "impact.error_harm": "A house fire destroys the home.",
                "product.label": "House fires needing more than one appliance, excluding false alarms.",
            }
        ),
        Case(  # the label is the serious kind already
            {
                "impact.error_severity": "severe",
                "impact.error_harm": "A main that is about to burst is not replaced and a street floods.",
                "product.label": "A burst on the main in the next year.",
            }
        ),
        Case(  # the serious ones are scored apart
            {
                "impact.error_severity": "severe",
                "impact.error_harm": "A resident has a serious fall that ends in hospital.",
                "product.label": "Falls recorded in the care notes in the next 30 days.",
                "done.metrics": [{"name": "Recall on falls that ended in hospital", "target": 0.8}],
            }
        ),
        Case(  # errors are not serious
            {
                "impact.error_severity": "moderate",
                "impact.error_harm": "A serious leak is found a month later than it could be.",
                "product.label": "Any recorded leak on the main in the next year.",
            }
        ),
    ),
)
def label_broader_than_the_harm(plan: Plan) -> Evidence:
    """The label counts every event, the harm is the serious few.

    The errors are rated serious because of the worst outcome, yet the label counts every event of that
    kind, most of them minor. The model learns what predicts the common minor events; the serious ones
    are few and often have other causes, so a model that ranks minor events well can miss the serious
    ones, and its score says little about the harm the plan exists to prevent.

    Mitigation: Count how many serious events the data holds; score recall (or precision at capacity)
    on them apart, or weight the label by severity; check the serious ones share causes with the rest
    before trusting a model trained on all of them.
    """
    if not serious_harm(plan):
        return None
    harm, label = plan.impact.error_harm or "", plan.product.label or ""
    grave = (*GRAVE.find_all(harm), *_serious_events(harm, label))
    events = EVENTS.find_all(label)
    if not grave or not events or GRAVE.find(label) or _NARROWED.search(label):
        return None  # the label is the serious kind, or the team chose its breadth knowingly
    scored = [answer_at(plan, path) for path in (*truth_paths(plan), "done.worst_error_metric")]
    named = Lexicon(", ".join(grave))
    if any(GRAVE.find(text) or named.find(text) for text in scored):
        return None  # the serious ones are scored on their own
    return Hint(
        (events[0], grave[0]),
        (
            quote(plan, "product.label", f"counts every {events[0]}, of any size"),
            quote(plan, "impact.error_harm", f"the harm is the serious kind: {grave[0]}"),
            severity_quote(plan),
        ),
    )


# A label graded or narrowed on purpose: `by severity`, `grade 3 or higher`, `excluding false alarms`.
_NARROWED = re.compile(
    r"\bseverity\b|\bgraded\b|\b(?:grade|category|stage|class)\s+(?:[2-5]|ii|iii|iv)\b|\bexclud(?:ing|es)\b",
    re.IGNORECASE,
)


# Events that are themselves the serious form of what the label counts (a burst, not a leak).
_GRAVER: dict[str, tuple[str, ...]] = {
    "leak": ("burst", "explosion"),
    "leaks": ("burst", "explosion"),
    "fall": ("hospital",),
    "falls": ("hospital",),
    "alert": ("breach",),
    "alerts": ("breach",),
}
_GRAVEST = Lexicon(", ".join(sorted({word for words in _GRAVER.values() for word in words})))


def _serious_events(harm: str, label: str) -> tuple[str, ...]:
    """The serious form of a labelled event the harm names: `burst` for a label of leaks."""
    events = EVENTS.find_all(label)
    return tuple(word for word in _GRAVEST.find_all(harm) if any(word in _GRAVER.get(e, ()) for e in events))
