"""Rules on whether the live trial can show what it is run for: a canary, pilot or shadow run is judged by
its type, but a lead works out from the plan's own figures how many of the cases that matter it will see.

A four-week canary on 5% of 2,000 items a day, with a rare class of 1%, meets about 3 rare cases: however
the model handles them, three cases cannot show it. The count is the volume a day, times the pilot's days,
times the share of traffic it gets, times the rarest class's share.
"""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.anchor import NUMBERS, SPAN, days_of, value_of
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import items_per_day, quote, show
from planner.judgement.rules.units import counted_items, share_per_day
from planner.judgement.rules.words import SENTENCE
from planner.plan.model import Category, Direction, OnlineValidation, Plan

# Rare cases a live trial must meet before how the model handles them can show at all: with 30, a
# share caught of 80% is known to about +-15 points.
ENOUGH_RARE = 30
# A rarest class above this is no rare event: the trial meets plenty of each class.
RARE_AT_MOST = 0.1

_TRIAL = (
    r"(?:pilot|canary|shadow(?:\s+run|\s+mode)?|trial|holdout|hold-out|a/b test|parallel run|beta|soft launch"
    r"|test(?!\s+(?:set|sets|data|split|splits|window|fold|folds|cases|items|period|rows)\b))"
)
_SPAN_DAYS = rf"{SPAN.replace('(hour|day|week|month)', '(day|week|month)')}"
# Words between a span and the trial that make the span something else: `4 weeks after the canary`.
_NOT_LENGTH = r"(?:after|before|until|till|since|from|into|past|ahead|later|earlier|prior|of|to|ahead)"
# `an 8-week pilot`, `a six-month canary in two districts`, `pilot for 4 weeks`, `shadow run of 10 days`.
_LENGTH = re.compile(
    rf"\b{_SPAN_DAYS}[\s-]+(?:(?!{_NOT_LENGTH}\b)[a-z/-]+\s+){{0,2}}?{_TRIAL}\b"
    rf"|\b{_TRIAL}\b[^.;]{{0,40}}?\b(?:for|of|over|lasting|during)\s+(?:the\s+first\s+|about\s+)?{_SPAN_DAYS}\b",
    re.IGNORECASE,
)
# The share of traffic the trial gets: `at 5%`, `to 10% of traffic`, `5% of calls`.
_PERCENT = re.compile(
    r"(?:\b(?:at|to|on|for|with)\s+|\b)(\d+(?:\.\d+)?)\s*%(?!\s*(?:fewer|more|less|lower|higher|better|"
    r"worse|reduction|improvement|lift|increase|drop|drops|rise|of the time))(\s+of\s+(?:the\s+|our\s+|all\s+)?[a-z]+)?",
    re.IGNORECASE,
)
_WORD = "|".join(sorted(NUMBERS, key=len, reverse=True))
# `two of our six districts`, `3 of the 12 depots`: a part of the whole, as a share.
_PART = re.compile(rf"\b(\d+|{_WORD})\s+of\s+(?:our|the|its|their)\s+(\d+|{_WORD})\s+[a-z]+", re.IGNORECASE)
_LIVE = (
    OnlineValidation.canary,
    OnlineValidation.holdout,
    OnlineValidation.a_b_test,
    OnlineValidation.shadow,
    OnlineValidation.before_after,
)


def _texts(plan: Plan) -> list[tuple[str, str]]:
    done = plan.done
    texts = [("done.when_met", done.when_met), ("done.eval_set", done.eval_set)]
    for index, metric in enumerate(done.metrics):
        texts.append((f"done.metrics[{index}].dataset", metric.dataset))
    return [(path, text) for path, text in texts if text]


# `with 10 volunteer surveyors`, read against `our 140 field surveyors` said elsewhere.
_COUNTED = re.compile(r"\b(\d[\d,]*)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,}s)\b", re.IGNORECASE)


def _of_all(sentence: str, whole: str) -> tuple[float, str] | None:
    """A count of people or sites in the trial, as a share of the same noun counted in `whole`."""
    for part in _COUNTED.finditer(sentence):
        noun = part.group(2).lower()
        for other in _COUNTED.finditer(whole):
            total, of = float(other.group(1).replace(",", "")), float(part.group(1).replace(",", ""))
            if other.group(2).lower() == noun and 0 < of < total:
                return of / total, f"{part.group(0)} of {other.group(0)}"
    return None


def _share(sentence: str, counted_in: str = "") -> tuple[float, str] | None:
    """The share of traffic a trial sentence gives it, with its words: (0.05, `5%`), (1/3, `two of our
    six districts`), (1/14, `10 volunteer surveyors` of `140 field surveyors` said in `counted_in`)."""
    if counted_in and (counted := _of_all(sentence, counted_in)):
        return counted
    part = _PART.search(sentence)
    if part:
        of, whole = value_of(part.group(1)), value_of(part.group(2))
        if 0 < of < whole:
            return of / whole, part.group(0)
    percent = _PERCENT.search(sentence)
    if percent:
        value = float(percent.group(1)) / 100
        if 0 < value < 1:
            return value, f"{percent.group(1)}%{percent.group(2) or ' of the traffic'}"
    return None


# A rate the done metric reads, named as such: `false-accept rate`, `share of bad lots passed`.
_RATE = re.compile(r"\b(?:rate|share|proportion)\b", re.IGNORECASE)


def _rare_rate(plan: Plan) -> tuple[float, str, str] | None:
    """The rate of the events the trial must meet: the rarest class's share, else a low rate a done
    metric targets (a false-accept rate of 1% is read on the false accepts the trial meets)."""
    rare = plan.constraints.data.rare_share
    if rare is not None:
        named = f"constraints.data.rarest_class_share: {rare}"
        return (rare, named, "rare cases") if 0 < rare <= RARE_AT_MOST else None
    for index, metric in enumerate(plan.done.metrics):
        target = metric.target
        low = isinstance(target, int | float) and 0 < target <= 0.05
        if metric.direction is Direction.lower_is_better and low and _RATE.search(metric.name):
            named = f"done.metrics[{index}].target: {show(target)} ({metric.name})"
            return float(target or 0), named, "errors at the target rate"
    return None


def pilot_length(
    plan: Plan,
) -> tuple[str, str, float, tuple[float, str] | None, tuple[float, str] | None] | None:
    """The first live trial the plan sizes in days: (path, its words, days, the share of traffic, the
    count of cases it says it covers)."""
    for path, text in _texts(plan):
        for sentence in SENTENCE.split(text):
            found = _LENGTH.search(sentence)
            if found:
                return (
                    path,
                    found.group(0),
                    days_of(found.group(0))[1],
                    _share(sentence, plan.product.users or ""),
                    counted_items(sentence),
                )
    return None


@rule(
    "pilot-sees-too-few-rare-cases",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Size the live trial by the rare cases it will meet",
        "At the plan's volume, the trial's length and its share of traffic, it meets only a handful of the "
        "rare cases that matter: run it longer or on more of the traffic until it expects about 30, or judge "
        "the rare cases on a labelled back-test and keep the trial for the common ones",
        "info",
    ),
    ask="how many of the rare cases will the live trial meet, and is that enough to see a change in them?",
    fires=(
        Case(
            {
                "done.online_validation": "canary",
                "done.when_met": "A 4-week canary at 5% of traffic, then everyone.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.001,
                "done.eval_rare_share": 0.001,  # the test set drawn as the field comes
            },
            also=frozenset({"small-labeled-set", "small-test-set"}),  # a rare class of 0.1%
            evidence=(
                'done.when_met: "A 4-week canary at 5% of traffic, then everyone." (4-week canary: 28 days '
                "on 5% of traffic)",
                "impact.volume: 2,000 a day; constraints.data.rarest_class_share: 0.001 (about 3 rare cases "
                "in 28 days; fewer than 30 cannot show how the model handles them; about 300 days at this "
                "share expect 30)",
            ),
        ),
        Case(  # a part of the sites, said in words, in a metric's data set
            {
                "done.online_validation": "holdout",
                "done.metrics[0].name": "Share of faults caught",
                "done.metrics[0].dataset": "Six-month pilot in two of our six depots.",
                "impact.volume": 1200,
                "impact.period": "month",
                "constraints.data.rarest_class_share": 0.005,
            },
            evidence=(
                'done.metrics[0].dataset: "Six-month pilot in two of our six depots." (Six-month pilot: '
                "180 days on two of our six depots)",
                "impact.volume: 1,200 a month; constraints.data.rarest_class_share: 0.005 (about 12 rare "
                "cases in 180 days; fewer than 30 cannot show how the model handles them; about 457 days at "
                "this share expect 30)",
            ),
        ),
        Case(  # a short test on a few of the people the answers count elsewhere
            {
                "done.online_validation": "canary",
                "done.when_met": "A three-week test with 6 drivers from the northern depot, then all vans.",
                "product.users": "Our 90 delivery drivers and the depot planners.",
                "impact.volume": 3000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # the trial's own count of cases, said in the evaluation set
            {
                "done.online_validation": "shadow",
                "done.eval_set": "A two-week shadow run on 300 cases, checked by the senior assessors.",
                "constraints.data.rarest_class_share": 0.02,
            },
            evidence=(
                'done.eval_set: "A two-week shadow run on 300 cases, checked by the senior assessors." '
                "(two-week shadow run: 300 cases)",
                "constraints.data.rarest_class_share: 0.02 (about 6 rare cases in 300 cases; fewer than 30 "
                "cannot show how the model handles them; about 1,500 cases expect 30)",
            ),
        ),
        Case(  # no rare class answered: the low rate the done metric targets is what the trial must read
            {
                "done.when_met": "A 4-week pilot on 600 claims in one branch, then all branches.",
                "done.metrics[0].name": "False-accept rate on the claims the model passes",
                "done.metrics[0].direction": "lower",
                "done.metrics[0].target": 0.01,
                "done.metrics[0].baseline": 0.03,
                "constraints.data.rarest_class_share": None,
            },
            evidence=(
                'done.when_met: "A 4-week pilot on 600 claims in one branch, then all branches." (4-week '
                "pilot: 600 claims)",
                "done.metrics[0].target: 0.01 (False-accept rate on the claims the model passes) (about 6 "
                "errors at the target rate in 600 claims; fewer than 30 cannot show how the model handles "
                "them; about 3,000 cases expect 30)",
            ),
        ),
        Case(  # a share per cow-day times a count of cases: not multiplied, asked in the plan's unit
            {
                "done.online_validation": "shadow",
                "done.eval_set": "A two-week shadow run on 300 cases, checked by the herd vet.",
                "product.label": "Clinical mastitis diagnosed by the vet, per cow per day.",
                "constraints.data.rarest_class_share": 0.02,
            },
            evidence=(
                'done.eval_set: "A two-week shadow run on 300 cases, checked by the herd vet." (two-week '
                "shadow run)",
                'product.label: "Clinical mastitis diagnosed by the vet, per cow per day." (per cow per day: '
                "constraints.data.rarest_class_share: 0.02 is a share of those, not of cases: not multiplied; "
                "how many does the trial cover?)",
            ),
        ),
    ),
    quiet=(
        Case(  # a share per cow-day, the volume in cows a day: the same unit, enough of them
            {
                "done.online_validation": "canary",
                "done.when_met": "An 8-week pilot on one farm, then all farms.",
                "product.label": "Clinical mastitis diagnosed by the vet, per cow per day.",
                "impact.bottleneck": "The morning check of the herd's 900 cows.",
                "impact.volume": 900,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # enough cases in the trial to read a rate of 1%
            {
                "done.when_met": "A 4-week pilot on 6,000 claims in one branch, then all branches.",
                "done.metrics[0].name": "False-accept rate on the claims the model passes",
                "done.metrics[0].direction": "lower",
                "done.metrics[0].target": 0.01,
                "done.metrics[0].baseline": 0.03,
                "constraints.data.rarest_class_share": None,
            }
        ),
        Case(  # a span of a test set, not of a live trial
            {
                "done.online_validation": "canary",
                "done.when_met": "Recall above 0.8 on a 6-month test set, then a canary on all traffic.",
                "impact.volume": 3000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # long enough and on enough traffic
            {
                "done.online_validation": "canary",
                "done.when_met": "An 8-week canary at 20% of traffic.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
        Case(  # no rare class: every class is met often
            {
                "done.online_validation": "canary",
                "done.when_met": "A 2-week canary at 5% of traffic.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.3,
            }
        ),
        Case(  # no live trial chosen
            {
                "done.online_validation": "none",
                "done.when_met": "A 2-week pilot in one branch.",
                "impact.volume": 100,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
        Case(  # a span that is not the trial's length
            {
                "done.online_validation": "canary",
                "done.when_met": "Labels arrive 4 weeks after the canary ends.",
                "impact.volume": 100,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
    ),
)
def pilot_sees_too_few_rare_cases(plan: Plan) -> Evidence:
    """The live trial meets too few of the rare cases to show how the model handles them.

    A canary, pilot or shadow run is accepted as live validation whatever its length and reach; at the
    plan's volume, over the trial's days and on its share of the traffic, the rarest class (the fraud, the
    fault, the case that matters) turns up only a handful of times. A handful of rare cases shows nothing
    about them: the trial passes on the common cases and the rare ones are first met at full scale.

    Mitigation: Work out how many rare cases the trial will meet (volume a day x days x share of traffic x
    rare share); run it longer or on more traffic until it expects about 30, or judge the rare cases on a
    labelled back-test large enough and keep the trial for the common ones and the workflow. Where the
    trial is sized in cases (`a two-week shadow run on 300 cases`) the count is its cases x rare share;
    with no rare class answered, the events are the errors at the low rate a done metric targets (a
    false-accept rate of 1% on 600 claims is read on about 6 false accepts).
    """
    if plan.done.online_validation not in (*_LIVE, None):
        return None  # no live trial chosen (a trial said in words while unanswered is still one)
    rate, per_day = _rare_rate(plan), items_per_day(plan)
    trial = pilot_length(plan)
    if rate is None or trial is None:
        return None
    rare, named, noun = rate
    path, words, days, share, items = trial
    if days < 1:
        return None
    daily = share_per_day(plan) if noun == "rare cases" else None
    counts = daily and re.search(rf"\b{daily[1]}s?\b", plan.impact.bottleneck or "", re.IGNORECASE)
    if daily and (items is not None or not counts):
        # a share of thing-days times a count of cases (or of another item): refused, asked in the plan's unit
        note = f"{daily[0]}: {named} is a share of those, not of cases: not multiplied; how many does the trial cover?"
        return Tempered(1, (quote(plan, path, words), quote(plan, "product.label", note)))
    if items is not None:  # the trial's own count of cases
        count, counted = items
        expected, size, span = count * rare, f"{words}: {counted}", counted
        needed = f"about {fmt.count(math.ceil(ENOUGH_RARE / rare))} cases"
    elif per_day is not None:
        part, said = share if share is not None else (1.0, "all the traffic")
        expected, size = per_day * days * part * rare, f"{words}: {fmt.count(days)} days on {said}"
        span = f"{fmt.count(days)} days"
        needed = f"{fmt.duration(math.ceil(ENOUGH_RARE / (per_day * part * rare)), 'day')} at this share"
        period = plan.impact.period
        assert period is not None  # items_per_day needs it
        named = f"impact.volume: {fmt.number(plan.impact.volume)} a {period.value}; {named}"
    else:
        return None
    if expected >= ENOUGH_RARE:
        return None
    return (
        quote(plan, path, size),
        f"{named} (about {fmt.count(expected)} {noun} in {span}; fewer than {ENOUGH_RARE} cannot show how "
        f"the model handles them; {needed} expect {ENOUGH_RARE})",
    )


# Words saying the trial is read after its outcomes come in, or on something that arrives sooner.
_READ_LATER = re.compile(
    r"\b(?:(?:after|once|when)\s+(?:the\s+|their\s+|its\s+)?(?:outcomes?|labels?|results?)\s+(?:are\s+|is\s+)?"
    r"(?:in|known|arrive|come\s+in|mature)|follow[\s-]?up|leading\s+(?:proxy|indicator|signal)|proxy|"
    r"early\s+(?:signal|indicator)s?)\b",
    re.IGNORECASE,
)
# Words saying a decision waits on the trial's end: `then everyone`, `before the roll-out`, `go/no-go`.
_GATES = re.compile(
    r"\b(?:then|before\s+(?:the\s+)?(?:rolling|roll-?out|launch|going)|go/no-go|go-live|go\s+live"
    r"|roll(?:ed|s|ing)?[\s-]?out|sign[\s-]?off|decide)\b",
    re.IGNORECASE,
)


@rule(
    "pilot-ends-before-outcomes",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Read the live trial when its outcomes are in",
        "The trial ends before the outcome of its first case is known: plan to read it a full outcome "
        "window after it starts (or run it longer), or judge it on a leading signal that arrives within it",
        "info",
    ),
    ask="when the live trial ends, how many of its cases will have an outcome to judge it on?",
    fires=(
        Case(
            {
                "done.online_validation": "canary",
                "done.when_met": "A 4-week canary at 10% of traffic, then everyone.",
                "constraints.data.label_delay_days": 60,
            },
            also=frozenset({"pilot-sees-too-few-rare-cases", "label-delay-exceeds-retraining"}),
            evidence=(
                'done.when_met: "A 4-week canary at 10% of traffic, then everyone." (4-week canary: 28 days)',
                "constraints.data.label_delay_days: 60 (an outcome comes 60 days after a case; at the end "
                "of a 28-day trial not one of its cases has an outcome: read it at day 88 at the earliest)",
            ),
        ),
        Case(  # a range of delays: even the quickest outcome comes after the trial ends
            {
                "done.online_validation": None,
                "done.eval_set": "A six-week pilot in one branch, then all branches.",
                "constraints.data.label_delay_days": 90,
                "constraints.data.label_delay_max_days": 180,
            },
            also=frozenset({"pilot-sees-too-few-rare-cases", "label-delay-exceeds-retraining"}),
        ),
    ),
    quiet=(
        Case(  # the trial outlasts the outcome window
            {
                "done.online_validation": "canary",
                "done.when_met": "A 12-week canary at 10% of traffic, then everyone.",
                "constraints.data.label_delay_days": 30,
            }
        ),
        Case(  # read when the outcomes are in
            {
                "done.online_validation": "canary",
                "done.when_met": "A 4-week canary at 10% of traffic, judged once the outcomes are in.",
                "constraints.data.label_delay_days": 60,
            }
        ),
        Case(  # judged on a leading signal that arrives within the trial
            {
                "done.online_validation": "holdout",
                "done.when_met": "A 4-week pilot judged on a leading indicator, the first repayment.",
                "constraints.data.label_delay_days": 90,
            }
        ),
        Case(  # no decision waits on the trial's end
            {
                "done.online_validation": "holdout",
                "done.when_met": "Six-month pilot in two of our six districts, the others on today's rule.",
                "constraints.data.label_delay_days": 365,
            }
        ),
        Case(  # no live trial
            {
                "done.online_validation": "none",
                "done.when_met": "A 2-week pilot in one branch.",
                "constraints.data.label_delay_days": 60,
            }
        ),
    ),
)
def pilot_ends_before_outcomes(plan: Plan) -> Evidence:
    """The live trial ends before its outcomes are known.

    The plan sizes its pilot, canary or shadow run in days, and the outcome the model is judged on comes
    only some days after each case. When the trial is shorter than that delay, at its end not one of its
    cases has an outcome: the go/no-go is taken on nothing, or on whatever arrives first (the quickest,
    least typical outcomes), or the launch waits on a date nobody planned. Only a trial that gates a
    decision (`then everyone`, `before the roll-out`) is read at its end; one that runs on beside a
    comparison is read whenever its outcomes are in.

    Mitigation: Do the arithmetic: a case that starts on the trial's last day has its outcome a full delay
    later. Plan to read the trial a delay after it starts (or after it ends, for all its cases), run it
    longer, or judge it on a leading signal that arrives within the trial and is known to track the
    outcome; say which in the done criteria.
    """
    if plan.done.online_validation not in (*_LIVE, None):
        return None
    span = plan.constraints.data.label_delay_range()
    trial = pilot_length(plan)
    if span is None or trial is None:
        return None
    delay = span[0]
    path, words, days, _share, _items = trial
    if days < 1 or days >= delay:
        return None
    texts = [text for _path, text in _texts(plan)]
    if any(_READ_LATER.search(text) for text in texts):
        return None  # read after the outcomes come in, or on a signal that comes sooner
    if not any(_GATES.search(text) for text in texts):
        return None  # no decision waits on the trial's end: it runs on until the outcomes are in
    earliest = f"read it at day {fmt.count(days + delay)} at the earliest"
    return (
        quote(plan, path, f"{words}: {fmt.count(days)} days"),
        quote(
            plan,
            "constraints.data.label_delay_days"
            if plan.constraints.data.label_delay is not None
            else "constraints.data.label_delay_max_days",
            f"an outcome comes {fmt.count(delay)} days after a case; at the end of a {fmt.count(days)}-day "
            f"trial not one of its cases has an outcome: {earliest}",
        ),
    )
