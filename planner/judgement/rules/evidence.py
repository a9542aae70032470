"""What rules quote: answers at a path, 'none' answers, money and shares as text, the plan's figures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any

from planner.core import formatting as fmt
from planner.judgement.measured import source_of
from planner.judgement.rules.base import Evidence
from planner.judgement.rules.benefit import addressed_value
from planner.judgement.rules.lexicon import ANIMAL_CARE, ITEM_UNITS
from planner.judgement.rules.perevent import tied, value_per_event
from planner.judgement.rules.periodtotal import period_total
from planner.judgement.rules.sameamount import same_amount
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.choices import label
from planner.plan.fields import is_answered
from planner.plan.model import (
    Circumstance,
    DataKind,
    Direction,
    LabelSource,
    Metric,
    OutcomeLimit,
    OutcomeRecorded,
    Plan,
    TaskType,
)
from planner.plan.rate import WORKING_DAYS

_SAYS_NOTHING = {
    "", "-", "--", "?", "??", "...", "n/a", "na", "nil", "null", "none", "none yet", "no", "nothing",
    "nobody", "nobody yet", "no one", "no one yet", "noone", "not yet decided", "tbd", "tbc", "todo", "to do", "unknown", "not known", "unclear",
    "not sure", "no idea", "idk", "don't know", "do not know", "not measured", "never measured",
    "not yet", "later", "to be decided", "to be defined", "to be confirmed",
}  # fmt: skip


def norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .!;:")


def says_nothing(value: Any) -> bool:
    """An answer that is given but carries no content ("none", "TBD", "unknown", "?")."""
    return isinstance(value, str) and norm(value) in _SAYS_NOTHING


def show(value: Any) -> str:
    """An answer as it reads in plan.yaml: strings quoted (and shortened), numbers plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return f'"{value.value}"'
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, str):
        text = " ".join(value.split())
        return '"' + (text if len(text) <= 70 else text[:67] + "...") + '"'
    return str(value)


def answer_at(plan: Plan, path: str) -> Any:
    """The answer at a dotted path; list items as `sources[1].name`."""
    value: Any = plan
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]
    return value


def source_paths(plan: Plan) -> tuple[str, ...]:
    """The path of each data source's name: `constraints.data.sources[0].name`, ..."""
    return tuple(
        f"constraints.data.sources[{index}].name" for index in range(len(plan.constraints.data.sources))
    )


def patients_are_animals(plan: Plan) -> bool:
    """Whether the plan says its patients are animals (a veterinary practice, a herd, pets): clinical
    words then name no person, and no human medical-device duty applies."""
    paths = ("title", "product.goal", "product.users", "product.inputs", "product.output", "product.decision")
    return any(ANIMAL_CARE.find(answer_at(plan, path)) for path in (*paths, *source_paths(plan)))


def monitor_paths(plan: Plan) -> tuple[str, ...]:
    """Where a plan says what it watches once live: each monitor's signal."""
    return tuple(f"after_launch.monitoring[{i}].signal" for i in range(len(plan.after_launch.monitoring)))


def faq_paths(plan: Plan) -> tuple[str, ...]:
    """Where a plan answers the questions people will ask: each FAQ entry's answer."""
    return tuple(f"press_release.faq[{i}].answer" for i in range(len(plan.press_release.faq)))


def read_paths(plan: Plan) -> tuple[str, ...]:
    """Where a plan says what the model reads: its inputs, then each data source's name."""
    return ("product.inputs", *source_paths(plan))


def truth_paths(plan: Plan) -> list[str]:
    """The answers that say what a done metric is scored against: its name, its data, the eval set."""
    paths = []
    for index, metric in enumerate(plan.done.metrics):
        paths.append(f"done.metrics[{index}].name")
        if metric.dataset:
            paths.append(f"done.metrics[{index}].dataset")
    return [*paths, "done.eval_set"]


def first_said(plan: Plan, paths: Iterable[str], lexicon: Lexicon) -> tuple[str, tuple[str, ...]] | None:
    """The first answer among `paths` that says words of `lexicon`, and those words: (path, words)."""
    for path in paths:
        words = lexicon.find_all(answer_at(plan, path))
        if words:
            return path, words
    return None


def own_notes(plan: Plan) -> list[str]:
    """The plan's own FAQ entries and risks, each read as one text: where a team says what it settled."""
    notes = [f"{entry.question} {entry.answer or ''}" for entry in plan.press_release.faq]
    return notes + [f"{risk.title} {risk.mitigation or ''}" for risk in plan.risks]


def metric_name_paths(plan: Plan) -> tuple[str, ...]:
    """Where a plan names its done metrics: each metric's name."""
    return tuple(f"done.metrics[{index}].name" for index in range(len(plan.done.metrics)))


def said_or_settled(plan: Plan, paths: Iterable[str], lexicon: Lexicon) -> bool:
    """Whether an answer among `paths`, or one of the plan's own notes (its FAQ and risks), says words of
    `lexicon`: where a rule looks for what the team already does about it."""
    texts = [answer_at(plan, path) for path in paths] + own_notes(plan)
    return any(lexicon.find(text) for text in texts if isinstance(text, str))


def quote(plan: Plan, path: str, note: str = "") -> str:
    """`path: answer`, optionally followed by a note in parentheses (by default: where a measured
    answer comes from, so the evidence says it was measured on a sample, not typed)."""
    note = note or source_of(plan, path) or ""
    return f"{path}: {show(answer_at(plan, path))}" + (f" ({note})" if note else "")


def answered_quotes(plan: Plan, *paths: str) -> tuple[str, ...]:
    """Each of `paths` the plan answers, quoted: the answers a risk meets, where there are any."""
    return tuple(quote(plan, path) for path in paths if is_answered(answer_at(plan, path)))


def answer_is(plan: Plan, path: str, *values: Any) -> Evidence:
    """The answer quoted when it is one of `values` (or, for a multiple choice, includes one)."""
    answer = answer_at(plan, path)
    if isinstance(answer, list):
        hit = any(value in answer for value in values)
    else:
        hit = any(answer is value if isinstance(value, bool) else answer == value for value in values)
    return (quote(plan, path),) if hit else None


def changes_over_time(plan: Plan) -> Evidence:
    """The answers that say the data moves with time: a forecast, time series, or real-world outcomes."""
    return (
        answer_is(plan, "product.task", TaskType.forecasting)
        or ((quote(plan, "product.data_kinds"),) if DataKind.time_series in plan.product.data_kinds else None)
        or answer_is(plan, "constraints.data.labels", LabelSource.outcomes)
    )


def evaluation_planned(plan: Plan) -> str | None:
    """The answer that plans an evaluation set: its cases (`done.eval_set`) or its size."""
    if plan.done.eval_set and not says_nothing(plan.done.eval_set):
        return quote(plan, "done.eval_set")
    return quote(plan, "done.test_size") if plan.done.test_size else None


def said_none_quote(plan: Plan, path: str) -> str | None:
    """`path: none (answered: we have none)` when the team answered none there."""
    parent, _, name = path.rpartition(".")
    holder = answer_at(plan, parent)
    if name in (getattr(holder, "none", None) or ()):
        return f"{path}: none (answered: we have none)"
    return None


def label_agreement(plan: Plan) -> tuple[float, int | None, str] | None:
    """(agreement, cases, where) of two people on the label: measured by `planner try` when the plan
    has it, typed otherwise."""
    measured = plan.by_hand.measured
    if measured is not None and measured.shared:
        agreed = (measured.agreed or 0) / measured.shared
        return agreed, measured.shared, "by_hand.measured (two people on the same sample)"
    typed = plan.by_hand.label_agreement
    if typed is None or typed == "not measured":
        return None
    return typed, plan.by_hand.double_labelled, "by_hand.label_agreement"


def agreement_unknown(plan: Plan, why: str) -> str:
    """`by_hand.label_agreement: not answered (why)`, or `not measured` where the team said so."""
    said = "not measured" if plan.by_hand.label_agreement == "not measured" else "not answered"
    return f"by_hand.label_agreement: {said} ({why})"


def empty_answers(plan: Plan, *paths: str) -> Evidence:
    found = tuple(quote(plan, path) for path in paths if says_nothing(answer_at(plan, path)))
    return found or None


def done_metrics(plan: Plan) -> Iterator[tuple[str, Metric]]:
    for index, metric in enumerate(plan.done.metrics):
        yield f"done.metrics[{index}]", metric


def at_least_as_good(value: float, than: float, direction: Direction) -> bool:
    return value >= than if direction is Direction.higher_is_better else value <= than


def items_per_month(plan: Plan) -> float | None:
    """The volume as items a month; None for a job run once, whose volume is a total, not a flow."""
    impact = plan.impact
    months = impact.period.per_month if impact.period is not None else None
    return None if impact.volume is None or months is None else impact.volume * months


DAYS_PER_MONTH = 365 / 12


def items_per_day(plan: Plan) -> float | None:
    """The volume as items a day, on average over the year."""
    per_month = items_per_month(plan)
    return None if per_month is None else per_month / DAYS_PER_MONTH


WORKING_DAYS_PER_MONTH = WORKING_DAYS["month"]  # weekdays less holidays: the days people work the flags
WORKING_DAYS_PER_YEAR = WORKING_DAYS["year"]


def items_per_working_day(plan: Plan) -> tuple[float, str] | None:
    """The volume a day people work it, with its wording: a week's or a month's volume falls on about 5
    or 21 working days, not 7 or 30; a volume per day is kept as said (the work may run every day)."""
    per_month, period = items_per_month(plan), plan.impact.period
    if per_month is None or period is None:
        return None
    if period.value == "day":
        return per_month / DAYS_PER_MONTH, "a day"
    return per_month / WORKING_DAYS_PER_MONTH, "a working day"


def monthly_value(plan: Plan, bounded: bool = True) -> float | None:
    """Impact estimate: volume x periods per month x share addressed, no more than people act on a month
    (unless not `bounded`), x value per item; None when the value is per another item than the volume
    counts (`EUR per customer` against transactions)."""
    items, impact = items_per_month(plan), plan.impact
    if items is None or impact.addressed is None or impact.item_value is None:
        return None
    if value_per_other_item(plan):
        return None
    addressed = items * impact.addressed
    return addressed_value(plan, addressed, impact.item_value) if bounded else addressed * impact.item_value


_PER = re.compile(r"\bper\s+([a-z][a-z-]+)", re.IGNORECASE)
# Where the answers say what the volume counts: the bottleneck, and what the model decides on.
ITEM_PATHS = ("impact.bottleneck", "product.decision", "product.output", "product.label", "title")
# Units of an amount (mass, volume, energy, distance, time), which a count of items is not in.
_MEASURES = frozenset(
    {
        "tonne",
        "tonnes",
        "ton",
        "tons",
        "kg",
        "kilo",
        "kilogram",
        "kilograms",
        "gram",
        "grams",
        "pound",
        "pounds",
        "lb",
        "litre",
        "litres",
        "liter",
        "liters",
        "gallon",
        "gallons",
        "kwh",
        "mwh",
        "gwh",
        "kilowatt-hour",
        "megawatt-hour",
        "km",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "mile",
        "miles",
        "metre",
        "metres",
        "meter",
        "meters",
        "hour",
        "hours",
        "minute",
        "minutes",
    }
)
_NOT_AN_ITEM = frozenset(
    ("item", "items", "case", "cases", "unit", "year", "month", "week", "day", "hour", "cent", "one")
)


def value_per_other_item(plan: Plan) -> str | None:
    """The item the value is per (`EUR per customer` -> customer) when the volume counts another item, or
    the period of a value typed as a total (`GBP per year`): value x volume would multiply numbers of two
    units, so they are not joined."""
    found = volume_counts_other_item(plan)
    return found[0] if found else period_total(plan)


def volume_counts_other_item(plan: Plan) -> tuple[str, str, tuple[str, ...]] | None:
    """(the value's item, the answer that says what the volume counts, the items it names) when that
    answer names items other than the value's. The first answer that names an item at all decides (the
    bottleneck first, where the volume is counted); an answer that names none says nothing either way,
    so a value per lunch is never set against a bottleneck that speaks of cooks and food."""
    event = value_per_event(plan, ITEM_PATHS, answer_at)
    if event:  # a value per fault found, times every item: each item counted as a find
        share = plan.impact.benefit_share  # unless spread over the share of items that are finds
        return None if share == "not measured" or (share is not None and share < 1) else event
    found = _PER.search(plan.impact.value_unit or "")
    noun = found.group(1).lower() if found else None
    if noun is None or noun in _NOT_AN_ITEM:
        return None
    forms = {noun, noun + "s", noun + "es", noun.removesuffix("s"), noun.removesuffix("es")}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    said = [text for path in ITEM_PATHS if isinstance(text := answer_at(plan, path), str)]
    if noun in _MEASURES and same_amount(noun, said):
        return None  # the volume is given in the value's kind of amount: tonnes and t, kWh and MWh
    own = {unit for unit, words in ITEM_UNITS.items() if words.find(noun)}
    for path in ITEM_PATHS:
        text = answer_at(plan, path)
        if not isinstance(text, str) or not text:
            continue
        if forms & set(words_of(text)):
            return None  # the volume's answer names the value's item
        units = tuple(sorted(unit for unit, words in ITEM_UNITS.items() if words.find(text)))
        if units:  # the same item, or one of the value's tied to each of the volume's (one per order)
            return None if own & set(units) or tied(plan, noun, units, answer_at) else (noun, path, units)
    # A value per tonne, litre or hour is per amount, not per item: unless an answer says the volume is
    # in that amount, a count of items is not multiplied by it.
    return (noun, "impact.volume", ()) if noun in _MEASURES else None


# A volume said as an amount of something (`tonnes of scrap`, `kWh of load`); not hours, which a
# bottleneck names for the step's own time as often as for what passes through it.
_AMOUNT_OF = re.compile(
    r"\b(tonnes?|tons?|kg|kilo(?:gram)?s?|litres?|liters?|gallons?|[kmg]wh|km|kilomet(?:re|er)s?|miles?)"
    r"\s+of\b",
    re.IGNORECASE,
)
_SPELLED = {"kg": "kg", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "km": "km"}


def volume_unit(plan: Plan) -> str:
    """What the volume counts, for the figures worked out from it: `items`, or the amount the plan
    names (`tonnes` when the value is per tonne and the answers say so, or they speak of `tonnes of`
    scrap); empty when the value is per an amount the answers do not give the volume in."""
    predicts_amount = plan.product.task in (TaskType.forecasting, TaskType.regression)  # `tonnes of salt`
    for path in ITEM_PATHS[:2] + ITEM_PATHS[4:] if predicts_amount else ITEM_PATHS:  # counts predictions
        text = answer_at(plan, path)
        found = _AMOUNT_OF.search(text) if isinstance(text, str) else None
        if found:
            return _plural(found.group(1))
    per = _PER.search(plan.impact.value_unit or "")
    if per and per.group(1).lower() in _MEASURES:
        return "" if value_per_other_item(plan) else _plural(per.group(1))
    return "items"


def _plural(unit: str) -> str:
    word = unit.lower()
    return _SPELLED.get(word) or (word if word.endswith("s") else word + "s")


def per_month(count: float, unit: str) -> str:
    """`12,000 items a month`, `300 tonnes a month`; `12,000 a month` when the unit is not known."""
    return " ".join(text for text in (fmt.number(count), unit, "a month") if text)


def acting_shapes_labels(plan: Plan) -> bool:
    """Whether acting on the predictions decides which outcomes are recorded, or changes them: the
    outcome is recorded only for chosen cases, or the model decides what is shown (the older answer)."""
    data = plan.constraints.data
    if data.outcome_recorded_for is not None:
        return data.outcome_recorded_for is not OutcomeRecorded.every_case
    return data.model_decides_labels is True or plan.product.task in (
        TaskType.ranking,
        TaskType.recommendation,
    )


# A share as people write it: `45%`, `45 %`, `0.45`; not a year, a count or a version.
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d+)?)\s?%|(?<![\w.,])(0\.\d+|1\.0+)(?![\w%]|[.,]\d)")

# What follows a plain number that makes it an amount in a unit, not a share: a unit (`0.6 hours`,
# `0.4 kg`) or a rate (`0.62 reshuffles per pickup`, `0.3 visits a day`); a share is followed by
# nothing, a preposition or the metric's name.
_IN_A_UNIT = re.compile(
    r"\s*(?:[-/]|(?:(?!(?:of|on|in|at|for|with|over|across|by|from|to|and|or|recall|precision|accuracy"
    r"|auc|f1|share|rate)\b)[a-z][\w-]*\s+){0,2}?(?:per|each|every|a|an)\b(?!\s+(?:share|fraction|rate|recall)\b)"
    r"|(?:sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|ms|kg|g|t|tonnes?"
    r"|tons?|km|m|cm|mm|metres?|meters?|l|litres?|liters?|kwh|mwh|kw|mw|eur|usd|gbp|euros?|dollars?"
    r"|pounds?|points?|goals?|stars?|items?|units?|visits?|calls?|errors?|incidents?)\b)",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"\s*(?:of|on|in|at|for|with|over|across|by|from|to|against|among|and|or)\b", re.I)


def todays_figure(text: str | None) -> float | None:
    """The one share today's performance names (`catches 45% of duplicates` -> 0.45), or None when it
    names none or several (a figure among several cannot be matched to the metric)."""
    if not text:
        return None
    found = set()
    for match in _FIGURE.finditer(text):
        pct, plain = match.groups()
        if pct:
            found.add(float(pct) / 100)
            continue
        rest = text[match.end() :]
        if _IN_A_UNIT.match(rest) and not _PREPOSITION.match(rest):
            continue  # an amount in a unit (`0.62 reshuffles per pickup`): never a share
        found.add(float(plain))
    return found.pop() if len(found) == 1 else None


def ticked(plan: Plan, fact: Circumstance) -> str | None:
    """The evidence that the team ticked `fact`, or None when it did not."""
    if fact not in plan.product.circumstances:
        return None
    said = label(fact).replace(" (", ": ").replace(")", "")  # no parentheses inside the note's own
    return f'product.circumstances: "{fact.value}" ({said})'


_LIMIT_NOTES = {
    OutcomeLimit.capped: "it stops at a limit: demand above the cap is never recorded",
    OutcomeLimit.reported_only: "recorded only when someone reports it: the record counts reports, not events",
    OutcomeLimit.default_filled: "cases nobody looked at get a default: the default records attention, not the "
    "truth",
    OutcomeLimit.other_exits: "some cases end another way first: their outcome is never seen",
    OutcomeLimit.below_threshold: "no outcome below a threshold the process sets: the low values are missing",
    OutcomeLimit.averted: "people stop it today when they see it coming: the record holds only the ones they "
    "missed",
    OutcomeLimit.worst_unmeasured: "it goes unmeasured in the riskiest conditions: the worst days have no "
    "label, so the training and the test under-represent them",
}


def limit_ticked(plan: Plan, limit: OutcomeLimit) -> str | None:
    """The evidence that the team ticked `limit` among the ways the record falls short, or None."""
    if limit not in plan.constraints.data.outcome_limits:
        return None
    return quote(plan, "constraints.data.outcome_limits", _LIMIT_NOTES[limit])


def notes(plan: Plan) -> list[str]:
    """The answers where a team says how it treats its record: the label, the note on differences, the
    notes of the work by hand, the metrics and the evaluation set, its FAQ and its own risks."""
    paths = [
        "product.label",
        "constraints.data.differences_note",
        "done.eval_set",
        "by_hand.human_score_notes",
    ]
    paths += metric_name_paths(plan)
    paths += [f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))]
    texts = [text for path in paths if isinstance(text := answer_at(plan, path), str)]
    texts += [*plan.by_hand.noticed, *plan.by_hand.hard_cases]
    return texts + own_notes(plan)


def handled(plan: Plan, lexicon: Lexicon) -> bool:
    """Whether the plan says, in its own notes, that it already does what `lexicon` names."""
    return any(lexicon.find(text) for text in notes(plan))


def repeated_unit(plan: Plan) -> str:
    """What several rows describe, as the team named it, or `the same thing`."""
    unit = plan.constraints.data.repeated_unit
    return unit.strip().rstrip(".") if unit and not says_nothing(unit) else "the same thing"
