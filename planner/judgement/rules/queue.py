"""Rules on what a ranked queue and a rebalanced test set hide.

A queue worked from the top as far as the day allows never reaches its bottom: what scores low waits
forever unless something bounds its wait. A test set rebalanced to equal classes scores precision at a
prevalence the product never meets: the same recall and false-alarm rate give far lower precision at
the real base rate, and the arithmetic says how much. A worklist several times what people can work in
a year is mostly never reached: the value counted on all of it, and a test over all of it, say little.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import suggests_for_every_item, worked_from_the_top
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    WORKING_DAYS_PER_YEAR,
    first_said,
    items_per_month,
    monitor_paths,
    monthly_value,
    quote,
    show,
)
from planner.judgement.rules.lexicon import AT_DEPTH
from planner.judgement.rules.ordered import standing_population, whole_queue_worked
from planner.judgement.rules.rates import said_capacity
from planner.judgement.rules.words import Lexicon, mentions
from planner.judgement.rules.workload import capacity_sets_the_threshold
from planner.plan.model import ActionShape, Category, Newcomers, Plan

# Words saying low-scored items still get seen: a maximum wait, a floor, everything seen in time.
WAIT_BOUNDED = Lexicon("""
    maximum age, max age, maximum wait, longest wait, oldest first, oldest items, oldest cases, ages out
    aged items, after 30 days, within 30 days, within a week, every item is seen, every case is seen
    all items are seen, all cases are seen, everything is seen, everything gets seen, floor of, a floor
    bumped up, escalated after, escalates after, time limit, deadline for each, sla, service level
    worked to the end, the whole list, whole queue, all of them each day, cleared each day
""")

# Items someone made and waits on: a report, a request, a referral, a claim, a ticket.
WAITING = Lexicon("""
    report, reports, request, requests, referral, referrals, complaint, complaints, ticket, tickets
    claim, claims, application, applications, enquiry, enquiries, submission, submissions, appeal, appeals
    alert, alerts, incident, incidents, invoice, invoices, parcel, parcels, defect, defects
    fault, faults
""")
_ITEM_PATHS = ("product.output", "product.decision", "product.goal", "product.inputs", "title")

_WAIT_PATHS = ("product.decision", "heuristics.humans_handle", "after_launch.fallback", "product.output")


@rule(
    "queue-bottom-starves",
    Category.operations,
    likelihood=2,
    impact=3,
    move=Move(
        "Bound how long a low-scored item can wait",
        "People work the queue from the top as far as the day allows, so what scores low may never be "
        "seen: set a maximum age after which an item is seen whatever its score (or a share of each day "
        "for the oldest), and watch the age of the oldest item",
        "info",
    ),
    fires=(
        Case(
            {"product.action_shape": "top_of_queue"},
            evidence=(
                'product.action_shape: "top_of_queue" (people work down the list as far as their time '
                "allows: no answer bounds how long a low-scored item waits)",
            ),
        ),
    ),
    quiet=(
        Case(  # households ranked for an offer: the low-ranked ones wait for nothing
            {
                "title": "Rank households for a free energy check",
                "product.action_shape": "top_of_queue",
                "product.goal": "Advisers visit the households most likely to save energy.",
                "product.output": "A score per household.",
                "product.decision": "Advisers work the list from the top as far as their week allows.",
                "product.inputs": "Property age, heating type and past bills.",
            }
        ),
        Case(
            {
                "product.action_shape": "top_of_queue",
                "product.decision": "Clerks work the list from the top; anything older than a week is seen "
                "first whatever its score (maximum age).",
            }
        ),
        Case({"product.action_shape": "threshold"}),
        Case(  # the same bridges re-ranked for inspection each year: nothing arrives and waits its turn
            {
                "product.action_shape": "top_of_queue",
                "product.output": "Chance each bridge has a defect reported next year.",
                "constraints.data.newcomers": "none",
                "constraints.data.rows_per_thing": "several",
            }
        ),
        Case(  # alerts up to what investigators check a day; the rest are paid as usual, nothing waits
            {"product.action_shape": "up_to_capacity", "product.output": "Alerts on claims."}
        ),
        Case(  # people work more a day than arrives: the bottom is reached every day
            {
                "product.action_shape": "top_of_queue",
                "impact.volume": 2000,
                "impact.period": "week",
                "impact.capacity_per_day": 450,
            }
        ),
    ),
)
def queue_bottom_starves(plan: Plan) -> Evidence:
    """Low-scored items may never be seen.

    Where people work a ranked queue from the top as far as their day allows, the bottom is never
    reached: items the model scores low wait without end, and any the model scores wrongly low are
    missed for good, with nothing that shows it.

    Mitigation: Bound the wait: a maximum age after which an item is seen whatever its score, or a
    share of each day for the oldest items; monitor the age of the oldest item in the queue.
    """
    if plan.product.action_shape is not ActionShape.top_of_queue:
        return None
    if whole_queue_worked(plan):
        return None  # people work more a day than arrives: the bottom is reached every day
    if standing_population(plan):
        return None  # the same units re-ranked each round: a low one is scored again, not kept waiting
    if first_said(plan, _ITEM_PATHS, WAITING) is None:
        return None  # a population ranked for outreach (homes, members): low-ranked ones are not kept waiting
    paths = [
        *_WAIT_PATHS,
        *monitor_paths(plan),
    ]
    if first_said(plan, paths, WAIT_BOUNDED):
        return None
    note = "people work down the list as far as their time allows: no answer bounds how long a low-scored item waits"
    return (quote(plan, "product.action_shape", note),)


# Words saying the test set was rebalanced to equal (or near-equal) classes.
REBALANCED = Lexicon("""
    balanced, balanced set, balanced test set, rebalanced, re-balanced, 50/50, 50-50, equal numbers
    equal number, equal counts, as many negatives, as many positives, undersampled, under-sampled
    downsampled, down-sampled, oversampled, over-sampled, matched negatives, one negative per positive
    per class, each class equally, same number of each class, resampled, re-sampled, stratified to equal
""")

# Metrics that depend on the prevalence: precision, and what follows from it.
PRECISION = Lexicon(
    """
    precision, ppv, positive predictive value, f1, f1 score, f1-score, accuracy, false discovery rate
    """,
    unless="balanced accuracy",
)


def _rebalanced(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    paths = ["done.eval_set"]
    paths += [f"done.metrics[{i}].dataset" for i, metric in enumerate(plan.done.metrics) if metric.dataset]
    return first_said(plan, paths, REBALANCED)


@rule(
    "precision-at-test-prevalence",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Report precision at the product's prevalence, not the balanced test set's",
        "A test set rebalanced to equal classes scores precision at 50% prevalence; at the real base rate "
        "the same recall and false-alarm rate give far lower precision: keep a test set at the real "
        "prevalence, or recompute precision from recall and the false-alarm rate at it",
        "warning",
    ),
    ask="is the test set rebalanced, so precision or accuracy is scored at a prevalence the product never meets?",
    fires=(
        Case(
            {
                "done.eval_set": "A balanced test set: 600 duplicates and 600 distinct pairs.",
                "done.metrics[0].name": "Precision of the duplicate flag",
                "done.eval_rare_share": None,  # a plan that does not answer the share: the words say it
            },
            evidence=(
                'done.eval_set: "A balanced test set: 600 duplicates and 600 distinct pairs." (balanced test set)',
                'done.metrics[0].name: "Precision of the duplicate flag" (scored at about 50% prevalence; '
                "the product meets 2%: with 90% recall and 5% false alarms, precision falls from 94.7% to 26.9%)",
            ),
        ),
        Case(  # equal numbers of each of four grades drawn for the test; the field's mix not measured
            {
                "product.outcomes": ["A", "B", "C", "reject"],
                "done.eval_rare_share": 0.25,
                "constraints.data.rarest_class_share": "not measured",
                "done.metrics[0].name": "Accuracy over the four grades",
            },
            evidence=(
                "done.eval_rare_share: 0.25 (about 1/4 of 4 outcomes: the classes were drawn in equal numbers, "
                "while production's shares are not measured)",
                'done.metrics[0].name: "Accuracy over the four grades" (scored at the test set\'s prevalence, '
                "not the product's)",
            ),
        ),
        Case(  # the test's share answered, production's not: the words say it was drawn per class
            {
                "done.eval_set": "A random 15% of a set of 2,000 photos per class.",
                "done.eval_rare_share": 0.2,
                "constraints.data.rarest_class_share": "not measured",
                "done.metrics[0].name": "Accuracy",
            }
        ),
        Case(  # nobody counted the test's positives: the words still say the set was balanced
            {
                "done.eval_set": "A balanced test set: 600 duplicates and 600 distinct pairs.",
                "done.metrics[0].name": "Precision of the duplicate flag",
                "done.eval_rare_share": "not measured",
            }
        ),
    ),
    quiet=(
        Case(  # four outcomes, the rarest at 5% of the test: not drawn in equal numbers, no words say so
            {
                "product.outcomes": ["A", "B", "C", "reject"],
                "done.eval_rare_share": 0.05,
                "constraints.data.rarest_class_share": "not measured",
                "done.metrics[0].name": "Accuracy over the four grades",
            }
        ),
        Case(  # recall does not depend on the prevalence
            {
                "done.eval_set": "A balanced test set: 600 duplicates and 600 distinct pairs.",
                "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.45, "target": 0.75}],
                "done.worst_error_metric": "Recall of duplicates",
            }
        ),
        Case(
            {
                "done.eval_set": "6,000 invoices at the real mix of duplicates.",
                "done.metrics[0].name": "Precision of the duplicate flag",
            }
        ),
        Case(  # the share is answered: precision-at-eval-share reasons from it, the words stay quiet
            {
                "done.eval_set": "A balanced test set: 600 duplicates and 600 distinct pairs.",
                "done.metrics[0].name": "Precision of the duplicate flag",
                "done.eval_rare_share": 0.5,
            },
        ),
    ),
)
def precision_at_test_prevalence(plan: Plan) -> Evidence:
    """Precision is scored on a rebalanced test set.

    A test set with as many positives as negatives scores precision at 50% prevalence; the product meets
    the real base rate, often a few percent, where the same recall and false-alarm rate give a fraction
    of that precision. The target is then met on paper and missed in production.

    Mitigation: Keep a test set at the real prevalence for the headline metric, or recompute precision
    from recall and the false-alarm rate at the real base rate; report it beside the balanced figure.
    """
    eval_share = plan.done.eval_share
    if eval_share is not None and plan.constraints.data.rare_share is not None:
        return None  # both shares are answered: precision-at-eval-share reasons from them
    equal = _equal_classes(plan)
    found = _rebalanced(plan)
    if found is None and equal is None:
        return None
    names = [(i, metric.name) for i, metric in enumerate(plan.done.metrics) if PRECISION.find(metric.name)]
    if not names:
        return None
    index, _ = names[0]
    share = plan.constraints.data.rare_share
    if share is not None and 0 < share < 0.5:  # the arithmetic at the product's own base rate
        recall, alarms = 0.9, 0.05
        balanced = recall / (recall + alarms)
        real = recall * share / (recall * share + alarms * (1 - share))
        note = (
            f"scored at about 50% prevalence; the product meets {fmt.share(share)}: with 90% recall and 5% "
            f"false alarms, precision falls from {fmt.share(balanced)} to {fmt.share(real)}"
        )
    else:
        note = "scored at the test set's prevalence, not the product's"
    named = quote(plan, f"done.metrics[{index}].name", note)
    if equal is not None:  # the shares answered say it: a fact
        return (equal, named)
    path, words = found or ("", ())
    shares = () if eval_share is None else (_share_unmeasured(plan),)
    return Hint(words, (quote(plan, path, ", ".join(words)), *shares, named))


EQUAL_WITHIN = 0.15  # a rarest class within this fraction of 1/k: the k classes were drawn in equal numbers


def _equal_classes(plan: Plan) -> str | None:
    """The evaluation set's rarest share, quoted, where it says the classes the product lists were drawn in
    equal numbers (the rarest at about 1/k of k outcomes) and production's own share is not measured."""
    share, classes = plan.done.eval_share, len(plan.product.outcomes)
    if share is None or classes < 2 or plan.constraints.data.rare_share is not None:
        return None
    if abs(share * classes - 1) > EQUAL_WITHIN:
        return None
    note = (
        f"about 1/{classes} of {classes} outcomes: the classes were drawn in equal numbers, while production's "
        "shares are not measured"
    )
    return quote(plan, "done.eval_rare_share", note)


def _share_unmeasured(plan: Plan) -> str:
    """The evaluation set's rarest share, quoted beside production's, not measured."""
    note = (
        "the test's own mix; production's share is not measured, so its accuracy and precision do not carry"
    )
    return quote(plan, "done.eval_rare_share", note)


# A worklist this many times what people can work is one they mostly never reach.
BEYOND_CAPACITY = 2
_WORKED = (ActionShape.top_of_queue, ActionShape.every_item)


@rule(
    "worklist-beyond-capacity",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Size the value and the test at what people can work",
        "People reach only part of the list in a year: count the value on the items they can work (capacity x "
        "working days), judge the model on the yield of that top against today's choice, and say what happens "
        "to the rest (a floor cycle, a random share)",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.action_shape": "top_of_queue",
                "impact.volume": 9800,
                "impact.period": "year",
                "impact.capacity_per_day": 10,
                "impact.flagged_per_day": "not measured",
                "impact.share_addressed": 1.0,
                "impact.value_per_item": 25,
                "impact.value_unit": "minutes",
                "constraints.data.newcomers": "many",
            },
            also=frozenset({"queue-bottom-starves"}),
            evidence=(
                "impact.volume: 9800 a year against impact.capacity_per_day: 10 (about 2,520 a year over 252 "
                "working days): people work at most 1 item in 3.9 (25.7%); about 7,280 a year are never reached",
                "impact estimate: 9,800 x 100% x 25 = 245,000 minutes a year counts every item; at capacity at "
                "most 2,520 x 25 = 63,000",
            ),
        ),
    ),
    quiet=(
        Case(  # the value counts no item, and the test is judged at the depth people reach
            {
                "product.action_shape": "top_of_queue",
                "impact.volume": 9800,
                "impact.period": "year",
                "impact.capacity_per_day": 10,
                "impact.flagged_per_day": "not measured",
                "impact.value_per_item": None,
                "done.metrics[0].name": "Precision in the top 10 a day",
            }
        ),
        Case(  # the same assets re-ranked each week: the volume counts re-scores, not new items
            {
                "product.action_shape": "top_of_queue",
                "impact.volume": 9800,
                "impact.period": "year",
                "impact.capacity_per_day": 10,
                "impact.flagged_per_day": "not measured",
                "constraints.data.newcomers": "none",
            }
        ),
        Case(  # people work the whole list in the year
            {
                "product.action_shape": "top_of_queue",
                "impact.volume": 2000,
                "impact.period": "year",
                "impact.capacity_per_day": 10,
                "impact.flagged_per_day": "not measured",
            }
        ),
        Case(  # a cut-off flags a few: the volume is not a worklist
            {
                "product.action_shape": "threshold",
                "impact.volume": 9800,
                "impact.period": "year",
                "impact.capacity_per_day": 10,
                "impact.flagged_per_day": "not measured",
            }
        ),
    ),
)
def worklist_beyond_capacity(plan: Plan) -> Evidence:
    """The worklist is several times what people can work in a year.

    People work the list from the top, or act on every item, but the items a year are several times what
    they can handle in a year's working days: most of the list is never reached. Value counted on every
    item overstates the gain by as many times, a test scored over all items says little about the top
    they do reach, and what happens to the rest is left unsaid.

    Mitigation: Count the value on the items people can work (capacity x working days); judge the model on
    the yield of that top against today's choice at the same hours; decide what happens to the rest (a
    floor cycle, a random share that keeps the labels honest).
    """
    impact = plan.impact
    capacity, per_month = impact.capacity, items_per_month(plan)
    if plan.product.action_shape not in _WORKED or suggests_for_every_item(plan):
        return None
    if capacity is None or capacity <= 0 or per_month is None or impact.period is None:
        return None
    if impact.flagged is not None:
        return None  # flags a day against capacity: flags-exceed-capacity weighs them
    if plan.constraints.data.newcomers is Newcomers.none:
        return None  # the same things scored again each period: what is not reached now is ranked again next
    yearly, reach = 12 * per_month, WORKING_DAYS_PER_YEAR * capacity
    if yearly < BEYOND_CAPACITY * reach:
        return None
    found = [
        f"impact.volume: {show(impact.volume)} a {impact.period.value} against impact.capacity_per_day: "
        f"{said_capacity(impact)} (about {fmt.count(reach)} a year over {WORKING_DAYS_PER_YEAR} working days): "
        f"people work at most 1 item in {fmt.number(yearly / reach, significant=2)} ({fmt.share(reach / yearly)}); "
        f"about {fmt.count(yearly - reach)} a year are never reached"
    ]
    value, share = monthly_value(plan, bounded=False), impact.addressed
    metrics = plan.done.metrics
    each = impact.item_value
    if value is not None and share is not None and each and yearly * share > reach:
        unit = (impact.value_unit or "").split(" per ")[0]
        found.append(
            f"impact estimate: {fmt.count(yearly)} x {fmt.share(share)} x {show(each)} = "
            f"{fmt.count(12 * value)} {unit} a year counts every item; at capacity at most {fmt.count(reach)} x "
            f"{show(each)} = {fmt.count(reach * each)}"
        )
    elif (
        metrics
        and not any(mentions(metric.name, AT_DEPTH) for metric in metrics)
        and not worked_from_the_top(plan)
        and not capacity_sets_the_threshold(plan)  # the comparison, and the metric's depth, asked already
    ):
        found.append(
            quote(plan, "done.metrics[0].name", f"not judged on the top {show(capacity)} a day people reach")
        )
    else:
        return None  # the value counts only what people reach, and the test is judged at their depth
    return tuple(found)
