"""When each input is captured against the moment its label is decided, as the team describes today's
process (`input_capture`): an input taken at or after the label, or because of it (a photo at grading, a
note written once the fault is known), or by a step one class alone goes through (an extra close-up of the
rejects, stock images for one class), carries the label into training.

A later capture leaks only what it can show: the reading, the tag, the form naming the fault
(`shows_label`). An item only photographed hours after it was weighed or graded carries no label, unless
the label shows on it; the gap is timing, the item changed in between (label noise), so a late capture
alone is asked about, at most medium.

A team that calls its photos unchanging and sees no difference between its data and production has answered
how the rows are built, not when each photo was taken: the order of the steps settles it. Where that input is
the main signal (the photo, the recording, the document), the model learns it rather than the item.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Tempered
from planner.judgement.rules.evidence import show
from planner.plan.choices import CAPTURED, UNSTRUCTURED
from planner.plan.model import ActedBetweenRows, InputCapture, InputsBuilt, Plan

_PATH = "constraints.data.input_capture"


def _main_signal(plan: Plan) -> bool:
    """Whether the captured inputs are the model's main signal: every data kind a photo, a recording or a
    text, none a table of other fields that could outweigh them."""
    kinds = set(plan.product.data_kinds)
    return bool(kinds) and kinds <= UNSTRUCTURED


def _ticked(plan: Plan, tick: InputCapture, note: str) -> Evidence:
    """The tick, quoted with what it means; stated where the captured input is the main signal, asked
    (tempered) where other inputs may carry the model."""
    if tick not in plan.constraints.data.input_capture:
        return None
    found: tuple[str, ...] = (f"{_PATH}: {show([tick])} ({note})",)
    if plan.constraints.data.inputs_built is InputsBuilt.unchanging:
        unchanged = "unchanged since capture, but captured with the label known: the order of steps decides"
        found = (*found, f"constraints.data.inputs_built: unchanging ({unchanged})")
    return found if _main_signal(plan) else Tempered(3, found)


def after_the_label(plan: Plan) -> Evidence:
    """Some inputs show the label or are its own record (stated), or are captured at or after it (asked:
    a later capture leaks only if it can show the label; otherwise the gap is timing noise). Quiet where
    the photos or recordings show nothing of the label and nothing done changes the thing pictured (a
    mark photographed after the test that reads it): the same picture as before the label."""
    shown = (
        "some inputs show the label itself or are its own record: the reading, the tag or the form naming the "
        "fault is in the input; live, the input comes before any label"
    )
    found = _ticked(plan, InputCapture.shows_label, shown)
    if found:
        return found
    later = (
        "some inputs are captured at or after the label is decided: can the later capture show the label (a "
        "mark, a tag, a sort, a reading, what was done because of it)? If not, it is timing, not leakage: the "
        "item changed between label and capture, noise in the label"
    )
    if _unchanged_by_the_label(plan):
        return None
    ticked = _ticked(plan, InputCapture.after_label, later)
    return Tempered(3, ticked) if ticked else None


def _unchanged_by_the_label(plan: Plan) -> bool:
    """Whether each later capture is a photo or a recording, none is ticked as showing the label, and the
    team says nothing done changes the thing between its rows (only watched or recorded): the thing
    pictured after its label was decided is the thing as it was before."""
    kinds = set(plan.product.data_kinds)
    data = plan.constraints.data
    return (
        bool(kinds)
        and kinds <= CAPTURED
        and InputCapture.shows_label not in data.input_capture
        and data.acted_between_rows is ActedBetweenRows.not_acted
    )


def one_class_step(plan: Plan) -> Evidence:
    """Some inputs come from a step only one class goes through, or from another place for one class."""
    note = (
        "some inputs come from a step only one class goes through, or from another place for one class: the "
        "extra close-up, the repair form or the stock photo's look tells the class, live items carry none of "
        "it, and a test drawn the same way flatters the model"
    )
    return _ticked(plan, InputCapture.one_class_step, note)


# The rules' cases for these answers (inputs-after-prediction, class-follows-the-source).
AFTER_FIRES = (
    Case(  # photos that show the grade's tag, on a plan whose inputs are the photos: stated
        {
            "product.data_kinds": ["images"],
            "constraints.data.inputs_built": "unchanging",
            "constraints.data.differences": ["none"],
            _PATH: ["shows_label"],
        },
        evidence=(
            f'{_PATH}: ["shows_label"] (some inputs show the label itself or are its own record: the reading, '
            "the tag or the form naming the fault is in the input; live, the input comes before any label)",
            "constraints.data.inputs_built: unchanging (unchanged since capture, but captured with the label "
            "known: the order of steps decides)",
        ),
    ),
    Case(  # photos taken hours after the weighing: asked whether they can show the label
        {"product.data_kinds": ["images"], "constraints.data.differences": ["none"], _PATH: ["after_label"]},
        evidence=(
            f'{_PATH}: ["after_label"] (some inputs are captured at or after the label is decided: can the later '
            "capture show the label (a mark, a tag, a sort, a reading, what was done because of it)? If not, it "
            "is timing, not leakage: the item changed between label and capture, noise in the label)",
        ),
    ),
)
AFTER_QUIET = (
    Case(  # end-grain photos taken after the moisture test: nothing done to the board changes what is pictured
        {
            "product.data_kinds": ["images"],
            "constraints.data.differences": ["none"],
            "constraints.data.acted_between_rows": "not_acted",
            _PATH: ["after_label"],
        }
    ),
    Case({"product.data_kinds": ["images"], _PATH: ["before_label"]}),
    Case({"product.data_kinds": ["images"], _PATH: ["not_checked"]}),
)
CLASS_FIRES = (
    Case(  # an extra close-up taken of the rejected items only
        {"product.data_kinds": ["images"], _PATH: ["before_label", "one_class_step"]},
        evidence=(
            f'{_PATH}: ["one_class_step"] (some inputs come from a step only one class goes through, or from '
            "another place for one class: the extra close-up, the repair form or the stock photo's look tells "
            "the class, live items carry none of it, and a test drawn the same way flatters the model)",
        ),
    ),
)
CLASS_QUIET = (Case({"product.data_kinds": ["images"], _PATH: ["before_label"]}),)
