"""What says the model is to beat today's process, not copy it: a done target beyond today's figure, or
words of the pain or goal that say today's decisions are wrong."""

from __future__ import annotations

from planner.judgement.rules.evidence import first_said, quote, show, todays_figure
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Direction, Plan

# Words of the pain or goal that say today's decisions are wrong, not only slow or costly: missed, biased,
# or graded, priced or estimated too high or too low.
ERRS = Lexicon("""
    miss, misses, missed, mistake, mistakes, error-prone, wrong, wrongly, inconsistent, inconsistency
    inconsistently, consistent, consistency, unfair, fair, fairly, fairer, biased, bias, overturned
    disagree, disagreement, disagreements, unreliable, overlooked, overlook, overlooks, misjudged
    overgrade, overgrades, overgraded, overgrading, undergrade, undergrades, undergraded, undergrading
    over-grade, over-graded, over-grading, under-grade, under-graded, under-grading, overrated, underrated
    overestimate, overestimates, overestimated, underestimate, underestimates, underestimated
    overstated, understated, mislabelled, mislabeled, misclassified, miscoded, misgraded, upcoded, upcoding
    too lenient, too harsh, too strict, too generous, discriminates, discriminated, discrimination
""")

SAYS_TODAY_ERRS = ("product.pain", "product.goal", "product.success_metric", "product.current_performance")


def beaten_by_target(plan: Plan, why: str = "") -> str | None:
    """A done metric whose baseline is today's figure (product.current_performance) and whose target goes
    beyond it, quoted (with `why` it matters, if given): the structured answer that the model is to beat
    today's process."""
    today = todays_figure(plan.product.current_performance)
    for index, metric in enumerate(plan.done.metrics):
        goal = metric.goal()
        base = metric.baseline_figure
        if goal is None or base is None or today is None or abs(base - today) > 1e-9:
            continue
        higher = metric.direction is Direction.higher_is_better
        if goal > base if higher else goal < base:
            path = f"done.metrics[{index}].{metric.margin_field}"
            note = f"to beat today's {show(base)}, " + (
                why or "yet on its own decisions today's process scores 100%"
            )
            return quote(plan, path, note)
    return None


def to_beat(plan: Plan, why: str = "") -> str | None:
    """The answer that says the model is to beat today's process, not copy it, quoted: a done metric
    whose baseline is today's figure and whose target goes beyond it, or words of the pain or goal that
    say today's decisions are wrong."""
    beaten = beaten_by_target(plan, why)
    if beaten is not None:
        return beaten
    found = first_said(plan, SAYS_TODAY_ERRS, ERRS)
    if found:
        path, words = found
        said = f"to do better than today's process: {', '.join(words)}"
        return quote(plan, path, f"{said}; {why}" if why else said)
    return None
