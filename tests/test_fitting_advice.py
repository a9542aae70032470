"""Advice that fits the plan: a rule's `instead` replaces its move and mitigation where its own would
advise what the plan cannot do, as a user sees it in `planner risks` and `planner show`."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.judgement.rules import CATALOGUE
from planner.plan.planfile import plan_to_text
from tests.conftest import MakeWorkspace
from tests.test_review import fired, patched, sound

_CHOSEN = {"constraints.data.outcome_recorded_for": "selected_cases"}
_ACTED = {"constraints.data.outcome_recorded_for": "changed_by_action", "product.mode": "automate"}
_ALONE = {"product.circumstances": ["commits_alone"]}
_PRICED = {**_CHOSEN, "product.action_shape": "sets_amount"}  # the buyers choose which cases get an outcome
_ACCEPTED = "Hours worked on the jobs customers accepted from our quotes."
_SEVERE = {**_ACTED, "impact.error_severity": "severe", "impact.costlier_error": "false_negative"}
_PUBLISHES = {
    **_ALONE,
    "product.decision": "The site publishes the merged person pages.",
    "product.output": "For each pair of records, whether they describe the same person.",
}

_HUBS = {
    "done.split": "random",
    "constraints.data.rows_per_thing": "several",
    "constraints.data.repeated_unit": "one charging hub's day",
}
_BY_TIME = "Split by time: train before a cutoff, test on what came after it"
_BY_GROUP = "Split by group (all rows of one unit on the same side), not at random"
_RANDOM_SHARE = "Keep a random share out of the selection, and evaluate on it"
_WHO_CHOOSES = "Record the cases not chosen, and correct for who chooses"
_SHARE_OUT = "Keep a share of traffic out of the model's hands"
_HISTORY = "Handle the actions already in the history before the first model"
_NONE_BACK = "Hold no action back: log each one, and act on a random few below the cut"
_CARE = "Compare without withholding care: a stepped roll-out, or cases flagged later"
_WARD = {
    "product.decision": "The nurse in charge reviews the patients the model flags.",
    "product.label": "Sepsis diagnosed within 24 hours.",
    "impact.harm_kinds": ["health"],
}
_PRODUCED = "Hold out a random share nobody acts on: the history shows who was acted on"
_SELF_ACTING = {
    "impact.flagged_per_day": 900,
    "impact.capacity_per_day": 40,
    "product.mode": "automate",
    "product.decision": "The system blocks each flagged card payment itself.",
    "product.decision_owner": "The payments risk lead.",
    "heuristics.humans_handle": None,
}
_BAND = "Send the uncertain band to people, audit a sample, keep actions reversible"
_CAPS = "Bound what it may commit alone before it goes live"
_LIMITS = "Bound what it may do alone before it goes live"
_INSTRUMENTS = "Bound what it sets alone, and read its error from the instruments"
_REGIME = {
    "product.task": "forecasting",
    "constraints.data.labels": ["outcomes"],
    "done.eval_set": "A random fifth.",
}
_TEST_AFTER = "Test on cases after the change, and tell the model which regime each case is under"
_LEARN_ONE = "Find when the standard or the regime changed, and learn one"

# (the rule, answers patched onto the sound plan, the advice given, the advice not given, how the
# register's mitigation begins, the advice `planner show` leads with: None where another leads)
_UNWORKED = {"by_hand.examples": 0, "product.data_kinds": ["text"], "product.current_performance": None}
# nobody did cases by hand, none of today's outputs are kept, and today's figure is not measured
_UNWORKED |= {"constraints.data.labeled_examples": None, "done.metrics[0].baseline": None}
_UNWORKED |= {"by_hand.done_today_by": None}  # who does it today is said in words only
_BY_HAND = "Do the task by hand before modelling"
_BESIDE = "Work cases beside the people who do it today, and score a sample of theirs"
_PRICE = {
    "product.action_shape": "sets_amount",
    "product.task": "regression",
    "impact.costlier_error": "too_high",
    "done.metrics[0].name": "MAE of the price against the sold price",
}
_BY_COST = "Score the amount by what each error costs, not by a symmetric error"
_THE_FORECAST = "Score the forecast by what its errors cost the decision, not by a symmetric error"
CASES: list[tuple[str, dict[str, Any], str, str, str, str | None]] = [
    (  # a price is no forecast: no staffing or service level in its advice
        "amount-error-weighed-alike",
        _PRICE,
        _BY_COST,
        _THE_FORECAST,
        "Put a cost on each side of the error",
        None,
    ),
    (  # a forecast that sets an amount: the decision's cost at the service level
        "amount-error-weighed-alike",
        {**_PRICE, "product.task": "forecasting"},
        _THE_FORECAST,
        _BY_COST,
        "Score what the decision pays",
        None,
    ),
    (  # people do the task every day: the team works cases beside them, not alone
        "never-done-by-hand",
        {**_UNWORKED, "product.current_solution": "Staff read each request and price it by hand."},
        _BESIDE,
        _BY_HAND,
        "Sit with the people who do the task today",
        _BESIDE,
    ),
    (  # nobody does it today: the team does cases itself
        "never-done-by-hand",
        {**_UNWORKED, "product.current_solution": "No one checks today."},
        _BY_HAND,
        _BESIDE,
        "Do 50-100 real cases by hand",
        _BY_HAND,
    ),
    ("selective-labels", _CHOSEN, _RANDOM_SHARE, _WHO_CHOOSES, "Keep a small random share", _RANDOM_SHARE),
    (  # the output sets a price: the buyers choose which cases get an outcome
        "selective-labels",
        _PRICED,
        _WHO_CHOOSES,
        _RANDOM_SHARE,
        "Customers, not the model, choose which cases get an outcome",
        _WHO_CHOOSES,
    ),
    (  # the label is what customers chose: the quotes they accepted
        "selective-labels",
        {**_CHOSEN, "product.action_shape": "choose_among", "product.label": _ACCEPTED},
        _WHO_CHOOSES,
        _RANDOM_SHARE,
        "Customers, not the model, choose which cases get an outcome",
        _WHO_CHOOSES,
    ),
    (  # every item gets the output (a depth estimate on each quote); the customers pick which are drilled
        "selective-labels",
        {**_CHOSEN, "product.action_shape": "every_item"},
        "Record the cases nobody picked, and compare them with the picked",
        _RANDOM_SHARE,
        "The output selects nothing here",
        "Record the cases nobody picked, and compare them with the picked",
    ),
    (  # customers chose, but the output's cut-off picks cases too: a random share of those still fits
        "selective-labels",
        {**_CHOSEN, "product.label": _ACCEPTED},
        _RANDOM_SHARE,
        _WHO_CHOOSES,
        "Keep a small random share",
        _RANDOM_SHARE,
    ),
    (
        "feedback-loop",
        _ACTED,
        _HISTORY,
        _NONE_BACK,
        "Before the first model, keep whether each case was treated",
        _HISTORY,
    ),
    (  # the call makes the sale: the history shows who was called, not who would buy
        "feedback-loop",
        {**_ACTED, "product.label": "Sale closed within 30 days of the call."},
        _PRODUCED,
        _HISTORY,
        "Keep whether and when each case was acted on as an input",
        _PRODUCED,
    ),
    (  # the call prevents the lapse: the treated look safe, the usual wording holds
        "feedback-loop",
        {**_ACTED, "product.label": "Membership not renewed at the end of the year."},
        _HISTORY,
        _PRODUCED,
        "Before the first model, keep whether each case was treated",
        _HISTORY,
    ),
    (  # the flagged are patients and the label their illness: no case is left untreated to measure
        "selective-labels",
        {**_CHOSEN, **_WARD},
        _CARE,
        _RANDOM_SHARE,
        "Never leave a flagged sick case untreated",
        _CARE,
    ),
    (  # health at stake, but the flagged cases are water supplies: a random share is sampled as usual
        "selective-labels",
        {**_CHOSEN, **_WARD, "product.label": "E. coli found in the water sample."},
        _RANDOM_SHARE,
        _CARE,
        "Keep a small random share",
        _RANDOM_SHARE,
    ),
    (  # patients named, but the team said a wrong output harms only money: no care wording
        "selective-labels",
        {**_CHOSEN, **_WARD, "impact.harm_kinds": ["money"]},
        _RANDOM_SHARE,
        _CARE,
        "Keep a small random share",
        _RANDOM_SHARE,
    ),
    (  # the output settles a dispute between landlord and tenant: outcomes by side come first
        "fairness-unchecked",
        {
            "constraints.data.personal_data": True,
            "product.decision": "Which tenants get their deposit back when landlord and tenant dispute it.",
        },
        "Compare outcomes by side of the dispute, then by group within each",
        "Check outcomes across protected groups before launch",
        "Report, on the test set and once live, how often each side",
        None,
    ),
    (  # a missed case pays for it: hold no action back, add a few below the cut
        "feedback-loop",
        _SEVERE,
        _NONE_BACK,
        _HISTORY,
        "Hold no action back where a case held back pays for it",
        None,
    ),
    (  # serious errors, but a needless action costs more: holding some back costs little
        "feedback-loop",
        {**_ACTED, "impact.error_severity": "serious", "impact.costlier_error": "false_positive"},
        _HISTORY,
        _NONE_BACK,
        "Before the first model, keep whether each case was treated",
        _HISTORY,
    ),
    (  # a hold hides the outcome, and a missed duplicate pays for it: hold none back, add a few below
        "decision-hides-outcome",
        {
            "constraints.data.model_decides_labels": None,
            "constraints.data.outcome_recorded_for": None,
            "constraints.data.labels": ["outcomes"],
            "impact.error_severity": "severe",
            "impact.costlier_error": "false_negative",
        },
        _NONE_BACK,
        _SHARE_OUT,
        "Hold no action back where a case held back pays for it",
        None,
    ),
    (  # a closure and a cap changed what drives a recorded count, not what it means: no relabelling
        "label-standard-changed",
        {
            **_REGIME,
            "constraints.data.period": "Jan 2019 - Jun 2025",
            "constraints.data.changes": "Closed in spring 2020, then capped at 900 tickets a day.",
        },
        _TEST_AFTER,
        _LEARN_ONE,
        "Find the date of the change; split by time",
        None,
    ),
    (  # the grading standard itself changed: relabel a sample of the older cases
        "label-standard-changed",
        {**_REGIME, "constraints.data.changes": "A new grading standard for defects from 2023."},
        _LEARN_ONE,
        _TEST_AFTER,
        "Find the date of the change; relabel",
        None,
    ),
    (  # the same hubs are forecast again: split by time, not by hub
        "random-split-on-grouped-data",
        {**_HUBS, "constraints.data.newcomers": "few"},
        _BY_TIME,
        _BY_GROUP,
        "Split by time: train before a cutoff",
        _BY_TIME,
    ),
    (  # each unit's next weeks, no newcomers said: the same units again
        "random-split-on-grouped-data",
        {**_HUBS, "product.output": "Sessions expected at the hub in each of the next 14 days."},
        _BY_TIME,
        _BY_GROUP,
        "Split by time: train before a cutoff",
        _BY_TIME,
    ),
    (  # a forecast of the sites it holds and of new ones: both tests in one move, no "split by group"
        "random-split-on-grouped-data",
        {
            **_HUBS,
            "product.task": "forecasting",
            "constraints.data.repeated_unit": "one charging site's day",
            "product.output": "Sessions per site and day, for our 40 sites and the new sites opening next year.",
        },
        "Split by time, and hold out whole units for the new ones",
        _BY_GROUP,
        "Train before a cutoff and test after it, keeping a few whole units out",
        "Split by time, and hold out whole units for the new ones",
    ),
    (  # photos of the same plots: near-copies by capture, whatever the product meets
        "random-split-on-grouped-data",
        {**_HUBS, "constraints.data.newcomers": "few", "product.data_kinds": ["images"]},
        _BY_GROUP,
        _BY_TIME,
        "Split by group",
        _BY_GROUP,
    ),
    (  # most hubs are new: a split by hub is the test production meets
        "random-split-on-grouped-data",
        {**_HUBS, "constraints.data.newcomers": "many"},
        _BY_GROUP,
        _BY_TIME,
        "Split by group",
        _BY_GROUP,
    ),
    ("commits-unchecked", _ALONE, _CAPS, _LIMITS, "Cap each action and the daily total", _CAPS),
    (  # it sets a dose whose outcome instruments record: its error is read from them, not a person's audit
        "commits-unchecked",
        {**_ALONE, "product.action_shape": "sets_amount", "constraints.data.label_writer": "event"},
        _INSTRUMENTS,
        _CAPS,
        "Keep hard limits and a limit on each step outside the model",
        _INSTRUMENTS,
    ),
    (  # it publishes pages: limits on how many and which, not caps on amounts
        "commits-unchecked",
        _PUBLISHES,
        _LIMITS,
        _CAPS,
        "Limit how many actions it takes alone each day and which cases it may act on",
        _LIMITS,
    ),
    (  # the system acts on each case alone: capacity sizes the band sent to people, not its actions
        "flags-exceed-capacity",
        _SELF_ACTING,
        _BAND,
        "Set the threshold by what people can handle; judge precision at that budget",
        "Send the cases near the threshold to people",
        _BAND,
    ),
    (  # the label copies the estimate, and the test is scored on the actual outcome: train on it too
        "label-copied-from-estimate",
        {"constraints.data.label_writer": "copied", "done.eval_truth": "outcomes"},
        "Train and score on the actual outcome, not the estimate or decision",
        "Measure how often the label is a copy, and build a checked evaluation set",
        "Join the recorded actual outcome to each case",
        None,
    ),
    (  # a yes/no label: the cases that ended another way are unknown, not negatives
        "outcome-ends-another-way",
        {"constraints.data.outcome_limits": ["other_exits"]},
        "Count the cases that ended another way as unknown, not as 'no'",
        "Keep the cases that ended another way, with how and when",
        "Record how and when each case ended; label the cases that ended another way unknown",
        "Count the cases that ended another way as unknown, not as 'no'",
    ),
]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("rule_id", "changes", "given", "not_given", "mitigation", "leads"),
    CASES,
    ids=[f"{case[0]}-{number}" for number, case in enumerate(CASES)],
)
def test_the_advice_that_fits_the_plan_is_what_the_user_sees(
    make_workspace: MakeWorkspace,
    rule_id: str,
    changes: dict[str, Any],
    given: str,
    not_given: str,
    mitigation: str,
    leads: str | None,
) -> None:
    make_workspace({"plans/p/plan.yaml": plan_to_text(patched({**changes, "status": "draft"}))})
    text = run("risks", "p")
    assert rule_id in text
    assert f"\n  {given}\n" in text and not_given not in text
    markdown = run("risks", "p", "--format", "markdown")
    row = next(line for line in markdown.splitlines() if f"(`{rule_id}`)" in line)
    assert row.split(" | ")[-1].startswith(mitigation)
    shown = run("show", "p")
    assert not_given not in shown
    assert f"next: {leads} (" in shown if leads else given not in shown


_NEVER_SEEN = (
    'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, checked, '
    "approved or treated: what happens to the others is never seen)"
)


@pytest.mark.parametrize(
    ("rule_id", "changes", "evidence"),
    [
        (  # who chose is quoted in place of the random share nobody can keep
            "selective-labels",
            _PRICED,
            (
                _NEVER_SEEN,
                'product.action_shape: "sets_amount" (the output does not choose the cases: whoever takes up '
                "the amount it sets does)",
            ),
        ),
        (
            "selective-labels",
            {**_CHOSEN, "product.action_shape": "choose_among", "product.label": _ACCEPTED},
            (
                _NEVER_SEEN,
                f'product.label: "{_ACCEPTED}" (customers chose these cases: customers accepted)',
            ),
        ),
        (
            "feedback-loop",
            _SEVERE,
            (
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting on a prediction changes '
                "the outcome the model learns from; the history already holds today's actions: the cases it "
                "treated show fewer bad outcomes, so the riskiest look safe) (no exploration or holdout share given)",
                'product.action_shape: "threshold" (the action goes to the cases the model ranks first)',
                'impact.error_severity: "severe" (a case held back from the action pays for it)',
            ),
        ),
        (  # an action that moves no money is asked for limits, not caps
            "commits-unchecked",
            {**_PUBLISHES, "done.online_validation": None},
            (
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.decision: "The site publishes the merged person pages." (what it does alone is a '
                "publication, not a payment)",
                "no limit on how many actions a day or on which cases it takes alone, and no way to undo one, "
                "is named",
            ),
        ),
        (
            "commits-unchecked",
            {**_ALONE, "done.online_validation": None},
            (
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                "no cap per action or per day, and no way to reverse an action, is named",
            ),
        ),
    ],
)
def test_the_evidence_names_the_fact_the_advice_turns_on(
    rule_id: str, changes: dict[str, Any], evidence: tuple[str, ...]
) -> None:
    assert fired(patched(changes))[rule_id] == evidence


def test_a_plan_no_alternative_fits_gets_each_rule_s_own_advice() -> None:
    plan = sound()  # a payment held for a check, moderate errors, an outcome for every invoice
    # clerks check every held invoice today: never-done-by-hand's advice is to work beside them
    assert CATALOGUE["never-done-by-hand"].fitting(plan) is not CATALOGUE["never-done-by-hand"]
    plan = patched({"by_hand.done_today_by": None})  # who does it today unsaid: nothing else fits either
    assert all(spec.fitting(plan) is spec for spec in CATALOGUE.values())


def test_every_alternative_is_other_advice_with_its_own_mitigation() -> None:
    with_alternatives = [spec for spec in CATALOGUE.values() if spec.instead]
    assert {spec.id for spec in with_alternatives} >= {
        "selective-labels",
        "feedback-loop",
        "commits-unchecked",
    }
    for spec in with_alternatives:
        for other in spec.instead:
            assert other.move is None or spec.move is None or other.move.title != spec.move.title
            assert len(other.mitigation) > 30 and other.mitigation != spec.mitigation
            assert other.mitigation.endswith(".") and "\n" not in other.mitigation
