"""The moves the capacity rules share: set the threshold at what people can handle; where the
system acts on each case alone, send the uncertain band to people; where it matches, cap the matches."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.evidence import answer_at
from planner.judgement.rules.lexicon import AT_DEPTH, AT_THE_DAILY_TOP, RELEASED_BY_PEOPLE, SET_AT_CAPACITY
from planner.plan.model import PICKING_TASKS, Mode, Plan, TaskType
from planner.plan.rate import WORKING_DAYS
from planner.plan.spoken import NUMBER_WORDS

_SPOKEN: dict[int, list[str]] = {}
for _word, _count in NUMBER_WORDS.items():
    _SPOKEN.setdefault(_count, []).append(_word)

# Both capacity rules end in the same move: the threshold is set by what people can handle.
AT_CAPACITY = Move(
    "Set the threshold by what people can handle; judge precision at that budget",
    "People can act on only so many cases a day, or a week or a month where the list is drawn up that "
    "often; fix the threshold (or the list's length) so the model sends no more than that; judge precision "
    "(the yield) in that top against the obvious rule's top k, not AUC",
    "warning",
)

_HOLD_ANSWERS = ("product.decision", "product.decision_owner", "heuristics.humans_handle")


def judged_at_capacity(plan: Plan) -> bool:
    """Whether the plan already judges or sets the cut at what people can handle: a done metric (its name
    or its data) or the done criteria judged at a daily top (`precision in the top 40 a day`), or the
    decision, a metric or the criteria saying the threshold is set to people's capacity."""
    metrics = plan.done.metrics
    if any(AT_DEPTH.find(metric.name) for metric in metrics):
        return True
    said: list[str | None] = [metric.name for metric in metrics]
    said += [metric.dataset for metric in metrics]
    said += [plan.done.when_met, plan.product.decision, plan.product.decision_owner]
    if any(AT_THE_DAILY_TOP.find(text) or SET_AT_CAPACITY.find(text) for text in said):
        return True
    return any(names_the_capacity(plan, metric.name) for metric in metrics)


# Said of the cases acted on: `the 4 flagged pens`, `top 12`, `the first five called`.
_CHOSEN = r"(?:flagged|alerted|top|highest|first|picked|chosen|selected|ranked|shortlisted|visited|inspected)"


def names_the_capacity(plan: Plan, name: str) -> bool:
    """Whether a metric's name counts the cases acted on at the capacity's own number (`outbreaks in the
    day's 4 flagged pens` where people can act on 4 a day): it is scored at that budget already."""
    capacity = plan.impact.capacity
    if not capacity or capacity != int(capacity):
        return False
    count = "|".join(re.escape(word) for word in (str(int(capacity)), *_SPOKEN.get(int(capacity), ())))
    near = r"(?:[a-z'-]+\s+)?"
    pattern = rf"\b(?:{count})\s+{near}{_CHOSEN}\b|\b{_CHOSEN}\s+{near}(?:{count})\b"
    return re.search(pattern, name, re.IGNORECASE) is not None


# The cut a metric's name scores at: a share of the cases (`precision in the top 10%`, `recall@5%`, `the
# top decile`) or a count over a period (`precision in the top 100 invoices a day`).
_SHARE_CUT = re.compile(r"(?:\btop\s*|@\s*)(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
_NAMED_CUT = re.compile(r"\btop\s+(decile|quintile|quartile|percentile)\b")
_NAMED_SHARES = {"decile": 0.1, "quintile": 0.2, "quartile": 0.25, "percentile": 0.01}
_COUNT_CUT = re.compile(
    r"(?:\b(?:top|first)\s*|@\s*)(\d[\d,]*)\s+(?:[a-z]+\s+){0,2}?(?:a|an|per|each|every)\s+(day|week|month|year)\b"
)
# A metric's cut this many times the capacity's share, or less than its inverse, is another cut.
OFF_CUT = 2.0


def metric_cut(name: str, per_day: float) -> tuple[float, str] | None:
    """The share of the cases a metric's name scores at, with its words (`top 10%`): from a share, or a
    count over a period against `per_day` cases a working day; None where the name states no cut."""
    text = name.lower()
    share = _SHARE_CUT.search(text)
    if share:
        return float(share.group(1)) / 100, share.group(0).strip()
    named = _NAMED_CUT.search(text)
    if named:
        return _NAMED_SHARES[named.group(1)], named.group(0)
    count = _COUNT_CUT.search(text)
    if count and per_day > 0:
        daily = float(count.group(1).replace(",", "")) / WORKING_DAYS[count.group(2)]
        return daily / per_day, count.group(0).strip()
    return None


def cut_off_capacity(plan: Plan, share: float, per_day: float) -> tuple[int, float, str] | None:
    """The first done metric scored at a cut far from the share people can act on (`share` of `per_day`
    cases a working day): its index, its share and its words; None where a metric is scored near that
    share, or none states a cut."""
    off = None
    for index, metric in enumerate(plan.done.metrics):
        cut = metric_cut(metric.name, per_day)
        if cut is None or cut[0] <= 0:
            continue
        if 1 / OFF_CUT < cut[0] / share < OFF_CUT:
            return None  # one metric judges the cut people can act on
        off = off or (index, *cut)
    return off


def acts_alone(plan: Plan) -> bool:
    """The system acts on each case itself (automate), and nothing says people release or check what
    it holds: people's capacity bounds the band sent to them, not the actions the system takes."""
    if plan.product.mode is not Mode.automate:
        return False
    return not any(RELEASED_BY_PEOPLE.find(answer_at(plan, path)) for path in _HOLD_ANSWERS)


# Where the system acts alone, capacity sizes the review band, not the actions: the lead's advice is a
# band of uncertain cases for people, an audit sample of the rest, and a way to undo an action.
BAND_MOVE = Move(
    "Send the uncertain band to people, audit a sample, keep actions reversible",
    "The system acts on each case itself: people's capacity does not cap its actions, it sizes the "
    "band of uncertain cases near the threshold that go to people instead; audit a random sample of "
    "what it does alone, and keep each action reversible (a hold, an undo) until the audit shows its "
    "error rate",
    "warning",
)
BAND_AND_AUDIT = Instead(
    acts_alone,
    BAND_MOVE,
    "Send the cases near the threshold to people, up to what they can handle a day; audit a random "
    "sample of the actions the system takes alone; keep each action reversible until the audit shows "
    "its error rate is acceptable.",
)
# What the model sends where it matches or picks rather than flags: each one is taken on by a person or a
# place (a driver, a clinic, a slot) that can take only so many a day.
SENT = {task: "matches" if task is TaskType.matching else "picks" for task in PICKING_TASKS}


def sends_matches(plan: Plan) -> bool:
    """The model matches or picks cases for a receiving side rather than flags them for reviewers."""
    return plan.product.task in PICKING_TASKS


# Where the model matches or picks, the excess is never served, whoever or whatever does the sending.
RECEIVING_SIDE = Instead(
    sends_matches,
    Move(
        "Send no more matches a day than the receiving side can take",
        "The receiving side (people, drivers, slots) takes only so many a day: cap the matches or picks at "
        "that, say which of the rest wait and for how long, and judge the model on the ones served",
        "warning",
        first=True,
    ),
    "Cap the matches or picks a day at what the receiving side can take, or grow that side first; decide "
    "which of the rest wait (and how long) and tell them; judge match quality on the ones served, not on "
    "all that were matched.",
    title="More matches or picks a day than the receiving side can take",
)
