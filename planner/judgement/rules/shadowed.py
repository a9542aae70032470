"""Whether a launch everywhere at once is guarded the way a lead accepts: the model runs in shadow first
(it predicts beside today's process and nobody acts on it), and once live a person approves every output
before it counts. `done.pilot_units: everywhere` cannot say either; the live check and the product
answers do."""

from __future__ import annotations

from planner.judgement.rules.evidence import first_said, quote, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Circumstance, Mode, OnlineValidation
from planner.plan.model import Plan
from planner.plan.oversight import UNCHECKED_FIRST
from planner.plan.workings import ActionShape, Guard

# A run beside today's process whose output nobody acts on, said in the plan's words.
SHADOW_FIRST = Lexicon("""
    shadow run, shadow runs, shadow mode, shadow period, shadow phase, shadow weeks, shadow month
    shadow months, shadow trial, shadow test, shadow tests, shadow deployment, in shadow, run in shadow
    runs in shadow, parallel run, parallel runs, run in parallel, runs in parallel
    silent run, silent mode, dark launch
""")
# Where a plan says how it goes live.
_LIVE_SAID = ("done.when_met", "product.success_metric", "press_release.solution", "after_launch.fallback")
# Each output is seen by a person: a draft or label for every item, or a few suggestions to choose from.
_EACH_SEEN = (ActionShape.every_item, ActionShape.choose_among)


def shadow_first(plan: Plan) -> str | None:
    """The answer saying the model runs in shadow before it is acted on, quoted; None otherwise."""
    if plan.done.online_validation is OnlineValidation.shadow:
        return quote(plan, "done.online_validation")
    found = first_said(plan, _LIVE_SAID, SHADOW_FIRST)
    if found is None:
        return None
    path, words = found
    return quote(plan, path, f"{', '.join(words)}: run beside today's process before anyone acts on it")


def person_approves_each(plan: Plan) -> str | None:
    """The answer saying a person approves every output before it counts, quoted; None where the model
    acts alone, or where people see only what it flags (its misses reach nobody)."""
    product = plan.product
    if product.mode is Mode.automate or ticked(plan, Circumstance.commits_alone):
        return None
    if product.checked_outputs in UNCHECKED_FIRST:
        return None  # the team says which outputs a person sees first, and it is not every one
    if product.forbidden_guard is Guard.review:
        return quote(plan, "product.forbidden_guard", "a person checks every output before it counts")
    if product.mode is Mode.augment and product.action_shape in _EACH_SEEN:
        return quote(plan, "product.action_shape", "a person decides on every output")
    return None


def shadowed_and_approved(plan: Plan) -> tuple[str, str] | None:
    """Both answers, where the model runs in shadow first and a person approves each output once live."""
    shadow, approved = shadow_first(plan), person_approves_each(plan)
    return (shadow, approved) if shadow and approved else None
