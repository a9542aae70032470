"""Rules on picks that feed the next pick through the inputs: work or exposure handed out raises the very
inputs that decide who gets it next.

A ranking that hands briefs to barristers, journeys to drivers, leads to salespeople or a place on the page
to listings, and reads what each one got from earlier picks (recent work, fees, jobs done, sales, views),
closes a loop through its inputs, not its labels: each pick raises the inputs of the ones picked, and the
next ranking reads that. The top get richer; newcomers and those returning after a break start near zero
and stay there. A test set drawn from past picks scores one round, never the drift over many. A lead reads
it from the answers on what the output picks and what its inputs hold, and asks for a cap or a decay on
those inputs, a share of picks outside the ranking, and a watch on how the picks concentrate.
"""

from __future__ import annotations

from planner.core.formatting import share as percent
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.popularity import LOOP_BROKEN
from planner.judgement.rules.supply import newcomers_given_room, spread_watched
from planner.plan.model import PICKING_TASKS, Category, Period, Picks, Plan, SupplyLimit

# What each pick hands out, and to whom.
_HANDS_OUT = {Picks.providers: ("work", "providers"), Picks.items: ("exposure", "items")}


def _damped(plan: Plan) -> list[str]:
    """The answers that damp the loop: a share of picks outside the ranking, each one's share held to
    its room, the inputs decayed or counted per chance, a place kept for newcomers; quoted."""
    found = []
    data = plan.constraints.data
    if data.exploration_share and kept_out(plan):
        found.append(
            quote(
                plan,
                "constraints.data.exploration_share",
                f"{percent(data.exploration_share)} of picks made outside the ranking",
            )
        )
    if plan.impact.supply_limit is SupplyLimit.in_the_match:
        found.append(quote(plan, "impact.supply_limit", "each one's share is held to its room"))
    words = LOOP_BROKEN.find_all(plan.product.inputs)
    if words:
        found.append(quote(plan, "product.inputs", f"the inputs are damped: {', '.join(words)}"))
    room = newcomers_given_room(plan)
    if room:
        found.append(room)
    return found


@rule(
    "picks-feed-the-inputs",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Cap or decay the inputs that count past picks, and watch who gets the work",
        "Each pick raises the recent work, fees, sales or views the next ranking reads, so the top get "
        "richer while newcomers and returners starve, and a test set drawn from past picks cannot show it: "
        "cap or decay those inputs (or count them per chance given), make a share of picks outside the "
        "ranking for those below the top, and report each month the share of picks going to the top 10% "
        "and to newcomers",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "ranking",
                "product.picks": "providers",
                "product.inputs_count_picks": True,
            },
            evidence=(
                'product.picks: "providers" (each pick hands work to providers)',
                "product.inputs_count_picks: true (its inputs hold what each one got from earlier picks: each "
                "pick raises them and the next ranking reads that, so the ones picked first are picked again, "
                "and a newcomer or one back from a break starts near zero and stays there)",
                "a test set drawn from past picks scores one round, not how the work concentrates over many",
                "nothing said of a cap or a decay on those inputs, a share of picks outside the ranking, or a "
                "watch on the share of work going to the top 10% and to newcomers",
            ),
        ),
        Case(  # new ones arrive each period: the arithmetic of who starts at zero
            {
                "product.task": "recommendation",
                "product.picks": "items",
                "product.inputs_count_picks": True,
                "constraints.data.new_supply_share": 0.2,
            },
        ),
        Case(  # one damper, nothing watched: a lower note
            {
                "product.task": "matching",
                "product.picks": "providers",
                "product.inputs_count_picks": True,
                "constraints.data.exploration_share": 0.05,
            },
        ),
    ),
    quiet=(
        Case(  # the inputs describe each one apart from what it was given
            {"product.task": "ranking", "product.picks": "providers", "product.inputs_count_picks": False}
        ),
        Case(  # documents for staff: nothing is handed to what is ranked
            {"product.task": "ranking", "product.picks": "cases", "product.inputs_count_picks": True}
        ),
        Case(  # damped and watched
            {
                "product.task": "ranking",
                "product.picks": "providers",
                "product.inputs_count_picks": True,
                "constraints.data.exploration_share": 0.1,
                "after_launch.monitoring": [{"signal": "Share of briefs going to the top 10% of barristers"}],
            }
        ),
        Case(  # run once over a backlog: there is no next round
            {
                "product.task": "ranking",
                "product.picks": "providers",
                "product.inputs_count_picks": True,
                "impact.period": "once",
            }
        ),
    ),
)
def picks_feed_the_inputs(plan: Plan) -> Evidence:
    """What each pick hands out raises the inputs that decide the next pick.

    A ranking that hands out work or exposure (briefs, journeys, leads, a place on the page) and reads
    what each one got from earlier picks (recent work, fees earned, jobs done, sales, views, ratings that
    only come with the work) feeds itself: the ones picked first gain the inputs that pick them again,
    while newcomers and those back from a break start near zero and stay there. Work concentrates on a
    few, the rest leave, and the pool narrows. The test set, drawn from past picks, scores a single round
    and cannot show the drift.

    Mitigation: Cap or decay the inputs that count past picks (or count them per chance given), make a
    share of picks outside the ranking for newcomers and those below the top, and report each month the
    share of picks going to the top 10% and to newcomers.
    """
    product = plan.product
    pool = _HANDS_OUT.get(product.picks) if product.picks else None
    if product.task not in PICKING_TASKS or pool is None or product.inputs_count_picks is not True:
        return None
    if plan.impact.period is Period.once:
        return None  # a job run once over a backlog: no pick feeds a next one
    what, who = pool
    found = [
        quote(plan, "product.picks", f"each pick hands {what} to {who}"),
        quote(
            plan,
            "product.inputs_count_picks",
            "its inputs hold what each one got from earlier picks: each pick raises them and the next ranking "
            "reads that, so the ones picked first are picked again, and a newcomer or one back from a break "
            "starts near zero and stays there",
        ),
    ]
    new = plan.constraints.data.new_supply_share
    if isinstance(new, float) and new > 0:
        found.append(
            quote(
                plan,
                "constraints.data.new_supply_share",
                f"{percent(new)} of the {who} are new each period and start at zero on those inputs",
            )
        )
    found.append(
        f"a test set drawn from past picks scores one round, not how the {what} concentrates over many"
    )
    damped, watched = _damped(plan), spread_watched(plan)
    if damped and watched:
        return None
    if damped or watched:
        return Tempered(3, (*found, *damped, *([watched] if watched else [])))
    return (
        *found,
        "nothing said of a cap or a decay on those inputs, a share of picks outside the ranking, or a watch "
        f"on the share of {what} going to the top 10% and to newcomers",
    )
