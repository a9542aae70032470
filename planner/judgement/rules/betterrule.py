"""The rule on a naive rule named as the baseline: today's rule errs mostly one way, nobody tried to improve it.

Where a plain rule raises the alerts today and most of them are false, a lead asks first whether cheap
changes to the rule would remove most of them: a context signal it ignores (the device on its charger,
the person on a break, a known safe place), a longer wait, a second condition. If they do, the model may
not be needed; either way the improved rule, not the naive one, is the baseline a model must beat.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.errorkinds import FALSE_ALARM, counted
from planner.judgement.rules.evidence import done_metrics, quote, show
from planner.plan.model import Category, Direction, Plan, RuleImproved, RulesVerdict

# Below this share right, most of what the rule decides (raises) is wrong: it fails mostly one way.
MOSTLY_WRONG = 0.5

_TILT = {  # a tilt rule on a worn device raises the alerts; the model must cut its false alarms
    "heuristics.rules": [{"condition": "Device still and flat for 60 seconds", "action": "Alert the desk."}],
    "heuristics.verdict": "rules_baseline",
    "heuristics.accuracy": "not measured",
    "heuristics.improved": None,
    "done.metrics": [
        {"name": "Cut in false alarms", "baseline": 0, "target": 0.8, "direction": "higher"},
        {"name": "Recall on staged collapses", "target": 0.95, "direction": "higher"},
    ],
}
_PRECISE_ONE = {  # a threshold on a pump's vibration, right on one alert in ten
    "heuristics.rules": [{"condition": "Vibration above 7 mm/s", "action": "Raise a maintenance alarm."}],
    "heuristics.verdict": "rules_baseline",
    "heuristics.accuracy": 0.1,
    "heuristics.improved": None,
}


@rule(
    "rule-not-improved",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Improve the rule first, and make the best rule the baseline",
        "Sort a sample of the rule's false alarms by cause, write the two or three rule changes that remove "
        "the biggest causes (a context signal it ignores, a longer wait, a second condition), measure them "
        "on the same cases; if one removes most false alarms the model may not be needed, and otherwise "
        "the best rule is the baseline the model must beat by a margin",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            _TILT,
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                'done.metrics[0].name: "Cut in false alarms" (the model is set to cut the rule\'s false '
                "alarms, from its baseline of 0)",
                "heuristics.improved: not answered (was the rule made better first: its false alarms sorted "
                "by cause, two or three changes measured?)",
            ),
        ),
        Case(
            {**_PRECISE_ONE, "heuristics.improved": "as_it_runs"},
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.accuracy: 0.1 (most of what the rule raises is wrong)",
                'heuristics.improved: "as_it_runs"',
            ),
        ),
    ),
    quiet=(
        Case(
            {**_TILT, "heuristics.improved": "variants_measured"}
        ),  # rule changes tried: the best is the bar
        Case({**_PRECISE_ONE, "heuristics.improved": "causes_sorted"}),  # its false alarms sorted by cause
        Case({**_PRECISE_ONE, "heuristics.accuracy": 0.8}),  # the rule is mostly right: no one-sided failure
        Case({**_TILT, "heuristics.verdict": "rules_suffice"}),  # the team keeps the rule: another rule's
        Case({**_TILT, "heuristics.rules": []}),  # no rule is written down: the baseline is not a rule
        Case(  # the rule's precision is measured above half: most of what it raises is right
            {**_TILT, "done.metrics": [{"name": "Precision of alerts", "baseline": 0.7, "target": 0.9}]}
        ),
    ),
)
def rule_not_improved(plan: Plan) -> Evidence:
    """Would a better rule remove most of the false alarms, before any model?

    Today's rule is the baseline and it fails mostly one way (its alerts are mostly false), yet nobody
    sorted its false alarms by cause or tried a changed rule: a context signal it ignores, a longer
    wait or a second condition often removes most of them for a few days' work, and a model measured
    against the naive rule claims a gain the better rule would have given for free.

    Mitigation: Sort a sample of the false alarms by cause, write the two or three rule changes that
    remove the biggest causes, measure them on the same cases, and make the best rule the baseline the
    model must beat by a margin (or ship it, if it is enough).
    """
    heuristics = plan.heuristics
    if heuristics.verdict is not RulesVerdict.rules_baseline or not heuristics.rules:
        return None
    if heuristics.improved in (RuleImproved.variants_measured, RuleImproved.causes_sorted):
        return None
    one_way = _fails_one_way(plan)
    if one_way is None:
        return None
    if heuristics.improved is None:
        untried = (
            "heuristics.improved: not answered (was the rule made better first: its false alarms sorted by "
            "cause, two or three changes measured?)"
        )
    else:
        untried = quote(plan, "heuristics.improved")
    return (quote(plan, "heuristics.verdict"), one_way, untried)


def _fails_one_way(plan: Plan) -> str | None:
    """The answer that says the rule's errors are mostly false alarms, quoted: its share right below half,
    or a done metric that counts false alarms alone, measured from the rule's own figure."""
    accuracy = plan.heuristics.accuracy_figure
    if accuracy is not None:  # the rule's own share right, measured, settles it
        return (
            quote(plan, "heuristics.accuracy", "most of what the rule raises is wrong")
            if accuracy < MOSTLY_WRONG
            else None
        )
    for path, metric in done_metrics(plan):
        kinds = counted(metric.name)
        base = metric.baseline_figure
        if kinds is None or kinds.kinds != {FALSE_ALARM} or base is None:
            continue
        if metric.direction is Direction.higher_is_better and MOSTLY_WRONG <= base <= 1:
            continue  # a precision of the rule above half: most of what it raises is right
        note = f"the model is set to cut the rule's false alarms, from its baseline of {show(metric.baseline_figure)}"
        return quote(plan, f"{path}.name", note)
    return None
