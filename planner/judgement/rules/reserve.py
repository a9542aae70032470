"""Rules on an outcome missing below a threshold the process sets: a lot that does not reach its reserve has
no sale price, an offer declined has no deal, a bid under the floor has no award. The missing values are
the low ones, so the record is missing not at random; where the model's own figure sets that threshold,
which cases ever get a label turns on its output."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import handled, limit_ticked, quote, ticked
from planner.judgement.rules.lexicon import EXITS_KEPT
from planner.plan.model import ActionShape, Category, Circumstance, OutcomeLimit, Plan


def sets_the_figure(plan: Plan) -> str | None:
    """The answer saying the output sets a control or an amount (a reserve, a price, an offer), quoted;
    None where no answer says so."""
    fact = ticked(plan, Circumstance.sets_controls)
    if fact:
        return fact
    if plan.product.action_shape is ActionShape.sets_amount:
        return 'product.action_shape: "sets_amount" (the output sets an amount)'
    return None


@rule(
    "outcome-missing-below-threshold",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep the cases below the threshold as censored, not dropped",
        "A case with no outcome because it fell short of a reserve, an offer or a floor says its value lay "
        "below that line: keep it with the threshold as a bound (a censored model, or two parts: does it "
        "clear the line, and at what value if it does), and score on every case that entered",
        "warning",
    ),
    fires=(
        Case(  # the threshold is set another way: medium
            {
                "product.task": "regression",
                "constraints.data.outcome_limits": ["below_threshold"],
                "constraints.data.left_early_share": 0.25,
            },
            evidence=(
                'constraints.data.outcome_limits: ["below_threshold"] (no outcome below a threshold the '
                "process sets: the low values are missing)",
                "constraints.data.left_early_share: 0.25 (25% of the cases have no outcome, and they are "
                "the low ones: trained on the rest, the model overstates the low end and its error there "
                "goes unscored)",
            ),
        ),
        Case(  # the output sets the floor itself: which cases get a label turns on the model's figure
            {
                "product.task": "regression",
                "product.circumstances": ["sets_controls"],
                "constraints.data.outcome_limits": ["below_threshold"],
            },
            evidence=(
                'constraints.data.outcome_limits: ["below_threshold"] (no outcome below a threshold the '
                "process sets: the low values are missing)",
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings '
                "of the process; once live it sets the threshold: which cases get an outcome turns on its "
                "own figure)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case({"constraints.data.outcome_limits": ["other_exits"]}),
        Case(  # the unsold kept, censored at their reserve
            {
                "constraints.data.outcome_limits": ["below_threshold"],
                "constraints.data.differences_note": "Unsold lots are kept, censored at their reserve.",
            }
        ),
    ),
    ask="are the cases below the threshold kept, with the threshold as a bound on their value?",
)
def outcome_missing_below_threshold(plan: Plan) -> Evidence:
    """The outcome is missing below a threshold: the missing values are the low ones.

    A lot that does not reach its reserve goes unsold with no price; an offer the seller declines has no
    deal. Dropped, these cases take the low end of the outcome with them: the model, trained on those that
    cleared the line, overstates values near it, and a test of the same survivors never shows it. Where
    the model's own figure sets the line (the reserve at its low estimate, the offer from its value),
    which cases get a label turns on its output.

    Mitigation: Keep every case with the threshold it faced; model the outcome as censored at that
    threshold (or in two parts: does it clear the line, then at what value); score on every case that
    entered; where the output sets the threshold, keep a share whose threshold is set another way.
    """
    said = limit_ticked(plan, OutcomeLimit.below_threshold)
    if said is None or handled(plan, EXITS_KEPT):
        return None
    found = [said]
    share = plan.constraints.data.left_early_share
    if isinstance(share, float | int) and not isinstance(share, bool):
        found.append(
            quote(
                plan,
                "constraints.data.left_early_share",
                f"{fmt.share(share)} of the cases have no outcome, and they are the low ones: trained on the "
                "rest, the model overstates the low end and its error there goes unscored",
            )
        )
    figure = sets_the_figure(plan)
    if figure is None:
        return Tempered(3, found)  # a threshold set another way: the bias is real, the loop is not
    own = "once live it sets the threshold: which cases get an outcome turns on its own figure"
    return (*found, figure[:-1] + f"; {own})")
