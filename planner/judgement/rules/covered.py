"""Whether a plan already scores the setting its data lacks: a test set drawn from the new setting,
results sliced by the condition, a re-validation on each change (what production-differs asks for)."""

from __future__ import annotations

from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import TESTED_ON
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Plan

# Words saying the model is validated again once the known change lands, before it is relied on.
REVALIDATED = Lexicon("""
    re-validate, re-validates, re-validated, re-validating, re-validation, revalidate, revalidates
    revalidated, revalidating, revalidation, re-evaluate, re-evaluates, re-evaluated, re-evaluation
    re-test, re-tests, re-tested, retest, retests, retested, validate it again, validated again
    re-run, re-runs, rerun, reruns, re-check, re-checks, re-checked, recheck, rechecks, rechecked
    re-score, re-scores, re-scored, rescore, rescores, rescored
""")
# The evaluation set drawn from the setting the data lacks (`the test set is 600 frames from the new
# rig`), said in one sentence with a test set: the score is read where the product will work.
_FROM_THE_NEW = Lexicon("""
    from the new, on the new, with the new, at the new, under the new, from the target, at the target
    from the deployment, at the deployment, from the production setting, from the new setting
""")
# Results reported per condition (`recall sliced by visibility`): the difference measured apart, not
# averaged away.
_SLICED = Lexicon("""
    sliced by, slice by, slices by, per slice, by slice, each slice, broken down by, break down by
    breakdown by, reported per, results per, scored per, measured per, per condition, per-slice
    per-condition, by condition, stratified by, each condition
""")


def _covering_paths(plan: Plan) -> list[str]:
    """Where a plan says how the setting the data lacks is judged: the note on the data, the eval set,
    each metric (its name and data), what is monitored and the fallback."""
    paths = evaluation_paths(plan)
    paths += [f"done.metrics[{index}].name" for index in range(len(plan.done.metrics))]
    for index in range(len(plan.after_launch.monitoring)):
        paths += [f"after_launch.monitoring[{index}].signal", f"after_launch.monitoring[{index}].threshold"]
    return [*paths, "after_launch.fallback"]


def covered_there(plan: Plan) -> str | None:
    """The answer saying the setting the data lacks is itself scored: a test set drawn from the new
    setting or results sliced by the condition (in the notes, the metrics, the monitoring or the
    fallback): the check production-differs asks for, already planned."""
    for path in _covering_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        words = in_one_sentence(text, TESTED_ON, _FROM_THE_NEW) or _SLICED.find_all(text)
        if words:
            return quote(plan, path, f"the new setting is scored on its own: {', '.join(words)}")
    return None


def revalidated_later(plan: Plan) -> str | None:
    """The monitoring, metric or fallback saying the model is validated again on each change (a new
    rig, new firmware) before it is relied on: what is left is a low note, not a stop."""
    for path in _covering_paths(plan):
        text = answer_at(plan, path)
        words = REVALIDATED.find_all(text) if isinstance(text, str) else ()
        if words:
            return quote(plan, path, f"validated again on a change: {', '.join(words)}")
    return None
