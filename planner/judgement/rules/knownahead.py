"""Rules on what only the people who set an amount today know: the fete in a driver's diary, the wedding
the baker heard of, the closure the planner was told about. A forecast that sets the amount sees none of
it; where people take its figure in place of their own call, the days they knew something go wrong, and a
score averaged over every day never shows it."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.seenby import unseen_named
from planner.judgement.rules.untimed import done_by_people_today
from planner.plan.model import ActionShape, Category, Mode, Plan, TaskType

# Shapes where the output is the amount itself, not a pick among cases (a cut-off, a queue, a capacity,
# weighed by the rules on what people see only in the cases the model flags).
_AMOUNT_SHAPES = (None, ActionShape.sets_amount, ActionShape.every_item)


def _sets_an_amount(plan: Plan) -> str | None:
    """The answer saying the output sets an amount people act on, quoted; None where none says so."""
    product = plan.product
    note = "people set the amount with its figure in hand: where they follow it, what they knew is lost"
    if product.action_shape is ActionShape.sets_amount:
        return quote(plan, "product.action_shape", note)
    if product.task is TaskType.forecasting and product.action_shape in _AMOUNT_SHAPES:
        return quote(plan, "product.task", f"a forecast of the amount: {note}")
    return None


@rule(
    "amount-misses-what-people-know",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep people's override on the days they know something, and score the model against them there",
        "The people who set the amount today know events the model does not see (a fete, a booking, a "
        "closure): keep their override and record each one with its reason, log the events they know as "
        "dated inputs so a later model can learn them, and score the model against the people's own amounts "
        "apart, on the days they knew something, not only averaged over every day",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.unseen_by_model": "Weddings booked at the hall, which the bakers hear of from the owner.",
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "by_hand.done_today_by": "our_experts",
            },
            evidence=(
                'product.unseen_by_model: "Weddings booked at the hall, which the bakers hear of from the '
                'owner." (the people who set the amount today know it, the model does not: on those days '
                "their call can beat its figure)",
                'product.action_shape: "sets_amount" (people set the amount with its figure in hand: where '
                "they follow it, what they knew is lost)",
                'by_hand.done_today_by: "our_experts" (they set it by hand today)',
            ),
        ),
        Case(  # a forecast with no shape named: the forecast is the amount
            {
                "product.unseen_by_model": "Road closures the depot hears of by phone.",
                "product.action_shape": None,
                "product.task": "forecasting",
            }
        ),
    ),
    quiet=(
        Case(  # nothing unseen: the planners' calendar is an input
            {
                "product.unseen_by_model": "Nothing: the event calendar the planners use is one of the inputs.",
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
            }
        ),
        Case(  # the model sets the amount alone: decisions-turn-on-unseen weighs what it decides without
            {
                "product.unseen_by_model": "Weddings booked at the hall.",
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "product.mode": "automate",
            }
        ),
        Case(  # a cut-off: people see only what it flags, weighed elsewhere
            {"product.unseen_by_model": "Weddings booked at the hall.", "product.action_shape": "threshold"}
        ),
    ),
)
def amount_misses_what_people_know(plan: Plan) -> Evidence:
    """The amount is set from a figure that misses what the people who set it today know.

    Drivers know the fetes in their diaries, bakers the weddings at the hall, planners the road closures:
    events the model never sees. A forecast that sets the amount is wrong on exactly those days, and
    where people load, bake or staff to its figure in place of their own call, the days they knew
    something go wrong; averaged over every day, its score hides them.

    Mitigation: Keep people's override and record each one with its reason; log the events they know as
    dated inputs, so a later model can learn them; score the model against the people's own amounts on
    the days they knew something, apart from the rest.
    """
    unseen = unseen_named(plan)
    if unseen is None or plan.product.mode is Mode.automate:
        return None  # nothing named; or the model sets it alone (decisions-turn-on-unseen weighs that)
    amount = _sets_an_amount(plan)
    if amount is None:
        return None
    note = "the people who set the amount today know it, the model does not: on those days their call can beat its figure"
    found = [quote(plan, "product.unseen_by_model", note), amount]
    if done_by_people_today(plan):
        found.append(quote(plan, "by_hand.done_today_by", "they set it by hand today"))
    return tuple(found)
