"""The questions a lead asks where a plan's shape calls for a check its answers do not settle.

A rule raises a risk when the answers show it. Many of the costliest kickoff mistakes leave no trace
in the answers: the team believed its own tick-box, or never wrote down the fact that settles it. A
lead still asks, because the plan's shape calls for the check: a roster fixed weeks ahead makes one
ask which inputs exist by then; a worklist of calls ordered by risk makes one ask whether the call
changes the outcome. Each probe here stands beside a rule of the catalogue: it asks only where that
rule stayed quiet, where the plan's shape calls for the check, and where no answer settles it; its
question quotes the answers that make it worth asking. At most a few are shown, costliest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planner.judgement.rules import CATALOGUE
from planner.judgement.rules.anchor import decision_lead, scored_at
from planner.judgement.rules.base import Risk
from planner.judgement.rules.evidence import answer_at, first_said, quote
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Mode, OnlineValidation, OutcomeRecorded, Split
from planner.plan.model import Plan, Severity, TaskType
from planner.plan.workings import ActionShape, RowsPerThing

__all__ = ["PROBES", "Asked", "asked"]

SHOWN = 5  # a lead asks a handful, not a questionnaire

# What a probe finds: its question, and the answers that make it worth asking; None where it does not ask.
Found = tuple[str, tuple[str, ...]] | None


@dataclass(frozen=True)
class Asked:
    """One question a lead would ask of this plan, and the answers that make it worth asking."""

    id: str
    question: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class Probe:
    id: str
    rules: tuple[str, ...]  # the rules whose risk settles it: asked only where none of them fired
    ask: Callable[[Plan], Found]

    @property
    def weight(self) -> int:
        return max(CATALOGUE[rule].likelihood * CATALOGUE[rule].impact for rule in self.rules)


PROBES: dict[str, Probe] = {}


def probe(id: str, *rules: str) -> Callable[[Callable[[Plan], Found]], Probe]:
    def register(ask: Callable[[Plan], Found]) -> Probe:
        unknown = [rule for rule in rules if rule not in CATALOGUE]
        if unknown or id in PROBES:
            raise ValueError(f"probe {id}: unknown rules {unknown} or a duplicate id")
        PROBES[id] = Probe(id, rules, ask)
        return PROBES[id]

    return register


def asked(plan: Plan, risks: Iterable[Risk]) -> tuple[Asked, ...]:
    """The questions this plan calls for that its risks do not already raise, costliest first."""
    raised = {risk.id for risk in risks}
    found = []
    for each in sorted(PROBES.values(), key=lambda each: -each.weight):
        if raised.intersection(each.rules):
            continue
        result = each.ask(plan)
        if result is not None:
            found.append(Asked(each.id, *result))
    return tuple(found[:SHOWN])


def metric_paths(plan: Plan, *parts: str) -> list[str]:
    """Where the done metrics say what they are, what they are scored on, or what they are compared with."""
    return [f"done.metrics[{index}].{part}" for index in range(len(plan.done.metrics)) for part in parts]


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


# ---------------------------------------------------------------- when the decision is taken

# An evaluation or an input read as of the moment of the decision.
AS_OF = Lexicon("""
    as of, as known on, as it stood, as they stood, point-in-time, point in time, snapshot, snapshots
    known at the time, available at the time, data available at, frozen at, cut-off date, vintage, vintages
    up to the forecast day, up to the forecast date, up to the day of the forecast, until the forecast day
""")
_DAYS = "constraints.data.last_input_days"
_EVAL = ("done.eval_set", "product.inputs", "constraints.data.differences_note")


@probe(
    "inputs-known-at-decision",
    "horizon-shorter-than-lead-time",
    "inputs-set-after-the-decision",
    "future-inputs",
    "inputs-after-prediction",
)
def _inputs_known_at_decision(plan: Plan) -> Found:
    inputs, data = answer_at(plan, "product.inputs"), plan.constraints.data
    # A case's own later outcome (a weld's later test result, a loan's default) is predicted from what the
    # case shows when the model predicts: `inputs_known_after` answers when each input is recorded. Only
    # a forecast serves a day whose inputs (bookings, weather) keep arriving after the lever is fixed.
    per_case = plan.product.task is not TaskType.forecasting and bool(plan.product.inputs_known_after)
    lead = decision_lead(plan) if inputs and not per_case else None
    if lead is None or lead.days < 2 or first_said(plan, _EVAL, AS_OF):
        return None
    arrivals = data.arrivals()
    if any(reach >= lead.days for _, (_, reach) in scored_at(plan)) or any(
        isinstance(arrival.days, float) for arrival in arrivals
    ):
        return None  # scored at the lead, or an input's arrival answered (inputs-after-prediction weighs it)
    words, lever, path = lead.words, lead.about, lead.path
    said = (quote(plan, path, f"{lever}: {words}"),)
    unmeasured = [arrival for arrival in arrivals if arrival.name_path and arrival.days == "not measured"]
    if unmeasured:
        # The team named the inputs that arrive last but not when: ask when, and how to find out.
        names = " and ".join(arrival.name.strip().rstrip(".") for arrival in unmeasured)
        each, reach = ("each", "reach") if len(unmeasured) > 1 else (names, "reaches")
        about = "the input that reaches the tables last"
        return (
            f"The decision ({lever}) is fixed {words}, and when {names} {reach} your tables is not measured: "
            f"how many days before the day it serves does {each} arrive (check the load timestamps of a few "
            f"rows against the day each serves), and does the evaluation forecast from the data as it stood "
            f"{words}?",
            (
                *said,
                *(
                    line
                    for arrival in unmeasured
                    for line in (
                        quote(plan, arrival.name_path or "", about if arrival.days_path == _DAYS else ""),
                        f"{arrival.days_path}: not measured",
                    )
                ),
            ),
        )
    # The input the team says arrives last is the one to ask about by name.
    suspect = f"{data.last_input} (the input that reaches your tables last)" if data.last_input else None
    named = suspect or f"each input ({short(inputs)})"
    because = quote(plan, "constraints.data.last_input") if data.last_input else quote(plan, "product.inputs")
    return (
        f"The decision ({lever}) is fixed {words}: is {named} known that long before the day it "
        f"serves, and does the evaluation forecast from the data as it stood {words}?",
        (*said, because),
    )


# ---------------------------------------------------------------- the effect of acting

# What people do to a case the model puts at the top: an action meant to change its outcome.
ACTS = Lexicon("""
    call, calls, called, calling, phone, phones, phoned, offer, offers, offered, reminder, reminders, remind
    reminds, outreach, contact, contacts, contacted, nudge, nudges, follow up, follows up, chase, chases
    chased, chasing, coach, coaches, coaching, retention offer, save offer, discount, discounts, voucher
    vouchers, send a letter, sends a letter, e-mail, email, emails, text message, text messages, persuade
""")
# The label is a later outcome, one an action taken now could still change.
LATER = Lexicon("""
    within, next, later, afterwards, will, by the end of, in the following, over the following, default
    defaults, defaulted, churn, churned, lapse, lapsed, no-show, no-shows, readmission, readmitted, relapse
    dropout, drop out, drops out, non-payment, unpaid, written off, write-off, attrition, fails, failed
""")
# Words that say the output is the chance of the bad outcome itself.
RISK_OF = Lexicon("""
    risk, risks, probability, probabilities, likelihood, chance, chances, likely, propensity, score
    scores, risk score, will default, will churn, will lapse, will fail, will not pay
""")
# The plan already measures or ranks by the action's effect.
EFFECT = Lexicon("""
    uplift, effect of, effect of the, treatment effect, causal, control group, control groups, randomised
    randomized, at random, random share, holdout group, hold-out group, control arm, persuadable, persuadables
    incremental, incrementality, who responds, would respond, would have paid anyway, counterfactual
""")
_ACT_IN = ("product.decision", "product.current_solution", "heuristics.humans_handle")
_EFFECT_IN = (
    "product.output",
    "product.label",
    "product.decision",
    "done.when_met",
    "done.eval_set",
    "product.success_metric",
)


@probe("effect-of-acting", "outcome-not-effect")
def _effect_of_acting(plan: Plan) -> Found:
    product = plan.product
    if product.mode not in (Mode.improve, Mode.augment) or product.action_shape not in (
        ActionShape.top_of_queue,
        ActionShape.threshold,
        ActionShape.up_to_capacity,
        None,
    ):
        return None
    acting = first_said(plan, _ACT_IN, ACTS)
    risk = first_said(plan, ("product.output", "product.label"), RISK_OF)
    later = LATER.find(answer_at(plan, "product.label")) or LATER.find(answer_at(plan, "product.output"))
    if acting is None or risk is None or not later or first_said(plan, _EFFECT_IN, EFFECT):
        return None
    path, words = acting
    return (
        f"People act on the cases scored highest ({', '.join(words)}): does that action change the outcome, "
        "and for which cases? Ranking by the chance of the bad outcome picks cases the action may not "
        "change (lost anyway, or fine anyway); rank by its expected effect, learned from a random share.",
        (quote(plan, path, ", ".join(words)), quote(plan, risk[0], ", ".join(risk[1]))),
    )


# ---------------------------------------------------------------- the live test

# Units of people or places a live test may be split by: few of them, and they talk to each other.
GROUPS = Lexicon("""
    agent, agents, team, teams, store, stores, shop, shops, branch, branches, depot, depots, site, sites
    district, districts, region, regions, clinic, clinics, ward, wards, school, schools, crew, crews, shift
    shifts, warehouse, warehouses, office, offices, plant, plants, line, lines, farm, farms, hospital
    hospitals, practice, practices, county, counties, city, cities, route, routes, planner, planners
    coordinator, coordinators, officer, officers, nurse, nurses, clerk, clerks, driver, drivers, technician
    technicians, inspector, inspectors, reviewer, reviewers, adviser, advisers, advisor, advisors, caseworker
    caseworkers, dispatcher, dispatchers, operator, operators, scheduler, schedulers, analyst, analysts
""")
# The plan says what is randomised, or how large the test must be.
POWERED = Lexicon("""
    randomised by, randomized by, randomised per, randomized per, at random by, random by, by account
    per account, by customer, per customer, by day, by days, alternate days, by case, per case, power
    powered, power analysis, sample size, minimum detectable, detectable effect, significance, confidence
    interval, cases per arm, per arm, each arm, at random, randomly, random half, matched
""")
# Two arms compared in one answer.
COMPARED = Lexicon("""
    vs, versus, compared with, compared to, against, control, controls, pilot, pilots, the others, the rest
    on the model list, on the current list, with the model, without the model
""")
_LIVE = ("done.when_met", "product.decision", "done.fold_action")


@probe("live-test-units", "holdout-of-few-units", "no-online-validation")
def _live_test_units(plan: Plan) -> Found:
    live = plan.done.online_validation
    if live not in (OnlineValidation.a_b_test, OnlineValidation.holdout):
        return None
    paths = [*metric_paths(plan, "dataset"), "done.when_met"]
    group = next(
        (
            (path, words)
            for path in paths
            if (words := GROUPS.find_all(answer_at(plan, path))) and COMPARED.find(answer_at(plan, path))
        ),
        None,
    )
    if group is None or first_said(plan, (*_LIVE, *paths), POWERED):
        return None
    units = group[1][0] if group[1][0].endswith("s") else group[1][0] + "s"
    metric = (plan.product.success_metric or "").split(",")[0] or (
        plan.done.metrics[0].name if plan.done.metrics else "the metric"
    )
    return (
        f"The live test compares {units}: does it randomise cases, days, or whole {units}? With a few "
        f"{units} per arm, differences between them swamp the model's; how many per arm does a real "
        f"change in {short(str(metric), 50)} need?",
        (quote(plan, "done.online_validation"), quote(plan, group[0], ", ".join(group[1]))),
    )


# ---------------------------------------------------------------- the baseline's provenance

# Today's figure was measured, on the same footing as the model will be.
MEASURED = Lexicon("""
    measured, measured on, logged, counted, audited, audit, audits, recorded, from the system, backtest
    backtests, backtested, same test set, same cases, same set, on the test set, replayed, re-run, rerun
    scored on, from the logs, log data, ledger, over the last, actual, actuals, against, timestamps
""")
# Today's figure was told, guessed or set by a default.
TOLD = Lexicon("""
    self-reported, they report, staff report, report that, reported by, tell us, tells us, told us, estimated
    rough estimate, roughly, guess, guessed, by eye, believe, believes, default, defaults, anecdotally
""")


@probe(
    "baseline-provenance",
    "baseline-unmeasured",
    "straw-man-baseline",
    "no-baseline",
    "target-without-baseline",
)
def _baseline_provenance(plan: Plan) -> Found:
    baseline = plan.done.metrics[0].baseline_figure if plan.done.metrics else None
    if not isinstance(baseline, (int, float)) or not baseline:
        return None
    where = ("product.current_performance", "by_hand.human_score_notes", "done.metrics[0].dataset")
    told = first_said(plan, where, TOLD)
    if told is None or first_said(plan, where, MEASURED):
        return None
    metric = plan.done.metrics[0]
    path, words = told
    return (
        f"Today's {metric.baseline_said} on {short(metric.name, 50)} is the bar to beat: was it measured on the "
        "cases, labels and horizon the model will be scored on? A figure people report or estimate "
        "moves the bar by more than most models improve on it.",
        (quote(plan, "done.metrics[0].baseline"), quote(plan, path, ", ".join(words))),
    )


# ---------------------------------------------------------------- whose outcomes are recorded

# People choose which cases get the action whose outcome becomes the label.
CHOSEN = Lexicon("""
    choose which, chooses which, choose who, chooses who, choose whom, chooses whom, pick which, picks which
    decide which, decides which, decide who, decides who, decide whether to, decides whether to, select which
    selects which, at their discretion, by judgement, by judgment, by experience, prioritise, prioritises
    prioritize, prioritizes, shortlist, shortlists, shortlisted, hand-pick, hand-picks, hand-picked
""")


@probe("outcomes-of-the-chosen", "selective-labels", "model-selects-cases", "decision-hides-outcome")
def _outcomes_of_the_chosen(plan: Plan) -> Found:
    data = plan.constraints.data
    if data.outcome_recorded_for is not OutcomeRecorded.every_case or kept_out(plan):
        return None
    today = answer_at(plan, "product.current_solution")
    chosen, acting = CHOSEN.find_all(today), ACTS.find_all(today)
    if not chosen or not acting:
        return None
    return (
        f"Every case has an outcome, yet today people pick which cases to {acting[0]} "
        f"({', '.join(chosen)}): is the outcome recorded the same way for the cases nobody chose? If it exists only "
        "where someone acted, the model learns from the chosen cases and is scored on them.",
        (quote(plan, "constraints.data.outcome_recorded_for"), quote(plan, "product.current_solution")),
    )


# ---------------------------------------------------------------- test cases that share a parent

# Data whose rows come in families: pages, images, questions, lines or visits of one parent.
FAMILIES = Lexicon("""
    pages, images, photos, frames, clips, crops, patches, tiles, questions, line items, lines, visits
    sessions, messages, turns, readings, sentences, paragraphs, chunks, passages, sections, scans, views
""")


@probe(
    "test-shares-parents",
    "random-split-on-grouped-data",
    "eval-items-share-a-parent",
)
def _test_shares_parents(plan: Plan) -> Found:
    data, done = plan.constraints.data, plan.done
    if done.split is not Split.random or data.rows_per_thing not in (None, RowsPerThing.not_checked):
        return None
    family = first_said(plan, ("done.eval_set", "product.inputs"), FAMILIES)
    if family is None:
        return None
    path, words = family
    return (
        f"The test set is drawn at random from {', '.join(words)}: do test rows share a parent (one "
        "document, site, customer or batch) with training rows? Then the score is optimistic; draw the test "
        "by the parent and report per parent.",
        (quote(plan, "done.split"), quote(plan, path, ", ".join(words))),
    )


# ---------------------------------------------------------------- which error costs more

_AMOUNTS = (TaskType.regression, TaskType.forecasting)
_NO_TWO_ERRORS = (TaskType.generation, TaskType.clustering, TaskType.extraction)
# Answers that say a wrong output has consequences, quoted where the costlier error is left blank.
_CONSEQUENCES = ("product.decision", "product.action_shape", "impact.action_cost", "impact.error_harm")


@probe("costlier-error-unsaid", "cutoff-never-scored", "amount-error-weighed-alike", "limit-call-unscored")
def _costlier_error_unsaid(plan: Plan) -> Found:
    impact, product = plan.impact, plan.product
    if impact.costlier_error is not None or product.task in _NO_TWO_ERRORS:
        return None
    automate = product.mode is Mode.automate
    severity = effective_severity(plan)
    weighty = severity in (Severity.moderate, Severity.serious, Severity.severe)
    if not (automate or weighty or product.action_shape is not None):
        return None
    said = [quote(plan, path) for path in _CONSEQUENCES if answer_at(plan, path)]
    if automate:
        said.append(quote(plan, "product.mode", "each output is acted on with nobody checking it"))
    if weighty:
        said.append(severity_quote(plan))
    if not said:
        return None
    if product.task in _AMOUNTS or product.action_shape is ActionShape.sets_amount:
        question = (
            "Which costs more here, a figure too low or one too high, and by roughly how much? "
            "impact.costlier_error is blank, yet the loss to train on, the metric (a quantile at the level the "
            "cost ratio sets) and any safety margin all follow from the answer."
        )
    else:
        question = (
            "Which error costs more here, a false alarm or a missed case, and by roughly how much? "
            "impact.costlier_error is blank, yet the cut-off, the metric to judge it by and how many cases "
            "people check all follow from the answer."
        )
    return question, tuple(said[:3])


# The questions a lead asks from the kind of system the plan describes (matching, retrieval, automation),
# about what the record can say (labels made by a choice, records capped, counts met by doing less), and
# where a weekly cycle in the words disagrees with the lead time answered.
from planner.judgement import (  # noqa: E402  (registers them)
    assistant_probes as _assistant_probes,  # noqa: F401
    attention_probes as _attention_probes,  # noqa: F401
    cause_probes as _cause_probes,  # noqa: F401
    cutoff_probes as _cutoff_probes,  # noqa: F401
    cycle_probes as _cycle_probes,  # noqa: F401
    episode_probes as _episode_probes,  # noqa: F401
    grain_probes as _grain_probes,  # noqa: F401
    input_probes as _input_probes,  # noqa: F401
    label_probes as _label_probes,  # noqa: F401
    onbooks_probes as _onbooks_probes,  # noqa: F401
    people_probes as _people_probes,  # noqa: F401
    pool_probes as _pool_probes,  # noqa: F401
    queue_probes as _queue_probes,  # noqa: F401
    record_probes as _record_probes,  # noqa: F401
    shape_probes as _shape_probes,  # noqa: F401
    writer_probes as _writer_probes,  # noqa: F401
)
