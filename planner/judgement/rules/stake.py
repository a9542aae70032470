"""A stake beyond the time a model saves: failures, safety, revenue named in the plan's answers.

A value counted in minutes saved undercounts a model whose real worth is the breakdown, the injury or the
lost sale it helps avoid; the kinds of harm and the words of the goal, the pain or the worst error name it.
A value counted at a pilot's share undercounts one the plan rolls out to every item.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Evidence, Tempered
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import LaterPhase, Plan
from planner.plan.stakes import HarmKind

# Harm kinds whose errors (or whose avoidance) weigh more than the minutes a model saves.
_STAKE_KINDS = (HarmKind.health, HarmKind.property)
# Words of the goal, the pain or the worst error that name a stake beyond time: failures, safety, revenue.
_STAKES = Lexicon("""
    failure, failures, breakdown, breakdowns, outage, outages, downtime, unplanned downtime, safety, injury
    injuries, accident, accidents, revenue, lost sales, lost revenue, spoilage, scrap, write-offs, food waste
    fines, penalties, recalls, fraud losses
""")


def bigger_stake(plan: Plan) -> str | None:
    """The answer naming a stake beyond the time saved (the kinds of harm first, then the words of the
    goal, the pain or the worst error), quoted: minutes alone undercount the value."""
    note = "the value counts minutes saved; this names a bigger stake: count it"
    if any(kind in _STAKE_KINDS for kind in plan.impact.harm_kinds):
        return quote(plan, "impact.harm_kinds", note)
    for path in ("product.goal", "product.pain", "impact.error_harm"):
        if _STAKES.find(answer_at(plan, path)):
            return quote(plan, path, note)
    return None


# Harm kinds a value typed in money or minutes does not hold: someone's health, rights or privacy.
_BEYOND_MONEY = (HarmKind.health, HarmKind.rights, HarmKind.privacy)


def harm_beyond_money(plan: Plan) -> str | None:
    """The kinds of harm, quoted, where they name a harm the typed value cannot hold (health, rights,
    privacy): worth is not judged from money or minutes alone there."""
    kinds = [kind.value for kind in plan.impact.harm_kinds if kind in _BEYOND_MONEY]
    if not kinds:
        return None
    note = f"the value counts {plan.impact.value_unit or 'money'} only; errors here harm {', '.join(kinds)}: weigh that too"
    return quote(plan, "impact.harm_kinds", note)


def weigh_beyond_value(plan: Plan, found: Evidence, hours: bool = False) -> Evidence:
    """A verdict on the value's worth, tempered to a low question where the plan names a stake the value
    does not hold: a bigger stake than the minutes saved (`hours`), or a harm to health, rights or privacy."""
    stake = (bigger_stake(plan) if hours else None) or harm_beyond_money(plan) if found else None
    return Tempered(1, (*(found or ()), stake)) if stake else found


# A later step that takes the first model to every item: `then roll out to all depots`.
ROLLED_OUT = Lexicon("""
    roll out, rolls out, rolled out, roll-out, rollout, rolling out, scale up, scales up, scaled up
    extend to all, extended to all, extend it to all, to all sites, to every site, to all stores, to all branches
    to all teams, to all depots, to all regions, to every region, everywhere
""")


def rolled_out(plan: Plan, yearly: float, effort: float) -> str | None:
    """Where the first model addresses only part of the volume and the plan widens it later, the year of
    value at the whole volume, said when that repays the effort."""
    share = plan.impact.addressed
    if share is None or not 0 < share < 1 or yearly / share < effort:
        return None
    full = f"at the whole volume a year of value is about {fmt.number(yearly / share, 1)} person-weeks"
    if LaterPhase.wider_scope in plan.done.later_phase:
        return quote(plan, "done.later_phase", f"a later phase widens it: {full}")
    said = ROLLED_OUT.find_all(plan.done.when_met)
    return quote(plan, "done.when_met", f"{', '.join(said)}: {full}") if said else None
