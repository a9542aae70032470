"""Rules on where the evaluation's inputs come from: written for the test, simulated, or not decided.

A lead asks what the evaluation's inputs are before reading any score: questions a language model
wrote from the documents use the corpus's own words and ask only what it answers, so retrieval and
answers score far above what real users ask; an optimiser scored by a simulator, often the team's own
model of the world, is judged by something that shares its errors. The rules reason from
`done.eval_inputs`; words of the evaluation set only say that real cases are sampled too, or that the
simulator was checked against what really happened.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, ticked, truth_paths
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.lexicon import REAL_SAMPLED, SIMULATOR_VALIDATED, SYNTHETIC_CASES
from planner.plan.model import (
    Category,
    Circumstance,
    EvalInputs,
    EvalTruth,
    Mode,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    Severity,
    Status,
    TaskType,
)

_LIVE = (
    OnlineValidation.a_b_test,
    OnlineValidation.holdout,
    OnlineValidation.canary,
    OnlineValidation.interleaving,
)


def _said_in_eval(plan: Plan) -> list[str]:
    """The texts that say what the evaluation holds: its set, each metric's name and data, when-met."""
    return [answer_at(plan, path) or "" for path in (*truth_paths(plan), "done.when_met")]


@rule(
    "eval-cases-written",
    Category.data,
    likelihood=3,
    impact=4,
    ask="are the evaluation's questions or cases written or generated for the test rather than met in use?",
    move=Move(
        "Score the headline metric on real questions, not ones written for the test",
        "Questions written or generated from the documents use their words and ask what they answer, so "
        "the score runs far above real users': sample real questions or cases (logs, tickets, today's "
        "process) for the headline metric, and keep the written ones for coverage",
        "warning",
    ),
    fires=(
        Case(
            {"done.eval_inputs": "synthetic"},
            evidence=(
                'done.eval_inputs: "synthetic" (written or generated for the test, not met in use)',
                "no real questions or cases are sampled for the headline metric",
            ),
        ),
        Case(  # the words say so and nothing is ticked: a question
            {
                "done.eval_inputs": None,
                "done.eval_set": "500 synthetic questions an LLM generated from the policy documents.",
            },
        ),
        Case(  # real questions are sampled too: a low note to keep them apart
            {
                "done.eval_inputs": "synthetic",
                "done.eval_set": "300 generated questions plus 200 real questions from the chat logs.",
            },
        ),
    ),
    quiet=(
        Case({"done.eval_inputs": "real_cases"}),
        Case(
            {
                "done.eval_inputs": "real_cases",
                "done.eval_set": "500 questions, some synthetic, checked by the analysts.",
            }
        ),
        Case({"done.eval_inputs": "simulated"}),
    ),
)
def eval_cases_written(plan: Plan) -> Evidence:
    """The evaluation's inputs were written for the test, not met in use.

    Questions a language model (or the team) wrote from the documents use the corpus's own words and ask
    what the documents answer; real users misspell, ask two things at once, use their own words and ask
    what no document holds. Retrieval and answers score far above what real questions get, and the gap
    shows only after launch. Cases invented for the test do the same for any model: they hold what their
    authors thought of.

    Mitigation: Sample real questions or cases (search and chat logs, tickets, today's process) for the
    headline metric, with their answers checked; keep the written ones as a coverage set reported apart,
    and add real questions the documents cannot answer.
    """
    inputs = plan.done.eval_inputs
    if inputs is None:
        found = first_said(plan, truth_paths(plan), SYNTHETIC_CASES)
        if found is None or any(REAL_SAMPLED.find(text) for text in _said_in_eval(plan)):
            return None
        path, words = found
        return Hint(words, (quote(plan, path),))
    if inputs is not EvalInputs.synthetic:
        return None
    said = quote(plan, "done.eval_inputs", "written or generated for the test, not met in use")
    if any(REAL_SAMPLED.find(text) for text in _said_in_eval(plan)):
        return Tempered(1, (said, quote(plan, "done.eval_set")))  # real ones too: keep them apart
    return (said, "no real questions or cases are sampled for the headline metric")


@rule(
    "eval-by-simulator",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Check the simulator against real outcomes, and judge the decision live",
        "A model of the world that scores the optimiser shares its blind spots, most when the team built "
        "both: compare the simulator's predictions with held-out real outcomes, and judge the decision on "
        "a live holdout before it replaces today's",
        "warning",
    ),
    fires=(
        Case(
            {"done.eval_inputs": "simulated", "done.online_validation": "shadow"},
            evidence=(
                'done.eval_inputs: "simulated" (scored by a simulation or replay, not by what happened)',
                'done.online_validation: "shadow" (no live comparison of the decision)',
            ),
        ),
        Case(  # it sets the controls itself and nothing judges it live: high
            {
                "done.eval_inputs": "simulated",
                "done.online_validation": "none",
                "product.mode": "automate",
            },
            evidence=(
                'done.eval_inputs: "simulated" (scored by a simulation or replay, not by what happened)',
                'done.online_validation: "none" (no live comparison of the decision)',
                'product.mode: "automate"',
            ),
        ),
        Case(  # it acts alone, yet a wrong setting does little harm: medium
            {
                "done.eval_inputs": "simulated",
                "done.online_validation": "none",
                "product.mode": "automate",
                "impact.error_severity": "minor",
            },
        ),
        Case(  # judged live, the simulator unchecked: lower
            {"done.eval_inputs": "simulated", "done.online_validation": "a_b_test"},
        ),
    ),
    quiet=(
        Case({"done.eval_inputs": "real_cases"}),
        Case(  # past reviews replayed in the model's order, each item's recorded decision revealed
            {
                "product.task": "ranking",
                "done.eval_inputs": "simulated",
                "done.eval_truth": "todays_decisions",
                "constraints.data.outcome_recorded_for": "every_case",
                "done.online_validation": "none",
            }
        ),
        Case(
            {
                "done.eval_inputs": "simulated",
                "done.online_validation": "holdout",
                "done.eval_set": "Replays of 2024 scored by the demand simulator, validated against held-out "
                "real outcomes of 2025.",
            }
        ),
    ),
)
def eval_by_simulator(plan: Plan) -> Evidence:
    """The evaluation scores the decision with a simulator, not with what happened.

    An optimiser (prices, stock, set points, routes, offers) judged by a simulation or a replay scored by
    a model is judged by a model of the world, often the team's own: where both share an error (a
    demand response they both assume, a customer reaction neither has seen) the score cannot show it,
    and the optimiser learns to exploit the simulator's mistakes. The score says how good the decision
    is in the simulator, not in the world.

    Mitigation: Validate the simulator against held-out real outcomes before trusting its score
    (its predictions beside what happened, in the ranges the optimiser will push to), and judge the
    decision live on a holdout or A/B test before it replaces today's.
    """
    if plan.done.eval_inputs is not EvalInputs.simulated:
        return None
    if _replays_recorded_truth(plan):
        return None  # a replay in the model's order of answers recorded for every case: what happened
    said = quote(plan, "done.eval_inputs", "scored by a simulation or replay, not by what happened")
    online = plan.done.online_validation
    live = online in _LIVE
    validated = any(SIMULATOR_VALIDATED.find(text) for text in _said_in_eval(plan))
    if live and validated:
        return None
    if live or validated:
        return Tempered(2, (said, *((quote(plan, "done.online_validation"),) if live else ())))
    unlive = (quote(plan, "done.online_validation", "no live comparison of the decision"),) if online else ()
    minor = effective_severity(plan) is Severity.minor
    if online is OnlineValidation.none and not minor:  # the simulated score alone decides go-live
        acts = (
            quote(plan, "product.mode")
            if plan.product.mode is Mode.automate
            else ticked(plan, Circumstance.sets_controls)
        )
        if acts:
            return (said, *unlive, acts)
    return Tempered(3, (said, *unlive))


# Tasks whose output orders or pairs cases without changing what each case turns out to be.
_SORTS_CASES = (TaskType.ranking, TaskType.matching)


def _replays_recorded_truth(plan: Plan) -> bool:
    """Whether the `simulated` evaluation is a replay of recorded truth: the model only orders or sorts
    cases (ranking, matching, setting no controls), the truth is recorded for every case
    whatever was done, and the evaluation reads it (outcomes, today's decisions, checked labels). Then the
    replay reveals what happened in the model's order; no model of the world scores it."""
    return (
        plan.product.task in _SORTS_CASES
        and plan.constraints.data.outcome_recorded_for is OutcomeRecorded.every_case
        and plan.done.eval_truth in (EvalTruth.outcomes, EvalTruth.todays_decisions, EvalTruth.checked)
        and not ticked(plan, Circumstance.sets_controls)
    )


@rule(
    "eval-inputs-undecided",
    Category.data,
    likelihood=1,
    impact=4,
    move=Move(
        "Decide where the evaluation's cases come from",
        "A score is only as good as the cases it is measured on: decide they are real cases drawn as the "
        "product will meet them, before anyone reads a number",
    ),
    fires=(
        Case(
            {"done.eval_inputs": "not_decided"},
            evidence=(
                'done.eval_inputs: "not_decided"',
                "done.metrics[0].target: 0.75",
            ),
        ),
    ),
    quiet=(
        Case({"done.eval_inputs": "real_cases"}),
        Case({"done.eval_inputs": "not_decided", "status": "draft", "done.metrics": []}),
    ),
)
def eval_inputs_undecided(plan: Plan) -> Evidence:
    """Nobody has decided where the evaluation's cases come from.

    Targets are set, or the plan is past its draft, yet nobody knows whether the cases the model will be
    scored on are real ones drawn as the product meets them, ones people picked, ones written for the
    test or a simulation: each gives a different number for the same model.

    Mitigation: Decide before any score is read: real cases drawn at random from what the product will
    meet, after the training period; anything picked, written or simulated reported apart.
    """
    if plan.done.eval_inputs is not EvalInputs.not_decided:
        return None
    said = quote(plan, "done.eval_inputs")
    for index, metric in enumerate(plan.done.metrics):
        if metric.target is not None:
            return (said, quote(plan, f"done.metrics[{index}].target"))
    if plan.status is not Status.draft:
        return (said, quote(plan, "status"))
    return None
