"""Whether a change during the data's years leaves the labels given by one standard: the label means the
same, the documents changed and not the fields, one standard throughout, or nothing learns the mix."""

from __future__ import annotations

from planner.judgement.rules.changed import change_kinds
from planner.judgement.rules.hosted import prompted
from planner.judgement.rules.months import dates_in
from planner.judgement.rules.periodchange import REGIME_CHANGE
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import ChangeKind, LabelSource, LabelWriter, Plan, TaskType

# Label codes mapped, merged or folded from one system or list into another: read in the notes too.
MAPPED_CODES = Lexicon(
    """bulk-mapped, bulk mapped, remapped, re-mapped, folded into, crosswalk, cross-walk, mapping table"""
    + ", "
    + phrases(
        "code, codes, category, categories, class, classes, reason, reasons, label, labels, type, types",
        ", were, will be, are, was, is, have been",
        "mapped, merged, folded, collapsed, consolidated",
    ),
)

# Words saying the change touches what the label means or how it is coded, or the terms and prices under
# which the recorded behaviour happens (a contribution dropped changes what `completed` measures).
_DEFINES_THE_LABEL = Lexicon("""
    label, labels, labelling, labeling, definition, definitions, defined, coding, codes, code set, criteria
    criterion, standard, standards, guideline, guidelines, rubric, grading, taxonomy, categories, recoded
    re-coded, relabelled, relabeled, reclassified, redefined, re-defined, classification
    terms, price, prices, pricing, tariff, tariffs, fee, fees, contribution, co-payment, copayment
    fully funded, eligibility, eligible, scheme, schemes, incentive, incentives
""")


def label_means_the_same(plan: Plan) -> bool:
    """Whether the label is an event recorded as it happens (label_writer event, or only outcomes as
    labels) and the change names nothing about its definition or coding: what drives it changed (a
    closure, a cap, new terms), not what it means, so old cases need no relabelling."""
    data = plan.constraints.data
    recorded = data.label_writer is LabelWriter.event or (
        bool(data.labels) and set(data.labels) <= {LabelSource.outcomes}
    )
    if kinds := change_kinds(plan):  # ticked: the process changed and the label's standard did not
        return ChangeKind.process in kinds and ChangeKind.label_standard not in kinds
    said = data.changes or ""
    return recorded and not _DEFINES_THE_LABEL.find(said) and not MAPPED_CODES.find(said)


# What a change must name, in a plan reading fields from documents, to touch its labels: how the fields
# are typed, coded or defined. A new template, layout, form, contractor or system changes the documents
# the model reads, not what a field's right value is.
_FIELDS_DEFINED = Lexicon("""
    label, labels, labelling, labeling, labelled, labeled, relabelled, relabeled, re-labelled, re-labeled
    annotation, annotations, annotated, annotator, annotators, typed, typing, keyed, keying, data entry
    entry rules, coding, coded, recoded, re-coded, definition, definitions, defined, redefined, re-defined
    score, scores, scoring, scale, scales, grade, grades, grading, category, categories, code, codes
    reclassified, re-classified, taxonomy, rubric
""")


def documents_changed_only(plan: Plan, *texts: object) -> bool:
    """Whether the plan reads fields from documents (an extraction) and the answers naming a change say
    nothing of how the fields are typed, coded or defined: the documents changed, not the labels."""
    if plan.product.task is not TaskType.extraction:
        return False
    return not any(isinstance(text, str) and _FIELDS_DEFINED.find(text) for text in texts)


def one_standard_throughout(plan: Plan) -> bool:
    """Whether the labels are given alike on both sides of the change the team names: all of them made
    by hand for this project now, or a measured figure (a price, a duration) that no standard defines,
    with the change a step on one date naming no rule, definition or price, and the test set (its first
    date) after it."""
    data = plan.constraints.data
    if data.labels and set(data.labels) == {LabelSource.manual}:
        return True  # labelled now by one standard, whatever the records went through
    said = data.changes or ""
    if plan.product.task not in (TaskType.forecasting, TaskType.regression) or plan.product.label_is_proxy:
        return False
    if REGIME_CHANGE.find(said) or LabelSource.manual in data.labels:
        return False
    changed, tested = dates_in(said), dates_in(plan.done.eval_set or "")
    if len({year for year, _ in changed}) > 1:
        return False  # an episode over years (a lockdown, then a boom) sits in training: a lead asks
    return bool(changed and tested) and tested[0][0] > max(changed)[0]  # the first date: the test set


# Changes that leave the label's standard and its recording alone: how the outcome comes about, who is
# served, an odd spell.
_LABEL_UNTOUCHED = frozenset({ChangeKind.process, ChangeKind.population, ChangeKind.spell})


def prompted_across(plan: Plan) -> bool:
    """Whether a prompted model, trained on none of the data, meets a change the team ticked that leaves the
    label alone: nothing learns a mix of regimes and one standard scores it; whether the test's cases are
    like the live ones is production-differs' question."""
    kinds = change_kinds(plan)
    return bool(kinds) and kinds <= _LABEL_UNTOUCHED and bool(prompted(plan)) and not trained(plan)
