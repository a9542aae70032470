"""A rule on inputs kept only as corrected since their label: the fault the label names is gone from them.

Where the archive keeps the fixed copy (the master with its errors patched, the document after its edits,
the photo retouched, the code after the fix), the inputs a model would learn from no longer show what the
label says was wrong with them: a fault-finder trained on them learns to find nothing, and a test built
from them scores on faults that are not there. A lead asks for the copies as they stood when the label was
decided (unpatched files, first drafts, versions before the fix), or for new ones captured before the fix.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import show
from planner.plan.model import Category, InputCapture, Plan

_PATH = "constraints.data.input_capture"

_PROOFS = {
    "product.data_kinds": ["text"],
    "product.output": "Flags on each contract clause a reviewer should read again.",
    _PATH: ["before_label", "corrected_since"],
}


@rule(
    "inputs-kept-corrected",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Recover the inputs as they stood when each label was decided",
        "The kept copies were corrected since the label, so the fault the label names is gone from them: "
        "recover the versions before the fix (unpatched files, first drafts, change history) or capture new "
        "cases before they are fixed, and build training and test from those alone",
        "warning",
    ),
    fires=(
        Case(
            _PROOFS,
            evidence=(
                f'{_PATH}: ["corrected_since"] (some kept copies were corrected since their label was decided: '
                "the fault the label names is gone from what the model would learn from and be tested on)",
            ),
        ),
    ),
    quiet=(Case({**_PROOFS, _PATH: ["before_label"]}), Case({**_PROOFS, _PATH: ["after_label"]})),
)
def inputs_kept_corrected(plan: Plan) -> Evidence:
    """The inputs are kept only as corrected since their label: what the label names is not in them.

    The archive holds the fixed copy (a recording with its errors patched, a contract after its
    redlines, a photo retouched, code after the fix), while the label says what was wrong before the
    fix. A model trained on those copies learns to find nothing, and a test built from them scores the
    model on faults that are no longer there, high or low by chance.

    Mitigation: Recover the copies as they stood when each label was decided (unpatched files, first
    drafts, version history), or capture new cases before they are fixed; build training and test from
    those, and check a sample by hand that the fault can be seen in each.
    """
    if InputCapture.corrected_since not in plan.constraints.data.input_capture:
        return None
    note = (
        "some kept copies were corrected since their label was decided: the fault the label names is gone "
        "from what the model would learn from and be tested on"
    )
    return (f"{_PATH}: {show([InputCapture.corrected_since])} ({note})",)
