"""Rules on evaluation traps that belong to a kind of task: an easy slice that lifts the average over all
cases, a detector that learns each unit's own normal, a ranking scored on repeats anyone could predict.

A figure over all cases can look done while the part the model was built for is not: a lead asks for it
on the hard part, on the units that were faulty all along, on the items a customer had never bought.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import EASY_SLICE, Case, Evidence, Hint, Move, rule
from planner.judgement.rules.easyslice import SLICE_BY_SCORE
from planner.judgement.rules.evidence import answer_at, done_metrics, monitor_paths, quote, show
from planner.judgement.rules.lexicon import RARE_AWARE, SHARE_RIGHT
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Direction, Metric, Plan, TaskType

# A metric or a slice said per part: the hard remainder reported on its own.
_PER_SLICE = Lexicon("""
    hard cases, hard case, hard ones, the hard part, hard remainder, the remainder, the rest
    excluding, excluded, without the easy, easy cases excluded, per slice, by slice, each slice
    per segment, by segment, non-trivial, nontrivial, difficult cases, ambiguous cases, borderline cases
""")

# The easy slice assumed right: what it scores where a plain rule or a person takes it.
_EASY_RIGHT = 0.99
# The least lift (in points of the share) worth a word: below it the average says the same as the rest.
_LIFT = 0.05


def _overall_share(metric: Metric) -> float | None:
    """A done metric's target where it is a share of cases right over all of them (accuracy, recall),
    higher being better: the share it needs, or None."""
    goal = metric.goal()
    if goal is None or metric.direction is not Direction.higher_is_better:
        return None
    goal = goal / 100 if 1 < goal <= 100 else goal
    if not 0 < goal < 1 or _PER_SLICE.find(metric.name) or _PER_SLICE.find(metric.dataset):
        return None
    if not (SHARE_RIGHT.find(metric.name) or RARE_AWARE.find(metric.name)):
        return None
    return goal


@rule(
    "easy-slice-lifts-the-score",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Report the done metric on the hard part apart",
        "An average over all cases counts the easy slice the model hardly needs; set the target on "
        "the remainder the model is built for, and report the slices apart",
        "info",
    ),
    fires=(
        Case(
            {
                "impact.easy_share": 0.6,
                "impact.easy_slice": "Repeat orders of the same items",
                "impact.share_addressed": 1,
                "done.metrics[0].name": "Share of baskets suggested right",
                "done.metrics[0].target": 0.85,
            },
            evidence=(
                "impact.easy_share: 0.6 (easy or out of scope)",
                'impact.easy_slice: "Repeat orders of the same items"',
                'done.metrics[0].name: "Share of baskets suggested right" (target 0.85 over all cases: with '
                "the easy 60% right at 99%, the other 40% need only 64%)",
            ),
            also=frozenset({"easy-slice-first"}),
        ),
    ),
    quiet=(
        Case(  # the target is set on the hard part
            {
                "impact.easy_share": 0.6,
                "done.metrics[0].name": "Accuracy on the hard cases (easy slice excluded)",
                "done.metrics[0].target": 0.8,
            }
        ),
        Case({"impact.easy_share": 0.1, "done.metrics[0].name": "Accuracy", "done.metrics[0].target": 0.9}),
        Case(  # an error to lower: not a share of cases right
            {"impact.easy_share": 0.6, "done.metrics[0].name": "MAE in minutes", "done.metrics[0].target": 5}
        ),
        Case(  # the first model is the easy slice itself
            {
                "impact.easy_share": 0.6,
                "impact.share_addressed": 0.6,
                "done.metrics[0].name": "Accuracy",
                "done.metrics[0].target": 0.9,
            }
        ),
        Case(  # the "easy" cases are those the model is confident about: a threshold on the model itself
            {
                "impact.easy_share": 0.6,
                "impact.easy_slice": "Claims the model is confident about, approved automatically",
                "impact.share_addressed": 1,
                "done.metrics[0].name": "Share of claims decided right",
                "done.metrics[0].target": 0.85,
            }
        ),
    ),
)
def easy_slice_lifts_the_score(plan: Plan) -> Evidence:
    """The easy slice lifts a done metric taken over all cases.

    A share of the cases is easy or plainly out of scope; a target of cases right over all of them is
    mostly met by that slice, so the model can pass while the hard remainder, the part it is built for,
    does no better than today. The arithmetic shows how little the remainder needs. Not where the slice
    is the cases the model itself is confident about: that is a cut-off on its score, not a slice known
    before it runs.

    Mitigation: Set the done target on the hard remainder (or per slice), and report the easy slice
    apart; compare each with what today's process achieves on it.
    """
    impact = plan.impact
    easy, share = impact.easy_share, impact.addressed
    if not isinstance(easy, float) or easy < EASY_SLICE or easy >= 0.95:
        return None
    if share is not None and share <= easy + 0.01:
        return None  # the first model aims at the slice alone
    if SLICE_BY_SCORE.find(impact.easy_slice):
        return None  # the cases the model is sure of: a cut-off on its own score, no slice known beforehand
    for path, metric in done_metrics(plan):
        goal = _overall_share(metric)
        if goal is None:
            continue
        rest = (goal - easy * _EASY_RIGHT) / (1 - easy)
        if goal - rest < _LIFT:
            continue  # the slice barely moves the figure
        need = "nothing at all" if rest <= 0 else f"only {fmt.share(rest)}"
        found = [quote(plan, "impact.easy_share", "easy or out of scope")]
        if impact.easy_slice:
            found.append(quote(plan, "impact.easy_slice"))
        found.append(
            quote(
                plan,
                f"{path}.name",
                f"target {show(metric.goal())} over all cases: with the easy {fmt.share(easy)} right at "
                f"{fmt.share(_EASY_RIGHT)}, the other {fmt.share(1 - easy)} need {need}",
            )
        )
        return tuple(found)
    return None


# A detector that judges each unit against its own past: one model or one baseline per unit.
_OWN_NORMAL = Lexicon("""
    its own history, its own past, its own baseline, its own normal, own baseline, own normal
    own history, per-unit model, per unit model, one model per, a model per, model for each
    per-site model, per site model, per-meter model, per-machine model, per-sensor model
    each unit's, each site's, each machine's, each meter's, each sensor's, each kitchen's, each pump's
    learns each, learned per, baseline per, per-unit baseline, per unit baseline, its usual, its normal
""")

# Where a plan says it compares units with their peers, or starts from a known-good period.
_PEERS = Lexicon("""
    peer, peers, peer group, fleet, fleet-wide, across units, across sites, compared with similar
    similar units, similar sites, known-good, known good, commissioning, after a service, after service
    after inspection, verified healthy, verified normal
""")

# Real faults that judge the detector: a unit faulty all along would show among its misses.
_FAULTS_JUDGE = Lexicon("""
    failure, failures, fault, faults, breakdown, breakdowns, leak, leaks, defect, defects
""")


@rule(
    "unit-learns-its-own-fault",
    Category.model,
    likelihood=3,
    impact=3,
    ask="does a unit that was faulty from the start look normal to its own model?",
    fires=(
        Case(
            {
                "product.task": "anomaly_detection",
                "product.inputs": "Each pump's vibration against its own baseline",
            },
            evidence=('product.inputs: "Each pump\'s vibration against its own baseline"',),
        ),
    ),
    quiet=(
        Case(  # compared with its peers as well
            {
                "product.task": "anomaly_detection",
                "product.inputs": "Each pump's readings against its own baseline and against the fleet of similar pumps",
            }
        ),
        Case({"product.task": "forecasting", "product.inputs": "Each store's sales against its own history"}),
    ),
)
def unit_learns_its_own_fault(plan: Plan) -> Evidence:
    """A detector that learns each unit's own normal takes a lasting fault as normal.

    An anomaly model fitted to each unit's own history flags changes, not faults: a unit that was
    faulty from its first day, or that drifts slowly, becomes its own normal and is never flagged, and
    those are often the costliest.

    Mitigation: Compare each unit with its peers as well as with its own past, fit the per-unit normal
    on a period known to be healthy (after a service or an inspection), and count the known lasting
    faults in the evaluation.
    """
    if plan.product.task is not TaskType.anomaly_detection:
        return None
    paths = (
        "product.inputs",
        "product.output",
        "product.current_solution",
        "constraints.data.differences_note",
    )
    for path in paths:
        found = _OWN_NORMAL.find(answer_at(plan, path))
        if found:
            if any(_PEERS.find(answer_at(plan, other)) for other in (*paths, "product.decision")):
                return None
            if _FAULTS_JUDGE.find(plan.product.label) or _FAULTS_JUDGE.find(plan.done.eval_set):
                return None  # known faults judge it: one its own normal hides shows as a miss
            return Hint((found,), (quote(plan, path),))
    return None


# A quality signal that counts on the readers to notice: reports, complaints, ratings.
_READERS_REPORT = Lexicon("""
    user reports, users report, reported by users, reported by readers, reported by learners
    learners report, students report, customers report, reported by customers, flagged by users
    report button, report-an-error button, flag button, feedback button, thumbs down, thumbs-down
    thumbs up, thumbs-up, star rating, star ratings, user ratings, complaints, complaint rate
    error reports, reported errors, reported mistakes, reports of wrong answers
""")

# Readers who came to learn what the output tells them: they cannot tell when it is wrong.
_NOVICE_READERS = Lexicon("""
    learners, learner, students, student, pupils, beginners, beginner, novices, novice, trainees
    first-time, candidates preparing, patients, the public, members of the public, laypeople, lay readers
    tourists, visitors, newcomers
""")


@rule(
    "readers-cannot-spot-errors",
    Category.model,
    likelihood=3,
    impact=3,
    ask="will the people who read it notice when it is wrong?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.users": "Learners preparing for the pilot theory exam",
                "after_launch.monitoring[0].signal": "Wrong answers reported by learners through the report button",
            },
            evidence=(
                'product.users: "Learners preparing for the pilot theory exam"',
                'after_launch.monitoring[0].signal: "Wrong answers reported by learners through the report button"',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # experts read a sample as well
            {
                "product.task": "generation",
                "product.users": "Learners preparing for the pilot theory exam",
                "after_launch.monitoring[0].signal": "Report button; an instructor reviews 50 random questions a week",
            }
        ),
        Case(  # the readers are the experts
            {
                "product.task": "generation",
                "product.users": "Senior claims handlers",
                "after_launch.monitoring[0].signal": "Thumbs down from handlers",
            }
        ),
    ),
)
def readers_cannot_spot_errors(plan: Plan) -> Evidence:
    """Quality is judged by reports from readers who cannot tell a wrong output.

    Learners, patients or the public read the output to learn what they do not know; a wrong answer
    looks as right to them as a right one, so few report it, and a low report rate says little about
    the error rate.

    Mitigation: Have someone who knows the answer (an instructor, a clinician, an editor) check a random
    sample of outputs each week and count the errors; treat readers' reports as a floor, not the rate.
    """
    if plan.product.task is not TaskType.generation:
        return None
    novices = _NOVICE_READERS.find(plan.product.users)
    if not novices:
        return None
    paths = (
        "product.success_metric",
        *(f"{path}.name" for path, _ in done_metrics(plan)),
        *monitor_paths(plan),
    )
    for path in paths:
        text = answer_at(plan, path)
        signal = _READERS_REPORT.find(text)
        if signal:
            if _EXPERT_SAMPLE.find(text) or any(
                _EXPERT_SAMPLE.find(answer_at(plan, other)) for other in paths
            ):
                return None
            return Hint((novices, signal), (quote(plan, "product.users"), quote(plan, path)))
    return None


# Someone who knows the answer checks a sample: the readers' reports are not the only signal.
_EXPERT_SAMPLE = Lexicon("""
    random sample, random samples, sample reviewed, samples reviewed, reviews a sample, review a sample
    reviews 50, reviews 20, reviews 100, spot check, spot checks, spot-check, spot-checks, audit, audits
    instructor reviews, expert review, expert reviews, editor reviews, clinician reviews
""")


# A quota of flags: `the top 1% of half-hours each day`, `the 20 most unusual meters a week`.
_QUOTA = re.compile(
    r"\b(?:top|highest|most unusual|most anomalous)\s+(\d+(?:\.\d+)?\s*(?:%|percent\b)|\d+\b)(?:[^.;]{0,60}?)"
    r"\b(?:each|every|per|a)\s+(?:day|night|shift|week|hour|month)\b"
    r"|\b(\d+(?:\.\d+)?\s*(?:%|percent\b)|\d+)\s+(?:most unusual|most anomalous|highest-scoring|highest scoring)\b"
    r"[^.;]{0,60}?\b(?:each|every|per|a)\s+(?:day|night|shift|week|hour|month)\b"
)

# A floor beside the quota: quiet days can raise none.
_FLOOR = Lexicon("""
    only above, only if, only when, only those above, and above, at least, above a threshold, minimum score
    minimum cost, expected loss above, none on quiet days, no alerts on quiet days
""")


@rule(
    "quota-alerts-every-day",
    Category.model,
    likelihood=3,
    impact=3,
    ask="will it flag as many on a quiet day as on a bad one?",
    fires=(
        Case(
            {
                "product.task": "anomaly_detection",
                "product.output": "An anomaly score per half-hour; the top 1% of half-hours each day are flagged.",
            },
            evidence=(
                'product.output: "An anomaly score per half-hour; the top 1% of half-hours each day a..." '
                "(a quota: as many flags on a quiet day as on a bad one)",
            ),
            also=frozenset({"model-selects-cases"}),
        ),
    ),
    quiet=(
        Case(  # a floor: quiet days raise none
            {
                "product.task": "anomaly_detection",
                "product.output": "A score per meter; the top 1% each day are flagged, only above an expected "
                "loss of 50 EUR.",
            }
        ),
        Case(  # a queue people work by priority: the quota is their day's capacity
            {"product.task": "ranking", "product.output": "The top 40 invoices each day for the auditors"}
        ),
    ),
)
def quota_alerts_every_day(plan: Plan) -> Evidence:
    """A fixed share of units is flagged every period, whatever happens.

    An anomaly detector that flags the top 1% (or the top 20) each day raises as many alerts on a quiet
    day as on a bad one: on quiet days they are false alarms, on a bad day real faults beyond the quota
    go unflagged, and people learn to skim them.

    Mitigation: Flag above a threshold set on known faults and what they cost, cap the alerts at what
    people can handle, and let a quiet day raise none; measure precision on the flags it raises.
    """
    if plan.product.task is not TaskType.anomaly_detection:
        return None
    for path in ("product.output", "product.decision"):
        text = answer_at(plan, path)
        match = _QUOTA.search(text or "")
        if match and not _FLOOR.find(text):
            return Hint(
                (match.group(0),),
                (quote(plan, path, "a quota: as many flags on a quiet day as on a bad one"),),
            )
    return None


# Tuning on the very cases that score it: the threshold or the settings chosen on the test set.
_TUNED_ON_TEST = Lexicon(
    phrases(
        "threshold, thresholds, cut-off, cut-offs, cutoff, settings, hyperparameters, prompt, prompts",
        "is, are, was, were, will be, ",
        "tuned, chosen, picked, set, selected, calibrated, adjusted, optimised, optimized",
        "on the, on our, using the",
        "test set, test cases, evaluation set, eval set, holdout, hold-out, same cases, same set",
    )
    + ", "
    + phrases(
        "tune, tunes, tuned, tuning, calibrate, calibrates, calibrated, pick, picks, choose, chooses",
        "the threshold, the cut-off, the settings, the prompt",
        "on the, on our, using the",
        "test set, test cases, evaluation set, eval set, holdout, hold-out, same cases, same set",
    )
    + ", "
    + phrases(
        "prompt, prompts, the prompt, the prompts, threshold, the threshold",
        "was, were, is, are, has been, have been, ",
        "refined, iterated, tweaked, revised, improved, developed, written, rewritten, iterated on",
        "on the, against the, using the, with the",
        "eval cases, evaluation cases, test cases, test examples, eval examples, evaluation examples, eval set"
        ", evaluation set, test set, golden set, same cases",
    )
    + """, used both to tune and to report, used to tune and to report, both to tune and to report
    tune and report on the same, tuned and reported on the same, tuning and reporting on the same"""
)

# A separate part for tuning: the test set is then untouched.
_SEPARATE_TUNING = Lexicon("""
    validation set, validation split, development set, dev set, tuning set, separate set, separate split
    cross-validation, cross validation, nested, untouched, never used for tuning, not used for tuning
""")


@rule(
    "tuned-on-the-test",
    Category.model,
    likelihood=3,
    impact=3,
    ask="is the threshold or the prompt tuned on the cases that score it?",
    fires=(
        Case(
            {"done.eval_set": "200 labelled calls; the threshold is tuned on the test set."},
            evidence=('done.eval_set: "200 labelled calls; the threshold is tuned on the test set."',),
        ),
        Case(  # the prompt refined on the very cases the done metric is reported on
            {"done.eval_set": "80 past enquiries; the prompt was refined on the eval cases."},
            evidence=('done.eval_set: "80 past enquiries; the prompt was refined on the eval cases."',),
        ),
        Case({"done.eval_set": "One set of 120 tickets, used both to tune and to report."}),
    ),
    quiet=(
        Case(
            {
                "done.eval_set": "80 past enquiries, held back and scored once; the prompt was refined on 40 others."
            }
        ),
        Case(
            {
                "done.eval_set": "200 labelled calls, untouched; the threshold is tuned on the test set's "
                "twin, a validation set of 150 calls."
            }
        ),
    ),
)
def tuned_on_the_test(plan: Plan) -> Evidence:
    """The threshold or the settings are tuned on the cases that score them.

    A threshold, a prompt or settings chosen on the test set fit its quirks; its score then flatters,
    the more so the fewer positive cases it holds, and nothing is left to say how the model does on
    cases it has not been fitted to.

    Mitigation: Tune on a separate validation part (or by cross-validation) and score the test set once,
    at the end; where positives are few, report the interval around the score.
    """
    paths = (
        "done.eval_set",
        "product.current_solution",
        *(f"{path}.dataset" for path, _ in done_metrics(plan)),
    )
    paths += tuple(f"{path}.name" for path, _ in done_metrics(plan))
    texts = [answer_at(plan, path) for path in paths]
    if any(_SEPARATE_TUNING.find(text) for text in texts if isinstance(text, str)):
        return None
    for path, text in zip(paths, texts, strict=True):
        words = _TUNED_ON_TEST.find(text) if isinstance(text, str) else None
        if words:
            return Hint((words,), (quote(plan, path),))
    return None
