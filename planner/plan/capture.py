"""The fixed answers on when each input is captured against the moment its label is decided, in today's
process: before it and alike for every class, after it (or because of it), by a step one class alone goes
through, in a place or on a rig that goes with the class, or showing the label itself; and what a forecast's backtest feeds where live it has only forecasts. Plain enums and how each
reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class InputCapture(StrEnum):
    """When each input is captured against the label's decision, and whether alike for every class."""

    before_label = "before_label"
    after_label = "after_label"
    shows_label = "shows_label"
    one_class_step = "one_class_step"
    rig_follows_label = "rig_follows_label"
    corrected_since = "corrected_since"
    not_checked = "not_checked"


class BacktestFeeds(StrEnum):
    """What a forecast's backtest feeds for an input observed in the data but only forecast live."""

    observed = "observed"
    as_issued = "as_issued"
    stand_in = "stand_in"
    both = "both"
    not_checked = "not_checked"


CAPTURE_LABELS: dict[type[Enum], dict[str, str]] = {
    InputCapture: {
        "before_label": "before the label is decided, the same way for every item",
        "after_label": "some at or after the label is decided, or because of it (a photo taken at grading or "
        "after it, a note written once the fault is known)",
        "shows_label": "some show the label, or what was done because of it, or are its own record (the scale's "
        "reading, the grade's tag or the crate it was sorted into in the photo; the form that names the fault)",
        "one_class_step": "some in a step only one class goes through, or from another place for one class "
        "(an extra close-up of rejected items, a repair form, stock or catalogue images for one class)",
        "rig_follows_label": "some captured in another place, light or background, or on another scanner, "
        "card, rig, form version or lab, for a group that goes with the label (each grade photographed where "
        "it is stacked; items above a value scanned on a grey card)",
        "corrected_since": "some kept copies were corrected since the label was decided (the fault patched, "
        "re-recorded, edited or retouched), so what is kept no longer shows what the label names",
        "not_checked": "not checked",
    },
    BacktestFeeds: {
        "observed": "the values observed in the period predicted",
        "as_issued": "the forecasts as they were issued at each prediction (an archive of forecasts)",
        "stand_in": "a stand-in known at each prediction (a seasonal average, a climatology, a lagged value)",
        "both": "the observed values and a stand-in or the issued forecasts, each scored apart",
        "not_checked": "not checked",
    },
}
