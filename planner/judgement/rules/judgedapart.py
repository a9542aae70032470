"""What a plan says of its data's difference from production beyond the boxes ticked, and what already
judges it apart: a shadow run, a test set drawn from production, the difference given as an input."""

from __future__ import annotations

from planner.judgement.rules.base import Evidence
from planner.judgement.rules.covered import REVALIDATED as _REVALIDATED, checked_before_relying
from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.heard import unlike_in_the_text
from planner.judgement.rules.lexicon import (
    FROM_PRODUCTION,
    MODELLED_IN,
    PILOT_THERE,
    RUN_APART,
    TESTED_ON,
)
from planner.judgement.rules.unlike import change_in_the_notes, unlike_in_setting, unlike_in_the_note
from planner.judgement.rules.words import in_one_sentence
from planner.plan.model import Difference, Plan

# known late, only forecast live, beyond the data's range: asked by the leakage rules and inputs-beyond-the-range
_ELSEWHERE = {Difference.later_inputs, Difference.forecast_inputs, Difference.range, Difference.none}
UNLIKE_PRODUCTION = set(Difference) - _ELSEWHERE

_JUDGED_APART = RUN_APART + PILOT_THERE + _REVALIDATED
_HANDLED = RUN_APART + MODELLED_IN + _REVALIDATED


def judged_apart(plan: Plan) -> str | None:
    """The answer saying the team evaluates the setting the data lacks on its own (a shadow season, a
    pilot at the new sites, a test set from them) or gives the difference to the model as an input:
    the mitigation production-differs asks for."""
    for path in evaluation_paths(plan):
        text = answer_at(plan, path)
        words = _JUDGED_APART.find_all(text)
        if words:
            return quote(plan, path, f"already judged apart: {', '.join(words)}")
        words = MODELLED_IN.find_all(text)
        if words:
            return quote(plan, path, f"the difference is an input of the model: {', '.join(words)}")
        words = in_one_sentence(text or "", TESTED_ON, FROM_PRODUCTION)
        if words:
            return quote(plan, path, f"tested on production itself: {', '.join(words)}")
    return None


def judged_there(plan: Plan) -> bool:
    """Whether the note on the difference says the setting the data lacks is itself judged (a shadow
    season, results per device, a re-check after the change), or the evaluation says its test set is
    drawn from production: not only given to the model as an input, and not a pilot the data came from
    (`labelled frames come from two pilot sites` names where the data is, not a run where it is not)."""
    note = plan.constraints.data.differences_note
    if RUN_APART.find(note) or _REVALIDATED.find(note) or checked_before_relying(plan):
        return True
    return any(
        in_one_sentence(text or "", TESTED_ON, FROM_PRODUCTION)
        for text in (answer_at(plan, path) for path in evaluation_paths(plan))
    )


def only_the_mix(plan: Plan) -> bool:
    """The one difference ticked is the mix of cases shifting (a growing segment, customers joining and
    leaving): the data is the product's own, in other shares, not another setting to collect first."""
    kinds = [kind for kind in plan.constraints.data.differences if kind in UNLIKE_PRODUCTION]
    return kinds == [Difference.mix]


def mitigation_said(plan: Plan) -> bool:
    """The note on the data or the evaluation says the difference is judged apart in a shadow or
    parallel run, on a test set of its own, or given to the model as an input."""
    return any(
        _HANDLED.find(text) or in_one_sentence(text or "", TESTED_ON, FROM_PRODUCTION)
        for text in (answer_at(plan, path) for path in evaluation_paths(plan))
    )


def unticked_difference(plan: Plan) -> Evidence:
    """No difference ticked: what the text says of the data's channel, origin, population or period
    against the product's, unless the note names the difference and how it is handled."""
    if mitigation_said(plan):
        return None  # the note names the difference and how it is handled: nothing to ask
    said_none = plan.constraints.data.differences == [Difference.none]
    return (
        (unlike_in_the_text(plan) if said_none else None)
        or unlike_in_setting(plan)
        or unlike_in_the_note(plan)
        or change_in_the_notes(plan)
    )
