"""The rule on classes that come from their own sources, so a model tells the source, not the class.

Where the positives come from one place (a complaint log, a contractor's close-ups, a lab's camera) and
the negatives from another (a random sample, the line camera, another period), a lead expects the model
to learn the source and a test drawn the same way to flatter it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.capture import CLASS_FIRES, CLASS_QUIET, one_class_step
from planner.judgement.rules.enriched import classes_apart
from planner.judgement.rules.evidence import answer_at, own_notes, quote, truth_paths
from planner.judgement.rules.shortcut import captured_apart, picked_apart
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, SourceClasses

# Where one class comes from: the positives (or the cases) drawn from one place.
POSITIVES_FROM = Lexicon("""
    positives from, positive examples from, positive cases from, positive images from, positive samples from
    positive clips from, positive records from, cases from, defects from, defect images from
    defective parts from, faulty units from, fraud cases from, confirmed fraud from, known fraud from
    diseased plants from, sick animals from, patients from, tumours from, tumors from, failures from
""")

# Where the other class comes from: the negatives (controls, normal ones) drawn from another place.
NEGATIVES_FROM = Lexicon("""
    negatives from, negative examples from, negative cases from, negative images from, negative samples from
    negative clips from, negative records from, controls from, healthy controls from, healthy ones from
    healthy plants from, healthy animals from, healthy volunteers from, normal ones from, normal images from
    normal parts from, good parts from, good ones from, non-defective parts from, genuine ones from
    genuine transactions from, legitimate transactions from, non-fraud from, background images from
    background from, normal transactions from
""")

# A source named for one class only.
POSITIVE_SOURCE = Lexicon("""
    positives, positive cases, positive examples, positive images, confirmed cases, confirmed fraud
    fraud cases, known fraud, defect images, defective parts, defective units, faulty units, failed units
    diseased plants, sick animals, tumour images, tumor images, churned customers, spam messages
""")
NEGATIVE_SOURCE = Lexicon("""
    negatives, negative cases, negative examples, negative images, healthy controls, healthy volunteers
    healthy plants, healthy animals, normal images, normal parts, good parts, non-defective, defect-free
    genuine transactions, legitimate transactions, normal transactions, non-fraud, non-fraudulent
    background images, ham messages
""")

# Words that say both classes come from the same place, or are matched on it.
SAME_ORIGIN = Lexicon("""
    same source, same sources, same device, same devices, same scanner, same scanners, same camera
    same cameras, same sites, same site, same period, same weeks, same months, same hospitals
    both classes from, both kinds from, matched by site, matched on site, matched by device
    matched on device, matched by period, matched on period, matched by source, matched on source
    balanced by site, balanced by source, stratified by source, stratified by site, each source holds both
""")


# A near-perfect score said in words: `99.6%`, `0.995 AUC`, `100% accuracy`.
_NEAR_PERFECT = re.compile(r"(?<![\d.,])(?:100(?:\.0+)?\s?%|99(?:\.\d+)?\s?%|98\.\d+\s?%|0\.99\d*)(?![\d.,])")


def _near_perfect(plan: Plan) -> str | None:
    """A near-perfect score the answers report in words (a prototype's, an offline test's), as a quote."""
    for path in (*truth_paths(plan), "product.current_performance", "constraints.data.differences_note"):
        text = answer_at(plan, path)
        if isinstance(text, str) and (found := _NEAR_PERFECT.search(text)):
            return quote(plan, path, f"{found.group(0).strip()}: a near-perfect score is a warning sign here")
    return None


def _classes_split(plan: Plan) -> tuple[str, ...] | None:
    """The sources that hold one class each, where none holds both: each quoted with the class it holds."""
    sources = plan.constraints.data.sources
    held = {source.classes for source in sources}
    if SourceClasses.both in held or not {SourceClasses.positives, SourceClasses.negatives} <= held:
        return None
    notes = {
        SourceClasses.positives: "positives only",
        SourceClasses.negatives: "negatives only, and no source holds both: a model can tell the class by "
        "the source, its camera, wording or period, and a test set drawn the same way flatters it",
    }
    return tuple(
        quote(plan, f"constraints.data.sources[{index}].name", notes[source.classes])
        for index, source in enumerate(sources)
        if source.classes in notes
    ) + tuple(filter(None, [_near_perfect(plan)]))


def _origin_paths(plan: Plan) -> list[str]:
    sources = [f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources))]
    return [*sources, "constraints.data.differences_note", *truth_paths(plan)]


@rule(
    "class-follows-the-source",
    Category.data,
    likelihood=4,
    impact=4,
    ask="do the positives and the negatives come from different sources (devices, sites, periods), so a "
    "model can tell the class from the source?",
    move=Move(
        "Draw both classes from the same sources, or test on a source that holds both",
        "Where the positives come from one place (a lab, a device, a period, a site) and the negatives from "
        "another, a model learns the source (its lighting, format, dates) and scores near perfect offline, "
        "then fails where both classes arrive together; a near-perfect prototype score is a warning, not a "
        "success: match the classes by source, or test on a source that holds both",
        "warning",
    ),
    fires=(
        *CLASS_FIRES,
        Case(
            {
                "done.eval_set": "Defect images from the supplier's lab camera; good parts from our line "
                "camera, 2025."
            },
            evidence=(
                'done.eval_set: "Defect images from the supplier\'s lab camera; good parts from our l..." '
                "(defect images from, good parts from: each class comes from its own source, so a model can "
                "learn the source instead of the class; the offline score is inflated)",
            ),
        ),
        Case(  # the prototype's near-perfect score: a warning, not a success
            {
                "done.eval_set": "Positive clips from the lab's recorder; negatives from the field recorders.",
                "product.current_performance": "Our prototype already reaches 99.4% accuracy offline.",
            },
            evidence=(
                'done.eval_set: "Positive clips from the lab\'s recorder; negatives from the field re..." '
                "(positive clips from, negatives from: each class comes from its own source, so a model can "
                "learn the source instead of the class; the offline score is inflated)",
                'product.current_performance: "Our prototype already reaches 99.4% accuracy offline." (99.4%: a '
                "near-perfect score is a warning sign here)",
            ),
        ),
        Case(
            {
                "constraints.data.sources": [
                    {"name": "Confirmed fraud cases from the investigations archive", "acquisition": "own"},
                    {"name": "Genuine transactions sampled from the 2025 warehouse", "acquisition": "own"},
                ]
            },
            evidence=(
                'constraints.data.sources[0].name: "Confirmed fraud cases from the investigations archive" '
                "(confirmed fraud: one class only)",
                'constraints.data.sources[1].name: "Genuine transactions sampled from the 2025 warehouse" '
                "(genuine transactions: the other class only, from another source, so a model can learn the "
                "source instead of the class; the offline score is inflated)",
            ),
        ),
        Case(  # the team says which class each source holds: a fact, not a guess from words
            {
                "constraints.data.sources": [
                    {"name": "Complaint log, 2024-2025", "acquisition": "own", "classes": "positives"},
                    {"name": "Random sample of 2025 orders", "acquisition": "own", "classes": "negatives"},
                ]
            },
            evidence=(
                'constraints.data.sources[0].name: "Complaint log, 2024-2025" (positives only)',
                'constraints.data.sources[1].name: "Random sample of 2025 orders" (negatives only, and no '
                "source holds both: a model can tell the class by the source, its camera, wording or "
                "period, and a test set drawn the same way flatters it)",
            ),
        ),
        Case(  # each class drawn from its own source, in a clause of its own
            {
                "done.eval_set": "Positive slides taken from the referral lab; negatives out of the screening archive."
            }
        ),
    ),
    quiet=(
        *CLASS_QUIET,
        Case(
            {
                "done.eval_set": "Defect images from the line camera, good parts from the same cameras and "
                "weeks."
            }
        ),
        Case(  # the frauds of one source beside a source that holds both classes: the test can be on it
            {
                "constraints.data.sources": [
                    {"name": "Chargeback feed", "acquisition": "vendor", "classes": "positives"},
                    {"name": "Orders database, 2023-2025", "acquisition": "own", "classes": "both"},
                ]
            }
        ),
        Case(
            {
                "constraints.data.sources": [
                    {
                        "name": "Card transactions 2023-2025, fraud flagged by chargebacks",
                        "acquisition": "own",
                    },
                    {"name": "Merchant register", "acquisition": "own"},
                ]
            }
        ),
    ),
)
def class_follows_the_source(plan: Plan) -> Evidence:
    """Each class comes from its own source, so a model can learn the source instead of the class.

    Where the positives come from one place (the lab's camera, the referral hospital, an archive of old
    cases) and the negatives from another (the line camera, the screening clinic, this year's records),
    every trace of the source (lighting, resolution, format, dates, a site's habits) predicts the class.
    The model learns it, scores near perfect offline, and fails where both classes arrive through the
    same door. A near-perfect prototype score is then a warning sign, not a success.

    Mitigation: Draw positives and negatives from the same sources, devices, sites and periods (or match
    them on those), test on a source that holds both, and check that a model given only the source
    (a device id, a date) cannot already tell the classes apart.
    """
    if split := _classes_split(plan):
        return split
    if step := one_class_step(plan):  # today's process: a step, or a place, for one class alone
        return step
    paths = _origin_paths(plan)
    if any(SAME_ORIGIN.find(answer_at(plan, path)) for path in paths) or any(
        SAME_ORIGIN.find(note) for note in own_notes(plan)
    ):
        return None
    note = "each class comes from its own source, so a model can learn the source instead of the class"
    for path in paths:
        text = answer_at(plan, path)
        ones, others = POSITIVES_FROM.find_all(text), NEGATIVES_FROM.find_all(text)
        said = (*ones, *others) if ones and others else classes_apart(text) or captured_apart(text)
        if said:
            found = quote(plan, path, f"{', '.join(said)}: {note}; the offline score is inflated")
            return Hint(said, (found, *filter(None, [_near_perfect(plan)])))
    for path in paths:
        if said := picked_apart(answer_at(plan, path)):
            cue = "a cue of how one class was captured or picked, which the field will not carry"
            found = quote(plan, path, f"{', '.join(said)}: {cue}; a model can learn it instead of the class")
            return Hint(said, (found, *filter(None, [_near_perfect(plan)])))
    sources = [(path, answer_at(plan, path)) for path in paths if path.startswith("constraints.data.sources")]
    only = [(path, POSITIVE_SOURCE.find_all(text), NEGATIVE_SOURCE.find_all(text)) for path, text in sources]
    positive = next(((path, pos) for path, pos, neg in only if pos and not neg), None)
    negative = next(((path, neg) for path, pos, neg in only if neg and not pos), None)
    if positive is None or negative is None:
        return None
    other = "the other class only, from another source, so a model can learn the source instead of the class"
    return Hint(
        (*positive[1], *negative[1]),
        (
            quote(plan, positive[0], f"{', '.join(positive[1])}: one class only"),
            quote(plan, negative[0], f"{', '.join(negative[1])}: {other}; the offline score is inflated"),
            *filter(None, [_near_perfect(plan)]),
        ),
    )
