"""A percentage error on a series with many zero or near-zero periods.

MAPE divides each error by the actual value: a week with no sales is undefined (and often dropped), a
week with one sale turns an error of two units into 200%. On slow movers, small sites or weekly counts
the metric is decided by the periods that matter least, and a model that forecasts zero everywhere can
look good or bad at random. A lead asks for an error the zeros cannot break: WAPE (errors summed over
actual volume), a scaled error (MASE), or the error in units per item.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

_NUMBERS = (TaskType.regression, TaskType.forecasting)
MANY_ZEROS = 0.1  # one period in ten at zero already decides a percentage error

PERCENTAGE_ERROR = Lexicon("""
    mape, mean absolute percentage error, mean percentage error, percentage error, percent error
    mdape, median absolute percentage error, average percentage error, percentage accuracy
""")

# A metric the zeros cannot break: errors summed over volume, or scaled by a naive forecast.
ZERO_SAFE = Lexicon("""
    wape, wmape, weighted mape, weighted absolute percentage error, mase, rmsse, scaled error
    mean absolute scaled error, mae, mean absolute error, absolute error in units, pinball, pinball loss
""")

# Free text that says the series has many zero or near-zero periods.
ZERO_PERIODS = Lexicon("""
    slow mover, slow movers, slow-moving, slow moving, slow seller, slow sellers, slow-selling
    intermittent, intermittent demand, sparse demand, sparse sales, lumpy demand, lumpy
    zero sales, zero demand, zero weeks, zero days, zero periods, many zeros, mostly zeros, near-zero
    near zero, no sales in most weeks, weeks with no sales, days with no sales, weeks without sales
    days without sales, small sites, smallest sites, low-volume, low volume, low counts, small counts
    single-digit, single digit, a handful a week, a few a week, long tail of items, long-tail items
    sporadic, sporadic demand, weeks with no, days with no, months with no, many days have no
    many weeks have no, most days see none, most weeks see none, often zero, mostly zero, sells rarely
    sell rarely, rarely sold, rarely ordered, rarely bought, fewer than two units, fewer than one a week
    one or two a week, the long tail, long tail
""")

_TEXTS = (
    "product.inputs",
    "product.output",
    "product.label",
    "product.goal",
    "product.pain",
    "product.decision",
    "impact.error_harm",
    "done.eval_set",
)


@rule(
    "percentage-error-near-zero",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the forecast with an error zeros cannot break",
        "A percentage error divides by the actual: zero periods are undefined or dropped and one-unit "
        "periods swing it by hundreds of percent; use WAPE (errors summed over volume), a scaled error "
        "(MASE) or the error in units per item, and report the slow movers apart",
        "warning",
    ),
    ask="the metric is a percentage error and the series has near-zero periods: what happens at a zero?",
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "forecasting",
                "done.metrics": [
                    {"name": "Mean absolute percentage error", "target": 0.2, "direction": "lower"}
                ],
                "product.inputs": "Daily visits per small clinic; many days have no visits",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "forecasting",
                "done.metrics": [{"name": "MAPE", "target": 0.2, "direction": "lower"}],
                "product.pain": "Daily admissions per ward, often zero at night-shift wards",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.action_shape": "sets_amount",
                "product.inputs": "Weekly sales per shop and item; most items are slow movers.",
                "done.metrics": [
                    {
                        "name": "MAPE of weekly sales per item and shop",
                        "baseline": 0.4,
                        "target": 0.2,
                        "direction": "lower",
                    }
                ],
                "done.worst_error_metric": None,
            },
            evidence=(
                'done.metrics[0].name: "MAPE of weekly sales per item and shop" (a percentage error: mape; '
                "it divides by the actual, so zero and one-unit periods decide it)",
                'product.inputs: "Weekly sales per shop and item; most items are slow movers." (near-zero '
                "periods: slow movers)",
            ),
        ),
        Case(  # nobody has counted the zero periods: a low question
            {
                "product.task": "forecasting",
                "done.metrics": [{"name": "MAPE of weekly sales per item", "target": 0.2}],
                "constraints.data.zero_share": "not measured",
            },
            evidence=(
                'done.metrics[0].name: "MAPE of weekly sales per item" (a percentage error: mape; it divides by '
                "the actual)",
                'constraints.data.zero_share: "not measured" (count the periods with an actual of zero (and of '
                "one or two) before trusting it)",
            ),
        ),
        Case(  # the share of zero periods answered: the metric's name is still words
            {
                "product.task": "forecasting",
                "done.metrics": [
                    {"name": "MAPE of daily calls per branch", "target": 0.15, "direction": "lower"}
                ],
                "constraints.data.zero_share": 0.3,
            },
            evidence=(
                'done.metrics[0].name: "MAPE of daily calls per branch" (a percentage error: mape; it divides by '
                "the actual)",
                "constraints.data.zero_share: 0.3 (30% of the periods have an actual of zero: each one divides by "
                "zero)",
            ),
        ),
    ),
    quiet=(
        Case(  # the zeros counted: few
            {
                "product.task": "forecasting",
                "done.metrics": [{"name": "MAPE of daily passengers", "target": 0.1}],
                "constraints.data.zero_share": 0.0,
            }
        ),
        Case(  # few zero periods
            {
                "product.task": "forecasting",
                "done.metrics": [
                    {"name": "MAPE of daily calls per branch", "target": 0.15, "direction": "lower"}
                ],
                "constraints.data.zero_share": 0.02,
            }
        ),
        Case(  # WAPE beside it: the zeros cannot break that one
            {
                "product.task": "forecasting",
                "product.inputs": "Weekly sales per shop and item; most items are slow movers.",
                "done.metrics": [
                    {"name": "MAPE of weekly sales per item and shop", "target": 0.2},
                    {"name": "WAPE of weekly sales per item and shop", "target": 0.25},
                ],
            }
        ),
        Case(  # no near-zero periods said
            {
                "product.task": "forecasting",
                "product.inputs": "Daily passengers per station.",
                "done.metrics": [{"name": "MAPE of daily passengers", "target": 0.1}],
            }
        ),
    ),
)
def percentage_error_near_zero(plan: Plan) -> Evidence:
    """A percentage error scores a series with many zero or near-zero periods.

    MAPE divides each error by the actual value. A period with no sales or no visits is undefined and
    usually dropped; a period with one turns a two-unit miss into 200%. On slow movers, small sites or
    weekly counts the figure is decided by the periods that matter least, and it rewards forecasting
    low.

    Mitigation: Score WAPE (errors summed over actual volume), a scaled error such as MASE, or the error
    in units per item; report slow movers and small sites apart, and compare with the same baseline.
    """
    if plan.product.task not in _NUMBERS:
        return None
    paths = list(metric_name_paths(plan))
    metric = first_said(plan, [*paths, "done.worst_error_metric"], PERCENTAGE_ERROR)
    if metric is None:
        return None
    said = [answer_at(plan, path) for path in [*paths, "done.worst_error_metric"]]
    if any(ZERO_SAFE.find(text) for text in said):
        return None
    metric_path, metric_words = metric
    share = plan.constraints.data.zero_share
    if isinstance(share, float) and share >= MANY_ZEROS:  # a fact; the metric's kind is still read from words
        note = f"{fmt.share(share)} of the periods have an actual of zero: each one divides by zero"
        return Hint(
            metric_words,
            (
                quote(
                    plan,
                    metric_path,
                    f"a percentage error: {', '.join(metric_words)}; it divides by the actual",
                ),
                quote(plan, "constraints.data.zero_share", note),
            ),
        )
    zeros = first_said(plan, _TEXTS, ZERO_PERIODS)
    if zeros is None and share == "not measured":  # nobody has counted the zeros the metric divides by
        note = "count the periods with an actual of zero (and of one or two) before trusting it"
        found = (
            quote(
                plan, metric_path, f"a percentage error: {', '.join(metric_words)}; it divides by the actual"
            ),
        )
        return Hint(metric_words, (*found, quote(plan, "constraints.data.zero_share", note)), likelihood=2)
    if zeros is None:
        return None
    zero_path, zero_words = zeros
    return Hint(
        zero_words,
        (
            quote(
                plan,
                metric_path,
                f"a percentage error: {', '.join(metric_words)}; it divides by the actual, so zero and "
                "one-unit periods decide it",
            ),
            quote(plan, zero_path, f"near-zero periods: {', '.join(zero_words)}"),
        ),
    )
