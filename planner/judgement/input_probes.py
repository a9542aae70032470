"""The questions a lead asks of what the model's input can carry: whether an expert could decide from it
alone, where a person chooses from what the model proposes or works down the order it sets.

Where the model decides alone, `decisions-turn-on-unseen` weighs what today's deciders use that the model
will not get. Where it proposes to a person or orders a worklist, that person still has the missing
piece in hand for the case they look at, but the proposal, or the order that decides which cases they
look at first, is only as good as the model's input: a lead asks for a blind test first.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe, short
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.sight import FROM_INPUTS_ONLY, left_out_by_hand, unseen_named
from planner.plan.choices import Mode
from planner.plan.model import PICKING_TASKS, Plan
from planner.plan.workings import ActionShape

# A model that proposes to a person, or sets the order people work in.
_PROPOSES = (ActionShape.choose_among, ActionShape.top_of_queue)
# Where a plan would say it tests experts on the model's input alone.
_TESTED_IN = (
    "done.eval_set",
    "done.when_met",
    "by_hand.human_score_notes",
    "constraints.data.differences_note",
)


@probe("expert-decides-from-input", "decisions-turn-on-unseen")
def _expert_decides_from_input(plan: Plan) -> Found:
    unseen = unseen_named(plan)
    product = plan.product
    if unseen is None or product.mode is Mode.automate:
        return None
    if product.action_shape not in _PROPOSES and product.task not in PICKING_TASKS:
        return None  # people decide every case from the whole file: nothing is ordered or proposed blind
    by_hand = plan.by_hand
    if by_hand.measured is not None or (by_hand.expert_can_decide is True and left_out_by_hand(plan, unseen)):
        return None  # experts already decided past cases from the model's input alone
    if first_said(plan, _TESTED_IN, FROM_INPUTS_ONLY):
        return None
    proposes = product.action_shape is ActionShape.choose_among
    what = "proposal" if proposes else "order"
    return (
        f"Can an expert decide from the model's input alone, without {short(unseen, 50)!r}? The person who "
        f"acts still has it in hand, but the {what} they work from is only as good as what the model reads: "
        "before spending, have two experts judge a hundred past cases from the model's input only, and "
        "compare with the decisions taken with everything; where they cannot, neither can the model.",
        (
            quote(plan, "product.unseen_by_model"),
            quote(plan, "product.action_shape" if product.action_shape else "product.task"),
        ),
    )
