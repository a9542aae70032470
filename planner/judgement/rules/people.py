"""Rules on the people behind the labels: how often they agree, and whether the target asks for more."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import LOW_AGREEMENT, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    agreement_unknown,
    answer_at,
    label_agreement,
    quote,
    show,
    source_paths,
)
from planner.judgement.rules.raters import measured_or_made, recorded_not_judged, single_rater_scored
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import (
    Category,
    Direction,
    LabelSource,
    Metric,
    Plan,
    TaskType,
)

# A metric of the same kind as how often people agree: a share of cases given the right label.
AGREEMENT_KIND = Lexicon("""
    accuracy, accurate, agreement, agree, agrees, kappa, exact match, exact-match, correct, correctly
    error rate, misclassification, labelled right, labeled right
""")

# ...unless it counts one class, a top of a list, or a ranking: another measure than agreement.
OTHER_MEASURE = Lexicon("""
    recall, precision, sensitivity, specificity, f1, f1-score, f-score, auc, auroc, pr-auc, roc-auc
    average precision, top, top-k, at k, ndcg, mrr, mean average precision, hit rate, per class, per-class, macro, balanced
    caught, detected, detection rate, flagged, missed, miss rate, false negative, false negatives
    false positive, false positives, false alarm, false alarms, true positive rate
""")

# Notes that say a human score is how often people agree.
AGREED = Lexicon("agree, agreed, agrees, agreement, kappa")

# An agreement statistic corrected for chance: 0.7 of it can be 90% of cases labelled alike.
CHANCE_CORRECTED = Lexicon("""
    kappa, cohen's kappa, cohens kappa, fleiss kappa, fleiss' kappa, krippendorff, krippendorff's alpha
    krippendorffs alpha, chance-corrected, corrected for chance, intraclass correlation, icc
""")
KAPPA_LOW = 0.6  # below this a chance-corrected agreement is moderate at best (Landis and Koch)

# Labels whose disagreements someone resolves: the test set is cleaner than two people agree.
ADJUDICATED = Lexicon("""
    adjudicated, adjudicates, adjudicate, adjudication, adjudicator, adjudicators, arbitrated
    tie-break, tie-breaker, tiebreak, consensus, resolves disagreements, resolve disagreements
    resolved disagreements, disagreements resolved, disagreements are resolved, resolves the disagreements
    resolve the disagreements, resolved by a senior, decided by a senior, a senior decides
    disagreements settled, disagreements are settled, settles disagreements, settle disagreements
    settled disagreements, settles the disagreements, settled labels, reconciled labels, third rater
    third reader, third reviewer
""")

# Raw agreement caps a target only on labels that stay unsettled; where the plan does not say, this is asked.
_SETTLED_ASKED = (
    "was the agreement measured on the same measure as the target, and before or after the disagreements "
    "were settled? Settled test labels are cleaner than raw agreement"
)

_GUIDELINES = Move(
    "Write labelling guidelines and re-measure agreement before modelling",
    "A model learns the disagreement between the people who label; settle the hard cases in written "
    "guidelines, double-label a sample again, and set targets below what people agree on",
    "warning",
    first=True,
)


@rule(
    "target-above-agreement",
    Category.model,
    likelihood=4,
    impact=4,
    move=_GUIDELINES,
    fires=(
        Case(  # a share of right labels, as agreement is, on labels left unsettled: like with like, high
            {
                "by_hand.label_agreement": 0.7,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Share of pairs labelled right",
            },
            evidence=(
                'done.metrics[0]: "Share of pairs labelled right" targets 0.75, above how often people agree on '
                "the label",
                "by_hand.label_agreement: 0.7 (two people agree on 70% of 150 cases)",
                "by_hand.disagreements_settled: false (each case keeps one person's label)",
            ),
            also=frozenset({"low-label-agreement"}),
        ),
        Case(  # like with like, but whether the test labels are settled is not said: a question, medium
            {
                "by_hand.label_agreement": 0.7,
                "by_hand.disagreements_settled": None,
                "done.metrics[0].name": "Share of pairs labelled right",
            },
            evidence=(
                'done.metrics[0]: "Share of pairs labelled right" targets 0.75, above how often people agree on '
                "the label",
                "by_hand.label_agreement: 0.7 (two people agree on 70% of 150 cases)",
                _SETTLED_ASKED,
            ),
            also=frozenset({"low-label-agreement"}),
        ),
        Case(  # the team says the test labels are settled: a note, low
            {
                "by_hand.label_agreement": 0.7,
                "by_hand.disagreements_settled": True,
                "done.metrics[0].name": "Share of pairs labelled right",
            },
            evidence=(
                'done.metrics[0]: "Share of pairs labelled right" targets 0.75, above how often people agree on '
                "the label",
                "by_hand.label_agreement: 0.7 (two people agree on 70% of 150 cases)",
                "by_hand.disagreements_settled: true (disagreements are resolved, so the labels are cleaner)",
            ),
            also=frozenset({"low-label-agreement"}),
        ),
        Case(  # the recall of one class is another measure: asked, medium
            {"by_hand.label_agreement": 0.7},
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.75, above how often '
                "people agree on the label",
                "by_hand.label_agreement: 0.7 (two people agree on 70% of 150 cases)",
                "is the agreement figure on the same measure as the target?",
            ),
        ),
        Case(  # a senior resolves the disagreements: the labels are cleaner than raw agreement, medium
            {
                "by_hand.label_agreement": 0.7,
                "done.metrics[0].name": "Share of pairs labelled right",
                "done.eval_set": "6,000 pairs; a senior auditor adjudicates every disagreement.",
            },
            evidence=(
                'done.metrics[0]: "Share of pairs labelled right" targets 0.75, above how often people agree on '
                "the label",
                "by_hand.label_agreement: 0.7 (two people agree on 70% of 150 cases)",
                'done.eval_set: "6,000 pairs; a senior auditor adjudicates every disagreement." '
                "(disagreements are resolved, so the labels are cleaner)",
            ),
        ),
    ),
    quiet=(
        Case({"by_hand.label_agreement": 0.75, "done.metrics[0].name": "Share of pairs labelled right"}),
        Case(  # no worse than today's sorters, who already score 93% on the same labels: reachable
            {
                "by_hand.label_agreement": 0.9,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Accuracy of the suggested sorting chute",
                "done.metrics[0].baseline": 0.93,
                "done.metrics[0].target": "no worse than the baseline",
            }
        ),
        Case(  # the label is the chute each parcel ended in, a record nobody judges: agreement caps nothing
            {
                "by_hand.label_agreement": 0.7,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Accuracy of the suggested sorting chute",
                "constraints.data.label_writer": "event",
            }
        ),
        Case(  # a kappa of 0.72 against a precision target: unlike measures, nothing to compare
            {
                "by_hand.label_agreement": 0.72,
                "by_hand.human_score_notes": "Two graders on 300 cases: Cohen's kappa 0.72.",
                "done.metrics[0].name": "Share of pairs labelled right",
            }
        ),
        Case(  # two people's raw agreement, and precision against adjudicated truth: nothing to compare
            {
                "by_hand.label_agreement": 0.7,
                "done.eval_set": "6,000 pairs; a senior auditor adjudicates every disagreement.",
            }
        ),
    ),
)
def target_above_agreement(plan: Plan) -> Evidence:
    """The target is above how often people agree on the label.

    Labels are made by people; when two of them agree less often than the target asks the model
    to be right, the test set itself is that noisy and the target cannot be told from luck.

    Mitigation: Write labelling guidelines, adjudicate the disagreements, re-measure agreement on a
    fresh double-labelled sample, and set the target at or below it.
    """
    found = label_agreement(plan)
    if found is None or not plan.done.metrics:
        return None
    agreement, count, where = found
    metric = plan.done.metrics[0]
    if chance_corrected(plan, where) and not mentions(metric.name, CHANCE_CORRECTED):
        return None  # a kappa discounts the agreement chance gives: unlike a share of right labels
    goal = metric.goal()
    if goal is None or metric.direction is not Direction.higher_is_better or goal > 1 or goal <= agreement:
        return None
    if on_a_subset(metric):
        return None  # the target holds on the cases the model keeps, agreement on all: no comparison
    if recorded_not_judged(plan) or reached_today(metric, goal):
        return None  # labels nobody judges, or a score today's process already reaches on them
    said = (
        f'done.metrics[0]: "{metric.name}" targets {show(goal)}, above how often people agree on the label',
        _agreement_quote(agreement, count, where),
    )
    # Like with like: agreement caps a share of right labels on the same task; a recall of one class
    # or of a top-10 list is another measure, and adjudicated labels are cleaner than raw agreement.
    # Measured differently, the two figures cannot be compared: a question, low.
    adjudicated = adjudication(plan)
    if not same_measure_as_agreement(metric):
        if adjudicated:
            return None  # two people's raw agreement against another measure, on adjudicated truth: unlike
        return Tempered(1, (*said, "is the agreement figure on the same measure as the target?"))
    if adjudicated:
        return Tempered(1, (*said, f"{adjudicated} (disagreements are resolved, so the labels are cleaner)"))
    if plan.by_hand.disagreements_settled is False:  # each case keeps one person's label: a ceiling
        return (*said, quote(plan, "by_hand.disagreements_settled", "each case keeps one person's label"))
    # Raw agreement caps a target only on labels that stay unsettled; the plan does not say: a question.
    return Tempered(2, (*said, _SETTLED_ASKED))


def reached_today(metric: Metric, goal: float) -> bool:
    """Whether today's process already scores `goal` or more on the metric's own labels (its measured
    baseline): a score today's process reaches on those labels can be measured on them, whatever two
    raters' agreement says, so the target is reachable by construction."""
    base = metric.baseline_figure
    return base is not None and base >= goal


# A metric measured on the cases the model keeps (its confident share, what it codes on its own), not
# on all cases as people's agreement is.
_SUBSET = Lexicon("""
    subset, confident subset, confident cases, confident share, high-confidence, confident predictions
    auto-coded, auto-accepted, auto-approved, auto-cleared, auto-closed, auto-filed, auto-released
    coded automatically, accepted automatically, handled automatically, cases it keeps, cases it handles
    above the threshold, above the confidence threshold, at the coverage, at its coverage
""")


def on_a_subset(metric: Metric) -> str | None:
    """The words saying `metric` is measured on a subset of cases (the confident or auto-coded share)."""
    return mentions(metric.name, _SUBSET) or mentions(metric.dataset, _SUBSET)


def same_measure_as_agreement(metric: Metric) -> bool:
    """Whether a metric is a share of right labels, as agreement is (accuracy, kappa, exact match)."""
    return bool(mentions(metric.name, AGREEMENT_KIND)) and not mentions(metric.name, OTHER_MEASURE)


def chance_corrected(plan: Plan, where: str) -> str | None:
    """The words saying the typed agreement figure is a chance-corrected statistic (Cohen's kappa,
    Krippendorff's alpha), not the share of cases two people label alike."""
    if not where.startswith("by_hand.label_agreement"):
        return None  # measured by `planner try`: the share of cases labelled alike
    texts = (plan.by_hand.human_score_notes, plan.product.label, plan.done.eval_set)
    return next((said for text in texts if (said := mentions(text, CHANCE_CORRECTED))), None)


def adjudication(plan: Plan) -> str | None:
    """Where the answers say someone resolves the labellers' disagreements (`path: "..."`), if they do:
    `by_hand.disagreements_settled: true`, or the words of a note on the labels or the test set."""
    if plan.by_hand.disagreements_settled:
        return quote(plan, "by_hand.disagreements_settled")
    paths = ["by_hand.human_score_notes", "done.eval_set", "product.label"]
    paths += [f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))]
    for path in paths:
        if mentions(answer_at(plan, path), ADJUDICATED):
            return quote(plan, path)
    return None


@rule(
    "low-label-agreement",
    Category.data,
    likelihood=3,
    impact=4,
    move=_GUIDELINES,
    fires=(
        Case(
            {"by_hand.label_agreement": 0.76},
            evidence=("by_hand.label_agreement: 0.76 (two people agree on 76% of 150 cases)",),
        ),
    ),
    quiet=(
        Case({"by_hand.label_agreement": 0.8}),
        Case(  # Cohen's kappa of 0.72: substantial agreement beyond chance
            {
                "by_hand.label_agreement": 0.72,
                "by_hand.human_score_notes": "Two graders on 300 cases: Cohen's kappa 0.72.",
            }
        ),
    ),
)
def low_label_agreement(plan: Plan) -> Evidence:
    """People often disagree on the label.

    When labellers disagree this often the ground truth is noisy: it caps what a model can learn
    and makes every score uncertain, and the task may suit augmenting people more than replacing them.

    Mitigation: Write guidelines for the hard cases, adjudicate disagreements, and re-measure agreement
    on a fresh double-labelled sample before modelling.
    """
    found = label_agreement(plan)
    if found is None or found[0] >= LOW_AGREEMENT:
        return None
    statistic = chance_corrected(plan, found[2])
    if statistic is not None:  # a kappa is read on its own scale: 0.6 to 0.8 is substantial
        if found[0] >= KAPPA_LOW:
            return None
        return (f"{found[2]}: {show(found[0])} ({statistic}: agreement beyond chance, moderate at best)",)
    return (_agreement_quote(*found),)


# Words saying the labels were checked again by people (`a 2024 audit that re-checked 1,000 reports`):
# how often they are wrong is measured, which tells what agreement would.
LABELS_RECHECKED = Lexicon("""
    re-checked, rechecked, re-check, re-checks, recheck, rechecks, relabelled, relabeled, re-labelled
    re-labeled, double-labelled, double-labeled, double labelled, double labeled
    adjudicated, audited, audit sample, label audit, label audits, second review
""")
_RECHECK_SAID = ("product.label", "done.eval_set", "by_hand.human_score_notes")
# Every case labelled twice: `each photo is labelled by two vets`, `every case is double-labelled`.
_EVERY_CASE_TWICE = re.compile(
    r"\b(?:all|every|each)\b[^.;]{0,60}?\b(?:labell?ed|coded|graded|scored|annotated|marked|rated|read)\s+"
    r"(?:twice|two times|independently by two|by two|by both)\b"
    r"|\b(?:two|both)\s+[\w-]+\s+(?:independently\s+)?(?:label|code|grade|score|annotate|mark|rate|read)\s+"
    r"(?:every|each|all)\b|\b(?:every|each|all)\b[^.;]{0,40}?\b(?:double-labell?ed|double labell?ed|double-coded"
    r"|double-read|double read|double-marked)\b",
    re.IGNORECASE,
)
_TWICE_SAID = (
    *_RECHECK_SAID,
    "product.decision",
    "product.current_solution",
    "constraints.data.differences_note",
)


@rule(
    "label-agreement-unknown",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Double-label a sample and measure agreement before setting the target",
        "Labels made by people are only as good as two of them agree; until a sample is labelled twice "
        "nobody knows whether the target sits above what people themselves reach",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.data.labels": ["manual"],
                "by_hand.label_agreement": None,
                "by_hand.human_score": None,
            },
            evidence=(
                'constraints.data.labels: ["manual"]',
                "by_hand.label_agreement: not answered (how often do two labellers agree?)",
            ),
        ),
        Case(
            {
                "constraints.data.labels": ["existing", "vendor"],
                "by_hand.label_agreement": None,
                "by_hand.human_score": None,
            },
            evidence=(
                'constraints.data.labels: ["existing", "vendor"]',
                "by_hand.label_agreement: not answered (how often do two labellers agree?)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.labels": ["manual"]}),
        Case({"by_hand.label_agreement": None}),
        Case(  # every case is labelled twice already
            {
                "constraints.data.labels": ["manual"],
                "by_hand.label_agreement": None,
                "product.label": "Each photo labelled by two vets.",
            }
        ),
        Case(  # the only labels are 30 worked examples in a prompt; nothing is trained on them
            {
                "product.task": "generation",
                "constraints.data.labels": ["manual"],
                "constraints.data.labeled_examples": 30,
                "by_hand.label_agreement": None,
            }
        ),
        Case(  # labels keyed in by hand from a ledger the world writes: nobody judges them
            {
                "constraints.data.labels": ["existing", "manual"],
                "by_hand.label_agreement": None,
                "constraints.data.label_writer": "event",
            }
        ),
        Case(  # an assay's results, and faulty parts made on purpose: no label is a person's judgement
            {
                "constraints.data.labels": ["existing", "manual"],
                "by_hand.label_agreement": None,
                "done.eval_truth": "measured",
                "by_hand.raters": None,
                "constraints.data.sources": [
                    {"name": "Tensile test results of each weld", "acquisition": "own"},
                    {
                        "name": "Welds made with a seeded flaw in our workshop",
                        "acquisition": "own",
                        "classes": "positives",
                    },
                ],
            }
        ),
        Case(  # one grader's accuracy on the done metric, measured against moderated marks
            {
                "constraints.data.labels": ["manual"],
                "by_hand.label_agreement": None,
                "by_hand.human_score": 0.93,
                "by_hand.human_score_same_measure": True,
                "by_hand.done_today_by": "our_experts",
            }
        ),
        Case(  # the evaluation set is an audit that re-checked the labels
            {
                "constraints.data.labels": ["manual"],
                "by_hand.label_agreement": None,
                "done.eval_set": "A random 800 of last year's coded claims, re-checked by two senior coders.",
            }
        ),
    ),
)
def label_agreement_unknown(plan: Plan) -> Evidence:
    """People make the labels, but nobody knows how often they agree.

    Labels drawn by hand or bought from a vendor carry the labellers' disagreement; without a
    double-labelled sample nobody knows how noisy the test set is, nor whether the target asks the
    model to beat what people themselves reach.

    Mitigation: Have two people label the same sample (a few hundred cases) independently, measure how
    often they agree, write guidelines for the disagreements, and set the target at or below it.
    """
    labels = plan.constraints.data.labels
    if not any(source in labels for source in (LabelSource.manual, LabelSource.vendor)):
        return None
    if label_agreement(plan) is not None or recorded_not_judged(plan) or single_rater_scored(plan):
        return None  # measured (agreement, or one person's score), or records nobody judges (a ledger)
    if any(mentions(answer_at(plan, path), LABELS_RECHECKED) for path in _RECHECK_SAID):
        return None  # an audit of the labels measures how often they are wrong
    if any(
        _EVERY_CASE_TWICE.search(answer_at(plan, path) or "") for path in (*_TWICE_SAID, *source_paths(plan))
    ):
        return None  # every case is labelled twice already: the agreement is in the data, to be counted
    if _prompt_examples_only(plan):
        return None  # the only labels are a few worked examples in a prompt: nothing learns their noise
    if measured_or_made(plan):
        return None  # an instrument's records and cases made to be of one class: nobody judges a label
    return (
        quote(plan, "constraints.data.labels"),
        agreement_unknown(plan, "how often do two labellers agree?"),
    )


PROMPT_EXAMPLES = 100  # a generator shown fewer labelled examples than this is prompted, not trained


def _prompt_examples_only(plan: Plan) -> bool:
    """A generator prompted with a handful of worked examples and trained on nothing: the labels people
    made are those examples, whose agreement no score rests on."""
    few = plan.constraints.data.labeled_count
    return (
        plan.product.task is TaskType.generation
        and few is not None
        and few < PROMPT_EXAMPLES
        and not trained(plan)
    )


def _agreement_quote(agreement: float, count: int | None, where: str) -> str:
    note = f"two people agree on {fmt.share(agreement)}" + (f" of {fmt.number(count)} cases" if count else "")
    return f"{where}: {show(agreement)} ({note})"
