"""Today's process: whether people do the task now, and whether what it makes is measured."""

from __future__ import annotations

import re

from planner.judgement.rules.evidence import answer_at, says_nothing, todays_figure
from planner.judgement.rules.lexicon import MEASURE_KINDS, NOBODY, PEOPLE
from planner.judgement.rules.words import mentions
from planner.plan.model import UNSTRUCTURED, Plan, RulesVerdict, TaskType

_A_FIGURE = (TaskType.forecasting, TaskType.regression)


def made_and_measured_today(plan: Plan) -> bool:
    """Whether today's process already does what the model does every day, its performance measured (a
    figure or a baseline). From records and series, whoever does it; from text, images or sound, only
    people (a yardstick the team can watch work): a machine reading them leaves the signals unseen."""
    product = plan.product
    if not product.current_solution or says_nothing(product.current_solution):
        return False
    unstructured = not product.data_kinds or bool(UNSTRUCTURED & set(product.data_kinds))
    people = people_do_it_today(plan) == "product.current_solution"
    if product.task not in _A_FIGURE and unstructured and not people:
        return False  # text, images or sound read by a machine today: cases by hand show the signals
    metrics = plan.done.metrics
    if metrics and metrics[0].baseline_figure is not None:
        return True
    if any(metric.baseline_name and (people or metric.baseline_figure is not None) for metric in metrics):
        return True  # a done metric names today's process (or people's own output) as its yardstick
    # A share (`misses 14% of the time`, `11 of 104 weeks`, several of them), or a named error with its
    # figure (`MAPE 21`), not a year.
    said = product.current_performance or ""
    return todays_figure(said) is not None or states_a_rate(said)


def a_rule_is_the_yardstick(plan: Plan) -> bool:
    """Whether today's approach is a rule no person judges case by case: rules are listed and named the
    baseline (or enough), a done metric names its yardstick, and the cases are records or series, not text,
    images or sound a person reads. The rule scores itself on the history; nobody's judgement is unwritten."""
    heuristics, kinds = plan.heuristics, plan.product.data_kinds
    if not heuristics.rules or heuristics.verdict not in (
        RulesVerdict.rules_baseline,
        RulesVerdict.rules_suffice,
    ):
        return False
    if not kinds or UNSTRUCTURED & set(kinds):
        return False
    return any(metric.baseline_name for metric in plan.done.metrics)


def states_a_rate(said: str | None) -> bool:
    """Whether an answer about today states how often it is right or wrong: a share (`misses 14%`, `7 of 10`)
    or a named measure with its figure (`MAPE 21`, `recall 0.8`), not a throughput or a count alone."""
    said = said or ""
    return bool(_SHARES.search(said)) or bool(
        MEASURE_KINDS.find(said) and any(char.isdigit() for char in said)
    )


_SHARES = re.compile(r"\b\d+(?:\.\d+)?\s?%|\b\d+ (?:of|in|out of) \d+\b")


def people_do_it_today(plan: Plan) -> str | None:
    """The answer that says people do the work today; None where today's solution is a machine, a rule
    or nothing (then nobody keeps "the rest", and the advice would not fit)."""
    today = answer_at(plan, "product.current_solution")
    if isinstance(today, str) and today.strip():
        if says_nothing(today) or mentions(today, NOBODY) or not mentions(today, PEOPLE):
            return None  # the team said who does it today, and it is not people
        return "product.current_solution"
    paths = ("heuristics.humans_handle", "product.goal", "product.users")
    return next((path for path in paths if mentions(answer_at(plan, path), PEOPLE)), None)
