"""Rules on where a model first runs live and what a later phase changes (`done.pilot_units`, `later_phase`).

A lead asks how the pilot's units were chosen (volunteers, the easiest or hand-picked units flatter; the
worst improve on their own; no pilot leaves nothing to compare with), and wants a later phase that drops
people's check, widens the scope or feeds a new decision evaluated on its own.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answered_quotes, first_said, quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.setup import (
    CATCH_IN,
    CATCH_MEASURED,
    COMPARED_ALIKE,
    FEW_TO_DRAW,
    SCOPE_SAID,
    adds_people_only,
    few_units,
    judged_alone,
    population_held,
    runs_once,
    scope_change,
    scope_held,
)
from planner.plan.choices import Mode, OnlineValidation
from planner.plan.model import Category, Plan
from planner.plan.stakes import LaterPhase, PilotUnits
from planner.plan.workings import Newcomers

_NO_LIVE_CONTROL = (OnlineValidation.none, OnlineValidation.before_after)
_PICKED_NOTE = {  # why each choice flatters the pilot
    PilotUnits.volunteers: "volunteers are the keenest: they use it best",
    PilotUnits.easiest: "the easiest units flatter any change",
    PilotUnits.typical: "units picked as typical are picked by people, often the ones that work",
}
_LIVE_IN = ("done.when_met", "product.success_metric", "done.online_validation")
_UNCHECKED = {"done.later_phase": ["removes_check"], "done.online_validation": "canary"}  # judged live only


@rule(
    "pilot-on-picked-units",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Draw the pilot's units at random, with comparable ones left as they are",
        "Volunteers, the easiest or hand-picked units make any change look good; units drawn at random, with "
        "comparable units kept on today's process (or a roll-out in a random order), say what the roll-out gets",
        "warning",
    ),
    fires=(
        Case(
            {"done.pilot_units": "volunteers"},
            evidence=('done.pilot_units: "volunteers" (volunteers are the keenest: they use it best)',),
        ),
        Case(
            {"done.pilot_units": "typical"},
            evidence=(
                'done.pilot_units: "typical" (units picked as typical are picked by people, often the ones that '
                "work)",
            ),
        ),
    ),
    quiet=(
        Case({"done.pilot_units": "random"}),
        Case({"done.pilot_units": None}),
        Case(
            {"done.pilot_units": "typical", "done.when_met": "Start on kiln 2, then kilns 1 and 3."}
        ),  # a handful
        Case(  # the trial camera sits on one of four machines: the pilot unit is the only one possible
            {"done.pilot_units": "typical", "done.when_met": "Shadow on machine 3, then live on machine 3."}
        ),
        Case(  # a pawnbroker's main branch of three first: one of a handful, no sample to draw
            {
                "done.pilot_units": "typical",
                "product.users": "Valuers at our three branches.",
                "done.when_met": "Pilot at the main branch, then the other two.",
            }
        ),
        Case(  # a festival held a few events a year: no comparable units to draw from
            {"done.pilot_units": "typical", "product.goal": "Forecast bar staffing at a few events a year."}
        ),
        Case(  # picked by the team, but rolled out in a random order over the rest
            {
                "done.pilot_units": "easiest",
                "done.when_met": "Start in two easy depots, then a staggered roll-out in a random order.",
            }
        ),
        Case(  # a one-time move of old records: no live service whose pilot must transfer
            {
                "done.pilot_units": "easiest",
                "product.goal": "Move the old supplier records into the new ledger in a one-time run, easiest branches first.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def pilot_on_picked_units(plan: Plan) -> Evidence:
    """The pilot runs on volunteers, the easiest or hand-picked units: its result will not transfer.

    The keenest teams use a new tool best, the easiest units improve with any attention, and units people
    pick as typical are the ones they expect to work. The pilot's gain then overstates what the roll-out
    gets, and the decision to widen rests on it.

    Mitigation: Draw the pilot's units at random from those it will reach, with comparable units left on
    today's process over the same weeks (or roll out in a random, staggered order), and judge the roll-out
    on that comparison.
    """
    picked = plan.done.pilot_units
    if picked not in _PICKED_NOTE or runs_once(plan) or few_units(plan):
        return None  # a handful of units: one drawn at random is no sample
    if first_said(plan, _LIVE_IN, COMPARED_ALIKE):
        return None
    return (quote(plan, "done.pilot_units", _PICKED_NOTE[picked]),)


@rule(
    "pilot-on-worst-units",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Compare the worst units acted on with similar worst units left alone",
        "Units picked for a bad spell improve next period on their own; only worst units left alone over the "
        "same weeks show what the model adds",
        "warning",
    ),
    instead=(FEW_TO_DRAW,),
    fires=(
        Case(
            {"done.pilot_units": "worst", "done.online_validation": "before_after"},
            evidence=(
                'done.pilot_units: "worst" (units picked for doing worst improve next period anyway: '
                "regression to the mean)",
                'done.online_validation: "before_after"',
            ),
            also=frozenset({"no-online-validation"}),
        ),
    ),
    quiet=(
        Case({"done.pilot_units": "worst", "done.online_validation": "a_b_test"}),
        Case(
            {
                "done.pilot_units": "worst",
                "done.online_validation": "holdout",
                "done.when_met": "Half of the twenty worst depots get the model; the other half, left alone, "
                "are the control.",
            }
        ),
        Case(  # a merge of duplicate records done once, checked by its own audit
            {
                "done.pilot_units": "worst",
                "done.online_validation": "before_after",
                "product.goal": "A one-off merge of duplicate customer files, worst regions first, audited per batch.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def pilot_on_worst_units(plan: Plan) -> Evidence:
    """The pilot runs on the units doing worst: they improve next period anyway.

    Units picked for a bad spell drift back towards their usual level on their own (regression to the
    mean), so a before-and-after or a comparison with ordinary units credits the model with the recovery.

    Mitigation: Pick more worst units than the pilot takes, act on a random half and leave the rest alone
    over the same weeks; judge the model on the difference between the two halves.
    """
    if plan.done.pilot_units is not PilotUnits.worst or runs_once(plan):
        return None
    live = plan.done.online_validation
    if live is OnlineValidation.a_b_test or first_said(plan, _LIVE_IN, COMPARED_ALIKE):
        return None
    note = "units picked for doing worst improve next period anyway: regression to the mean"
    return (quote(plan, "done.pilot_units", note), *answered_quotes(plan, "done.online_validation"))


@rule(
    "pilot-units-not-decided",
    Category.product,
    likelihood=2,
    impact=3,
    fires=(
        Case(
            {"done.pilot_units": "not_decided", "done.online_validation": "before_after"},
            evidence=('done.pilot_units: "not_decided"', 'done.online_validation: "before_after"'),
            also=frozenset({"no-online-validation"}),
        ),
    ),
    quiet=(
        Case({"done.pilot_units": "not_decided"}),  # a shadow run needs no units chosen
        Case(  # one crew sorts the whole harvest: no units to choose between
            {
                "done.pilot_units": "not_decided",
                "done.online_validation": "before_after",
                "product.users": "A single crew grades the olive harvest at the mill.",
            }
        ),
        Case(  # a one-off conversion of old files: no units to pick for a live start
            {
                "done.pilot_units": "not_decided",
                "done.online_validation": "before_after",
                "product.goal": "A one-off conversion of the scanned deeds to text, then the scanner queue retires.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def pilot_units_not_decided(plan: Plan) -> Evidence:
    """Where it first runs live is not decided, and the live check rests on it.

    With no live comparison planned, or only a before-and-after, how the first units are chosen decides
    whether the result means anything: volunteers or the worst units flatter it.

    Mitigation: Decide the pilot's units now: draw them at random from those the roll-out reaches, with
    comparable units left on today's process over the same weeks.
    """
    if plan.done.pilot_units is not PilotUnits.not_decided or runs_once(plan) or few_units(plan):
        return None  # a handful of units: none to choose between
    if plan.done.online_validation not in _NO_LIVE_CONTROL:
        return None
    return (quote(plan, "done.pilot_units"), quote(plan, "done.online_validation"))


@rule(
    "later-phase-drops-the-check",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure today's catch rate, and evaluate the unchecked system",
        "Once people stop checking, nobody catches the model's errors; measure now how many of its errors "
        "people catch and how often they just accept it, and name the done metric that judges the phase "
        "without them",
        "warning",
    ),
    fires=(
        Case(
            _UNCHECKED,
            evidence=(
                'done.later_phase: ["removes_check"] (the evaluation so far is of the model with people '
                "checking it)",
                'product.mode: "augment" (people check every output today)',
                'done.worst_error_metric: "Recall of duplicates at 95% precision" (judged with the check in '
                "place)",
            ),
        ),
        Case(  # harmful errors once nobody checks: high
            {**_UNCHECKED, "impact.error_severity": "severe"},
            evidence=(
                'done.later_phase: ["removes_check"] (the evaluation so far is of the model with people '
                "checking it)",
                'product.mode: "augment" (people check every output today)',
                'impact.error_severity: "severe" (errors that hurt, with nobody to catch them)',
                'done.worst_error_metric: "Recall of duplicates at 95% precision" (judged with the check in '
                "place)",
            ),
        ),
    ),
    quiet=(
        Case({"done.later_phase": ["nothing"]}),
        Case({"done.later_phase": ["removes_check"], "done.eval_truth": "outcomes"}),  # shadow: judged alone
        Case(
            {
                **_UNCHECKED,
                "done.worst_error_metric": "Share of the model's wrong holds the clerks overturn (override "
                "rate), measured for a month before they stop checking.",
            }
        ),
    ),
)
def later_phase_drops_the_check(plan: Plan) -> Evidence:
    """A later phase removes people's check, but the evaluation is of the model with people checking it.

    While people check each output, their catches hide the model's errors; once they stop, every error
    goes through. Nobody knows today how many errors they catch, or how often they just accept the output,
    so nothing says what dropping the check will cost.

    Mitigation: Measure, before dropping the check, how many of the model's errors people catch and how
    often they accept without looking; evaluate the unchecked system on its own, with a done metric for
    the worst error it will make alone (impact.error_harm), and keep a sampled audit once the check goes.
    """
    done = plan.done
    if (
        LaterPhase.removes_check not in done.later_phase
        or plan.product.mode is Mode.automate
        or runs_once(plan)
    ):
        return None
    if first_said(plan, CATCH_IN, CATCH_MEASURED) or judged_alone(plan):
        return None  # people's catches measured, or the model judged alone against outcomes in a shadow run
    evidence = [
        quote(plan, "done.later_phase", "the evaluation so far is of the model with people checking it"),
        quote(plan, "product.mode", "people check every output today"),
    ]
    harmful = serious_harm(plan)
    if harmful:
        evidence.append(severity_quote(plan, "errors that hurt, with nobody to catch them"))
    if done.worst_error_metric:
        evidence.append(quote(plan, "done.worst_error_metric", "judged with the check in place"))
    elif plan.impact.error_harm:
        evidence.append(quote(plan, "impact.error_harm", "no done metric counts this error"))
    return tuple(evidence) if harmful else Tempered(2, evidence)


@rule(
    "later-phase-widens-scope",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Label a sample from the new scope before widening",
        "The data holds none of the new sites, groups, languages or channels; collect and label a sample "
        "from each and report the metric per scope before the model reaches it",
        "warning",
    ),
    fires=(
        Case(
            {"done.later_phase": ["wider_scope"], "done.when_met": "Phase two adds the regions we acquired."},
            evidence=(
                'done.later_phase: ["wider_scope"] (the data holds none of the new scope)',
                'done.when_met: "Phase two adds the regions we acquired." (says "acquired")',
                'constraints.data.differences: ["none"]',
            ),
        ),
    ),
    quiet=(
        Case({"done.later_phase": ["nothing"]}),
        Case({"done.later_phase": ["wider_scope"]}),  # ticked, but nothing says what the data lacks
        Case(
            {
                "done.later_phase": ["wider_scope"],
                "done.when_met": "Pilot at 3 depots, then roll out to all 40.",
            }
        ),
        Case(  # already said: the data differs in language, and other rules ask for it
            {"done.later_phase": ["wider_scope"], "constraints.data.differences": ["language"]}
        ),
        Case(  # the records already come from every branch, and the metric is reported per branch
            {
                "done.later_phase": ["wider_scope"],
                "constraints.data.differences_note": "The ledger already includes the northern branches "
                "the second phase adds.",
            }
        ),
        Case({"done.later_phase": ["wider_scope"], "done.when_met": "Roll out to all planners."}),  # users
        Case(  # the data covers every customer: rolling out to all after the pilot reaches no one new
            {
                "done.later_phase": ["wider_scope"],
                "constraints.data.sources[0].name": "Payment history of all customer accounts, 2019-2025",
            }
        ),
        Case(  # phase 2's region is already in the sources
            {
                "done.later_phase": ["wider_scope"],
                "done.when_met": "Start on the Tyne ferry; phase 2 adds the Solent crossings.",
                "constraints.data.sources[0].name": "Ticket scans from the Tyne and Solent ferries, 2021-2025",
            }
        ),
        Case(  # a job done once: no later phase of a live service to widen
            {
                "done.later_phase": ["wider_scope"],
                "product.goal": "Tag the back catalogue of product photos, then hand the tags to the shop.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def later_phase_widens_scope(plan: Plan) -> Evidence:
    """A later phase widens the scope to sites, groups, languages or channels the data does not hold.

    The evaluation says how the model does where its data comes from. New sites, groups, languages or
    channels bring other cases, other recording habits and other base rates, and nothing in hand measures
    the model on them. The tick alone is no evidence: a roll-out of the same task to more sites or users
    is common; a later clause marking what it adds as new, or sources from one part only, shows it.

    Mitigation: Before widening, collect and label a sample from each new scope, report the metric per
    scope beside the pooled one, and widen only where its floor holds.
    """
    if LaterPhase.wider_scope not in plan.done.later_phase or runs_once(plan):
        return None
    data = plan.constraints.data
    if any(kind in SCOPE_SAID for kind in data.differences) or data.newcomers in (
        Newcomers.many,
        Newcomers.all_new,
    ):
        return None  # the plan already says its data differs: the rules on differences ask for it
    if scope_held(plan) or adds_people_only(plan) or population_held(plan):
        return None  # the data already holds the wider scope, or the roll-out adds users on the same data
    change = scope_change(plan)
    if change is None:
        return None  # an ordinary roll-out of the same task: nothing says what the data lacks
    path, words = change
    return (
        quote(plan, "done.later_phase", "the data holds none of the new scope"),
        quote(plan, path, f'says "{words}"'),
        *answered_quotes(plan, "constraints.data.differences"),
    )
