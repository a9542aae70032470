"""Rules on a period the model will score after its labels end: a backlog of later surveys, a year still
to annotate, or years that hold an event (a heatwave, a flood, a new product) the labelled years never
saw. A change of terms or standard after the data is `regime`; a difference the team ticked is `differs`;
here: conditions new to the period scored, met by a model that has no label of them.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, source_paths
from planner.judgement.rules.periodchange import regime_after_the_data
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# The part of an answer on the period that names the labelled years: `(labels 2012 - 2021)`.
_LABELLED_SPAN = re.compile(r"\b(?:label\w*|annotat\w*)\b[^;()]*", re.IGNORECASE)

# Words of a source or a period that carries no label yet.
UNLABELLED = Lexicon("""
    unannotated, un-annotated, not annotated, not yet annotated, unlabelled, unlabeled, not labelled
    not labeled, not yet labelled, not yet labeled, without labels, backlog, annotation backlog
    labelling backlog, labeling backlog, unscored, not scored, to be annotated, to be labelled
    to be labeled, awaiting annotation, awaiting labels, unreviewed, not reviewed, never reviewed
""")
# Words of a source that carries labels.
LABELLED = Lexicon("""
    annotated, labelled, labeled, with labels, with annotations, graded, classified by, reviewed by
    with outcomes, with the outcome, hand-labelled, hand-labeled
""")
# Words of a condition an event brings that earlier years may never have seen.
NEW_CONDITION = Lexicon("""
    heatwave, heatwaves, heat wave, heat waves, marine heatwave, bleaching event, mass bleaching, flood
    floods, flooding, drought, droughts, wildfire, wildfires, bushfire, bushfires, hurricane, hurricanes
    cyclone, cyclones, typhoon, typhoons, storm surge, cold snap, record rainfall, record temperatures
    outbreak, epidemic, new product line, new product range, new range, new model year, new camera
    new cameras, new policy, policy change, new regulation, new tariff, new scheme
""")
# Words saying a sample of the new period is labelled and scored apart.
NEW_PERIOD_CHECKED = Lexicon("""
    sample of the backlog, sample from the backlog, sample of each new, sample from each new
    sample of the new, sample from the new, label a sample, labelled sample from, labeled sample from
    hand-label a sample, hand-labelled sample, hand-labeled sample, annotate a sample, annotated sample from
    spot-check, spot-checks, spot check, spot checks, scored apart, reported apart, evaluated apart
    per survey year, per year of survey, each year apart, by survey year
""")
# Where a plan says what the model will score.
_SCORED_IN = (
    "product.goal",
    "product.pain",
    "product.output",
    "product.decision",
    "product.success_metric",
    "done.when_met",
    "constraints.data.differences_note",
    "constraints.data.changes",
)
# Where a plan says how the model is judged on that period.
_CHECKED_IN = ("done.eval_set", "done.when_met", "done.fold_action", "constraints.data.differences_note")


def _years(text: str | None) -> list[int]:
    return [int(year) for year in _YEAR.findall(text or "")]


def _labels_end(plan: Plan) -> tuple[int, str] | None:
    """The last labelled year and the answer that says it: a labelled span in the period's answer, else
    the latest year of a source the team calls labelled."""
    period = plan.constraints.data.period or ""
    spans = [year for match in _LABELLED_SPAN.finditer(period) for year in _years(match.group(0))]
    if spans:
        return max(spans), "constraints.data.period"
    labelled = [
        (max(_years(name)), path)
        for path in source_paths(plan)
        if (name := answer_at(plan, path))
        and _years(name)
        and LABELLED.find(name)
        and not UNLABELLED.find(name)
    ]
    return max(labelled) if labelled else None


def _unlabelled_later(plan: Plan, end: int) -> str | None:
    """The answer naming years after `end` that carry no label: an unlabelled source, or the period itself
    running past its labelled span."""
    for path in source_paths(plan):
        name = answer_at(plan, path)
        if UNLABELLED.find(name) and any(year > end for year in _years(name)):
            return path
    period = plan.constraints.data.period or ""
    if _LABELLED_SPAN.search(period) and any(year > end for year in _years(_LABELLED_SPAN.sub("", period))):
        return "constraints.data.period"
    return None


def _checked(plan: Plan, end: int) -> bool:
    """Whether the plan labels a sample of the later period: a test set from a year after `end`, or words
    saying a sample of the new period is labelled and scored apart."""
    if any(year > end for year in _years(plan.done.eval_set)):
        return True
    return first_said(plan, _CHECKED_IN, NEW_PERIOD_CHECKED) is not None


@rule(
    "new-period-scored-unlabelled",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Label a sample of the period it will score, and score it apart",
        "Every label comes from before the period the model will score, so a condition new to that period (a "
        "heatwave's bleaching, a flood, a new product, a new camera) appears in no label and the model gives "
        "it an old class; before scoring the period, label a random sample of it, report the score on that "
        "sample apart from the history's, and look there for classes and conditions the labels never held",
        "warning",
    ),
    fires=(
        Case(  # labelled surveys end in 2021, the unannotated 2022-2024 surveys are what it will score
            {
                "constraints.data.sources": [
                    {"name": "Annotated seabed images 2010-2021"},
                    {"name": "Unannotated surveys 2022-2024"},
                ],
                "constraints.data.period": "2010 - 2024",
                "done.eval_set": "The 2021 survey, held out.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Annotated seabed images 2010-2021" (the labels end in 2021)',
                'constraints.data.sources[1].name: "Unannotated surveys 2022-2024" (a later period with no '
                "label: conditions new to it appear in no label)",
                'done.eval_set: "The 2021 survey, held out." (no labelled sample of the later period, '
                "scored apart)",
            ),
        ),
        Case(  # the period runs past its labelled span
            {
                "constraints.data.period": "2015 - 2024 (labels 2015 - 2020)",
                "done.eval_set": "A random fifth of the labelled clips.",
            },
        ),
        Case(  # words only: a backlog of years after the data's
            {
                "constraints.data.period": "Jan 2015 - Dec 2021",
                "product.goal": "Clear the backlog of 2022-2023 roof inspection photos.",
            },
        ),
        Case(  # words only: an event after the data's years
            {
                "constraints.data.period": "Jan 2019 - Dec 2022",
                "product.goal": "Map crop damage after the 2023 floods from the drone images.",
            },
        ),
    ),
    quiet=(
        Case(  # a labelled sample of the backlog, scored apart
            {
                "constraints.data.sources": [
                    {"name": "Annotated seabed images 2010-2021"},
                    {"name": "Unannotated surveys 2022-2024"},
                ],
                "done.eval_set": "A random 10% of the 2010-2021 images, and 300 images from 2023 labelled by hand.",
            }
        ),
        Case(  # the labels cover the whole period
            {
                "constraints.data.sources": [{"name": "Annotated seabed images 2010-2024"}],
                "constraints.data.period": "2010 - 2024",
            }
        ),
        Case(  # a backlog inside the data's years
            {
                "constraints.data.period": "Jan 2015 - Dec 2023",
                "product.goal": "Clear the backlog of 2022-2023 roof inspection photos.",
            }
        ),
        Case(  # the team ticked what changed: the words of an event are not read
            {
                "constraints.data.period": "Jan 2019 - Dec 2022",
                "constraints.data.change_kind": ["none"],
                "product.goal": "Map crop damage after the 2023 floods from the drone images.",
            },
        ),
        Case(  # an event inside the data's years
            {
                "constraints.data.period": "Jan 2019 - Dec 2024",
                "product.goal": "Map crop damage after floods like those of 2023 from the drone images.",
            }
        ),
    ),
    ask="will the model score a period after its labels end: what new condition there has no label, and is "
    "a sample of it labelled and scored apart?",
)
def new_period_scored_unlabelled(plan: Plan) -> Evidence:
    """The period it will score lies after every label.

    Where the model is to score a backlog or a period after its labelled data end (surveys still to
    annotate, the years since), or the data's years end just before an event (a heatwave, a flood, a new
    product, a new camera), a condition new to that period appears in no label: the model gives it one of
    the old classes with confidence, and a test set drawn from the labelled years cannot show it.

    Mitigation: Before scoring the period, label a random sample of it; report the score on that sample
    apart from the history's; look there for classes and conditions the labels never held, and add them
    before the scores are used.
    """
    if regime_after_the_data(plan):
        return None  # a change of terms or standard after the data: the regime rule asks it
    labelled = _labels_end(plan)
    if labelled is not None:
        end, where = labelled
        later = _unlabelled_later(plan, end)
        if later is not None and not _checked(plan, end):
            tested = (
                quote(plan, "done.eval_set", "no labelled sample of the later period, scored apart")
                if plan.done.eval_set
                else "no labelled sample of the later period, scored apart"
            )
            return (
                quote(plan, where, f"the labels end in {end}"),
                quote(plan, later, "a later period with no label: conditions new to it appear in no label"),
                tested,
            )
    if plan.constraints.data.change_kind:
        return None  # the team ticked what changed: the rules on each kind read the ticks, not these words
    period = _years(plan.constraints.data.period)
    last = labelled[0] if labelled else max(period) if period else None
    if last is None or _checked(plan, last):
        return None
    for path in _SCORED_IN:
        text = answer_at(plan, path)
        words = NEW_CONDITION.find_all(text) or UNLABELLED.find_all(text)
        if words and any(year > last for year in _years(text)):
            note = (
                f"after the data's years (to {last}): a condition no label holds; is a sample of it labelled?"
            )
            return Hint(words, (quote(plan, path, note), quote(plan, "constraints.data.period")))
    return None
