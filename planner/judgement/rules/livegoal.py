"""Rule on a live test judged on a stand-in: an A/B test or a holdout whose metric counts attention
(clicks, opens, views) while the goal names an outcome (bookings, sales), so it proves the wrong thing."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.goalgap import GOAL_OUTCOME, STAND_IN
from planner.judgement.rules.lexicon import GOAL_EVENTS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, OnlineValidation, Plan

_SPLIT_LIVE = (OnlineValidation.a_b_test, OnlineValidation.holdout)

# An outcome a goal names that is a transaction (selling, booking, ordering, giving), read before the rest
# (enjoying, staying): the live test can count a transaction per contact.
_TRADE = GOAL_EVENTS + Lexicon("""
    sell, sells, selling, sold, book, booking, bookings, booked, order, orders, ordered, donate, donates
    donation, donations, enrol, enrols, enrolled, enrolment, enrolments, tickets sold, seats sold
""")
_OUTCOME = _TRADE + GOAL_OUTCOME

# Where a metric's dataset says it is read in the live test.
_LIVE = Lexicon("""
    a/b, a/b test, ab test, a-b test, split test, holdout, hold-out, held-back, control group, test group
    live test, live trial, randomised, randomized, treatment group
""")


def _live_metrics(plan: Plan) -> list[tuple[str, str]]:
    """The metrics the live test is read on: the done metrics whose name or dataset says the test, or else
    the product's success metric."""
    found = [
        (f"done.metrics[{index}].name", metric.name)
        for index, metric in enumerate(plan.done.metrics)
        if _LIVE.find(metric.name) or _LIVE.find(metric.dataset)
    ]
    if found or not plan.product.success_metric:
        return found
    return [("product.success_metric", plan.product.success_metric)]


@rule(
    "live-test-counts-a-stand-in",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Judge the live test on the goal's outcome, over enough sends to see it",
        "A split test read on clicks or opens proves the new version draws attention, not that it adds "
        "the bookings or sales the goal names (regulars who would have bought anyway click too): count the "
        "outcome in each arm (extra bookings per contact), and size the test (sends, weeks) so that a gain "
        "worth having in that outcome shows above its noise",
        "warning",
    ),
    ask="is the live test read on attention (clicks, opens) while the goal is the outcome?",
    fires=(
        Case(
            {
                "product.goal": "Members renew their gym membership at the end of the year.",
                "done.online_validation": "a_b_test",
                "done.metrics": [
                    {"name": "AUC of renewal", "target": 0.75},
                    {
                        "name": "Open rate of the reminder e-mail",
                        "dataset": "A/B test, half the members each",
                    },
                ],
            },
            evidence=(
                'done.online_validation: "a_b_test" (the live test compares two arms: what it counts is what '
                "it proves)",
                'done.metrics[1].name: "Open rate of the reminder e-mail" (read in the live test, it counts '
                "open rate: can it rise while renew does not?)",
                'product.goal: "Members renew their gym membership at the end of the year." (the goal speaks '
                "of renew)",
            ),
        ),
        Case(  # no metric named for the test: the success metric is what it reads
            {
                "product.goal": "Shoppers order more from the seed catalogue.",
                "product.success_metric": "Click-through rate on the recommended seeds.",
                "done.online_validation": "holdout",
            },
        ),
    ),
    quiet=(
        Case(  # the live arm counts the outcome
            {
                "product.goal": "Members renew their gym membership at the end of the year.",
                "done.online_validation": "a_b_test",
                "done.metrics[0].name": "Renewals per member sent the reminder",
                "done.metrics[0].dataset": "A/B test, half the members each",
            }
        ),
        Case(  # clicks, but no split test: metric-stands-in-for-goal speaks for the success metric
            {
                "product.goal": "Shoppers order more from the seed catalogue.",
                "product.success_metric": "Click-through rate on the recommended seeds.",
                "done.online_validation": "shadow",
            }
        ),
        Case(  # the goal is attention itself
            {
                "product.goal": "More members open the monthly newsletter.",
                "product.success_metric": "Open rate of the newsletter.",
                "done.online_validation": "a_b_test",
            }
        ),
    ),
)
def live_test_counts_a_stand_in(plan: Plan) -> Evidence:
    """The live test compares arms on clicks, opens or views, while the goal names an outcome.

    An A/B test or a holdout is the one place the plan can show the model causes what the goal wants.
    Read on attention it shows only that the new version is noticed: contacts who would have booked
    anyway click too, so the clicks can rise while the bookings, sales or renewals stay where they were;
    and an outcome rarer than a click needs more sends to show a gain.

    Mitigation: Count the goal's outcome per contact in each arm (extra bookings, sales, renewals), keep
    clicks as a diagnostic, and size the test (sends, weeks) for a gain worth having in that outcome.
    """
    if plan.done.online_validation not in _SPLIT_LIVE:
        return None
    goal = plan.product.goal
    outcome = _TRADE.find(goal) or GOAL_OUTCOME.find(goal)
    if outcome is None or STAND_IN.find(goal):
        return None
    live = _live_metrics(plan)
    if not live or any(_OUTCOME.find(text) for _, text in live):
        return None  # the live test counts the outcome too
    stand_in = [(path, words) for path, text in live if (words := STAND_IN.find_all(text))]
    if not stand_in:
        return None
    path, words = stand_in[0]
    return Hint(
        (*words, outcome),
        (
            quote(
                plan,
                "done.online_validation",
                "the live test compares two arms: what it counts is what it proves",
            ),
            quote(
                plan,
                path,
                f"read in the live test, it counts {', '.join(words)}: can it rise while {outcome} does not?",
            ),
            quote(plan, "product.goal", f"the goal speaks of {outcome}"),
        ),
    )
