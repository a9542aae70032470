"""Rules on what the record leaves out, from the answers on how things really work.

A lead asks how the recorded outcome can fall short of what happened (`constraints.data.outcome_limits`):
a default for the cases nobody looked at, a case that ends another way before its outcome (a record of
reports is weighed in negatives.py); and whether one thing fills several rows (`constraints.data.rows_per_thing`), so
that a split by time still puts it on both sides. A capped record is weighed by capped-outcomes, a random
split of repeated rows by random-split-on-grouped-data, and a change over the data's period
(`constraints.data.changes`, read here) by label-standard-changed.
"""

from __future__ import annotations

import re

from planner.judgement.rules import survivors
from planner.judgement.rules.ahead import starts_ahead
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.changed import REGIME_KINDS, change_kinds
from planner.judgement.rules.data import serves_known
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    handled,
    limit_ticked,
    quote,
    repeated_unit,
    says_nothing,
    show,
    source_paths,
)
from planner.judgement.rules.lexicon import CHANGE_HANDLED, DEFAULT_HANDLED, EXITS_KEPT, SPANS_TIME
from planner.judgement.rules.months import dates_in, later_than
from planner.judgement.rules.upkeep import RECORDING_STARTED, dropped_and_tested_after, upkeep_only
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    ActionShape,
    Category,
    ChangeKind,
    Newcomers,
    OutcomeLimit,
    OutcomeRecorded,
    Plan,
    RowsPerThing,
    Split,
    TaskType,
)

_RANKS = (ActionShape.top_of_queue, ActionShape.threshold, ActionShape.up_to_capacity)


def _picks_who_is_looked_at(plan: Plan) -> str | None:
    """The answer that says the model's output decides which cases people look at: a cut-off or the top
    of a queue, or a ranking."""
    if plan.product.action_shape in _RANKS:
        return quote(plan, "product.action_shape", "the model's output decides which cases get looked at")
    if plan.product.task is TaskType.ranking:
        return quote(plan, "product.task", "the model's order decides which cases get looked at")
    return None


@rule(
    "default-marks-unlooked",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Drop the defaulted cases, or label a random sample of them",
        "A default given to the cases nobody looked at records where attention went, not the truth: keep "
        "them out of training and evaluation (or have a random sample of them looked at), and keep a "
        "random share of cases looked at whatever the model says",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.outcome_limits": ["default_filled"]},
            evidence=(
                'constraints.data.outcome_limits: ["default_filled"] (cases nobody looked at get a default: '
                "the default records attention, not the truth)",
                'product.action_shape: "threshold" (the model\'s output decides which cases get looked at)',
                'constraints.data.outcome_recorded_for: "every_case" (answered, yet the cases nobody looked '
                "at carry a default, not their outcome)",
            ),
        ),
        Case(  # a forecast of amounts: the default is a selective label, not the model's own loop
            {
                "constraints.data.outcome_limits": ["default_filled"],
                "product.action_shape": "every_item",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
            also=frozenset({"selective-labels"}),
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case(
            {
                "constraints.data.outcome_limits": ["default_filled"],
                "product.label": "The auditors' duplicate flag; defaulted cases excluded from training and "
                "evaluation.",
            }
        ),
    ),
)
def default_marks_unlooked(plan: Plan) -> Evidence:
    """Cases nobody looked at carry a default label.

    A default ('not fraud', 'no defect', 'closed') given to the cases nobody examined dresses selective
    labels as complete ones: the default records where today's process put its attention, not what was
    true. Where the model's output then decides which cases get looked at, it learns to confirm its own
    neglect: what it ranks low is never examined, keeps its default, and teaches the next model the same.

    Mitigation: Drop the defaulted cases from training and evaluation, or have a random sample of them
    looked at and labelled; keep a random share of cases looked at whatever the model says (exploration),
    and evaluate on cases whose outcome was examined.
    """
    said = limit_ticked(plan, OutcomeLimit.default_filled)
    if said is None or handled(plan, DEFAULT_HANDLED):
        return None
    found = [said]
    loop = _picks_who_is_looked_at(plan)
    if loop:
        found.append(loop)
    if plan.constraints.data.outcome_recorded_for is OutcomeRecorded.every_case:
        found.append(
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "answered, yet the cases nobody looked at carry a default, not their outcome",
            )
        )
    explored = (plan.constraints.data.exploration_share or 0) > 0
    if loop and not explored:
        return tuple(found)  # the model decides what is looked at, and nothing random breaks the loop
    return Tempered(3, found)


@rule(
    "outcome-ends-another-way",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep the cases that ended another way, with how and when",
        "A model trained on the cases that reached the outcome learns from a biased few: frame it as "
        "survival or competing risks, or define the label to include the other exits, and evaluate on a "
        "cohort followed to the end",
        "warning",
    ),
    instead=(survivors.EXITS_UNKNOWN,),
    ask="do some cases leave another way before the outcome, so the model learns only from those that "
    "reached it?",
    fires=(
        Case(
            {"constraints.data.outcome_limits": ["other_exits"]},
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
            ),
        ),
        Case({"done.eval_set": "1,000 resolved investigations from 2024."}),  # only the closed ones: asked
        Case(  # ticked, with the share that leaves early
            {"constraints.data.outcome_limits": ["other_exits"], "constraints.data.left_early_share": 0.3},
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
                "constraints.data.left_early_share: 0.3 (30% of the cases that enter leave before their "
                "outcome: the model learns from the other 70%; score it on the whole entering cohort, with "
                "leaving as an outcome of its own or modelled)",
            ),
        ),
        Case(  # not ticked: the label exists only for lots sold, and the pain says others are withdrawn
            {
                "product.task": "regression",
                "product.label": "The price each lot sold for at the auction.",
                "product.pain": "About 18% of lots are withdrawn unsold.",
            },
            evidence=(
                'product.label: "The price each lot sold for at the auction." (lot sold: known only for the '
                "cases that reached the outcome; the model never sees those that left before it)",
                'product.pain: "About 18% of lots are withdrawn unsold." (withdrawn, unsold: some cases leave '
                "before the outcome; 18% leave another way, so the training cases are at most the other 82%; "
                "what will the model say of them, and are they in the test?)",
                'constraints.data.outcome_limits: ["none"] (answered: nothing limits the record; its own words '
                "say some cases leave before the outcome)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case(  # the price items sold for, and every unsold item kept with how it left
            {
                "product.task": "regression",
                "product.label": "The price each lot sold for at the auction.",
                "product.pain": "About 18% of lots are withdrawn unsold.",
                "constraints.data.differences_note": "Withdrawn lots are kept, censored at their reserve.",
            }
        ),
        Case(  # the price items sold for, and nothing says any item leaves unsold
            {"product.task": "regression", "product.label": "The price each lot sold for at the auction."}
        ),
        Case(
            {
                "constraints.data.outcome_limits": ["other_exits"],
                "constraints.data.differences_note": "Suppliers that closed are kept as censored; a competing "
                "risks model.",
            }
        ),
        Case({"done.eval_set": "Every investigation opened in 2024, open and closed, to its end."}),
        Case(  # the share given, and withdrawals kept as an outcome of their own
            {"constraints.data.outcome_limits": ["other_exits"], "constraints.data.left_early_share": 0.3}
            | {"done.eval_set": "The whole entering cohort of 2023, withdrawn dogs as an outcome of its own."}
        ),
    ),
)
def outcome_ends_another_way(plan: Plan) -> Evidence:
    """Some cases end another way before their outcome is seen.

    A customer who leaves, a patient who moves, an account that closes before the outcome: their outcome
    is never recorded. Trained on the cases that reached an outcome, or with the others counted as 'no',
    the model learns a biased picture (censoring, competing risks), and most for the cases that matter.

    Mitigation: Keep every case with how and when it ended; frame the task as survival or competing
    risks, or define the label to include the other exits (within a fixed window); evaluate on a cohort
    followed to the end.
    """
    said = limit_ticked(plan, OutcomeLimit.other_exits)
    if said is None:  # not ticked: the words say it
        return survivors.left_before_the_outcome(plan) or survivors.only_closed_cases(plan)
    if handled(plan, EXITS_KEPT):
        return None
    return survivors.exits_ticked(plan, said)


@rule(
    "thing-straddles-time-cut",
    Category.model,
    likelihood=2,
    impact=3,
    move=Move(
        "Check that no repeated thing falls on both sides of the time cut",
        "Rows of one customer, site or repeat report before and after the cut put part of the same thing "
        "in training and in test: drop or group them at the boundary, or split by the thing as well",
    ),
    fires=(
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "constraints.data.newcomers": "many",
            },
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows describe one patient: it lasts '
                "over time)",
                'done.split: "time" (a thing with rows before and after the cut is on both sides)',
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.rows_per_thing": "one"}),
        Case(  # the product meets the same patients again: their later rows are a fair test
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "constraints.data.newcomers": "few",
            }
        ),
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one invoice scan",
            }
        ),
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "done.split": "group",
            }
        ),
        Case(  # a recommender reads each customer's own history and meets the same customers again
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one customer",
                "product.task": "recommendation",
            }
        ),
    ),
)
def thing_straddles_time_cut(plan: Plan) -> Evidence:
    """A thing with several rows over time can sit on both sides of a time split.

    Split by time, the test set still holds later rows of the customers, sites or reported events whose
    earlier rows trained the model; where the product meets those same things again that is fair, but
    the score then says little about new ones, and repeat reports of one event straddling the cut leak it.

    Mitigation: Count the things with rows on both sides of the cut; where the product meets new ones,
    split by the thing as well as by time, and drop or group the rows of an event that straddles the cut.
    """
    data = plan.constraints.data
    if data.rows_per_thing is not RowsPerThing.several or plan.done.split is not Split.time:
        return None
    if serves_known(plan):
        return None  # a recommender or a forecast meets the same customers or series again: fair
    if data.newcomers in (Newcomers.none, Newcomers.few):
        return None  # the product meets the same things again: scoring their later rows is fair
    unit = repeated_unit(plan)
    if not SPANS_TIME.find(unit):
        return None  # frames of one object, pages of one document: taken at once
    return (
        quote(plan, "constraints.data.rows_per_thing", f"several rows describe {unit}: it lasts over time"),
        quote(plan, "done.split", "a thing with rows before and after the cut is on both sides"),
    )


# An answer on changes that opens by saying nothing changed ("Nothing.", "None that we know of", "No change").
_NO_CHANGE = re.compile(
    r"\s*(?:nothing|none|no\s+changes?|no|not\s+that\s+we\s+know|unchanged|n/a)\b"
    r"(?!\s*[,;:]?\s*(?:until|before|after|except|but|apart|other\s+than|besides|since)\b)",
    re.IGNORECASE,
)


# Years that name a collection (`the 1999-2010 marriage register`), not when anything changed.
_NAMED_COLLECTION = re.compile(
    r"\b(?:1[5-9]|20)\d\d\s*(?:-|–|—|to)\s*(?:1[5-9]|20)\d\d\s+(?:[A-Za-z-]+\s+){0,2}?(?:archive|archives"
    r"|collection|collections|register|registers|census|corpus|atlas|gazetteer|edition|editions)\b",
    re.IGNORECASE,
)


def _opens_the_period(said: str, period: str | None) -> bool:
    """Whether every date a change names is at or before the first date of the data's period (a log
    that starts with the data): the data then holds one regime, not a mix."""
    named, spans = dates_in(said), dates_in(period or "")
    if not named or not spans:
        return False
    start = spans[0]
    return all(year < start[0] or (year == start[0] and 0 < month <= start[1]) for year, month in named)


def _after_the_period(said: str, period: str | None) -> bool:
    """Whether every date a change names is after the last date of the data's period (a new standard
    from next year): the data holds one regime; the change comes after it, not within it."""
    named, spans = dates_in(said), dates_in(period or "")
    if not named or len(spans) < 2:
        return False
    end = spans[-1]
    return all(year > end[0] or (year == end[0] and 0 < end[1] < month) for year, month in named)


def _not_the_label(plan: Plan, said: str) -> bool:
    """Whether the change touches neither the label nor the process behind it: as ticked, else as said
    (upkeep that keeps one scale, a new camera, input or log, new areas, items coming and going)."""
    if kinds := change_kinds(plan):
        return not kinds & REGIME_KINDS
    coverage = COVERAGE_CHANGE.find(said) and not REGIME_CHANGE.find(said)
    return upkeep_only(said, REGIME_CHANGE) or equipment_change_only(said) or bool(coverage)


def changed_during_period(plan: Plan) -> tuple[str, ...] | None:
    """What the team said changed during the data's period, quoted as a fact; () when it said so and
    handles it (trains since it, weights it, gives the model the regime); None when it said nothing changed
    or did not answer, so the words of other answers decide."""
    said = plan.constraints.data.changes
    if not said or _not_the_label(plan, said):
        return None
    return change_within_period(plan)


def change_within_period(plan: Plan) -> tuple[str, ...] | None:
    """What the team said changed during the data's period, whatever it touched, quoted as a fact; ()
    where it handles it; None where nothing changed, or the change opens the data or comes after it."""
    said = plan.constraints.data.changes
    if not said or says_nothing(said) or _NO_CHANGE.match(said):
        return None
    said = _NAMED_COLLECTION.sub(" ", said)  # `the 1999-2010 marriage register`: years that name a source
    if CHANGE_HANDLED.find(said) or handled(plan, CHANGE_HANDLED) or dropped_and_tested_after(plan):
        return ()
    period = plan.constraints.data.period
    if starts_ahead(said) and (not dates_in(said) or _data_end(plan) is None):
        return None  # a change with the model or later, undated: history-from-the-old-regime asks
    if _opens_the_period(said, period) or _after_the_period(said, period):
        return None  # every date the change names is at or before the data's start: one regime throughout
    end = _data_end(plan)
    if end is not None and all(later_than(date, end) for date in dates_in(said)):
        return None  # every date is after the data: history-from-the-old-regime asks
    during = (
        f"during the data's period, {show(period)}"
        if period and not says_nothing(period)
        else "during the data's period"
    )
    return (
        quote(plan, "constraints.data.changes", f"a change {during}: the model learns a mix of both regimes"),
    )


# Words saying a generating model is trained or tuned on the data, not only prompted with it.
TRAINED = Lexicon("""
    fine-tune, fine-tuned, fine-tuning, finetune, finetuned, finetuning, fine tune, fine tuned, fine tuning
    trained on, train on, train it on, training on, retrain, retrained, lora, adapter, adapters
""")

_TRAINING_SAID: tuple[str, ...] = (
    "product.inputs",
    "product.output",
    "product.label",
    "constraints.data.changes",
)
_TRAINING_SAID += ("constraints.compute.hosted_model", "product.current_solution")


def trained(plan: Plan) -> bool:
    """Whether the plan says its generating model is trained or tuned on its data."""
    return first_said(plan, _TRAINING_SAID, TRAINED) is not None


# A change of what captures the data (a camera, a sensor, a payload), not of what the label means.
DEVICE_CHANGE = Lexicon("""
    camera, cameras, sensor, sensors, payload, payloads, scanner, scanners, device, devices, firmware
    lens, lenses, microphone, microphones, drone, drones, hardware, resolution, tank, tanks, probe, probes
    analyser, analysers, analyzer, analyzers, instrument, instruments, gauge, gauges, hydrophone
    hydrophones, thermometer, thermometers, lidar, radar, equipment, x-ray machine, x-ray machines
""")
# A clause saying something stayed as it was: `labelling stayed the same`, `no new cameras`.
_KEPT_AS_IT_WAS = re.compile(
    r"[^.;,]*\b(?:same|unchanged|stayed|did not change|didn't change|not changed|as before|no\s+(?:changes?|new|"
    r"other)|(?:not|never)\s+(?:been\s+)?(?:replaced|swapped|upgraded|switched))\b[^.;,]*",
    re.IGNORECASE,
)


def changes_said(said: str) -> str:
    """A change as said, without the clauses saying something stayed (`scanners were not replaced`)."""
    return _KEPT_AS_IT_WAS.sub(" ", said)


def equipment_change_only(said: str) -> bool:
    """Whether a change names new equipment or inputs (a camera, a tank, a sensor, a feed) and no change of
    what the label means, outside the clauses saying they stayed the same (`same camera throughout`)."""
    rest = changes_said(said)
    return bool(DEVICE_CHANGE.find(rest) or INPUT_CHANGE.find(rest)) and not REGIME_CHANGE.find(rest)


# A change of what the model reads: a new feature, field or source of inputs (a data-sharing agreement).
INPUT_CHANGE = (
    Lexicon("""
    feature, features, new field, new fields, new input, new inputs, new source, new sources, data source
    data sources, data-sharing, data sharing, data-sharing agreement, data sharing agreement, feed, feeds
    new sensor, new sensors, sensor added, sensors added, sensor was added
    sensors were added, sensor installed, sensors installed, only logged since, logged only since
""")
    + RECORDING_STARTED
)
# A change of what the data covers or keeps beside the label: new areas or sites joining, the mix of cases
# moving, a new log started. The label is given as before; the model meets more of it, or reads more.
COVERAGE_CHANGE = Lexicon("""
    going live, go live, goes live, went live, new areas, new regions, new sites, new branches, new stores
    new depots, new markets, customer mix, product mix, case mix, mix changes, mix change, mix shifts
    news sources, adds sources, adds new sources, logging introduced, logging started, started logging
    began logging, call logging, new log, new logging
    are replaced each season, are replaced every season, are replaced each year, are replaced every year
    replaced each season, replaced every season, discontinued, delisted, new products, new items, new lines
    new titles, new skus, range changes, range refresh, catalogue turnover, product turnover, item turnover
    changes every month, changes each month, changes every week, changes each week, changes every quarter
    changes each quarter, change every month, change each month, change every week, change each week
    changes monthly, changes weekly, change monthly, change weekly, changes all the time, change all the time
""")
# A change of what the label or the process means: a rule, a standard, a definition, terms, prices.
REGIME_CHANGE = Lexicon("""
    label, labels, labelling, labeling, definition, definitions, standard, standards, guideline, guidelines
    coding, code, codes, policy, policies, terms, rule, rules, price, prices, pricing, process, criteria
    law, regulation, regulations, tariff, tariffs, contract, contracts, threshold, thresholds
""")


def _data_end(plan: Plan) -> tuple[int, int] | None:
    """The last (year, month) the data reaches: the period's end, else the latest year a source names."""
    spans = dates_in(plan.constraints.data.period or "")
    if len(spans) >= 2:
        return spans[-1]
    named = [date for path in source_paths(plan) for date in dates_in(str(answer_at(plan, path) or ""))]
    return max(named) if len(named) >= 2 and not spans else None


def regime_after_the_data(plan: Plan) -> bool:
    """Whether the team's answer on changes names a change of terms, standard or process dated after the
    data's period (some of its dates may fall within it): the records are under the old regime, and the
    model will run under the new one."""
    said = plan.constraints.data.changes
    if not said or says_nothing(said) or _NO_CHANGE.match(said):
        return False
    kinds = change_kinds(plan)
    if (kinds and not kinds & (REGIME_KINDS | {ChangeKind.population})) or (
        not kinds and equipment_change_only(said)
    ):
        return False  # a new camera or input source changes what the model reads, not the label
    end = _data_end(plan)
    return end is not None and any(later_than(date, end) for date in dates_in(said))
