"""Rules on whether the share of an outcome the model can reach covers the cut the done metric asks."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.share import asked_gain
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, Plan

# A done metric that counts outcomes in the world (failures, incidents, losses), not a model's errors:
# the model prevents only those whose causes its output acts on.
OUTCOMES_COUNTED = Lexicon("""
    failures, failure rate, breakdowns, breakdown rate, incidents, outages, defects, defect rate, stockouts
    stock-outs, complaints, accidents, injuries, falls, readmissions, no-shows, no shows, cancellations
    losses, write-offs, overpayments, missed deadlines, late deliveries, unplanned downtime, downtime
    leaks, bursts, collisions, fires, rejects, scrap, scrap rate, returns, callbacks, repeat visits
    claims paid, fraud losses, unfilled shifts, missed collections, deaths, admissions, evictions
""")


def _reach(plan: Plan) -> tuple[float, list[str]] | None:
    """The share of the outcome the model can act on (the share of the items the first model takes), with
    its quote; None where no share below the whole is given. The step's share of the time (step_share)
    says nothing of which outcomes it can prevent."""
    addressed = plan.impact.addressed
    if addressed is None or addressed >= 1:
        return None
    return addressed, [
        quote(plan, "impact.share_addressed", f"the first model takes {fmt.share(addressed)} of it")
    ]


@rule(
    "cut-beyond-reach",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Size the cut from the share the model can reach",
        "Break last year's outcomes down by cause and count those the model's output can act on: the "
        "target can cut at most that share, and the rest needs other changes planned with it",
        "warning",
    ),
    ask="what share of the outcomes the target counts have causes the model's output can act on?",
    fires=(
        Case(
            {
                "impact.share_addressed": 0.4,
                "done.metrics": [
                    {"name": "Pump failures per month", "baseline": 30, "target": 15, "direction": "lower"}
                ],
            },
            evidence=(
                "impact.share_addressed: 0.4 (the first model takes 40% of it)",
                "done.metrics[0]: 15 against 30, 50% fewer failures: even preventing every one the model "
                "reaches (at most 40% of the total) cannot get there; cutting the total by 50% needs 125% "
                "of the reachable part",
            ),
        ),
    ),
    quiet=(
        Case(  # the cut fits in the share it reaches
            {
                "impact.share_addressed": 0.8,
                "done.metrics": [
                    {"name": "Pump failures per month", "baseline": 30, "target": 20, "direction": "lower"}
                ],
            }
        ),
        Case(  # a model's own error, not an outcome counted in the world
            {
                "impact.share_addressed": 0.4,
                "done.metrics": [{"name": "MAE", "baseline": 10, "target": 5, "direction": "lower"}],
            }
        ),
        Case(  # the reach is not given
            {
                "impact.share_addressed": None,
                "done.metrics": [
                    {"name": "Pump failures per month", "baseline": 30, "target": 15, "direction": "lower"}
                ],
            }
        ),
    ),
)
def cut_beyond_reach(plan: Plan) -> Evidence:
    """The done metric asks a larger cut than the share of the outcome the model can reach.

    The done metric cuts a count of outcomes (failures, incidents, losses) by a share, while the model
    acts on only part of them: the items it takes, or the causes its step can change. Even a perfect model
    that prevents every outcome it reaches leaves the rest as they are, so a cut larger than its reach
    cannot happen: with 40% reachable, halving the total needs 125% of the reachable part.

    Mitigation: Break last year's outcomes down by cause and count those the model's output can act on;
    set the target within that share (or below it, since no model prevents all it sees), or plan the
    changes that reach the rest alongside the model.
    """
    found = _reach(plan)
    if found is None:
        return None
    reach, said = found
    for index, item in enumerate(plan.done.metrics):
        if item.direction is not Direction.lower_is_better:
            continue
        words = OUTCOMES_COUNTED.find_all(item.name)
        gain = asked_gain(item) if words else None
        if gain is None or gain <= reach:
            continue
        asked = (
            f"{fmt.share(gain)} fewer"
            if item.target is None
            else f"{fmt.number(item.target)} against {fmt.number(item.baseline_figure or 0)}, "
            f"{fmt.share(gain)} fewer"
        )
        needs = f"{fmt.share(gain / reach)} of the reachable part" if reach else "more than nothing"
        return Hint(
            words,
            (
                *said,
                f"done.metrics[{index}]: {asked} {', '.join(words)}: even preventing every one the model "
                f"reaches (at most {fmt.share(reach)} of the total) cannot get there; cutting the total by "
                f"{fmt.share(gain)} needs {needs}",
            ),
        )
    return None
