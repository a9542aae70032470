"""Rules on the people who judge a generator's drafts: reviewers sized for speed, raters of presentation.

A lead asks of every person the plan counts on to judge generated text what they are asked to look at
and how fast. A reviewer who checks each draft under a per-review time target or a throughput goal
checks less as the target tightens, and the check becomes a stamp; raters asked about clarity, tone and
template rate how a draft reads, not whether its facts and steps are right. Both reason from the plan's
structure (a generation task, the mode or the guard, the ticked circumstances, the done metrics and
their direction); words of the metrics only say what is timed or rated.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, quote, ticked
from planner.judgement.rules.generative import generated_facts_unchecked
from planner.judgement.rules.harm import effective_severity, serious_harm
from planner.judgement.rules.lexicon import FACTS_COUNTED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, Direction, Guard, Mode, Plan, Severity, TaskType
from planner.plan.oversight import UNCHECKED_FIRST, CheckedOutputs

# Words saying a target times each review or counts drafts handled: minutes per draft, drafts a day.
TIMED_REVIEW = Lexicon("""
    minutes per, seconds per, time per, review time, reviewing time, handling time, editing time
    time to review, time to publish, time to send, time spent per, minutes spent per, drafts per
    reviews per, letters per, guides per, replies per, reports per, notes per, per hour, an hour
    per reviewer, per copywriter, per editor, per agent, per handler, throughput, seconds to, minutes to
""")

# Words saying reviewers' catches are measured: drafts with known errors planted among the real ones.
CATCH_MEASURED = Lexicon("""
    seeded error, seeded errors, seeded drafts, seeded mistakes, planted error, planted errors, planted
    mistakes, injected error, injected errors, deliberate errors, deliberate mistakes, known errors
    catch rate, catch rates, errors caught, errors they catch, errors reviewers catch, caught errors
    share of errors caught, reviewers' catch, reviewer catch
""")


def _checks_each(plan: Plan) -> str | None:
    """The evidence that a person checks each draft before it goes: augment mode, or the review guard,
    and nothing ticked says it acts alone."""
    if ticked(plan, Circumstance.commits_alone) or plan.product.mode is Mode.automate:
        return None
    if plan.product.checked_outputs is CheckedOutputs.every_after:
        return quote(plan, "product.checked_outputs", "a person checks each draft, once it has gone out")
    if plan.product.checked_outputs in UNCHECKED_FIRST:
        return None
    if plan.product.mode is Mode.augment:
        return quote(plan, "product.mode", "a person checks each draft")
    if plan.product.forbidden_guard is Guard.review:
        return quote(plan, "product.forbidden_guard")
    return None


def review_timed(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The done metric (or success metric) that times each review or counts drafts handled: one whose
    direction is lower and whose name times a review, or any that counts throughput."""
    for index, metric in enumerate(plan.done.metrics):
        path = f"done.metrics[{index}].name"
        words = TIMED_REVIEW.find_all(metric.name)
        if words and (metric.direction is Direction.lower_is_better or "throughput" in words):
            return path, words
    return first_said(plan, ("product.success_metric",), TIMED_REVIEW)


@rule(
    "review-sized-for-speed",
    Category.product,
    likelihood=3,
    impact=4,
    ask="will reviewers held to a time per draft still catch its errors, and is that measured?",
    move=Move(
        "Measure how many seeded errors the reviewers catch, not only how fast they review",
        "Reviewers held to a time per draft or a count a day check less as the target tightens, and fluent "
        "drafts read as right: plant drafts with known errors among the real ones, report the share the "
        "reviewers catch beside the time per review, and give them the source beside the draft",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.mode": "augment",
                "impact.error_severity": "serious",
                "done.metrics": [
                    {"name": "Reviewer minutes per letter", "baseline": 30, "target": 5, "direction": "lower"}
                ],
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "augment" (a person checks each draft)',
                'done.metrics[0].name: "Reviewer minutes per letter" (a target on each review\'s speed)',
                "nothing measures how many errors the reviewers catch",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # seeded errors measure what the reviewers catch
            {
                "product.task": "generation",
                "product.mode": "augment",
                "impact.error_severity": "serious",
                "done.metrics": [
                    {
                        "name": "Reviewer minutes per letter",
                        "baseline": 30,
                        "target": 5,
                        "direction": "lower",
                    },
                    {
                        "name": "Share of seeded errors the reviewers catch",
                        "target": 0.95,
                        "direction": "higher",
                    },
                ],
            },
        ),
        Case(  # nobody checks each draft: later-phase and commits rules weigh that
            {
                "product.task": "generation",
                "product.mode": "automate",
                "done.metrics": [
                    {"name": "Reviewer minutes per letter", "baseline": 30, "target": 5, "direction": "lower"}
                ],
            },
        ),
        Case(  # a minor error
            {
                "product.task": "generation",
                "product.mode": "augment",
                "impact.error_severity": "minor",
                "done.metrics": [
                    {"name": "Reviewer minutes per letter", "baseline": 30, "target": 5, "direction": "lower"}
                ],
            },
        ),
    ),
)
def review_sized_for_speed(plan: Plan) -> Evidence:
    """People check each draft under a time target, and nobody measures what they catch.

    In the phase where a person reads every generated draft before it goes, a time per review or a count
    of drafts a day is the plan's measure of success; as the target tightens the reviewer reads less,
    fluent drafts look right, and the check becomes a stamp (automation bias) while the time saved looks
    like the product working. The review is the only safeguard of that phase, and it is sized for speed.

    Mitigation: Plant drafts with known errors among the real ones and report the share the reviewers
    catch beside the time per review, with a floor it must stay above; show the source beside the draft,
    field by field; set the time target only after the catch rate holds.
    """
    if plan.product.task is not TaskType.generation:
        return None
    checks = _checks_each(plan)
    if checks is None or effective_severity(plan) is Severity.minor:
        return None
    timed = review_timed(plan)
    if timed is None:
        return None
    texts = [metric.name for metric in plan.done.metrics] + [plan.done.eval_set, plan.done.when_met]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    texts += [f"{risk.title} {risk.mitigation or ''}" for risk in plan.risks]
    if any(CATCH_MEASURED.find(text) for text in texts):
        return None  # reviewers are tested with drafts whose errors are known
    path, words = timed
    evidence = [quote(plan, "product.task"), checks, quote(plan, path, "a target on each review's speed")]
    volume = ticked(plan, Circumstance.counts_volume)
    if volume:
        evidence.append(volume)
    evidence.append("nothing measures how many errors the reviewers catch")
    if serious_harm(plan):
        return Hint(words, evidence)
    return Hint(words, evidence, likelihood=2)


# Words saying a rating judges how a draft reads: clarity, tone, format, template, house style.
PRESENTATION = Lexicon("""
    clarity, tone, readability, fluency, style, house style, brand voice, format, formatting, layout
    structure, template, template compliance, presentation, grammar, spelling, politeness, empathy
    friendliness, polish, wording, readable, well written, well-written
""")

# Words saying a rating judges whether the draft is right: facts, steps, accuracy, safety.
CORRECTNESS = FACTS_COUNTED + Lexicon("""
    accuracy, accurate, correct, correctness, incorrect, factual accuracy, technical accuracy
    technically correct, fidelity, errors, error, mistakes, wrong, safety, safe, completeness, omissions
""")

# Words saying people rated the drafts: a rating, a rubric, raters, a blind rating.
RATED = Lexicon("""
    rating, ratings, rated, rate, rubric, raters, rater, scored by, graded by, marked by, 1-5, 1 to 5
    five-point, 5-point, likert, out of 5, out of five, out of 10
""")

# Words saying a check is made by a model, not by people.
MACHINE_JUDGED = Lexicon("""
    llm, llms, the checking llm, checking model, judge model, llm judge, llm-as-judge, automatic, automated
    automatically, gpt, nli model, the model's own
""")


def _rated_on_presentation(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer saying people rate drafts on how they read alone (no criterion of being right)."""
    paths = list(metric_name_paths(plan))
    paths += ["by_hand.human_score_notes", "done.eval_set", "product.current_performance"]
    for path in paths:
        text = answer_at(plan, path)
        if not isinstance(text, str) or not RATED.find(text) or CORRECTNESS.find(text):
            continue
        if MACHINE_JUDGED.find(text):
            continue
        words = PRESENTATION.find_all(text)
        if len(words) >= 2:  # criteria listed, each of them presentation
            return path, words
    return None


# Words saying people check: checked by someone, an expert, a reviewer, an audit.
PEOPLE_CHECK = Lexicon("""
    checked by, graded by, reviewed by, marked by, verified by, annotated by, judged by, expert, experts
    human, humans, people, reviewer, reviewers, annotator, annotators, engineer, engineers, pharmacist
    pharmacists, clinician, clinicians, lawyer, lawyers, auditor, auditors, audited, audit, editor, editors
""")


def _people_check_facts(plan: Plan) -> bool:
    """Whether a metric, the evaluation set or the worst error's metric has people (not a model) judge
    whether drafts are right."""
    texts = [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    texts += [plan.done.eval_set or "", plan.done.worst_error_metric or ""]
    return any(
        CORRECTNESS.find(text) and PEOPLE_CHECK.find(text) and not MACHINE_JUDGED.find(text) for text in texts
    )


@rule(
    "raters-judge-presentation",
    Category.model,
    likelihood=3,
    impact=4,
    ask="do the people who rate the drafts judge whether the facts and steps are right, or how the drafts read?",
    move=Move(
        "Have someone who can tell right from wrong check the facts and steps",
        "Ratings of clarity, tone and template say how a draft reads, not whether it is right: have a "
        "person who knows the subject check each fact and step of a random sample against the source, "
        "grade the errors by severity, and gate release on that",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "done.metrics": [
                    {"name": "Fact check of each draft by the checking LLM"},
                    {"name": "Editors' rating of clarity, tone and format (1-5)"},
                ],
            },
            evidence=(
                'done.metrics[1].name: "Editors\' rating of clarity, tone and format (1-5)" (rated on how '
                "it reads: clarity, tone, format)",
                "no person checks whether the facts and steps are right",
            ),
            also=frozenset({"no-done-criteria"}),
        ),
    ),
    quiet=(
        Case(  # people also check correctness
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "done.metrics": [
                    {"name": "Editors' rating of clarity, tone and format (1-5)"},
                    {"name": "Drafts with a factual error, checked by a pharmacist", "target": 0.01},
                ],
            },
        ),
        Case(  # the rating's criteria include correctness
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "done.metrics": [
                    {"name": "Fact check of each draft by the checking LLM"},
                    {"name": "Editors' rating of accuracy, clarity and tone (1-5)", "target": 4},
                ],
            },
            also=frozenset({"judge-uncalibrated"}),
        ),
    ),
)
def raters_judge_presentation(plan: Plan) -> Evidence:
    """People rate the drafts on how they read, and nobody checks whether they are right.

    Raters asked about clarity, tone, structure or template compliance rate a fluent wrong draft as
    highly as a right one, and generated text is always fluent: the rating passes as the quality
    evaluation while a wrong step, a wrong part or a wrong figure goes unseen. A check by a model of its
    faithfulness to its sources is not a person who knows the subject.

    Mitigation: Have someone who can tell right from wrong (an engineer, a clinician, a caseworker) check
    each fact and step of a random sample against the source, grade the errors by severity, and gate
    release on the serious ones; keep the presentation rating as a secondary measure.
    """
    if plan.product.task is not TaskType.generation:
        return None
    found = _rated_on_presentation(plan)
    if found is None or _people_check_facts(plan):
        return None
    if generated_facts_unchecked(plan) is not None:
        return None  # generated-facts-unchecked already says no metric counts wrong facts
    path, words = found
    note = f"rated on how it reads: {', '.join(words)}"
    return Hint(words, (quote(plan, path, note), "no person checks whether the facts and steps are right"))
