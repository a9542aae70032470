"""Rules on whether a live trial that gates a decision runs long enough for its cases' outcomes to come in."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.pilotsize import LIVE_TRIALS, pilot_length, trial_texts
from planner.plan.model import Category, Plan

# Words saying the trial is read after its outcomes come in, or on something that arrives sooner.
READ_LATER = re.compile(
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
    if plan.done.online_validation not in (*LIVE_TRIALS, None):
        return None
    span = plan.constraints.data.label_delay_range()
    trial = pilot_length(plan)
    if span is None or trial is None:
        return None
    delay = span[0]
    path, words, days, _share, _items = trial
    if days < 1 or days >= delay:
        return None
    texts = [text for _path, text in trial_texts(plan)]
    if any(READ_LATER.search(text) for text in texts):
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
