"""Rules on when and where a model first goes live: everywhere at once, at the season's peak.

A lead launches on a few units first, with the rest kept on today's process, and away from the busiest
weeks: a launch everywhere at once leaves no unit to compare with, and one at the peak puts the most
exposure where an error costs most, with no time to learn before the season is over.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.setup import FEW_TO_DRAW, STAGED_ROLLOUT, few_units, runs_once
from planner.judgement.rules.shadowed import person_approves_each, shadow_first, shadowed_and_approved
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.choices import Circumstance, Mode, OnlineValidation
from planner.plan.model import Category, Plan
from planner.plan.stakes import PilotUnits

_UNITS = """site, sites, store, stores, shop, shops, branch, branches, depot, depots, warehouse, warehouses
    region, regions, market, markets, hospital, hospitals, clinic, clinics, school, schools, office, offices
    plant, plants, route, routes, location, locations, outlet, outlets, restaurant, restaurants, centre, centres, center, centers"""

# A launch on every unit at once.
EVERYWHERE = Lexicon(
    phrases("all, every, across", ", the, our", ", #", ", *", _UNITS)
    + ", everywhere, nationwide, all at once, big bang, big-bang, full rollout, full roll-out"
)
# The busy season, in the words the plan uses for its peak.
_BUSY = Lexicon("""
    peak, peaks, peak season, high season, busy season, busiest season, busiest weeks, busiest months
    busiest month, rush, peak weeks, peak months
""")
_TIMES = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august", "september"),
        *("october", "november", "december", "spring", "summer", "autumn", "winter", "christmas", "easter"),
    )
)
_NO_LIVE_CONTROL = (OnlineValidation.none, OnlineValidation.before_after)
_LIVE_IN = ("done.when_met", "product.success_metric", "done.online_validation")
_PEAK_SAID = ("product.pain", "product.current_performance", "product.goal", "impact.error_harm")


def _times(text: str) -> frozenset[str]:
    """The months and seasons `text` names (`May` only capitalised)."""
    words = re.findall(r"[A-Za-z]+", text)  # `may` the verb is not the month `May`
    return _TIMES.intersection(word.lower() for word in words if word != "may")


def _peak_at(plan: Plan, times: frozenset[str]) -> tuple[str, str] | None:
    """The answer that names one of `times` as the peak, with the month or season it shares."""
    for path in _PEAK_SAID:
        section, name = path.split(".")
        text = getattr(getattr(plan, section), name) or ""
        for sentence in re.split(r"(?<=[.;])\s+", text):
            shared = _times(sentence) & times
            if shared and _BUSY.find(sentence):
                return path, sorted(shared)[0]
    return None


# One site, one crew, a few events a year: no unit to keep on today's process, so time does the comparing.
_ONE_SITE_AWAY_FROM_PEAK = Instead(
    few_units,
    Move(
        "Shadow it first, and go live away from the peak",
        "With a handful of units none can be kept on today's process; run it in shadow beside today's "
        "process in the quiet weeks, go live before the busy ones, and compare alternating weeks "
        "(switchback) or an audit sample of its outputs against what people decide",
        "warning",
    ),
    "Run the model in shadow beside today's process in the quiet weeks, go live before the peak, and judge "
    "it by alternating weeks on and off (switchback) or by a monthly audit sample of its outputs.",
)


@rule(
    "launch-everywhere-at-the-peak",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Launch on a few units first, and away from the peak",
        "Going live on every unit at once leaves none on today's process to compare with, and at the peak "
        "the most is exposed when an error costs most; start on a few units, with matched ones kept on "
        "today's process, before the busy weeks, and widen after",
        "warning",
    ),
    ask="does the model go live on every unit at once, in the busiest weeks of the year?",
    instead=(_ONE_SITE_AWAY_FROM_PEAK,),
    fires=(
        Case(
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live in all 48 garden centres on 1 April.",
                "done.online_validation": "none",
                "done.pilot_units": None,  # an older plan: read from words
            },
            evidence=(
                'done.when_met: "Go live in all 48 garden centres on 1 April." (all 48 garden centres: no unit is '
                "left on today's process)",
                'product.pain: "Garden centres run out of compost every week in the April-May peak." (april '
                "is the peak: the launch meets the season's most exposure)",
                'done.online_validation: "none"',
            ),
            also=frozenset({"no-online-validation"}),
        ),
        Case(  # the only rink in town: no unit to hold back, shadow and switchback advised instead
            {
                "product.pain": "The ice rink runs short of skate hire staff in the December peak.",
                "done.when_met": "Go live on 1 December.",
                "product.users": "Staff planners at our only site.",
                "done.online_validation": "none",
                "done.pilot_units": "everywhere",
            },
            also=frozenset({"no-online-validation"}),
        ),
        Case(  # the team ticked no pilot; only the peak is read from words
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live on 1 April.",
                "done.online_validation": "none",
                "done.pilot_units": "everywhere",
            },
            evidence=(
                'done.pilot_units: "everywhere" (no unit is left on today\'s process)',
                'product.pain: "Garden centres run out of compost every week in the April-May peak." (april '
                "is the peak: the launch meets the season's most exposure)",
                'done.online_validation: "none"',
            ),
            also=frozenset({"no-online-validation"}),
        ),
    ),
    quiet=(
        Case(  # the team said the pilot runs on units drawn at random
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live in all 48 garden centres on 1 April.",
                "done.online_validation": "none",
                "done.pilot_units": "random",
            }
        ),
        Case(  # a holdout of units keeps a control
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live in all 48 garden centres on 1 April.",
                "done.online_validation": "holdout",
            }
        ),
        Case(  # everywhere at once, but away from the peak
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live in all 48 garden centres on 1 October.",
                "done.online_validation": "none",
                "done.pilot_units": None,
            }
        ),
        Case(  # at the peak, but on a few units first
            {
                "product.pain": "Garden centres run out of compost every week in the April-May peak.",
                "done.when_met": "Go live in 4 garden centres on 1 April.",
                "done.online_validation": "none",
                "done.pilot_units": None,
            }
        ),
    ),
)
def launch_everywhere_at_the_peak(plan: Plan) -> Evidence:
    """The model goes live on every unit at once, in the season the plan names as its peak.

    With no unit kept on today's process, nothing shows whether the launch helped or hurt: the peak
    itself moves the figures more than the model does. And the peak is when errors cost most (stock-outs,
    queues, lost customers) and when there is least time to notice and fix them.

    Mitigation: Go live on a few units first, with matched units kept on today's process as the control,
    before the busy season (or after it); widen in waves once the comparison holds, and keep a manual
    fallback through the peak.
    """
    done = plan.done
    if done.online_validation not in (OnlineValidation.none, OnlineValidation.before_after):
        return None
    when = done.when_met or ""
    pilot = done.pilot_units
    if pilot is not None and pilot is not PilotUnits.everywhere:
        return None  # the team said where it first runs live: not everywhere at once
    everywhere = "no pilot" if pilot is PilotUnits.everywhere else EVERYWHERE.find(when)
    if everywhere is None or shadowed_and_approved(plan):
        return None  # not everywhere at once; or shown in shadow first, with a person approving each output
    at_peak = _BUSY.find(when)
    if at_peak is not None:
        peak_note: tuple[str, ...] = ()
        words: tuple[str, ...] = (everywhere, at_peak)
    else:
        found = _peak_at(plan, _times(when))
        if found is None:
            return None
        path, time = found
        peak_note = (quote(plan, path, f"{time} is the peak: the launch meets the season's most exposure"),)
        words = (everywhere, time)
    if pilot is PilotUnits.everywhere:
        words = words[1:]  # everywhere at once is a fact; only the peak is read from words
        where = quote(plan, "done.pilot_units", "no unit is left on today's process")
    else:
        where = quote(plan, "done.when_met", f"{everywhere}: no unit is left on today's process")
    return Hint(
        words,
        (
            where,
            *peak_note,
            quote(plan, "done.online_validation"),
        ),
    )


# A switchback that guards against carry-over: a gap at each switch, or blocks longer than a day.
_WASHED_OUT = Lexicon("""
    wash-out, washout, wash out, washout days, wash-out days, gap day, gap days, in blocks, week-long blocks
    blocks of a week, blocks of two weeks, fortnightly blocks, weekly blocks
""")


@rule(
    "alternating-periods-carry-over",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Alternate in blocks, with a wash-out, balanced over weekdays",
        "Switched on and off by day, a change carries into the off days (staff keep what they learned, a "
        "booking made on an on day is served on an off day), so the comparison shrinks towards nothing; "
        "and a few dozen periods, not thousands of cases, decide how small a difference it can see",
    ),
    fires=(
        Case(
            {"done.pilot_units": "alternating"},
            evidence=(
                'done.pilot_units: "alternating" (on and off periods share staff and customers: what one '
                "period does carries into the next)",
            ),
        ),
    ),
    quiet=(
        Case({"done.pilot_units": "random"}),
        Case(
            {
                "done.pilot_units": "alternating",
                "done.when_met": "On in alternating weekly blocks, with a wash-out day at each switch.",
            }
        ),
    ),
)
def alternating_periods_carry_over(plan: Plan) -> Evidence:
    """The pilot switches the model on and off in alternating days or weeks (a switchback).

    It is a fair design where units cannot be split, but on and off periods share the same people and
    customers: staff who learned from the model on Monday still use it on Tuesday, and work begun on an
    on day ends on an off day. The effect leaks into the comparison, and the sample size is the number
    of periods, not of cases.

    Mitigation: Alternate in blocks at least as long as a case takes to close, drop a wash-out day at
    each switch, balance on and off periods across weekdays and weeks, draw the order at random, and
    count the periods the comparison needs (its spread is between periods, not between cases).
    """
    if plan.done.pilot_units is not PilotUnits.alternating:
        return None
    if any(_WASHED_OUT.find(text or "") for text in (plan.done.when_met, plan.press_release.solution)):
        return None  # the team leaves a gap at each switch, or alternates in blocks
    return (
        quote(
            plan,
            "done.pilot_units",
            "on and off periods share staff and customers: what one period does carries into the next",
        ),
    )


@rule(
    "no-pilot-where-it-matters",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Stage the roll-out, with comparable units held back",
        "Going live everywhere at once leaves no unit to compare with and exposes every case to its errors; "
        "start on units drawn at random, keep comparable ones on today's process, and widen in waves",
        "warning",
    ),
    instead=(FEW_TO_DRAW,),
    fires=(
        Case(
            {
                "done.pilot_units": "everywhere",
                "product.mode": "automate",
                "done.online_validation": "holdout",
            },
            evidence=(
                'done.pilot_units: "everywhere" (no unit is left on today\'s process)',
                'product.mode: "automate"',
            ),
        ),
        Case(  # judged against the weeks before, on a cut-off nobody checks item by item
            {
                "done.pilot_units": "everywhere",
                "impact.error_severity": "serious",
                "done.online_validation": "before_after",
                "done.when_met": "Hold invoices for real from the first payment run.",
            },
            evidence=(
                'done.pilot_units: "everywhere" (no unit is left on today\'s process)',
                'impact.error_severity: "serious"',
                'done.online_validation: "before_after"',
            ),
        ),
        Case(  # the only site with the press: no unit to hold back, judged by alternating weeks instead
            {
                "done.pilot_units": "everywhere",
                "impact.error_severity": "serious",
                "done.online_validation": "before_after",
                "done.when_met": "Live on every press from the first week.",
                "product.users": "The moulders at our only site with the injection press.",
            },
        ),
    ),
    quiet=(
        Case({"done.pilot_units": "everywhere"}),  # a suggestion people check, judged in a shadow run
        Case(  # everywhere in the end, but in steps: the units not yet reached stay on today's process
            {
                "done.pilot_units": "everywhere",
                "product.mode": "automate",
                "done.online_validation": "holdout",
                "done.when_met": "A stepped roll-out: two depots a month in a random order, the rest on "
                "today's plan until their turn.",
            }
        ),
        Case({"done.pilot_units": "random", "product.mode": "automate"}),
        Case(  # a shadow season everywhere: today's survey cycle carries on and decides, and still does after
            {
                "done.pilot_units": "everywhere",
                "impact.error_severity": "serious",
                "done.online_validation": "shadow",
            }
        ),
        Case(  # one pharmacy, the pharmacist accepts or changes every suggested label before it prints
            {
                "done.pilot_units": "everywhere",
                "impact.error_severity": "serious",
                "done.online_validation": "before_after",
                "product.action_shape": "every_item",
                "product.checked_outputs": "every_before",
            }
        ),
        Case({"done.pilot_units": "everywhere", "product.mode": "automate"}),  # after a shadow run
        Case(  # shadow weeks said in words, then a person approves every draft: harm caught before it lands
            {
                "done.pilot_units": "everywhere",
                "impact.error_severity": "serious",
                "done.online_validation": "before_after",
                "product.action_shape": "every_item",
                "done.when_met": "Four shadow weeks beside today's triage, then live in every clinic.",
            }
        ),
        Case(  # a single pass over the archive: nothing live to stage or hold back
            {
                "done.pilot_units": "everywhere",
                "product.mode": "automate",
                "done.online_validation": "none",
                "product.goal": "Re-code the archive of claims to the new categories in a single pass.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def no_pilot_where_it_matters(plan: Plan) -> Evidence:
    """No pilot: it goes live everywhere at once, where it acts alone or its errors harm.

    A suggestion people check can go everywhere at once: they catch its errors (and a launch with no live
    comparison is no-online-validation's point). So can a shadow run, whose output nothing acts on while
    today's process carries on and decides, where people still decide once live; and an output a person
    decides on, one by one, before it acts. But a system that acts alone, or errors that hurt someone
    with nobody deciding on each output, put every case at risk at once, with no unit on today's process
    to show whether it helped.

    Mitigation: Start on units drawn at random, keep comparable units on today's process over the same
    weeks as the control, and widen in waves once the comparison holds; keep today's process as the
    fallback until then.
    """
    if plan.done.pilot_units is not PilotUnits.everywhere or runs_once(plan):
        return None  # a job run once has no units to stage it over
    if first_said(plan, (*_LIVE_IN, "press_release.solution", "after_launch.fallback"), STAGED_ROLLOUT):
        return None  # a stepped roll-out is planned: units wait their turn on today's process
    if launch_everywhere_at_the_peak(plan) is not None:
        return None  # said there, with the peak
    product, severity, live = plan.product, effective_severity(plan), plan.done.online_validation
    alone = product.mode is Mode.automate or Circumstance.commits_alone in product.circumstances
    if shadow_first(plan) and not alone:
        return None  # nothing acts on it in the shadow run, and once live people still decide
    if person_approves_each(plan):
        return None  # a person decides on every output before it acts: errors meet today's check
    if live is OnlineValidation.canary:
        return None  # a canary is a staged start
    reasons: list[str] = []
    if live is OnlineValidation.shadow:
        pass  # a shadow run shows what it would do alone before it acts
    elif product.mode is Mode.automate:
        reasons.append(quote(plan, "product.mode"))
    elif Circumstance.commits_alone in product.circumstances:
        reasons.append(quote(plan, "product.circumstances", "it acts alone"))
    if severity in SERIOUS:
        reasons.append(severity_quote(plan))
    if not reasons:
        return None  # a suggestion people check, with no live comparison: no-online-validation says that
    if live in _NO_LIVE_CONTROL:
        reasons.append(quote(plan, "done.online_validation"))
    return (quote(plan, "done.pilot_units", "no unit is left on today's process"), *reasons)
