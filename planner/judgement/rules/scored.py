"""Rules on what one score of the done metric counts, against what one decision acts on.

`done.metric_unit` says it: each decision as it is taken, parts of a decision (lines of an order,
frames of a clip, events inside an alert's period), or decisions pooled in a total or an average over
a period or a site. A per-part score can look fine while whole decisions are mostly wrong (one wrong
line spoils an order); a pooled figure lets over- and under-estimates cancel, and hides which way the
costlier error runs. Words of free text only ask (acting's scored-unit-differs, action's
amount-scored-in-aggregate); the structured answer decides.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.rates import said_capacity
from planner.judgement.rules.units import singular
from planner.judgement.rules.words import words_of
from planner.plan.choices import label
from planner.plan.fields import is_answered
from planner.plan.model import (
    ActionShape,
    Category,
    ErrorCost,
    MetricUnit,
    Mode,
    OnlineValidation,
    Plan,
    RowsPerThing,
    TaskType,
)
from planner.plan.oversight import CheckedOutputs

_COST = {
    ErrorCost.too_low: "too low costs more: a pooled figure nets the shortfalls against the surpluses",
    ErrorCost.too_high: "too high costs more: a pooled figure nets the surpluses against the shortfalls",
    ErrorCost.false_negative: "a miss costs more: a pooled count nets the misses against the false alarms",
    ErrorCost.false_positive: "a false alarm costs more: a pooled count nets them against the misses",
}


def decision_and_metrics(plan: Plan) -> list[str]:
    """The decision the metric should score (what is decided, how the output is acted on) and the metrics."""
    found = []
    if is_answered(plan.product.decision):
        found.append(quote(plan, "product.decision"))
    shape = plan.product.action_shape
    if shape is not None:
        found.append(quote(plan, "product.action_shape", label(shape)))
    found += [quote(plan, f"done.metrics[{index}].name") for index in range(min(2, len(plan.done.metrics)))]
    return found


def _grave(plan: Plan) -> str | None:
    """The answer saying a wrong decision is acted on unchecked or hurts badly."""
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode", "each decision is acted on with nobody checking it")
    if serious_harm(plan):
        return severity_quote(plan)
    return None


def pooled(plan: Plan, note: str) -> Evidence:
    """Evidence that the done metric pools decisions (`done.metric_unit: pooled`): medium, higher where one
    error costs more than the other (a pooled figure cannot show which way it errs), high where that
    decision also acts unchecked or hurts badly."""
    if plan.done.metric_unit is not MetricUnit.pooled:
        return None
    found = [quote(plan, "done.metric_unit", note), *decision_and_metrics(plan)]
    cost = plan.impact.costlier_error
    if cost not in _COST:
        return Tempered(3, found)
    found.append(quote(plan, "impact.costlier_error", _COST[cost]))
    grave = _grave(plan)
    return (*found, grave) if grave else Tempered(4, found)


def _confirmed_value_by_value(plan: Plan) -> bool:
    """An extraction whose every value a person confirms before it is used: decided value by value."""
    return (
        plan.product.task is TaskType.extraction
        and plan.product.checked_outputs is CheckedOutputs.every_before
    )


@rule(
    "metric-scores-parts",
    Category.model,
    likelihood=5,
    impact=3,
    move=Move(
        "Score each decision as it is taken, not its parts",
        "A decision acts on a whole (an order, a clip, an alert's period, a patient) while the done metric "
        "scores its parts: one wrong line spoils an order and twenty right frames do not make a right clip; "
        "agree how the parts' outputs make the decision (any line, the worst frame) and score the decisions",
        "warning",
    ),
    instead=(
        Instead(_confirmed_value_by_value, None, "Keep the share of documents read wholly right beside it."),
    ),
    fires=(
        Case(
            {"done.metric_unit": "parts"},
            evidence=(
                'done.metric_unit: "parts" (the metric scores parts of a decision, while the decision acts on '
                "the whole)",
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run."',
                'product.action_shape: "threshold" (each case above a cut-off is acted on)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
            ),
        ),
        Case(  # acted on unchecked: high
            {"done.metric_unit": "parts", "product.mode": "automate"},
            evidence=(
                'done.metric_unit: "parts" (the metric scores parts of a decision, while the decision acts on '
                "the whole)",
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run."',
                'product.action_shape: "threshold" (each case above a cut-off is acted on)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
                'product.mode: "automate" (each decision is acted on with nobody checking it)',
            ),
        ),
        Case(  # lab values read off scanned results, each confirmed by a nurse before it is used: a low note
            {
                "done.metric_unit": "parts",
                "product.task": "extraction",
                "product.checked_outputs": "every_before",
                "impact.error_severity": "severe",
                "done.metrics[0].name": "Value accuracy on potassium and creatinine",
            },
        ),
        Case(  # values read from claims forms and written unchecked: per-field scores hide wrong forms
            {
                "done.metric_unit": "parts",
                "product.task": "extraction",
                "product.checked_outputs": "sample_after",
                "product.mode": "automate",
            },
        ),
    ),
    quiet=(
        Case({}),  # each decision as it is taken
        Case({"done.metric_unit": "pooled"}),
        Case({"done.metric_unit": None}),
    ),
)
def metric_scores_parts(plan: Plan) -> Evidence:
    """The done metric scores parts of a decision that acts on the whole.

    An order is confirmed or held, a clip kept or cut, an alert raised for a period, a patient treated:
    the decision acts on the whole while the metric counts its lines, frames, events or images. A
    per-part score can look fine while most whole decisions are wrong (one wrong line spoils an order,
    twenty right frames do not make a right clip), and a whole with many parts weighs more than one
    with few.

    Mitigation: Agree how the parts' outputs make the decision (any line flagged, the worst frame, the
    alert for the period), and score each decision as it is taken (per order, per clip, per alert period,
    per patient); keep the per-part score as a diagnostic.
    """
    if plan.done.metric_unit is not MetricUnit.parts:
        return None
    note = "the metric scores parts of a decision, while the decision acts on the whole"
    found = [quote(plan, "done.metric_unit", note), *decision_and_metrics(plan)]
    if (
        plan.product.task is TaskType.extraction
        and plan.product.checked_outputs is CheckedOutputs.every_before
    ):
        # a person confirms each value before it is used: the decision is taken value by value
        said = "a person confirms each value before it is used: the decision is taken part by part"
        return Tempered(1, (*found, quote(plan, "product.checked_outputs", said)))
    grave = _grave(plan)
    return (*found, grave) if grave else Tempered(3, found)


# A live test that compares randomised arms: a total per arm (bookings, conversion) is how it reads the effect.
_RANDOMISED = (OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.interleaving)
# Decisions with no cut-off whose misses a count could net against false alarms: an order, a choice, every item.
_NO_CUT_OFF = (ActionShape.top_of_queue, ActionShape.choose_among, ActionShape.every_item)


@rule(
    "decisions-scored-pooled",
    Category.model,
    likelihood=5,
    impact=3,
    move=Move(
        "Score each decision as it is taken, not a total over the period",
        "A total or an average over a month or a site lets errors cancel: a count of flags that matches the "
        "count of events says nothing of whether the right cases were flagged; score each decision (per case, "
        "per day, per site) and report the costlier error apart",
        "warning",
    ),
    fires=(
        Case(
            {"done.metric_unit": "pooled"},
            evidence=(
                'done.metric_unit: "pooled" (a total or an average over a period or a site: errors of single '
                "decisions cancel in it)",
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run."',
                'product.action_shape: "threshold" (each case above a cut-off is acted on)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
                'impact.costlier_error: "false_negative" (a miss costs more: a pooled count nets the misses '
                "against the false alarms)",
            ),
        ),
        Case(  # both errors cost alike: medium
            {"done.metric_unit": "pooled", "impact.costlier_error": "similar"},
        ),
    ),
    quiet=(
        Case({}),
        Case(  # a ranked order judged by an A/B test: bookings per arm is the test's read of the effect
            {
                "done.metric_unit": "pooled",
                "product.action_shape": "top_of_queue",
                "done.online_validation": "a_b_test",
                "product.decision": "Order the open pitches each groundsman sees by expected damage.",
            }
        ),
        Case(  # an amount: amount-scored-in-aggregate says it
            {"done.metric_unit": "pooled", "product.action_shape": "sets_amount"},
            also=frozenset({"amount-scored-in-aggregate"}),
        ),
    ),
)
def decisions_scored_pooled(plan: Plan) -> Evidence:
    """The done metric pools decisions in a total or an average over a period or a site.

    Each case is flagged, routed or chosen on its own, while the metric is a total or an average over a
    month, a site or all items: a count of flags that matches the count of events, or a monthly rate
    that looks right, lets the wrong cases on one side cancel those on the other, and hides which way
    the costlier error runs.

    Mitigation: Score each decision as it is taken (per case, per day, per site), with precision and
    recall or the cost of each kind of error; keep the pooled figure as a second one.
    """
    shape = plan.product.action_shape
    if shape is ActionShape.sets_amount:
        return None  # an amount set per site or day: amount-scored-in-aggregate says it
    if plan.done.online_validation in _RANDOMISED and shape in _NO_CUT_OFF:
        return (
            None  # an order or a choice read by a randomised test: its pooled outcome per arm is the effect
        )
    return pooled(
        plan, "a total or an average over a period or a site: errors of single decisions cancel in it"
    )


@rule(
    "metric-unit-unchecked",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Check what one score of the done metric counts",
        "Where an amount is set per site or day, or several rows describe one thing, a metric may count "
        "rows or totals rather than the decisions: write down what one score counts, and score each "
        "decision as it is taken",
    ),
    fires=(
        Case(
            {"done.metric_unit": "not_checked", "product.action_shape": "sets_amount"},
            evidence=(
                'done.metric_unit: "not_checked" (nobody checked what one score counts)',
                'product.action_shape: "sets_amount" (an amount is set per site, day or shift: is the metric '
                "scored at that unit, or pooled over the whole?)",
            ),
        ),
        Case(
            {
                "done.metric_unit": "not_checked",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one supplier's invoice",
            },
            also=frozenset({"random-split-on-grouped-data"}),
        ),
    ),
    quiet=(
        Case({"done.metric_unit": "not_checked"}),  # a cut-off on each invoice: the decision is per item
        Case(  # the metric's words already ask whether it pools the amounts
            {
                "done.metric_unit": "not_checked",
                "product.action_shape": "sets_amount",
                "done.metrics[0].name": "Chain-wide MAPE of weekly demand",
            },
            also=frozenset({"amount-scored-in-aggregate"}),
        ),
        Case({"product.action_shape": "sets_amount"}),  # checked: each decision as it is taken
    ),
)
def metric_unit_unchecked(plan: Plan) -> Evidence:
    """Nobody checked what one score of the done metric counts, where the decision is not per row.

    An amount is set per site, day or shift, or several rows describe one thing: a metric computed the
    easy way counts rows (lines, frames, visits) or totals over the period, not the decisions, and a
    good score then says little about them.

    Mitigation: Write down what one score of the done metric counts, and make it one decision as it is
    taken (one amount per site and day, one verdict per thing after merging its rows).
    """
    if plan.done.metric_unit is not MetricUnit.not_checked:
        return None
    found = [quote(plan, "done.metric_unit", "nobody checked what one score counts")]
    amount = plan.product.action_shape is ActionShape.sets_amount
    if amount and CATALOGUE["amount-scored-in-aggregate"].check(plan) is not None:
        return None  # the metric's words already ask whether it pools the amounts
    if amount:
        note = "an amount is set per site, day or shift: is the metric scored at that unit, or pooled over the whole?"
        found.append(quote(plan, "product.action_shape", note))
    if plan.constraints.data.rows_per_thing is RowsPerThing.several:
        note = "several rows describe one thing: does the metric count rows or things?"
        found.append(quote(plan, "constraints.data.rows_per_thing", note))
    if len(found) == 1:
        return None  # as far as the answers tell, each decision is about one case
    return Tempered(2 if len(found) == 2 else 3, found)


# Words of `repeated_unit` that name no thing: `one customer account (about 6 invoices each)` names
# customer and account.
_NOT_A_THING = frozenset(
    words_of(
        """one a an the same single whole each every of per our their its his her about with and or from in on
    at for by thing things item items record records row rows entity entities unit units case cases
    example examples seen once twice several many few over time"""
    )
)

# A score for the thing over a period (`this month`, `each run`, `weekly`): its rows are its periods, not parts.
_PERIODIC = re.compile(
    r"\b(?:this|each|per|every|a|next)\s+(?:day|week|month|quarter|year|shift|season|run|visit|cycle)\b"
    r"|\b(?:daily|weekly|monthly|quarterly|yearly|annual|annually)\b",
    re.IGNORECASE,
)

# `(about 6 open invoices each)`, `30 photos per site`: how many rows one thing has.
_ROWS_EACH = re.compile(r"\b(\d+)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:each|per|a|an)\b", re.IGNORECASE)


def parent_nouns(unit: str | None) -> set[str]:
    """The nouns, singular, of what several rows describe (`one customer account (about 6 open invoices
    each)` -> customer, account): the words before a bracket or a comma, less those naming no thing."""
    if not unit or says_nothing(unit):
        return set()
    head = re.split(r"[(,;:]| - ", unit, maxsplit=1)[0]
    words = [word.removesuffix("'s").removesuffix("’s") for word in words_of(head)]
    return singular(" ".join(word for word in words if word.isalpha() and word not in _NOT_A_THING))


def _nouns(text: str | None) -> set[str]:
    if not text:
        return set()
    words = [word.removesuffix("'s").removesuffix("’s") for word in words_of(text)]
    return singular(" ".join(word for word in words if word.isalpha()))


def _measured_texts(plan: Plan) -> list[str | None]:
    """What the model scores and what the done metric counts: the output, the label, the test set, the metrics."""
    texts = [plan.product.output, plan.product.label, plan.done.eval_set]
    for metric in plan.done.metrics:
        texts += [metric.name, metric.dataset]
    return texts


@rule(
    "decision-on-parent-of-rows",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the thing people act on, not its rows",
        "Several rows (invoices, visits, frames) make one thing (an account, a patient, a site) and the "
        "decision acts on that thing, while the model and the metric count rows: a thing with many rows "
        "weighs more, and the score says little of the decisions; roll the rows up to the thing and score "
        "what is acted on in a day (the top things at capacity)",
        "warning",
    ),
    ask="the decision acts on the thing several rows describe, while the model and metric count rows?",
    fires=(
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "One customer account (about 6 open invoices each)",
                "product.decision": "An agent phones the customer at the top about all their invoices.",
                "impact.capacity_per_day": 270,
            },
            evidence=(
                'constraints.data.repeated_unit: "One customer account (about 6 open invoices each)" (about 6 '
                "rows to a customer: a metric over rows counts each customer about 6 times, the ones with most "
                "rows most)",
                'product.decision: "An agent phones the customer at the top about all their invoices." '
                "(the decision acts on the customer, while the output, the label, the test set "
                "and the metrics name no customer: a metric over rows weighs each customer by its rows)",
                'done.metric_unit: "decision" (ticked, yet nothing scored names the customer: check the tick)',
                "impact.capacity_per_day: 270 (score what is acted on: the top 270 customers a day, and what "
                "they hold)",
            ),
        ),
        Case(  # nothing ticked: a site inspected, its photos scored
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one site, photographed 30 to 50 times",
                "product.decision": "An inspector visits each site the model ranks worst.",
                "done.metric_unit": None,
                "impact.capacity_per_day": None,
            },
        ),
    ),
    quiet=(
        Case({}),  # one row per invoice
        Case(  # the metric counts accounts
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "One customer account (about 6 open invoices each)",
                "product.decision": "An agent phones the customer at the top about all their invoices.",
                "done.metrics[0].name": "Overdue cash in the top 270 customers a day",
            }
        ),
        Case(  # the account's months: each row is the account at a time, scored as such
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one account",
                "product.decision": "The customer team writes to the holder of each flagged account.",
                "product.output": "Probability of a leak on the customer's side this month.",
            }
        ),
        Case(  # the decision is about each row, not the customer
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one customer (many orders)",
                "product.decision": "A clerk holds each flagged order before it ships.",
            }
        ),
        Case(  # the team said the metric scores parts: metric-scores-parts says it
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one site",
                "product.decision": "An inspector visits each site the model ranks worst.",
                "done.metric_unit": "parts",
            },
            also=frozenset({"metric-scores-parts", "random-split-on-grouped-data"}),
        ),
    ),
)
def decision_on_parent_of_rows(plan: Plan) -> Evidence:
    """The decision acts on the thing several rows describe, while the model and metric count the rows.

    Rows are invoices, visits, frames or questions, and several describe one account, patient, site or
    tender; people act on that one (a call covers all of the account's invoices, an inspection the whole
    site). A metric over rows weighs each thing by its number of rows, and scores no decision as taken:
    a day's calls go to the top accounts, not to the top invoices.

    Mitigation: Roll the rows' scores up to the thing acted on (the highest, or the expected value
    summed), and score that: per account, per site, for the things acted on in a day at capacity (the
    top 270 accounts a day); keep the per-row figure as a diagnostic.
    """
    data = plan.constraints.data
    if data.rows_per_thing is not RowsPerThing.several:
        return None
    if plan.done.metric_unit not in (None, MetricUnit.decision):
        return None  # parts or pooled said so; not checked asks it (metric-unit-unchecked)
    if any(
        _PERIODIC.search(text or "") for text in (data.repeated_unit, plan.product.output, plan.product.label)
    ):
        return None  # the rows are the thing's periods (its months, its runs): each is a decision in turn
    parents = parent_nouns(data.repeated_unit)
    acted = sorted(parents & _nouns(plan.product.decision))
    if not acted or any(parents & _nouns(text) for text in _measured_texts(plan)):
        return None  # the decision is about a row, or something scored names the thing already
    parent = acted[0]
    rows = _ROWS_EACH.search(data.repeated_unit or "")
    note = "several rows describe one thing; which is acted on?"
    if rows:
        note = (
            f"about {rows.group(1)} rows to a {parent}: a metric over rows counts each {parent} about "
            f"{rows.group(1)} times, the ones with most rows most"
        )
    found = [
        quote(plan, "constraints.data.repeated_unit", note),
        quote(
            plan,
            "product.decision",
            f"the decision acts on the {parent}, while the output, the label, the test set and the metrics "
            f"name no {parent}: a metric over rows weighs each {parent} by its rows",
        ),
    ]
    if plan.done.metric_unit is MetricUnit.decision:
        note = f"ticked, yet nothing scored names the {parent}: check the tick"
        found.append(quote(plan, "done.metric_unit", note))
    capacity = plan.impact.capacity
    if capacity is not None and capacity > 0:
        note = f"score what is acted on: the top {fmt.number(capacity, significant=2)} {parent}s a day, and what they hold"
        found.append(f"impact.capacity_per_day: {said_capacity(plan.impact)} ({note})")
    return Hint(tuple(acted), found)
