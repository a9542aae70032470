"""A target tighter than the label's own error.

A label read off an instrument or a lab method carries that method's error: two readings of the same
sample differ by its repeatability. The test scores the model against one reading, so even a perfect
model shows an error about that size, and a target below it cannot be met or shown. A lead compares the
target (and today's baseline) with the label's noise before anyone models: replicate readings on the
test set average the noise down, or the target is set above the floor.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, show
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, Plan

# A metric in other units than the label's: a percentage, a share explained, a correlation.
_OTHER_UNITS = Lexicon(
    """
    mape, percentage error, percent error, percentage, percent, wape, wmape, smape, r2, r-squared, r squared
    explained variance, correlation, mase, scaled error, relative error, share, rate
    mse, mean squared error, squared error, rmsle
""",
    unless="percentage points, percentage point, percent points",
)  # the label's own units (fat %)

_REGRESSION = {
    "product.task": "regression",
    "constraints.data.labels": ["outcomes"],
    "constraints.data.label_error": 0.4,
}


@rule(
    "target-below-label-noise",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Set the target above the label's own error, or measure the label again",
        "Two readings of the same case differ by the label's own error, so a model scored against one "
        "reading cannot show a smaller error; read each test case two or three times and score against "
        "their mean, or set the target above the noise floor",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            _REGRESSION
            | {
                "done.metrics": [
                    {"name": "MAE of fat content", "baseline": 0.6, "target": 0.3, "direction": "lower"}
                ]
            },
            evidence=(
                'done.metrics[0]: "MAE of fat content" targets 0.3, below the label\'s own error',
                "constraints.data.label_error: 0.4 (two readings of one case differ by that much: even a perfect "
                "model scores about 0.4 against one reading)",
            ),
        ),
        Case(
            _REGRESSION
            | {
                "done.metrics": [
                    {
                        "name": "Mean absolute error",
                        "baseline": 0.35,
                        "relative_target": 0.2,
                        "direction": "lower",
                    }
                ]
            },
            evidence=(
                'done.metrics[0]: "Mean absolute error" targets 0.28, below the label\'s own error',
                "constraints.data.label_error: 0.4 (two readings of one case differ by that much: even a perfect "
                "model scores about 0.4 against one reading)",
                "done.metrics[0].baseline: 0.35 (today's method is already inside the label's noise: no gain "
                "over it can be shown on these labels)",
            ),
        ),
    ),
    quiet=(
        Case(  # the target sits above the noise floor
            _REGRESSION
            | {
                "done.metrics": [
                    {"name": "MAE of fat content", "baseline": 0.9, "target": 0.6, "direction": "lower"}
                ]
            }
        ),
        Case(_REGRESSION | {"constraints.data.label_error": "not measured"}),
        Case(  # a percentage error is in other units than the label's
            _REGRESSION
            | {"done.metrics": [{"name": "MAPE of fat content", "target": 0.05, "direction": "lower"}]}
        ),
    ),
)
def target_below_label_noise(plan: Plan) -> Evidence:
    """The target error is below the label's own error.

    The label is a reading (a lab method, an instrument, a meter) that repeats only to within some error;
    the test compares the model with one reading, so a perfect model still shows that error, and a
    target below it can be neither met nor shown. A baseline already inside the noise leaves no gain to
    show either.

    Mitigation: Read each test case two or three times and score against the mean (the noise shrinks
    with the square root of the readings), or set the target above the label's error; report the floor
    beside the model's figure.
    """
    noise = plan.constraints.data.label_error
    if isinstance(noise, str) or not noise or not plan.done.metrics:
        return None
    metric = plan.done.metrics[0]
    goal = metric.goal()
    if metric.direction is not Direction.lower_is_better or goal is None or goal >= noise:
        return None
    if _OTHER_UNITS.find(metric.name):
        return None  # a percentage or a share: not in the label's units
    said = [
        f'done.metrics[0]: "{metric.name}" targets {show(float(goal))}, below the label\'s own error',
        quote(
            plan,
            "constraints.data.label_error",
            f"two readings of one case differ by that much: even a perfect model scores about {show(float(noise))} "
            "against one reading",
        ),
    ]
    baseline = metric.baseline_figure
    if baseline is not None and baseline <= noise:
        said.append(
            quote(
                plan,
                "done.metrics[0].baseline",
                "today's method is already inside the label's noise: no gain over it can be shown on these labels",
            )
        )
    return tuple(said)
