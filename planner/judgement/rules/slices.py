"""Rules on the hard slices a plan names but does not score apart.

Other languages, long inputs, night images, handwriting, rare categories: where the answers name a
slice that is harder or rarer, an average over the test set hides how the model does on it, and it
is often the slice the product is judged by. A lead asks for the metric per slice.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DataKind
from planner.plan.model import Category, Plan

# Words naming a slice that is harder or rarer than the rest.
HARD_SLICE = Lexicon("""
    other languages, several languages, many languages, non-english, multilingual, second language
    long documents, long inputs, long recordings, long calls, long emails, long transcripts, lengthy documents
    night images, night-time images, night shots, infrared images
    handwritten, handwriting, heavy accents, regional accents, dialects, rare categories, rare classes
    rare conditions, blurred images, blurry images, low-resolution, poor scans, faxed copies
""")

# Words naming a slice that is harder only for a camera: `at night` is a time of day in a booking log or
# a call centre, and a dark frame only where the inputs are images or video.
HARD_FOR_A_CAMERA = Lexicon("at night, after dark, low light, poor light, night-time, nighttime")
_CAMERA = frozenset({DataKind.images, DataKind.video})

# Words saying the done metric is read per slice.
PER_SLICE = Lexicon("""
    per slice, by slice, each slice, per language, by language, each language, per category, by category
    each category, per class, by class, each class, by length, per length band, by length band, apart
    separately, broken down, per subgroup, by subgroup, per segment, by segment, stratified
""")


def _named_in(plan: Plan) -> tuple[str, ...]:
    paths = ["product.inputs", "product.pain", "constraints.data.differences_note"]
    paths += [f"by_hand.hard_cases[{i}]" for i in range(len(plan.by_hand.hard_cases))]
    paths += [f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources))]
    return tuple(paths)


def _done_texts(plan: Plan) -> list[str | None]:
    texts: list[str | None] = [plan.done.eval_set, plan.done.worst_error_metric]
    for metric in plan.done.metrics:
        texts += [metric.name, metric.dataset]
    return texts


@rule(
    "hard-slice-not-scored-apart",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Report the metric on each hard slice the plan names",
        "An average over the test set hides the slice that is harder or rarer (other languages, long "
        "inputs, night images, rare categories); report the done metric on each such slice with its count "
        "of test cases, and set a floor for it",
        "warning",
    ),
    ask="the answers name a harder slice; is the done metric reported on it apart?",
    fires=(
        Case(
            {"product.inputs": "The ticket's subject and body; a fifth are in other languages."},
            evidence=(
                'product.inputs: "The ticket\'s subject and body; a fifth are in other languages." (a harder '
                "slice: other languages)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (one figure over the whole test '
                "set; nothing reports the slice apart)",
            ),
        ),
    ),
    quiet=(
        Case({}),  # no slice named
        Case(  # reported apart
            {
                "product.inputs": "The ticket's subject and body; a fifth are in other languages.",
                "done.eval_set": "2,000 tickets, with the score reported per language.",
            }
        ),
        Case(  # the slice is named in the evaluation set: it is scored there
            {
                "product.inputs": "The ticket's subject and body; a fifth are in other languages.",
                "done.metrics[0].name": "Recall of duplicates in other languages",
            }
        ),
    ),
)
def hard_slice_not_scored_apart(plan: Plan) -> Evidence:
    """The answers name a harder slice, and the done metric is one figure over the whole test set.

    Other languages, long inputs, night images, handwriting, rare categories: a slice that is harder
    or rarer weighs little in an average, so the model can fail on it while the headline figure
    passes, and it is often the slice users or regulators judge the product by.

    Mitigation: Report the done metric on each hard slice the plan names, with the number of test
    cases in it (add cases where it is too thin to read), and set a floor per slice.
    """
    if not plan.done.metrics:
        return None
    camera = not _CAMERA.isdisjoint(plan.product.data_kinds)
    hard = HARD_SLICE + HARD_FOR_A_CAMERA if camera else HARD_SLICE
    said = first_said(plan, _named_in(plan), hard)
    if said is None:
        return None
    path, words = said
    done = _done_texts(plan)
    if any(PER_SLICE.find(text) or hard.find(text) for text in done):
        return None  # a slice is read apart, or named where the metric is measured
    return Hint(
        words,
        (
            quote(plan, path, f"a harder slice: {', '.join(words)}"),
            quote(
                plan,
                "done.metrics[0].name",
                "one figure over the whole test set; nothing reports the slice apart",
            ),
        ),
    )
