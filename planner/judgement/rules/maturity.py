"""Rules on outcomes still open where the data ends: cases younger than the label's window.

A label known only a while after the prediction (booked within 12 months, paid within 90 days, an award
decided months after the bid) is not there yet for the newest cases. Where the data runs up to recently,
the last window's worth of cases has had no time to turn positive: counted as negatives, they teach the
model that recent cases are negative; left out, they leave the newest months with only the quick outcomes.
A test drawn from those months is scored against labels that will still change. This reasons from the
label's delay (`constraints.data.label_delay_days`) and the data's end (`constraints.data.period`), and
defers to recent-negatives-not-yet-known where the team ticked that its recent negatives are not yet known.
"""

from __future__ import annotations

from planner.judgement.rules.base import LATE_LABELS_DAYS, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, show
from planner.judgement.rules.months import dates_in
from planner.judgement.rules.negatives import waits_out_the_window
from planner.judgement.rules.words import Lexicon
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Category, LabelSource, Plan, Split, TaskType
from planner.plan.workings import Negative

# Words saying a period runs up to the present: its newest cases are days or weeks old.
UP_TO_NOW = Lexicon("""
    now, today, to date, until now, up to now, so far, present, the present, last month, last week, this month
    this week, this year, this quarter, last quarter, yesterday, ongoing, still running, up to date
""")

# Tasks whose label is a yes/no (or a class) where a case with no outcome yet reads as the "no" side.
_YES_NO = (TaskType.classification, TaskType.ranking, TaskType.detection)

_BASE = {
    "product.task": "classification",
    "product.label": "Renewed within 6 months of the trial's end.",
    "constraints.data.labels": ["outcomes"],
    "constraints.data.label_delay_days": 180,
    "constraints.data.period": "Mar 2021 - last month",
    "constraints.retraining.cadence": None,
}


# The label's window as a share of the data's span: from this share on, the open cases are a large part of
# the data (a fifth or more), said even where the period ends in a year rather than "now"; from the second,
# counted as negatives they are a quarter or more of the data, and the risk is high.
OPEN_SHARE = 0.2
LARGE_OPEN_SHARE = 0.25


def _ends_now(plan: Plan) -> str | None:
    """The words saying the data's period runs up to the present, or None."""
    return UP_TO_NOW.find(plan.constraints.data.period)


def _span_days(plan: Plan) -> tuple[int, float] | None:
    """The year the data's period ends and its span in days, read from the first and last dates it says
    (`2020 to 2025`, `Mar 2021 - Jun 2024`: months counted where both ends say one); None where it says
    fewer than two years."""
    dates = dates_in(plan.constraints.data.period or "")
    if len(dates) < 2:
        return None
    (first, start), (last, end) = min(dates), max(dates)
    months = (last - first) * 12 + end - start if start and end else (last - first) * 12
    return (last, months * 30.4) if months > 0 else None


@rule(
    "window-open-at-data-end",
    Category.data,
    likelihood=5,
    impact=3,
    move=Move(
        "Hold back the cases whose outcome window has not closed",
        "The newest cases have not had the label's full window: cut training where every case has waited it "
        "out (or model the time to the outcome), and cut the test at the window's close, so recent cases are "
        "not learnt and scored as negatives",
        "warning",
    ),
    fires=(
        Case(  # a 6-month window on data up to last month, the negatives an absence: medium
            {**_BASE, "product.negative_label": ["outcome_absent"], "done.split": "time"},
            evidence=(
                "constraints.data.label_delay_days: 180 (an outcome comes up to 180 days after the prediction)",
                'constraints.data.period: "Mar 2021 - last month" (last month: are the cases of the last 180 '
                "days, whose window has not closed, in the data as negatives?)",
                'product.negative_label: ["outcome_absent"] (a negative is an outcome that did not come: for '
                "a recent case it has not had the time)",
                'done.split: "time" (the test set is the newest cases, the ones still in their window)',
            ),
        ),
        Case(  # the negatives are checked: the open cases are left out rather than negative, a low question
            {**_BASE, "product.negative_label": ["checked"]},
            evidence=(
                "constraints.data.label_delay_days: 180 (an outcome comes up to 180 days after the prediction)",
                'constraints.data.period: "Mar 2021 - last month" (last month: are the cases of the last 180 '
                "days, whose window has not closed, in the data as negatives?)",
                'product.negative_label: ["checked"] (a negative is checked: are the open cases left out, '
                "leaving the newest months with only the quick outcomes?)",
            ),
        ),
        Case(  # the delay never measured, on data up to now: a low question on how long it is
            {
                **_BASE,
                "constraints.data.label_delay_days": "not measured",
                "constraints.data.period": "2020 to now",
            },
            evidence=(
                'constraints.data.label_delay_days: "not measured" (how long until a case\'s outcome is known? '
                "the newest cases may not have it yet)",
                'constraints.data.period: "2020 to now" (now: are the cases still waiting for their outcome in '
                "the data as negatives?)",
            ),
        ),
        Case(  # a period ending in a year, the window half its span, open cases read as negatives: high
            {
                **_BASE,
                "constraints.data.period": "Trials from 2023 to 2024",
                "product.negative_label": ["outcome_absent"],
                "done.split": "random",
            },
            evidence=(
                "constraints.data.label_delay_days: 180 (an outcome comes up to 180 days after the prediction)",
                'constraints.data.period: "Trials from 2023 to 2024" (it ends in 2024: unless it was extracted 180 '
                "days after that, the cases of its last 180 days, about 49% of the data's span, had not had their "
                "window: are they in the data as negatives?)",
                'product.negative_label: ["outcome_absent"] (a negative is an outcome that did not come: for '
                "a recent case it has not had the time)",
                'done.split: "random" (the test set draws from every month, the open ones among them)',
            ),
        ),
        Case(
            {**_BASE, "constraints.data.period": "2022 to 2024"}
        ),  # a quarter of two years still open: medium
    ),
    quiet=(
        Case(
            {**_BASE, "constraints.data.period": "Mar 2021 - Jun 2024"}
        ),  # its last 6 months: 15% of the span
        Case({**_BASE, "constraints.data.period": "2016 to 2024"}),  # 6 months of 8 years: a small part
        Case({**_BASE, "constraints.data.label_delay_days": 7}),  # a week's window: only days are open
        Case({**_BASE, "constraints.data.labels": ["manual"]}),  # labelled by hand: no outcome to wait for
        Case(  # only cases whose window has closed are kept
            {**_BASE, "done.eval_set": "Trials that ended over 6 months ago, whose window has closed."}
        ),
        Case(  # the team ticked it: recent-negatives-not-yet-known says it
            {**_BASE, "product.negative_label": ["not_yet_known"]},
            also=frozenset({"recent-negatives-not-yet-known"}),
        ),
        Case(  # a forecast: the actuals come in as the days forecast pass
            {**_BASE, "product.task": "forecasting", "product.label": "Daily orders per store."}
        ),
    ),
)
def window_open_at_data_end(plan: Plan) -> Evidence:
    """The newest cases have not had the label's window, and the data runs up to recently.

    An outcome known only weeks or months after the prediction is missing for every case younger than
    that: counted as negatives, the newest cases teach the model that recent cases are negative, just
    where production looks most like them; left out, the newest months hold only the quick outcomes. A
    test set drawn from them is scored against labels that will still change.

    Mitigation: Cut the training data where every case has waited the label's full window (or model the
    time to the outcome with the open cases censored); cut the test at the window's close; label the
    newer cases when their window closes.
    """
    data = plan.constraints.data
    if LabelSource.outcomes not in data.labels or plan.product.task is TaskType.forecasting:
        return None
    if Negative.not_yet_known in plan.product.negative_label or waits_out_the_window(plan):
        return None  # recent-negatives-not-yet-known says it, or only closed windows are used
    now, extent = _ends_now(plan), _span_days(plan)
    if now is None and extent is None:
        return None
    if data.label_delay_days == NOT_MEASURED:
        if now is None:
            return None
        return Tempered(
            1,
            (
                quote(
                    plan,
                    "constraints.data.label_delay_days",
                    "how long until a case's outcome is known? the newest cases may not have it yet",
                ),
                quote(
                    plan,
                    "constraints.data.period",
                    f"{now}: are the cases still waiting for their outcome in the data as negatives?",
                ),
            ),
        )
    span = data.label_delay_range()
    if span is None or span[1] < LATE_LABELS_DAYS:
        return None
    days, share = show(span[1]), span[1] / extent[1] if extent else None
    if now is None and (share is None or share < OPEN_SHARE):
        return None  # a period ending in a year, its last window a small part of it: not said
    part = f", about {round(100 * min(share, 1.0))}% of the data's span," if share is not None else ""
    ends = (
        f"{now}: are the cases of the last {days} days{part}, whose window has not closed, in the data as "
        "negatives?"
        if now is not None
        else f"it ends in {extent[0] if extent else ''}: unless it was extracted {days} days after that, the "
        f"cases of its last {days} days{part} had not had their window: are they in the data as negatives?"
    )
    found = [
        f"constraints.data.label_delay_days: {days} (an outcome comes up to {days} days after the prediction)",
        quote(plan, "constraints.data.period", ends),
    ]
    if plan.done.split is Split.time:
        found.append(
            quote(plan, "done.split", "the test set is the newest cases, the ones still in their window")
        )
    elif plan.done.split is Split.random:
        found.append(
            quote(plan, "done.split", "the test set draws from every month, the open ones among them")
        )
    negatives = plan.product.negative_label
    absent = (Negative.outcome_absent, Negative.nothing_recorded, Negative.not_acted)
    read_as_negative = any(negative in negatives for negative in absent)
    if (Negative.checked in negatives and not read_as_negative) or plan.product.task not in _YES_NO:
        # The open cases are left out, not negative: the newest months keep only the quick outcomes.
        note = (
            "a negative is checked: are the open cases left out, leaving the newest months with only the "
            "quick outcomes?"
            if Negative.checked in negatives
            else "the open cases have no value yet: left out, the newest months hold only the quick outcomes"
        )
        path = "product.negative_label" if negatives else "product.task"
        return Tempered(1, (*found[:2], quote(plan, path, note)))
    if read_as_negative:
        found.insert(
            2,
            quote(
                plan,
                "product.negative_label",
                "a negative is an outcome that did not come: for a recent case it has not had the time",
            ),
        )
        if share is not None and share >= LARGE_OPEN_SHARE:
            return tuple(found)  # a quarter or more of the data learnt and scored as negatives too early
    return Tempered(4, found)
