"""Whether a plan already scores the setting its data lacks: a test set drawn from the new setting,
results sliced by the condition, a re-validation on each change (what production-differs asks for)."""

from __future__ import annotations

import re

from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import answer_at, metric_name_paths, quote
from planner.judgement.rules.lexicon import TESTED_ON
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Difference, Plan

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
    paths += metric_name_paths(plan)
    for index in range(len(plan.after_launch.monitoring)):
        paths += [f"after_launch.monitoring[{index}].signal", f"after_launch.monitoring[{index}].threshold"]
    return [*paths, "after_launch.fallback"]


def _kinds(words: str) -> frozenset[str]:
    """A set of whole words, written as one string."""
    return frozenset(words.split())


# The words that name each kind of difference (`scored per camera` names a device; `broken down by
# district` names none of device and capture): a slice or a test set covers only the difference it names.
_KIND_WORDS: dict[Difference, frozenset[str]] = {
    Difference.device: _kinds(
        "device devices camera cameras scanner scanners sensor sensors rig rigs hardware phone phones "
        "kit firmware meter meters probe probes machine machines"
    ),
    Difference.capture: _kinds(
        "capture captured lighting light conditions condition protocol protocols angle angles weather "
        "visibility fog rain night exposure setup"
    ),
    Difference.season: _kinds(
        "season seasons seasonal month months winter summer spring autumn year years quarter "
        "quarters week weeks period periods"
    ),
    Difference.channel: _kinds("channel channels source sources"),
    Difference.language: _kinds("language languages locale locales"),
    Difference.population: _kinds(
        "population populations group groups segment segments site sites region regions country "
        "countries cohort cohorts"
    ),
    Difference.mix: _kinds("mix segment segments share shares type types"),
    Difference.conditions: _kinds(
        "site sites course courses route routes layout layouts track tracks venue venues circuit circuits "
        "floor floors map maps"
    ),
}
_WORD = re.compile(r"[a-z][a-z'-]+")


def _names_the_difference(plan: Plan, text: str) -> bool:
    """Whether `text` names the difference the plan ticks, by a word of its kind (camera, lighting,
    season): a slice by district does not score a new camera, nor a test set `from the new year` a device."""
    said = set(_WORD.findall(text.lower()))
    kinds = [kind for kind in plan.constraints.data.differences if kind in _KIND_WORDS]
    if not kinds:
        return True  # no kind ticked: nothing to name
    return any(said & _KIND_WORDS[kind] for kind in kinds)


def covered_there(plan: Plan) -> str | None:
    """The answer saying the setting the data lacks is itself scored: a test set drawn from the new
    setting or results sliced by the condition (in the notes, the metrics, the monitoring or the
    fallback), naming the difference ticked: the check production-differs asks for, already planned."""
    for path in _covering_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        words = in_one_sentence(text, TESTED_ON, _FROM_THE_NEW) or _SLICED.find_all(text)
        if words and _names_the_difference(plan, text):
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


# A check on the setting the data lacks before anyone relies on it (`their images will be labelled for two
# months and recall checked before the planner relies on them`): labelled and scored there first.
_LABELLED_THERE = Lexicon("""
    labelled, labeled, will be labelled, will be labeled, label, labels, recall checked, precision checked
    scored, validated, checked
""")
_BEFORE_RELYING = Lexicon("""
    before relying, before we rely, before anyone relies, before they rely, before it is relied
    relies on them, rely on them, relies on it, rely on it, before trusting, before we trust
""")


def checked_before_relying(plan: Plan) -> bool:
    """Whether the note on the difference, or what the team does once the target is met, says the new
    setting is labelled and scored before anyone relies on the model there."""
    return any(
        in_one_sentence(text or "", _LABELLED_THERE, _BEFORE_RELYING)
        for text in (plan.constraints.data.differences_note, plan.done.when_met)
    )


# A share of the data in hand that is harder (`19% of articles are not in English`): the named slice is in
# the data, in production's own shares, not a setting the data lacks.
_SHARE_OF = re.compile(r"\b\d{1,2}(?:\.\d+)?\s?%\s+of\s+(?:the\s+|our\s+|all\s+)?[a-z]+", re.IGNORECASE)
_NOT_IN_THE_DATA = Lexicon("""
    none in, none of them, not in our data, not in the data, no examples, missing from, absent from
    lacks, lack, will be, would be, expected to be, from next year, at launch, after launch
""")


def slice_in_the_data(plan: Plan) -> str | None:
    """The note naming the difference as a share of the data in hand, with nothing saying the data lacks
    it: a slice of the same stream to score apart, not other data to collect first."""
    note = plan.constraints.data.differences_note or ""
    found = _SHARE_OF.search(note)
    if not found or _NOT_IN_THE_DATA.find(note):
        return None
    return quote(
        plan,
        "constraints.data.differences_note",
        f"a share of the data in hand: {found.group(0)}; score that slice apart",
    )
