"""A predicted number compared with a limit: the decision is a call on which side of the limit each case
falls (within spec or not, compliant or not, strong enough or not), and an error metric does not score it.

An average error, or even the largest error, says how far off the number is; what the decision needs is
how often the model puts a case on the wrong side of the limit, and how sure it is near the limit. A
lead asks for calibrated intervals, the probability of crossing the limit, and recall and precision on
the cases that truly crossed it.
"""

from __future__ import annotations

from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.errorkinds import FALSE_ALARM, MISS, counted
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Plan, Severity, TaskType

_NUMBERS = (TaskType.regression, TaskType.forecasting)

# A decision that compares the predicted number with a limit, said in words.
COMPARED_WITH_LIMIT = Lexicon("""
    legal limit, safety limit, safe limit, permitted limit, permit limit, consent limit, compliance limit
    regulatory limit, over the limit, under the limit
    above the limit, below the limit, exceeds the limit, exceed the limit, exceeds its limit, exceedance
    exceedances, out of spec, within spec, in spec, off spec, off-spec, out-of-spec, below spec, above spec
    the spec, the specification, specification limit, out of tolerance, within tolerance
    minimum strength, required strength, design strength, pass mark, pass or fail, fails the test
    non-compliant, noncompliant, required by the design, design requirement, exceeds the permit
    exceed the permit, breach the permit, breaches the permit, permit level, permitted level, allowed maximum
    maximum allowed, allowed minimum, tolerance band, outside the tolerance, outside tolerance, water standard
    quality standard, breach the threshold, breaches the threshold, above the threshold, below the threshold
    over the threshold, crosses the threshold, alarm level, alarm limit, action level, trigger level
""")

# A metric that scores the calls across the limit, or the uncertainty near it.
SCORES_CROSSING = Lexicon("""
    interval, intervals, prediction interval, prediction intervals, confidence interval, coverage
    calibration, calibrated, conformal, probability of exceeding, probability of exceedance
    probability of failure, probability of falling below, probability of breach, exceedance probability
    quantile forecast, quantile forecasts, pinball, pinball loss, lower bound, upper bound
""")

# A correlation: whether the numbers move together, blind to how far off they are (a forecast twice the
# truth, or off by a constant, correlates perfectly).
CORRELATION = Lexicon(
    """
    correlation, correlations, correlation coefficient, pearson, pearson correlation, pearson's r, pearsons r
    spearman, spearman correlation, spearman's rho, rank correlation, kendall, kendall's tau, correlates
    """,
    unless="matthews correlation, intraclass correlation, correlation with the error, correlation of errors",
)

_SHAPES_NOT_A_LIMIT = (
    ActionShape.sets_amount,
    ActionShape.top_of_queue,
    ActionShape.choose_among,
    ActionShape.up_to_capacity,
)


def _scored(plan: Plan) -> bool:
    """Whether a done metric, the worst-error metric or a monitored signal scores the calls across the
    limit (recall, precision, missed or false calls) or the uncertainty near it (intervals, coverage)."""
    texts = [metric.name for metric in plan.done.metrics]
    texts += [plan.done.worst_error_metric or ""]
    texts += [item.signal for item in plan.after_launch.monitoring if item.signal]
    for text in texts:
        reading = counted(text)
        if reading is not None and reading.kinds & {MISS, FALSE_ALARM}:
            return True
        if SCORES_CROSSING.find(text):
            return True
    return False


@rule(
    "limit-call-unscored",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Score the calls across the limit, not only the error",
        "The predicted number is compared with a limit, so what matters is which side of it each case "
        "lands: give the prediction a calibrated interval, act on the probability of crossing the limit, "
        "and score recall and precision on the cases that truly crossed it, with a floor",
        "warning",
    ),
    ask="the predicted number is compared with a limit: what scores the calls on the wrong side of it?",
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "regression",
                "product.action_shape": None,
                "product.decision": "Stop the discharge when the predicted ammonia exceeds the permit",
                "done.metrics": [{"name": "MAE", "target": 2.0, "direction": "lower"}],
                "done.worst_error_metric": None,
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "regression",
                "product.action_shape": None,
                "product.decision": "Reject parts whose predicted diameter is outside the tolerance band",
                "done.metrics": [{"name": "MAE", "target": 2.0, "direction": "lower"}],
                "done.worst_error_metric": None,
            }
        ),
        Case(  # a number with a cut-off, scored by its average error
            {
                "product.task": "regression",
                "product.action_shape": "threshold",
                "product.decision": "A batch whose predicted strength is under 30 MPa is held for a lab test.",
                "done.metrics": [{"name": "MAE of the 28-day strength, MPa", "target": 2}],
                "done.worst_error_metric": None,
                "impact.error_severity": "moderate",
                "impact.costlier_error": None,
            },
            also=frozenset({"target-beyond-human"}),  # the fixture's people agree less than the target
            evidence=(
                'product.action_shape: "threshold" (the predicted number is compared with a limit: each '
                "case is a call on one side of it)",
                'done.metrics[0].name: "MAE of the 28-day strength, MPa" (scores how far off the number '
                "is, not the calls on the wrong side of the limit)",
            ),
        ),
    ),
    quiet=(
        Case(  # recall of the batches that truly fell below the limit
            {
                "product.task": "regression",
                "product.action_shape": "threshold",
                "done.metrics": [
                    {"name": "MAE of the 28-day strength, MPa", "target": 2},
                    {"name": "Recall of batches truly under 30 MPa", "target": 0.95},
                ],
                "impact.costlier_error": None,
            }
        ),
        Case(  # calibrated intervals around the number
            {
                "product.task": "regression",
                "product.action_shape": "threshold",
                "done.metrics": [
                    {"name": "MAE of the 28-day strength, MPa", "target": 2},
                    {"name": "Coverage of the 90% prediction interval", "target": 0.9},
                ],
                "impact.costlier_error": None,
            }
        ),
        Case(  # an amount, not a limit
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "done.metrics": [{"name": "MAE of the 28-day strength, MPa", "target": 2}],
                "impact.costlier_error": None,
            }
        ),
    ),
)
def limit_call_unscored(plan: Plan) -> Evidence:
    """A predicted number is compared with a limit, and no metric scores the calls across it.

    When the decision compares a predicted value with a limit (a compliance limit, a specification, a
    required strength, a safety limit), each case is a call: within or beyond. An average error, or the
    largest errors, say how far off the number is, not how often a case that truly crossed the limit was
    called safe, nor how often a safe one was stopped. Near the limit a small error flips the call, and a
    point prediction gives no sign of how sure it is.

    Mitigation: Give the prediction a calibrated interval (checked by its coverage), act on the
    probability of crossing the limit at a cut-off set from what each wrong call costs, and score recall
    and precision on the cases that truly crossed the limit, with a floor, beside the error metric.
    """
    product = plan.product
    if product.task not in _NUMBERS or not plan.done.metrics or _scored(plan):
        return None
    names = [
        quote(
            plan,
            f"done.metrics[{index}].name",
            "a correlation: it says the numbers move together, not how far off they are nor the calls on "
            "the wrong side of the limit"
            if CORRELATION.find(metric.name)
            else "scores how far off the number is, not the calls on the wrong side of the limit",
        )
        for index, metric in enumerate(plan.done.metrics)
    ]
    if product.action_shape is ActionShape.threshold:
        shape = quote(
            plan,
            "product.action_shape",
            "the predicted number is compared with a limit: each case is a call on one side of it",
        )
        found = (shape, *names)
        severity = effective_severity(plan)
        if severity is Severity.severe:  # a wrong call at a safety limit: worth a stop
            return Tempered(4, (*found, severity_quote(plan)))
        return Tempered(1, found) if severity is Severity.minor else found
    if product.action_shape in _SHAPES_NOT_A_LIMIT:
        return None
    for where in ("product.decision", "product.output"):
        text = getattr(product, where.split(".")[1]) or ""
        words = COMPARED_WITH_LIMIT.find_all(text)
        if words:
            said = quote(plan, where, f"compares the predicted number with a limit: {', '.join(words)}")
            return Hint(words, (said, *names))
    return None


@rule(
    "correlation-taken-for-accuracy",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score how far off the numbers are, not how well they correlate",
        "A correlation says the predicted numbers rise and fall with the true ones, not that they are "
        "right: a prediction twice the truth, or off by a constant, correlates perfectly; score the error "
        "in the units the decision uses (MAE, or the share off by more than the margin that matters) and, "
        "where a cut-off acts, the calls on each side of it",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "regression",
                "done.metrics": [{"name": "Pearson correlation with the lab value", "target": 0.9}],
            },
            also=frozenset({"target-beyond-human"}),  # the fixture's people agree less than the target
            evidence=(
                'done.metrics[0].name: "Pearson correlation with the lab value" (pearson correlation: it says '
                "the numbers move together, not how far off they are)",
            ),
        ),
    ),
    quiet=(
        Case(  # an error in units beside the correlation
            {
                "product.task": "regression",
                "done.metrics": [
                    {"name": "Pearson correlation with the lab value", "target": 0.9},
                    {"name": "MAE in mg/l", "target": 0.5},
                ],
            }
        ),
        Case(  # a class, scored by Matthews correlation
            {
                "product.task": "classification",
                "done.metrics": [{"name": "Matthews correlation", "target": 0.6}],
            }
        ),
    ),
)
def correlation_taken_for_accuracy(plan: Plan) -> Evidence:
    """A predicted number is judged only by how well it correlates with the truth.

    A correlation (Pearson, Spearman, a rank correlation) says the predictions rise and fall with the
    true values; it is blind to how far off they are. A model that predicts twice the truth, or the truth
    plus a constant, scores a perfect correlation, and over a wide range of values a high correlation
    hides large errors in the narrow band where the decision is taken.

    Mitigation: Score the error in the units the decision uses (MAE, the share of cases off by more than
    the margin that matters), in the range where action is taken; where a cut-off acts, score the calls
    on each side of it; keep the correlation only as a second figure.
    """
    if plan.product.task not in _NUMBERS or not plan.done.metrics:
        return None
    said = [CORRELATION.find(metric.name) for metric in plan.done.metrics]
    if not all(said):
        return None  # another metric scores the error
    if CATALOGUE["limit-call-unscored"].check(plan):
        return None  # compared with a limit: that rule names the correlation and asks for the calls
    note = f"{said[0]}: it says the numbers move together, not how far off they are"
    return (quote(plan, "done.metrics[0].name", note),)
