"""A rule on a label event with causes other than the one the model targets: tyres scrapped mostly at an
age limit rather than for damage, members who cancelled mostly because they moved, parts replaced on a
schedule. The model learns whatever causes most of the positives (a tyre's age, a postcode change), scores
well on them, and says little of the cause the product is for; a lead asks for the positives relabelled by
cause, or the other causes dropped, and the score read on the targeted cause alone.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.plan.model import Category, Plan

_PATH = "product.label_cause_share"
# Under half of the positives for the targeted reason: the other causes are what the model learns.
_MOSTLY_OTHER = 0.5
# Up to four in five: a fifth or more of the positives teach another cause, worth scoring apart.
_MOSTLY_TARGET = 0.8

_SLINGS = {
    "product.task": "classification",
    "product.goal": "Worn lifting slings are taken out of use before they fail.",
    "product.label": "Sling withdrawn (1) or in use (0), from the withdrawal register.",
    "product.label_is_proxy": False,
    _PATH: 0.3,
}


@rule(
    "label-has-other-causes",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Relabel the positives by cause, or drop the causes the model is not for",
        "Most positives got the label for another reason than the one the model targets (an age limit, a "
        "move, a schedule): the model learns that reason. Record each positive's cause, train on the "
        "targeted cause (the others as negatives or left out, by what the product needs), and score the "
        "targeted cause apart",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            _SLINGS,
            evidence=(
                f"{_PATH}: 0.3 (most positives got the label for another reason than the one the model "
                "targets: it learns that reason)",
                "product.label_is_proxy: false (the team reads the label as the goal itself, yet most "
                "positives are not the event the model is for)",
            ),
        ),
        Case({**_SLINGS, _PATH: 0.65}),  # a third for other reasons: a medium note
    ),
    quiet=(
        Case({**_SLINGS, _PATH: 0.95}),
        Case({**_SLINGS, _PATH: "not measured"}),
        Case({**_SLINGS, _PATH: None}),
    ),
)
def label_has_other_causes(plan: Plan) -> Evidence:
    """Many positives got the label for another reason than the one the model is meant to detect.

    A label event (retired, cancelled, replaced, withdrawn) often has several causes, and the one the
    product is for can be the smaller part: tyres scrapped at an age limit, members who moved away, parts
    changed on a schedule. The model learns what predicts the common cause (age, an address change, the
    service date), scores well on the label, and tells little of damage, dissatisfaction or wear; the team's
    `label_is_proxy: false` hides it, since the label's name matches the goal.

    Mitigation: Record the cause of each positive (the retirement reason, the cancellation reason), train on
    the targeted cause with the others relabelled or left out as the product needs, and report the score on
    the targeted cause apart.
    """
    share = plan.product.label_cause_share
    if not isinstance(share, int | float) or share >= _MOSTLY_TARGET:
        return None
    note = (
        "most positives got the label for another reason than the one the model targets: it learns that reason"
        if share < _MOSTLY_OTHER
        else "a fifth or more of the positives got the label for another reason: score the targeted cause apart"
    )
    found: tuple[str, ...] = (quote(plan, _PATH, note),)
    if plan.product.label_is_proxy is False:
        believed = (
            "the team reads the label as the goal itself, yet most positives are not the event the model is for"
            if share < _MOSTLY_OTHER
            else "the team reads the label as the goal itself, yet part of it is another event"
        )
        found = (*found, quote(plan, "product.label_is_proxy", believed))
    return found if share < _MOSTLY_OTHER else Tempered(3, found)
