"""Inputs stated late: the tick (`later_inputs`), and when each input that reaches the tables late arrives
against the moment the model predicts (`last_input_days`, `late_inputs` read with the lead, the arithmetic
shown for each).

A result that reaches the tables 9 days after the sample the model predicts at sits in every training row as
if known that day; a rota published 3 days before the day is in the history of a forecast made 28 days
before. The team need not see the leak to answer when its last input arrives: the arithmetic shows it.
"""

from __future__ import annotations

from planner.judgement.rules.anchor import AS_THEN, decision_lead, in_days
from planner.judgement.rules.base import Evidence, Tempered
from planner.judgement.rules.evidence import answer_at, answered_quotes, quote, show
from planner.plan.choices import CAPTURED, label
from planner.plan.model import Arrival, Difference, InputsBuilt, Plan, TaskType

_DAYS = "constraints.data.last_input_days"
# Four weeks and more after the day forecast: past any loading delay of a recent value (sales loaded the
# next day), so the value is not in hand when the forecast is acted on, whichever way the days are read.
LONG = 28
_NAME = "constraints.data.last_input"
# Where a plan says how its training and backtest rows are built.
_STOOD_IN = ("done.eval_set", "product.inputs", "constraints.data.differences_note")


def differences_quote(plan: Plan, kinds: list[Difference], note: str) -> tuple[str, ...]:
    """The differences ticked among `kinds`, as the plan holds them, with the note that explains them."""
    found = (f"constraints.data.differences: {show(kinds)} ({note})",)
    if plan.constraints.data.differences_note:
        return (*found, quote(plan, "constraints.data.differences_note"))
    return found


def known_after(plan: Plan) -> tuple[str, ...] | None:
    """The inputs the team names as filled in only after the moment of prediction (`inputs_known_after`),
    each named: every training row holds a value the live model does not have yet."""
    named = plan.product.inputs_after()
    if not named:
        return None
    note = (
        f"known only after the moment of prediction: {', '.join(named)}; each training row holds a value the "
        "live model does not have yet"
    )
    found = (f"product.inputs_known_after: {show(named)} ({note})", *answered_quotes(plan, "product.inputs"))
    lead = decision_lead(plan)
    if lead is None or lead.days < 1:
        return found
    # the one lead point on the same fact: the decision is fixed days before, so `known by the day` is late
    ahead = (
        f"{lead.about}: fixed {in_days(lead.days)} before the day served; every input must be known then, so "
        "these and any input recorded within those days are missing when the decision is taken"
    )
    return (*found, quote(plan, lead.path, ahead))


# Tasks that read the record in hand rather than predict what comes later: no later value to leak.
READS_IN_HAND = (TaskType.matching, TaskType.clustering, TaskType.generation, TaskType.extraction)


def unchecked_inputs(plan: Plan, heard: Evidence = None) -> Tempered | None:
    """`inputs_known_after: not checked`: nobody has gone down the inputs with whoever keeps the records,
    so whether any is recorded after the moment of prediction is open; each input is named, with the
    moment it must beat, and any words another check heard follow. Quiet for a task that reads the record
    in hand (a match, an extraction), or one run after the event."""
    if plan.product.task in READS_IN_HAND:
        return None
    names = input_names(plan.product.inputs)
    lead = decision_lead(plan)
    ahead = f" ({lead.about}: {in_days(lead.days)} before the day)" if lead and lead.days >= 1 else ""
    each = f"each of {', '.join(repr(name) for name in names)}" if names else "each input"
    note = (
        f"nobody has checked when each input is recorded: ask whoever keeps the records for the timestamp "
        f"of {each}, against the moment of prediction{ahead}; one written at or after it leaks the answer "
        "into training"
    )
    found: tuple[str, ...] = (f"product.inputs_known_after: not checked ({note})",)
    if lead is not None and lead.days >= 1:
        found = (*found, quote(plan, lead.path, f"{lead.about}: {lead.words}"))
    return Tempered(3, (*found, *(line for line in heard or () if line not in found)))


def input_names(text: str | None, most: int = 8) -> list[str]:
    """The inputs as listed (`a, b (c, d) and e`): one per comma or semicolon outside brackets, the last
    `and` split off; each cut to 8 words, at most `most` of them."""
    items, depth, current = [], 0, ""
    for char in (text or "").strip().rstrip("."):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;\n" and depth <= 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    last, _, tail = items[-1].rpartition(" and ")
    if last and "(" not in tail and ")" not in tail and len(items) > 1:
        items[-1:] = [last, tail]
    said = [item.strip().removeprefix("and ").split() for item in items]
    return [" ".join(words[:8]) + ("..." if len(words) > 8 else "") for words in said if words][:most]


def named_late(plan: Plan, words: tuple[str, ...] | list[str]) -> bool:
    """Whether the team named each of `words` (an input's words another rule read) among the inputs known
    after the prediction: the late input is said once, by `inputs-after-prediction`."""
    named = [name.lower() for name in plan.product.inputs_after()]
    return bool(words) and all(any(word.lower() in name for name in named) for word in words)


def stated_late(plan: Plan) -> tuple[str, ...] | None:
    """Inputs the answers state late: those named as known after the prediction, the last input's arrival
    after the moment of prediction, and the tick."""
    late = _joined(known_after(plan), late_input(plan))
    if Difference.later_inputs not in plan.constraints.data.differences:
        return late
    ticked = differences_quote(plan, [Difference.later_inputs], label(Difference.later_inputs))
    return (*ticked, *(late or ()))


def _joined(named: tuple[str, ...] | None, late: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The inputs named late, then the arrivals' arithmetic: stated outright when either is."""
    if named is None or late is None:
        return named or late
    return (*named, *late) if not isinstance(late, Tempered) else named


def _arrives(days: float) -> str:
    """`9 days after`, `3 days before`, `on`: when the input arrives against its row's date."""
    if days > 0:
        return f"arrives {in_days(days)} after"
    return f"is known {in_days(-days)} before" if days < 0 else "arrives on"


def late_input(plan: Plan) -> tuple[str, ...] | None:
    """The inputs stated late (`last_input` and each of `late_inputs`) that are not there yet when the
    model predicts, each named with its arithmetic; stated outright where one arrives after the moment of
    prediction, asked (tempered) where the only doubt is a forecast's past value and its loading delay."""
    stated: list[tuple[str, tuple[str, ...]]] = []
    asked: list[tuple[str, tuple[str, ...]]] = []
    for arrival in plan.constraints.data.arrivals():
        found = _one_late(plan, arrival)
        if found:
            (asked if isinstance(found, Tempered) else stated).append((arrival.days_path, found))
    if stated:
        return _each(stated)
    return Tempered(3, _each(asked)) if asked else None


def _each(found: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """One input's evidence as it stands; several inputs' as each one's arithmetic first (it names the
    input, so advice quoting the first lines names every late one), then the facts they share, once."""
    if len(found) == 1:
        return found[0][1]
    sums = [line for at, lines in found for line in lines if line.startswith(f"{at}:")]
    shared = [line for _, lines in found for line in lines if line not in sums and not _names(line)]
    return (*sums, *dict.fromkeys(shared))


def _names(line: str) -> bool:
    """Whether an evidence line quotes an input's name (`last_input`, or a `late_inputs` entry's)."""
    path = line.partition(": ")[0]
    return path == _NAME or (path.startswith("constraints.data.late_inputs[") and path.endswith(".name"))


def _one_late(plan: Plan, arrival: Arrival) -> tuple[str, ...] | None:
    """One input that arrives last is not there yet when the model predicts: for a case, when it arrives
    after the moment the model predicts (the days are counted from the prediction, not the outcome, so 0
    is in time whatever the lead); for a forecast, when it is known fewer days before the day forecast than
    the forecast is made ahead."""
    days = arrival.days
    if isinstance(days, str):
        return _unmeasured(plan, arrival)
    if days is None:
        return None
    name = arrival.name or "the input that arrives last"
    about = (
        "the input that reaches the tables last"
        if arrival.name_path == _NAME
        else "an input that arrives late"
    )
    lines: tuple[str, ...] = (quote(plan, arrival.name_path, about),) if arrival.name_path else ()
    at = arrival.days_path
    if plan.product.task is not TaskType.forecasting:
        if days <= 0:
            return None
        note = (
            f"{name} {_arrives(days)} the moment the model predicts: each training row holds a value the "
            f"live model will wait {in_days(days)} for"
        )
        if CAPTURED & set(plan.product.data_kinds):  # a photo or recording taken after the labelled case
            note += "; captured after the case, it may show what followed it (a repair, a treatment)"
        return (*lines, f"{at}: {days:g} ({note})")
    lead = decision_lead(plan)
    ahead = lead.days if lead is not None else 0.0
    missing = days + ahead
    if missing <= 0:
        return None
    # 0 or more days after the day forecast is also how a team states a past value's loading delay (sales
    # in the tables the same day): rows rebuilt as they stood on each order day settle either reading.
    settled = as_it_stood(plan)
    made = f"the forecast is made {in_days(ahead)} before it" if ahead else "even a forecast made on the day"
    sum_ = f"{days:g} + {ahead:g} = {missing:g}" if ahead else f"{days:g}"
    if (
        days >= LONG
    ):  # a yearly return, a quarterly audit: no reading leaves it in hand when the forecast acts
        return _long_after(plan, arrival, days, (lines, made, sum_), settled)
    if settled and days >= 0:
        return None
    note = (
        f"{name} {_arrives(days)} the day forecast, and {made}: {sum_} days short, so the backtest uses a "
        "value the live forecast does not have"
    )
    if days >= 0 or settled:
        note = _asked_forecast(name, days, made, sum_, settled)
    found = (*lines, f"{at}: {days:g} ({note})")
    if lead is not None:
        found = (*found, quote(plan, lead.path, f"{lead.about}: {lead.words}"))
    if settled:
        found = (*found, *settled)
    return Tempered(3, found) if days >= 0 or settled else found


def _long_after(
    plan: Plan,
    arrival: Arrival,
    days: float,
    said: tuple[tuple[str, ...], str, str],
    settled: tuple[str, ...],
) -> tuple[str, ...]:
    """An input of a forecast that reaches the tables weeks or months after the day forecast (a yearly
    return published the next spring): whether it is a value for that day or a past value with that
    loading delay, the forecast is acted on long before it lands, while each training row holds it. Stated
    outright; asked (tempered) where the rows are said rebuilt as they stood, which then hold only the value
    published by the forecast's day (last year's), not the one for the days it covers."""
    lines, made, sum_ = said
    name = arrival.name or "the input that arrives last"
    lead = decision_lead(plan)
    note = (
        f"{name} {_arrives(days)} the day forecast, and {made}: the forecast is acted on {sum_} days "
        "before it lands, while each training row holds it; drop it, feed the value known when the forecast "
        "is made (the previous period's), or forecast later"
    )
    if settled:
        note = (
            f"{name} {_arrives(days)} the day forecast, and {made}: {sum_} days after the forecast "
            "is acted on. The rows are said rebuilt as they stood: each then holds only the value published by "
            "its day (the previous period's), not the one for the days it covers; is that what the model reads?"
        )
    found = (*lines, f"{arrival.days_path}: {days:g} ({note})")
    if lead is not None:
        found = (*found, quote(plan, lead.path, f"{lead.about}: {lead.words}"))
    return Tempered(3, (*found, *settled)) if settled else found


def _unmeasured(plan: Plan, arrival: Arrival) -> tuple[str, ...] | None:
    """An input the team names as arriving late, its delay `not measured`: not knowing how late it lands
    is the open risk (a monthly feed that reaches the tables weeks after the days it covers sits in every
    training row as if known when the model predicts); asked, with the lead it must beat. Quiet where the
    input is not named or the rows are said rebuilt as they stood (the loading dates settle it)."""
    if not arrival.name_path or as_it_stood(plan):
        return None
    lead = decision_lead(plan)
    against = f"the forecast is made {in_days(lead.days)} ahead" if lead and lead.days >= 1 else ""
    against = against or "the model predicts"
    since = "the days it covers" if plan.product.task is TaskType.forecasting else "the case it describes"
    note = (
        f"how long after {since} {arrival.name} reaches the tables is not measured, while {against}: a "
        "training row holds it as if known then; when does it land, and is each row cut to what had landed "
        "by the moment of prediction?"
    )
    found: tuple[str, ...] = (
        quote(plan, arrival.name_path, "an input named as arriving late"),
        f"{arrival.days_path}: not measured ({note})",
    )
    if lead is not None and lead.days >= 1:
        found = (*found, quote(plan, lead.path, f"{lead.about}: {lead.words}"))
    return Tempered(3, found)


def as_it_stood(plan: Plan) -> tuple[str, ...]:
    """Where the plan says its training and backtest rows are rebuilt as they stood at each moment of
    prediction: the structured answer (`inputs_built: point_in_time`), else the words of the evaluation."""
    if plan.constraints.data.inputs_built is InputsBuilt.point_in_time:
        return (
            "constraints.data.inputs_built: point_in_time (rows rebuilt as each case stood when predicted)",
        )
    for path in _STOOD_IN:
        words = AS_THEN.find(answer_at(plan, path))
        if words:
            return (quote(plan, path, f"{words}: rebuilt as it stood"),)
    return ()


def _asked_forecast(name: str, days: float, made: str, sum_: str, settled: tuple[str, ...]) -> str:
    """The note that asks, where the days may be a past value's loading delay or the backtest is said to
    rebuild the rows as they stood: which reading holds, with the arithmetic of the one that leaks."""
    if settled:
        return (
            f"{name} {_arrives(days)} the day forecast, and {made}: {sum_} days short. The rows are said to be "
            f"rebuilt as they stood on each order day: is {name} left out of them, or lagged to what was "
            "known then?"
        )
    delay = f"{in_days(days)} after its own day" if days else "the same day"
    return (
        f"if {name} is a past value (sales, issues) that reaches the tables {delay}, the forecast has it up "
        f"to the order day only, and the backtest must cut it there; if it is a value for the day forecast, "
        f"it {_arrives(days)} that day and {made}: {sum_} days short. Which is it, and does the backtest "
        "rebuild the inputs as they stood on each order day?"
    )
