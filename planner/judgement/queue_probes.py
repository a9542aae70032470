"""The question a lead asks where people work down a ranked list and some cases on it cannot wait.

A ranking puts the likeliest or the most valuable first; a gas smell, water coming through a ceiling or
an older person's fall is neither likely nor valuable in the model's terms, only urgent, and ranked low
it waits like any other case until someone reaches it. A lead takes such cases out of the ranking: a
rule that runs before the model (words, a category, a tick on the form) sends them to the top or to an
emergency line, and real examples in the test set check that the rule catches them. Asked where the plan
ranks or is worked from the top, names such a case, and says of no fast track; not where the ranked
things are a standing population re-ranked each round (one row each per period, few new), as in a
yearly allocation: nothing arrives there to wait for its place.
"""

from __future__ import annotations

from planner.judgement.assistant_probes import URGENT
from planner.judgement.probes import Found, probe
from planner.judgement.rules.chosenrate import picks_the_cases
from planner.judgement.rules.evidence import faq_paths, first_said, monitor_paths, quote
from planner.judgement.rules.ordered import standing_population
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import TaskType
from planner.plan.model import MetricRole, Plan
from planner.plan.scale import named_share
from planner.plan.workings import ActionShape

# Cases that cannot wait their turn: a danger to a person or a home now, beside the urgent words.
CANNOT_WAIT = URGENT + Lexicon("""
    gas smell, smell of gas, smells of gas, smelling gas, gas escape, carbon monoxide, co alarm
    water coming in, water coming through, water pouring, water pouring in, flooding, flooded, burst pipe
    burst pipes, no heating, no heat, no water, no power, exposed wires, sparking, fire risk, smell of smoke
    had a fall, falls at home, fell at home, chest pain, bleeding, unconscious, injured
    ceiling collapse, collapsed ceiling, structural collapse, unsafe to live in, break-in, insecure door
""")
# Words saying such cases bypass the ranking: a fast track, an emergency route, a rule first.
FAST_TRACK = Lexicon("""
    fast track, fast-track, fast-tracked, fast tracks, emergency line, emergency lines, emergency route
    emergency team, emergency repairs line, out-of-hours line, out of hours line, bypass, bypasses, bypassed
    skip the queue, skips the queue, skip the list, skips the list, straight to the top, go straight
    goes straight, sent straight, always first, always at the top, pinned to the top, outside the ranking
    outside the model, before the model, flagged by rule, by a rule first, keyword rule, keyword rules
    handled the same day, same-day response, within 24 hours, within four hours, within 4 hours
""")
_CASES = (
    "title",
    "product.goal",
    "product.pain",
    "product.output",
    "product.decision",
    "product.inputs",
    "product.label",
    "product.current_solution",
    "impact.error_harm",
)
_ARRANGED = (
    "product.decision",
    "product.current_solution",
    "after_launch.fallback",
    "heuristics.humans_handle",
    "done.eval_set",
)


def _worked_down_a_list(plan: Plan) -> str | None:
    """The structured answer saying people work down a ranked list: top_of_queue, or a ranking task."""
    if plan.product.action_shape is ActionShape.top_of_queue:
        return quote(plan, "product.action_shape", "people work down the list from the top")
    if plan.product.task is TaskType.ranking:
        return quote(plan, "product.task")
    return None


@probe("urgent-cases-outside-the-ranking", "safety-subset-under-one-severity")
def _urgent_cases_outside_the_ranking(plan: Plan) -> Found:
    ranked = _worked_down_a_list(plan)
    if ranked is None or standing_population(plan):
        return None  # no list worked down, or the same units re-ranked each round: no case waits its turn
    found = first_said(plan, _CASES, CANNOT_WAIT)
    if found is None:
        return None
    if first_said(plan, (*_ARRANGED, *monitor_paths(plan), *faq_paths(plan)), FAST_TRACK):
        return None
    path, words = found
    quoted = ", ".join(f"'{word}'" for word in words[:3])
    return (
        f"The answers name {quoted}: must such a case wait for its place in the ranking? A ranked list puts "
        "the likeliest or most valuable first, and an urgent or safety-critical case ranked low waits like "
        "any other; send such cases to the top (or to an emergency line) by a rule that runs before the "
        "model, and put real examples of them in the test set to check the rule catches them.",
        (ranked, quote(plan, path, ", ".join(words))),
    )


# Where the model picks which cases are acted on: the shapes where a rate among its picks is the usual done
# metric (a cut-off's precision is asked about elsewhere).
_PICKS = (ActionShape.top_of_queue, ActionShape.up_to_capacity)
# Metric names that count over all who needed the action, not over the model's picks.
_OVER_ALL = Lexicon("recall, sensitivity, coverage")
# Metric names that measure how the whole list is ordered or how every case is called, not a rate among picks.
_WHOLE_LIST = Lexicon("auc, roc, area under, gini, ndcg, accuracy, average precision")


def _paired(plan: Plan, index: int) -> bool:
    """Whether another done metric stands beside the rate: a guardrail, a count or an amount (no share), or a
    recall over everyone who needed the action."""
    return any(
        metric.role is MetricRole.guardrail or not named_share(metric.name) or _OVER_ALL.find(metric.name)
        for i, metric in enumerate(plan.done.metrics)
        if i != index
    )


@probe("rate-among-picked-cases", "rate-over-chosen-cases")
def _rate_among_picked_cases(plan: Plan) -> Found:
    if plan.done.rate_over is not None:
        return None
    if plan.product.action_shape not in _PICKS and plan.product.task not in (
        TaskType.ranking,
        TaskType.recommendation,
    ):
        return None
    metrics = plan.done.metrics
    if not metrics:
        return None
    index = next((i for i, metric in enumerate(metrics) if metric.role is MetricRole.goal), 0)
    named = metrics[index].name
    if not named_share(named) or _OVER_ALL.find(named) or _WHOLE_LIST.find(named) or _paired(plan, index):
        return None
    return (
        f"The done metric '{metrics[index].name}' is a share: counted over everyone who needed the action, or "
        "only over the cases the model picks? A rate among its picks (a placement rate among the jobseekers taken "
        "on, a success rate among the jobs accepted) rises by picking easier cases, and a model tuned to raise "
        "it learns to; pair it with a count over all who needed it, or a guardrail on the hard cases, and "
        "say where anyone is paid on the rate (done.rate_over).",
        (quote(plan, f"done.metrics[{index}].name"), picks_the_cases(plan) or quote(plan, "product.task")),
    )
