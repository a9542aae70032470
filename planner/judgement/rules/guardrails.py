"""The guardrails a plan puts around a model that acts alone: a switch back to people, a random audit of
what it did, a trial before it acts, actions that can be undone, and cases it is barred from. A lead
weighs an automated action by how many of these stand around it, not by the tick that it acts alone; and
a setting it acts on by whether the setting changes what the model later learns from."""

from __future__ import annotations

from planner.judgement.rules.evidence import faq_paths, first_said, monitor_paths, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import OnlineValidation, OutcomeRecorded, Plan, TaskType

# A switch that hands the work back to people, or stops the model.
SWITCH_BACK = Lexicon("""
    kill switch, switch off, switched off, switch that, a switch, off switch, turned off, turn it off
    back to the clerks, back to the staff, back to people, back to manual, back to the team, back to today's
    back to the rule, back to the rules, back to the old rule, back to the old rules, revert to the rule
    reverts to the rule, revert to the rules, reverts to the rules, the rule takes over, the rules take over
    fall back to manual, falls back to manual, manual process resumes, handled by hand again, within minutes
""")

# A random or regular audit of the actions taken.
AUDITED = Lexicon("""
    audit, audits, audited, random audit, random sample, random samples, sample audit, spot check, spot checks
    spot-check, spot-checks, checked by hand each week, checked by hand each month, reviewed each week
    at random, randomly sampled, randomly selected, random subset, random share, random check
    random checks, random review, random reviews, random 1 in, re-reviewed, re-review, re-reviews
    second look, blind review, blind reviews, qa sample, qa samples, quality assurance sample
    randomly chosen, randomly picked, chosen at random, picked at random, random * sample, random * samples
    random * audit, random * audits
""")

# Actions that can be undone.
UNDONE = Lexicon("""
    reversible, can be reversed, be reversed, reversed, reverse, undo, undone, can be undone, rolled back
    roll back, corrected later, clawback, claw back
""")

# Cases barred from automatic action, or a cap on it.
BARRED = Lexicon("""
    never, only when, only where, only if, except, excluded, excludes, exclusion, held for, sent to a person
    goes to a person, go to a person, capped at, cap of, daily cap, daily limit, limit per, ceiling of
    above which, approval above, high-risk categories
""")

_TEXTS: tuple[str, ...] = ("product.decision", "product.output", "heuristics.humans_handle")
_TEXTS += ("after_launch.fallback", "done.when_met", "product.decision_owner")


def guardrails(plan: Plan) -> list[str]:
    """The guardrails the plan names around what the model does alone, each quoted once."""
    paths = [
        *_TEXTS,
        *monitor_paths(plan),
    ]
    paths += faq_paths(plan)
    found: list[str] = []
    for lexicon in (SWITCH_BACK, AUDITED, UNDONE, BARRED):
        said = first_said(plan, paths, lexicon)
        if said is not None:
            path, words = said
            found.append(quote(plan, path, ", ".join(words)))
    if plan.done.online_validation in (OnlineValidation.shadow, OnlineValidation.canary):
        found.append(quote(plan, "done.online_validation", "tried before it acts"))
    return list(dict.fromkeys(found))


def label_unmoved_by_action(plan: Plan) -> bool:
    """Whether the label is a property the output's setting does not change: a forecast, a match (which
    items are the same thing, whatever a rule then sets from it), or a quantity, grade or class recorded
    for every case whatever was decided (not changed by the action)."""
    if plan.product.task in (TaskType.forecasting, TaskType.matching):
        return True
    estimates = plan.product.task in (TaskType.regression, TaskType.classification, TaskType.detection)
    return estimates and plan.constraints.data.outcome_recorded_for is OutcomeRecorded.every_case
