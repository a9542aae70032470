"""Rules on whether the evaluation can be trusted: selective labels, inputs known only afterwards, data
unlike production, the worst error uncounted, a rare class with no metric."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import RARE_SHARE, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.errorkinds import uncounted_kind
from planner.judgement.rules.evidence import quote, said_none_quote, says_nothing, show
from planner.judgement.rules.heard import afterwards_in_the_inputs, selection_in_the_label, unlike_in_the_text
from planner.judgement.rules.timing import accrued_in_the_inputs
from planner.plan.choices import label
from planner.plan.model import Category, Difference, OutcomeRecorded, Plan, Severity

_KEEP_A_RANDOM_SHARE = Move(
    "Keep a random share out of the selection, and evaluate on it",
    "Outcomes recorded only for the cases someone chose teach the model the old choices and hide its "
    "misses; a small random share (an exploration or holdout group), logged, gives labels nobody picked",
    "warning",
    first=True,
)


@rule(
    "selective-labels",
    Category.data,
    likelihood=4,
    impact=4,
    move=_KEEP_A_RANDOM_SHARE,
    ask="is the outcome known for the cases nobody selected, and will acting on predictions decide the "
    "next labels?",
    fires=(
        Case(
            {"constraints.data.outcome_recorded_for": "selected_cases"},
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: not answered (no random share is kept to learn from)",
            ),
        ),
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0",
            ),
        ),
        Case(  # "every case", yet the label is what investigators found in the cases they chose
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud confirmed by the investigators on the claims referred to them.",
            },
            evidence=(
                'product.label: "Fraud confirmed by the investigators on the claims referred to them." '
                "(a person chose these cases: confirmed by, investigators, referred)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: keep a random "
                "audit share)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.03,
            }
        ),
        Case(  # a random audit gives every case the same chance of an outcome
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud found by investigators on a random sample of claims referred to them.",
            }
        ),
        Case(  # every claim is settled, with or without an investigation
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Whether the claim was settled without investigation.",
            }
        ),
    ),
)
def selective_labels(plan: Plan) -> Evidence:
    """Outcomes are recorded only for the cases someone chose.

    When the outcome is known only for the cases shown, checked, approved or treated, the data holds
    no outcome for the rest: the model learns the old selection's blind spots, and a test set drawn
    from the same records cannot measure the cases it would newly catch or wrongly pass.

    Mitigation: Keep a small random share (exploration or holdout) where cases are checked whatever
    the score, log it, and evaluate on it; until then, read offline scores as a bound on the selected
    cases only.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for is OutcomeRecorded.every_case:
        return selection_in_the_label(plan)
    if data.outcome_recorded_for is not OutcomeRecorded.selected_cases:
        return None
    if data.exploration_share is not None and data.exploration_share > 0:
        return None
    return (
        quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "only the cases someone showed, checked, approved or treated: what happens to the others is "
            "never seen",
        ),
        quote(plan, "constraints.data.exploration_share")
        if data.exploration_share is not None
        else "constraints.data.exploration_share: not answered (no random share is kept to learn from)",
    )


def _differences_quote(plan: Plan, kinds: list[Difference], note: str) -> tuple[str, ...]:
    """The differences ticked among `kinds`, as the plan holds them, with the note that explains them."""
    found = (f"constraints.data.differences: {show(kinds)} ({note})",)
    if plan.constraints.data.differences_note:
        return (*found, quote(plan, "constraints.data.differences_note"))
    return found


@rule(
    "inputs-after-prediction",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are these inputs known at the moment of prediction, or recorded afterwards?",
    move=Move(
        "Rebuild the training data as it was known at the moment of prediction",
        "An input recorded only afterwards leaks the answer: offline scores look great and collapse "
        "live; for every input, write when its value is known, and drop, lag or snapshot the late ones",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.differences": ["later_inputs"]},
            evidence=(
                'constraints.data.differences: ["later_inputs"] (some inputs are recorded only after the moment '
                "of prediction)",
            ),
        ),
        Case(
            {
                "constraints.data.differences": ["season", "later_inputs"],
                "constraints.data.differences_note": "The payment status is filled in after the run.",
            },
            evidence=(
                'constraints.data.differences: ["later_inputs"] (some inputs are recorded only after the moment '
                "of prediction)",
                'constraints.data.differences_note: "The payment status is filled in after the run."',
            ),
            also=frozenset({"production-differs"}),
        ),
        Case(  # "no differences", yet the inputs are described by what happens afterwards
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "Amounts, supplier and the final payment status of each invoice.",
            },
            evidence=(
                'product.inputs: "Amounts, supplier and the final payment status of each invoice." (words of '
                "afterwards: final; which of these are known at the moment of prediction?)",
                'constraints.data.differences: ["none"] (no input is marked as recorded after the prediction)',
            ),
        ),
        Case(  # not answered, yet an input builds up over the period the label measures
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amounts and the reminders sent during the contract.",
            },
            evidence=(
                'product.inputs: "Supplier, amounts and the reminders sent during the contract." (built up '
                "over the period the label measures, or known at its end: during the contract; which of "
                "these exist at the moment of prediction?)",
                "constraints.data.differences: not answered (which inputs are recorded only afterwards?)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.differences": ["season"]}),
        Case(
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "The final payment status as of the morning of the run.",
            }
        ),
        Case(  # which rows the source holds, not what the model reads
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Closed and settled invoices, 2019-2024",
            }
        ),
        Case(  # a count over the weeks before the prediction is known when predicting
            {
                "constraints.data.differences": [],
                "product.inputs": "Reminders sent during the month before the payment run.",
            }
        ),
    ),
)
def inputs_after_prediction(plan: Plan) -> Evidence:
    """Some inputs are recorded only after the moment of prediction: leakage.

    A value filled in after the moment the model must decide (a status, a count, a later test, an
    outcome code) carries the answer into training; offline scores look excellent and collapse once
    the model runs where that value does not exist yet.

    Mitigation: For every input, write down when its value is known; rebuild the training and test
    data as of the prediction moment (point-in-time snapshots), and drop or lag the late inputs.
    """
    differences = plan.constraints.data.differences
    if Difference.later_inputs in differences:
        return _differences_quote(plan, [Difference.later_inputs], label(Difference.later_inputs))
    said = afterwards_in_the_inputs(plan) if differences == [Difference.none] else None
    # Ticked or not: a total over the labelled period or a value known at close-out, in any task.
    return said or accrued_in_the_inputs(plan)


_UNLIKE_PRODUCTION = (
    Difference.device,
    Difference.channel,
    Difference.language,
    Difference.population,
    Difference.season,
)


@rule(
    "production-differs",
    Category.data,
    likelihood=4,
    impact=4,
    ask="does the data come from another channel, device, source or place than the product will meet?",
    move=Move(
        "Collect production-like data first, and test on it",
        "Data from another device, channel, language, population or season says little about the one "
        "the product meets; collect and label a sample from production (or a pilot) before trusting "
        "any score, or narrow the launch to what the data covers",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.differences": ["device", "population"]},
            evidence=(
                'constraints.data.differences: ["device", "population"] (the product meets another device or '
                "camera, population)",
            ),
        ),
        Case(
            {"constraints.data.differences": ["season"]},
            evidence=(
                'constraints.data.differences: ["season"] (the product meets another season or period)',
            ),
        ),
        Case(  # "no differences", yet the data comes by chat and the product answers the phone
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering phone calls in the service centre.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Chat transcripts of 2024 with the agents\' tags" (the data '
                "comes by chat)",
                'product.users: "Agents answering phone calls in the service centre." (the product meets '
                "phone calls)",
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.differences": ["later_inputs"]}),
        Case(  # the same channel on both sides
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering the live chat.",
            }
        ),
    ),
)
def production_differs(plan: Plan) -> Evidence:
    """The data in hand differs from what the product will see.

    A model trained and tested on another device, channel, language, population or season learns
    that setting's quirks; its score says little about production, and the gap is found after launch.

    Mitigation: Collect and label a sample from the production setting (a pilot, a shadow run) before
    trusting any score, test on it, and narrow the launch to what the data covers until then.
    """
    kinds = [kind for kind in plan.constraints.data.differences if kind in _UNLIKE_PRODUCTION]
    if not kinds:
        return unlike_in_the_text(plan) if plan.constraints.data.differences == [Difference.none] else None
    said = ", ".join(label(kind).split(" (")[0] for kind in kinds)  # "population", not its examples
    found = _differences_quote(plan, kinds, f"the product meets another {said}")
    return found if len(kinds) > 1 else Tempered(3, found)  # one difference: worth a decision, not a stop


@rule(
    "worst-error-uncounted",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Add a guardrail metric that counts the worst error",
        "A target can be met while the error that hurts most goes uncounted (accuracy, F1 and AUC blend "
        "misses with false alarms; an average hides the largest error): give it a metric and a threshold "
        "of its own, on cases checked by people who know the harm",
        "warning",
        first=True,
    ),
    ask="does any done metric count the worst error the text describes?",
    fires=(
        Case(
            {"done.worst_error_metric": "none", "impact.error_severity": "serious"},
            evidence=(
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..." '
                "(the worst error)",
                'done.worst_error_metric: "none" (no done metric counts it)',
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # a moderate harm: medium
            {"done.worst_error_metric": "Not counted yet."},
            evidence=(
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..." '
                "(the worst error)",
                'done.worst_error_metric: "Not counted yet." (no done metric counts it)',
            ),
        ),
        Case(  # missed duplicates cost more, and the metric the team names blends them with false alarms
            {
                "done.metrics[0].name": "F1 of duplicate pairs",
                "done.worst_error_metric": "F1 of duplicate pairs",
                "impact.error_severity": "serious",
            },
            evidence=(
                'impact.costlier_error: "false_negative" (the costlier error is a missed case; add a '
                "guardrail: recall (or the miss rate) of that case, with a floor)",
                'done.metrics[0].name: "F1 of duplicate pairs" (f1: blends missed cases and false alarms into '
                "one figure; not missed cases)",
                'done.worst_error_metric: "F1 of duplicate pairs" (f1: blends missed cases and false alarms '
                "into one figure; not missed cases)",
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # the text describes a false alarm, the only metric counts misses: a question
            {
                "done.metrics[0].name": "Recall of duplicates",
                "done.worst_error_metric": "Recall of duplicates",
                "impact.costlier_error": "similar",
                "impact.error_harm": "A wrongly held invoice delays a small supplier's pay by a week.",
            },
            evidence=(
                'impact.error_harm: "A wrongly held invoice delays a small supplier\'s pay by a week." (the '
                "worst error is false alarms: wrongly held; add a guardrail: precision (or false alarms per "
                "day), with a limit)",
                'done.metrics[0].name: "Recall of duplicates" (recall: counts missed cases; not false alarms)',
                'done.worst_error_metric: "Recall of duplicates" (recall: counts missed cases; not false '
                "alarms)",
            ),
        ),
    ),
    quiet=(
        Case({"done.worst_error_metric": "Not the primary one: recall of duplicates over 10,000 EUR."}),
        Case(  # the team counts the worst error in its own words: taken at its word
            {
                "done.metrics[0].name": "AUC of duplicate pairs",
                "done.worst_error_metric": "Duplicates paid twice per month",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # a metric whose name says nothing known may count it
            {
                "done.metrics": [{"name": "AUC"}, {"name": "Duplicates paid twice per month"}],
                "done.worst_error_metric": None,
            }
        ),
        Case(  # the sound plan's harm names both errors: the words tell no kind
            {"done.metrics[0].name": "Recall of duplicates", "done.worst_error_metric": None}
        ),
    ),
)
def worst_error_uncounted(plan: Plan) -> Evidence:
    """No done metric counts the worst error.

    The team named the error that hurts most, yet none of the done metrics counts it: recall counts
    missed cases, precision false alarms, accuracy, F1 and AUC blend both, an average (MAE, RMSE) hides
    the largest single error. The model can reach every target while making that error as often as
    before, or more.

    Mitigation: Add a guardrail metric on that kind of error with its own threshold (recall of the cases
    that must not be missed, precision or false alarms per day, the 95th-percentile error), measured on
    cases checked by people who know the harm.
    """
    said = plan.done.worst_error_metric
    if said is None or not (says_nothing(said) or _none_of_them(said)):
        return uncounted_kind(plan)
    found = []
    if plan.impact.error_harm:
        found.append(quote(plan, "impact.error_harm", "the worst error"))
    found.append(quote(plan, "done.worst_error_metric", "no done metric counts it"))
    if plan.impact.error_severity in (Severity.serious, Severity.severe):
        return (*found, quote(plan, "impact.error_severity"))
    return Tempered(3, found)


_NONE_COUNTS = re.compile(
    r"(none|nothing|no metric|no one|not counted|not measured|not yet)( of them| of these| yet| so far| counts it)?"
)


def _none_of_them(text: str) -> bool:
    """`None of them.`, `Not counted yet`, `no metric so far`: the answer names no metric."""
    return _NONE_COUNTS.fullmatch(" ".join(text.lower().replace(".", " ").split())) is not None


@rule(
    "rare-class-no-metric",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Choose a metric of the rare class before any modelling",
        "With a rare class, accuracy rewards a model that never finds it; judge precision and recall of "
        "that class at the operating point, and report the do-nothing baseline beside it",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"done.metrics": "none"},
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (predicting the common class every time already "
                "scores 98%)",
                "done.metrics: none (answered: we have none)",
            ),
            also=frozenset({"no-done-criteria"}),
        ),
    ),
    quiet=(Case({"done.metrics": "none", "constraints.data.rarest_class_share": 0.3}),),
)
def rare_class_no_metric(plan: Plan) -> Evidence:
    """A rare class, and no metric chosen.

    When one class is rare, the default scores (accuracy, and often AUC) look excellent for a model
    that misses most of it; without a chosen metric the first results will be read on one of those.

    Mitigation: Choose the done metric now: precision and recall of the rare class at the operating
    point (or PR-AUC, or a cost-weighted score), with the majority-class baseline reported beside it.
    """
    rare = plan.constraints.data.rarest_class_share
    said = said_none_quote(plan, "done.metrics")
    if rare is None or rare >= RARE_SHARE or said is None:
        return None
    note = f"predicting the common class every time already scores {fmt.share(1 - rare)}"
    return (quote(plan, "constraints.data.rarest_class_share", note), said)


def rare_metric_note(plan: Plan) -> str:
    """What the question for a missing done metric adds when a class is rare ('' otherwise)."""
    rare = plan.constraints.data.rarest_class_share
    if rare is None or rare >= RARE_SHARE:
        return ""
    return (
        f" The rarest class is {fmt.share(rare)} of cases, so accuracy reads {fmt.share(1 - rare)} for a "
        "model that never finds it: choose precision and recall of that class."
    )
