"""A rule on inputs captured another way for a group that goes with the label: the rig as a shortcut.

Where the place, the light, the background, the scanner, the camera rig, the form version or the lab
differs with a stratum that goes with the label (each grade photographed where it is stacked, items above a
value scanned on a grey card, urgent cases sent to another lab), the look of the capture predicts the label. The model learns the rig, not the item; giving it the rig as
an input (a regime, a version) hands it the shortcut outright. A lead asks that the capture not differ by
class or value: recapture a sample alike, or test within one rig.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import show
from planner.plan.choices import UNSTRUCTURED
from planner.plan.model import Category, InputCapture, Plan

_PATH = "constraints.data.input_capture"

_COINS = {
    "product.data_kinds": ["images"],
    "product.output": "A condition grade for each coin photographed.",
    _PATH: ["before_label", "rig_follows_label"],
}


def rig_follows_label(plan: Plan) -> bool:
    """Whether the team ticked that some inputs are captured another way for a group that goes with the
    label: a regime told to the model would then tell it the label's stratum."""
    return InputCapture.rig_follows_label in plan.constraints.data.input_capture


@rule(
    "capture-follows-label",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Capture every class alike, or test within one rig; never give the model the rig",
        "The capture differs with a group that goes with the label, so the model can learn the place, the "
        "light or the background instead of the item, and a test captured the same way scores that "
        "shortcut: photograph every class in the same place, light and background (or on the same rig), "
        "score on a sample captured alike, and keep the rig, the card or the version out of the inputs "
        "(given it, the model reads the group off it)",
        "warning",
    ),
    fires=(
        Case(
            _COINS,
            evidence=(
                f'{_PATH}: ["rig_follows_label"] (some inputs are captured in another place, light, background or '
                "rig for a group that goes with the label: the capture's look predicts the label, so the model "
                "can learn it instead of the item)",
            ),
        ),
        Case({**_COINS, "product.data_kinds": ["images", "tabular"]}),  # other inputs may carry it: medium
        Case(  # each grade photographed in the store where it is kept: the place is the shortcut
            {
                "product.data_kinds": ["images"],
                "product.output": "A quality class for each crate of apples, from a photo.",
                _PATH: ["rig_follows_label"],
            }
        ),
    ),
    quiet=(Case({**_COINS, _PATH: ["before_label"]}),),
)
def capture_follows_label(plan: Plan) -> Evidence:
    """Inputs are captured in another place, light or rig for a group that goes with the label: a shortcut.

    Another place, light or background (each grade photographed where it is stacked), another scanner,
    card, camera rig, form version or lab for a stratum that goes with the label (high-value items on a grey
    card) makes the capture's look predict the label: the model learns the place or the rig, scores well on
    a test whose images differ by class the same way, and grades a live item, all taken in one place, by a
    background it no longer has. Telling the model the regime or the rig hands it the shortcut outright.

    Mitigation: Photograph or capture every class in the same place, light and background (or on the same
    rig) from now on; recapture a sample of each group alike and score on it, not on a test captured by
    class; never give the rig, card or version as an input.
    """
    if not rig_follows_label(plan):
        return None
    note = (
        "some inputs are captured in another place, light, background or rig for a group that goes with the "
        "label: the capture's look predicts the label, so the model can learn it instead of the item"
    )
    found = (f"{_PATH}: {show([InputCapture.rig_follows_label])} ({note})",)
    kinds = set(plan.product.data_kinds)
    return found if kinds and kinds <= UNSTRUCTURED else Tempered(3, found)
