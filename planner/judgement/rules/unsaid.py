"""Rules on what a plan leaves unsaid where a lead would insist: an owner, monitoring or a worst-error metric
for a model that decides alone or can hurt; a price per call never multiplied by the volume; an earlier
stage's recall where the inputs are retrieved (what people can handle: `flagload`).

Elsewhere an unanswered field never fires (`bank.completeness` counts those); here the structured
answers (automate mode, a serious or severe error, a price per call, people acting on flags) make the
silence itself the risk. The same questions block the start (`advice.blocking`); this puts them in the
register, where a decision is recorded.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    Case,
    Evidence,
    Hint,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.done import metric_blind_to_harm
from planner.judgement.rules.evidence import (
    answer_is,
    items_per_month,
    quote,
    show,
)
from planner.judgement.rules.harm import severity_is
from planner.judgement.rules.lexicon import RETRIEVED
from planner.judgement.rules.setup import TINY_MONTHLY_BILL, runs_once
from planner.plan.fields import answered_at
from planner.plan.model import Category, Mode, Plan, Severity, Status, TaskType


@rule(
    "automation-unanswered",
    Category.operations,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {
                "product.mode": "automate",
                "after_launch.owner": None,
                "after_launch.monitoring": None,
            },
            evidence=(
                'product.mode: "automate"',
                "after_launch.owner: not answered (nobody has said who watches, retrains and answers for the "
                "model once it is live)",
                "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)",
            ),
        ),
        Case(  # serious errors, the harm written, no metric said to count it
            {
                "impact.error_severity": "severe",
                "done.worst_error_metric": None,
            },
            evidence=(
                'impact.error_severity: "severe"',
                "done.worst_error_metric: not answered (nobody has said which done metric counts the harm: "
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we...")',
            ),
        ),
    ),
    quiet=(
        Case({"product.mode": "augment", "after_launch.owner": None, "after_launch.monitoring": None}),
        Case({"product.mode": "automate"}),  # all answered
        Case({"impact.error_severity": "moderate", "done.worst_error_metric": None}),
    ),
)
def automation_unanswered(plan: Plan) -> Evidence:
    """Nobody has said who owns, watches or measures a model that decides alone or can hurt.

    A model that acts without a person, or whose errors are serious, needs an owner once it is live,
    signals that show it going wrong, and a done metric that counts its worst error; left unanswered,
    these are the gaps that let it decay or do harm unseen, whatever the model's score.

    Mitigation: Name the team that owns the model once live, the monitored signals with thresholds and
    who is alerted, and the done metric that counts the worst error, before building.
    """
    automating = answer_is(plan, "product.mode", Mode.automate)
    serious = severity_is(plan, Severity.serious, Severity.severe)
    if not automating and not serious:
        return None
    gaps = []
    if not answered_at(plan, "after_launch.owner"):
        gaps.append(
            "after_launch.owner: not answered (nobody has said who watches, retrains and answers for the model "
            "once it is live)"
        )
    if not answered_at(plan, "after_launch.monitoring"):
        gaps.append(
            "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)"
        )
    blind = metric_blind_to_harm(plan) is not None  # already says the metric misses the harm
    if serious and plan.impact.error_harm and not blind and not answered_at(plan, "done.worst_error_metric"):
        harm = quote(plan, "impact.error_harm")
        gaps.append(
            f"done.worst_error_metric: not answered (nobody has said which done metric counts the harm: {harm})"
        )
    if not gaps:
        return None
    found = (*(automating or ()), *(serious or ()), *gaps)
    # A model that decides alone where an error is severe, with these unsaid, is a stop; otherwise a gap.
    severe = severity_is(plan, Severity.severe)
    return found if automating and severe else Tempered(3, found)


@rule(
    "monitoring-unanswered-live",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Name the live signals that show the model going wrong, with thresholds",
        "A model people act on decays unseen once inputs or behaviour shift; before it goes live, pick the "
        "signals (input drift, flag rate, people's override rate, the outcome when it arrives), their "
        "thresholds, and who is alerted",
        "warning",
    ),
    fires=(
        Case(
            {"status": "building", "after_launch.monitoring": None},
            evidence=(
                'status: "building" (the model is on its way to live use, and people act on it: product.mode '
                'is "augment")',
                "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)",
            ),
        ),
    ),
    quiet=(
        Case({"after_launch.monitoring": None}),  # in review: asked before it goes live
        Case({"status": "building"}),  # monitored
    ),
)
def monitoring_unanswered_live(plan: Plan) -> Evidence:
    """Nobody has said what shows the model going wrong once it is live.

    A model people act on is being built or already serves, and no signal is named that would show it
    decaying: drift in its inputs, a flag rate that moves, people overriding it more often, or the outcome
    when it arrives; without them the first sign is a complaint.

    Mitigation: Before it goes live, name the monitored signals with thresholds and who is alerted, and
    log people's overrides from the first day.
    """
    if plan.status not in (Status.building, Status.shipped) or plan.product.mode is not Mode.augment:
        return None  # automate: automation-unanswered asks; before building: the essentials ask
    if answered_at(plan, "after_launch.monitoring") or runs_once(plan):
        return None  # said, or a one-off batch job with nothing left running to watch
    return (
        quote(
            plan,
            "status",
            'the model is on its way to live use, and people act on it: product.mode is "augment"',
        ),
        "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)",
    )


_NEGLIGIBLE_BILL = 50  # a month, in the plan's currency: below it no lead asks for a budget


@rule(
    "running-cost-from-volume",
    Category.cost,
    likelihood=4,
    impact=4,
    move=Move(
        "Work out the monthly bill from the volume, and bound it",
        "A price per call is no bill until it is multiplied by the calls a month; count the calls (one "
        "per item or more), set a monthly budget, and cut calls (cache, batch, a smaller model) to fit",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.cost_per_prediction": 0.05,
            },
            evidence=(
                "constraints.compute.predictions_per_period: not answered; impact.volume: 12,000 a month taken "
                "as one call each x cost_per_prediction €0.05 = €600 a month",
                "constraints.compute.budget_per_month: 200 (EUR): the bill is 3 times the budget",
            ),
        ),
        Case(  # no budget either: nobody has bounded the bill
            {
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.budget_per_month": None,
                "constraints.compute.cost_per_prediction": 0.01,
            },
            evidence=(
                "constraints.compute.predictions_per_period: not answered; impact.volume: 12,000 a month taken "
                "as one call each x cost_per_prediction €0.01 = €120 a month",
                "constraints.compute.budget_per_month: not answered (nobody has bounded the bill)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.cost_per_prediction": 0.01,
            }
        ),
        Case({"constraints.compute.cost_per_prediction": 0.05}),  # the calls are counted: cost-over-budget
        Case(  # no money set aside, but 500 calls a month at 5 cents is 25 a month: nothing to bound
            {
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.cost_per_prediction": 0.05,
                "impact.volume": 6000,
                "impact.period": "year",
            }
        ),
        Case(  # no budget, but the computed bill is pocket money (€24 a month): nothing to bound
            {
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.budget_per_month": None,
                "constraints.compute.cost_per_prediction": 0.002,
            }
        ),
    ),
)
def running_cost_from_volume(plan: Plan) -> Evidence:
    """Nobody has multiplied the price per call by the calls a month.

    The cost of one call says nothing of the bill until it is multiplied by the calls a month; the
    plan's own volume, one call per item at least, gives the bill, and it may exceed the budget (or
    have none) from the first day.

    Mitigation: Count the calls per item and per month, compare the bill with a monthly budget, and cut
    calls (cache, batch, call only where it changes the decision, a smaller model) until it fits.
    """
    compute = plan.constraints.compute
    cost, items = compute.call_cost, items_per_month(plan)
    if compute.predictions_per_period is not None or not cost or items is None or plan.impact.period is None:
        return None
    bill, budget, cur = items * cost, compute.budget_per_month, compute.currency
    if budget is not None and bill <= budget:
        return None
    volume = plan.impact.volume or 0
    basis = f"{fmt.number(volume)} a {plan.impact.period.value}"
    if plan.impact.period.value != "month":
        basis += f" ({fmt.number(items)} a month)"
    found = (
        f"constraints.compute.predictions_per_period: not answered; impact.volume: {basis} taken as one call "
        f"each x cost_per_prediction {fmt.money(cost, cur)} = {fmt.money(bill, cur)} a month",
    )
    if budget is None and bill < _NEGLIGIBLE_BILL:
        return None  # no budget said, but the bill the plan's own volume gives is too small to bound
    if budget == 0:  # no money set aside yet, not a limit the bill breaks: who pays it? (a question)
        if bill <= TINY_MONTHLY_BILL:
            return None  # pocket money a month: nothing to bound
        return Tempered(2, (*found, "constraints.compute.budget_per_month: 0 (no money set aside)"))
    if budget is None:
        return Tempered(
            3, (*found, "constraints.compute.budget_per_month: not answered (nobody has bounded the bill)")
        )
    times = (
        f"{fmt.number(bill / budget, significant=2)} times the budget" if budget else "with no budget at all"
    )
    return (
        *found,
        f"constraints.compute.budget_per_month: {show(budget)}"
        + (f" ({cur})" if cur else "")
        + f": the bill is {times}",
    )


# Tasks that write or estimate something for every item they are given: what a search returns is context
# for that item, not a candidate among which true cases could be dropped.
_WRITES_FOR_EACH = (TaskType.generation, TaskType.regression, TaskType.forecasting)


@rule(
    "earlier-stage-unanswered",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure what the earlier stage passes on, on cases sampled before it",
        "What retrieval or a filter drops never reaches the model: sample cases before that stage, count "
        "how many true ones it passes on, and report recall end to end",
        "warning",
    ),
    ask="does an earlier stage choose what the model sees, and what share of the true cases does it pass on?",
    fires=(
        Case(
            {
                "product.earlier_stage_recall": None,
                "product.inputs": "Each new invoice and the 20 candidate pairs returned by the search index.",
            },
            evidence=(
                'product.inputs: "Each new invoice and the 20 candidate pairs returned by the search ..." '
                "(an earlier stage chooses what the model sees: candidate pairs, returned by the search)",
                "product.earlier_stage_recall: not answered (how many true cases does it pass on?)",
            ),
        ),
    ),
    quiet=(
        Case({"product.inputs": "Each new invoice and the 20 candidate pairs returned by the search index."}),
        Case({"product.earlier_stage_recall": None}),
        Case(  # today's process searches; the model reads every invoice
            {"product.earlier_stage_recall": None, "product.current_solution": "Clerks use keyword search."}
        ),
        Case(  # it writes a text for each given item: the search results are context, no true case is dropped
            {
                "product.earlier_stage_recall": None,
                "product.task": "generation",
                "product.inputs": "Each wine's tasting sheet and web search results on its vineyard.",
            }
        ),
    ),
)
def earlier_stage_unanswered(plan: Plan) -> Evidence:
    """An earlier stage chooses the model's inputs, and nobody has said its recall.

    When retrieval, a search or a filter chooses what the model sees, a true case it drops is lost
    whatever the model does; unmeasured, that ceiling hides behind a model scored only on what passed.

    Mitigation: Sample cases before the earlier stage, measure the share of true cases it passes on,
    and report the whole pipeline's recall beside the model's.
    """
    if plan.product.earlier_stage_recall is not None:
        return None  # answered: earlier-stage-caps-recall reasons from it
    if plan.product.task in _WRITES_FOR_EACH:
        return None  # it writes or estimates for each item it is given: a search feeds context, drops no case
    # What the model reads, not today's process (`keyword search`) or where its output shows.
    words = RETRIEVED.find_all(plan.product.inputs)
    if not words:
        return None
    note = f"an earlier stage chooses what the model sees: {', '.join(words)}"
    return Hint(
        words,
        (
            quote(plan, "product.inputs", note),
            "product.earlier_stage_recall: not answered (how many true cases does it pass on?)",
        ),
    )
