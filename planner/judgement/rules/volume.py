"""A target that counts how much the system does (merged, closed, flagged, sent), not how often it is right.

A count rises by acting on more cases, right or wrong: a matcher that merges more, a triage that closes
more, a filter that flags more all reach a volume target fastest by lowering their bar. A lead pairs the
count with precision (or the error rate) on an audited random sample of what was acted on, and with what
was missed, and keeps the count as a guardrail, not the target. Where the system acts alone and its
actions are hard to undo, each wrong action the count rewards stays done. A target that counts only
what is done (customers contacted a week, drafts produced) rises with effort whether or not the goal
moves: a lead asks for the goal's outcome among the cases acted on, against a holdout.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, ticked
from planner.judgement.rules.guardrails import UNDONE
from planner.judgement.rules.lexicon import BLENDS_ERRORS, CHECKED_OUTCOME, COUNTS_FALSE_ALARMS, COUNTS_MISSES
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, Mode, Plan

# Where a plan may say its actions can be undone.
_UNDO_SAID: tuple[str, ...] = ("product.decision", "product.output", "after_launch.fallback")
_UNDO_SAID += ("heuristics.humans_handle", "done.when_met", "product.decision_owner")


def _metric_texts(plan: Plan) -> list[str]:
    """The done metrics' names and datasets, and the metric said to count the worst error."""
    texts = [f"{metric.name}. {metric.dataset or ''}" for metric in plan.done.metrics]
    return [*texts, plan.done.worst_error_metric or ""]


def _counts_right(plan: Plan) -> bool:
    """Whether a done metric counts how often what was acted on is right: precision, an error rate, a
    graded or audited sample."""
    readers = (COUNTS_FALSE_ALARMS, CHECKED_OUTCOME, BLENDS_ERRORS)
    return any(lexicon.find(text) for text in _metric_texts(plan) for lexicon in readers)


def _counts_missed(plan: Plan) -> bool:
    """Whether a done metric counts the cases it should have acted on and did not."""
    return any(COUNTS_MISSES.find(text) for text in _metric_texts(plan))


def acts_alone(plan: Plan) -> str | None:
    """The answer saying the system acts with no person checking each action, quoted."""
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode")
    return ticked(plan, Circumstance.commits_alone)


def volume_unpaired(plan: Plan) -> Evidence:
    """The evidence that a target counts volume with nothing counting whether the actions were right."""
    fact = ticked(plan, Circumstance.counts_volume)
    if fact is None:
        return None
    right, missed = _counts_right(plan), _counts_missed(plan)
    if right and missed:
        return None  # paired with precision and with what was missed: the count is a guardrail
    lacking = [
        *(() if right else ("no done metric counts how often what was acted on is right",)),
        *(() if missed else ("none counts what was missed",)),
    ]
    counted = ticked(plan, Circumstance.self_counted)  # the product counts its own success, too
    metric = (quote(plan, "done.metrics[0].name"),) if plan.done.metrics else ()
    said = (fact, *((counted,) if counted else ()), *metric, "; ".join(lacking))
    alone = acts_alone(plan)
    if alone and first_said(plan, _UNDO_SAID, UNDONE) is None:
        return (said[0], alone, *said[1:], "no answer says an action can be undone")
    return Tempered(3, said)


_VOLUME = {"product.circumstances": ["counts_volume"], "done.worst_error_metric": None}
_MERGED = [{"name": "Records merged per month", "baseline": 15000, "target": 20000}]
_PAIRED = [
    *_MERGED,
    {"name": "Precision of merges on an audited random sample", "target": 0.98},
    {"name": "Recall of true duplicates", "target": 0.8},
]


@rule(
    "target-counts-volume",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Make the count a guardrail, and the target how often it is right",
        "A count of merges, closures, flags or messages rises by acting on more cases, right or wrong: "
        "pair it with precision on an audited random sample of what was acted on and with what was "
        "missed, and let those be the target",
        "warning",
    ),
    fires=(
        Case(
            {**_VOLUME, "done.metrics": _MERGED},
            evidence=(
                'product.circumstances: "counts_volume" (a target counts how much it does: merged, closed, '
                "flagged, sent, not how often it is right)",
                'done.metrics[0].name: "Records merged per month"',
                "no done metric counts how often what was acted on is right; none counts what was missed",
            ),
        ),
        Case(  # it closes tickets on its own, and nothing says a closure can be reopened: high
            {**_VOLUME, "product.circumstances": ["counts_volume", "commits_alone"], "done.metrics": _MERGED}
        ),
    ),
    quiet=(
        Case({"product.circumstances": ["none"], "done.metrics": _MERGED}),
        Case({**_VOLUME, "product.mode": "automate", "done.metrics": _PAIRED}),
        Case({**_VOLUME, "product.task": "ranking", "done.metrics": _MERGED}),  # ranked-by-take-up's to ask
    ),
)
def target_counts_volume(plan: Plan) -> Evidence:
    """A target counts how much the system does, not how often it is right.

    Merged, closed, flagged or sent rises by acting on more cases, right or wrong: the fastest way to a
    volume target is a lower bar, and the count cannot tell a good month from a careless one. Where the
    system acts alone and an action is hard to undo, each wrong action it is rewarded for stays done.

    Mitigation: Pair the count with precision (or the error rate) on an audited random sample of what
    was acted on, and with what was missed (recall on a sample of what it passed over); make those the
    target and keep the count as a guardrail; where it acts alone, make each action undoable and audit
    a random sample each week.
    """
    if plan.product.task in RANKED_LISTS:
        return None  # a ranked list shows every item, no bar to lower: ranked-by-take-up asks of its count
    return volume_unpaired(plan)


# Counts of what the team or the system does: contacts made, items flagged, drafts produced.
EFFORT = Lexicon("""
    calls made, contacts made, customers contacted, members contacted, people contacted, patients contacted
    households contacted, clients contacted, tenants contacted, users contacted, accounts contacted
    visits made, visits carried out, visits completed, inspections done, inspections carried out
    inspections completed, items flagged, cases flagged, transactions flagged, accounts flagged
    claims flagged, alerts raised, alerts sent, flags raised, drafts produced, drafts generated
    drafts written, replies drafted, replies sent, letters sent, emails sent, messages sent, reminders sent
    offers sent, offers made, leads generated, leads passed, referrals made, referrals sent, cases reviewed
    investigations opened, reports produced, recommendations made, recommendations shown, outreach calls
    retention calls, number of calls, number of contacts, number of visits, number of drafts, number of flags
    number of alerts, number of referrals, number of inspections, number of letters, number of reminders
""")
# A count over a period, or a count as such.
PER_COUNT = Lexicon("""
    per day, per week, per month, per quarter, per year, a day, a week, a month, each day, each week
    each month, daily, weekly, monthly, number of, count of, how many, total
""")
# Words that turn a count into an outcome or a rate: what happened to those acted on.
OUTCOME_OF = Lexicon("""
    share of, rate, ratio, per cent, percent, precision, recall, who then, who stayed, who renewed, that led
    resulting in, leading to, led to, outcome, outcomes, retained, stayed, resolved, prevented, avoided
    confirmed, upheld, found, converted, conversion, fewer, less, reduction, reduced, saved, against a holdout
""")


def _effort(text: str | None) -> tuple[str, ...]:
    """The words saying `text` counts what is done (contacts made per week), not what came of it."""
    words = EFFORT.find_all(text)
    return words if words and PER_COUNT.find(text) and not OUTCOME_OF.find(text) else ()


_CONTACTED = [{"name": "At-risk customers contacted per week", "baseline": 300, "target": 800}]


@rule(
    "target-counts-effort",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Count the outcome the goal names, with the activity as a guardrail",
        "A count of what is done (contacts made, items flagged, drafts produced) rises with effort whether "
        "or not the goal moves: measure the goal's outcome for the cases acted on against comparable cases "
        "left alone (a holdout), make that the target, and keep the count as a guardrail",
        "warning",
    ),
    ask="does the target count what is done, which can rise while the goal does not move?",
    fires=(
        Case(
            {
                "product.goal": "Fewer customers leave.",
                "product.success_metric": None,
                "done.metrics": _CONTACTED,
            },
            evidence=(
                'done.metrics[0].name: "At-risk customers contacted per week" (counts what is done: customers '
                "contacted; it rises with effort whether or not the goal moves)",
                'product.goal: "Fewer customers leave." (no done metric counts it)',
            ),
        ),
    ),
    quiet=(
        Case(  # the goal's outcome is counted too
            {
                "product.goal": "Fewer customers leave.",
                "product.success_metric": None,
                "done.metrics": [
                    *_CONTACTED,
                    {"name": "Churn rate of contacted customers against a holdout"},
                ],
            }
        ),
        Case(
            {
                "product.success_metric": None,
                "done.metrics": [{"name": "Share of customers contacted who renewed", "target": 0.4}],
            }
        ),
        Case(
            {**_VOLUME, "product.success_metric": None, "done.metrics": _CONTACTED}
        ),  # ticked: target-counts-volume speaks
    ),
)
def target_counts_effort(plan: Plan) -> Evidence:
    """The target counts what is done, not what the goal names.

    Every measure of success is a count of activity (customers contacted a week, items flagged, drafts
    produced): it rises with effort, staff and a lower bar, whether or not the goal (fewer leaving,
    fewer losses, less time) moves, so the team can meet its target while the goal stays put.

    Mitigation: Measure the outcome the goal names for the cases acted on against comparable cases left
    alone (a holdout or alternating weeks), make that the target, and keep the count as a guardrail.
    """
    if ticked(plan, Circumstance.counts_volume):
        return None  # ticked: target-counts-volume weighs the count
    paths = [f"done.metrics[{index}].name" for index in range(len(plan.done.metrics))]
    paths += ["product.success_metric"] if plan.product.success_metric else []
    if not paths:
        return None
    said = [(path, _effort(answer_at(plan, path))) for path in paths]
    if not all(words for _, words in said):
        return None  # another measure counts something else: the outcome, a rate, an error
    path, words = said[0]
    found = quote(
        plan,
        path,
        f"counts what is done: {', '.join(words)}; it rises with effort whether or not the goal moves",
    )
    goal = (quote(plan, "product.goal", "no done metric counts it"),) if plan.product.goal else ()
    return Hint(words, (found, *goal))
