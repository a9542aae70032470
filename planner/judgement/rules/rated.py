"""Rules on judging a generator whose rare answers can hurt by an average rating of a proportional sample.

A sample drawn in proportion to volume holds few of the rare inputs where a wrong answer does harm (the
serious finding, the dangerous dose, the urgent case), and a mean rating of that sample moves by a hair
when one of them goes badly. Two error kinds never show in a rating of what was said: what the answer
left out, and the false reassurance it gave. A lead asks for a set enriched with the rare high-stakes
inputs, and for omissions and false reassurance counted as errors with their own targets.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, quote, truth_paths
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# A done metric that averages ratings of the outputs.
MEAN_RATING = Lexicon("""
    mean rating, mean ratings, average rating, average ratings, mean score, average score, mean quality
    average quality, likert, 1-5 rating, 1 to 5 rating, 1-5 scale, 1 to 5 scale, five-point, 5-point
    rated 1-5, rated 1 to 5, star rating, star ratings, mean of the ratings, average of the ratings
    mean helpfulness, average helpfulness, mean clarity, average clarity, mean accuracy rating
    rating, ratings, rated, likert score, likert scale, thumbs-up, thumbs up, out of 10, out of five
    out of 5, reviewer score, reviewer scores, expert rating, expert ratings, helpfulness score
""")

# Words that say the evaluation seeks out the rare, high-stakes inputs or counts what was left out.
HARD_CASES_SOUGHT = Lexicon("""
    enriched, enrich, oversampled, oversample, stratified, high-risk cases, high risk cases, high-stakes
    high stakes, rare cases, edge cases, hard cases, red-team, red team, red-teamed, red teaming
    adversarial set, urgent cases, serious findings, critical findings, omission, omissions, omitted
    left out, false reassurance, falsely reassured, missed finding, missed findings
""")


@rule(
    "generator-judged-by-average-rating",
    Category.model,
    likelihood=3,
    impact=4,
    ask="is a generator whose rare answers can hurt judged by an average rating of a proportional sample?",
    move=Move(
        "Test the rare high-stakes inputs apart, and count omissions",
        "A proportional sample holds few of the rare inputs where a wrong answer hurts, and a mean rating "
        "barely moves when one goes badly; add a set enriched with those inputs, and count omissions and "
        "false reassurance as errors, each with a target near zero",
        "warning",
    ),
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "generation",
                "impact.error_severity": "serious",
                "done.metrics": [
                    {"name": "Average score from clinician reviewers", "target": 0.9, "direction": "higher"}
                ],
            },
            also=frozenset({"anchoring-on-proposal", "target-beyond-human", "generated-facts-unchecked"}),
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.task": "generation",
                "impact.error_severity": "serious",
                "done.metrics": [{"name": "Helpfulness score", "target": 0.9, "direction": "higher"}],
                "done.eval_set": "200 questions sampled at random from last month's log, each rated 1-5 by a pharmacist",
            },
            also=frozenset(
                {
                    "anchoring-on-proposal",
                    "target-beyond-human",
                    "generated-facts-unchecked",
                    "eval-items-share-a-parent",
                }
            ),
        ),
        Case(
            {
                "product.task": "generation",
                "impact.error_severity": "serious",
                "done.metrics[0].name": "Mean rating of the drafts by two pharmacists (1-5 scale)",
            },
            evidence=(
                'done.metrics[0].name: "Mean rating of the drafts by two pharmacists (1-5 scale)" (mean '
                "rating: an average of a proportional sample hides the rare answer that hurts)",
                'impact.error_severity: "serious"',
            ),
            also=frozenset({"anchoring-on-proposal", "generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # ratings beside an enriched set, said of what done means
            {
                "product.task": "generation",
                "impact.error_severity": "serious",
                "done.when_met": "Rolled out once omissions stay at zero on the enriched set and ratings hold",
            }
        ),
        Case(  # the hard inputs are sought out
            {
                "product.task": "generation",
                "impact.error_severity": "serious",
                "done.metrics[0].name": "Mean rating of the drafts by two pharmacists (1-5 scale)",
                "done.eval_set": "400 questions, enriched with 100 high-risk dosing questions scored apart.",
            }
        ),
        Case(  # errors are minor
            {
                "product.task": "generation",
                "impact.error_severity": "minor",
                "done.metrics[0].name": "Mean rating of the drafts by two pharmacists (1-5 scale)",
            }
        ),
        Case(  # not a generator
            {
                "impact.error_severity": "serious",
                "done.metrics[0].name": "Mean rating of the drafts by two pharmacists (1-5 scale)",
            }
        ),
    ),
)
def generator_judged_by_average_rating(plan: Plan) -> Evidence:
    """A generator whose rare answers can hurt is judged by an average rating.

    A sample drawn in proportion to volume holds few of the rare inputs where a wrong answer does harm,
    and a mean rating of that sample barely moves when one of them goes badly. What an answer left out,
    and the false reassurance it gave, never show in a rating of what it said.

    Mitigation: Add an evaluation set enriched with the rare high-stakes inputs and score it apart; count
    omissions and false reassurance as errors, each with its own target near zero, beside the rating.
    """
    if plan.product.task is not TaskType.generation:
        return None
    if not serious_harm(plan):
        return None
    paths = (*truth_paths(plan), "done.worst_error_metric", "done.when_met")
    if any(HARD_CASES_SOUGHT.find(answer_at(plan, path)) for path in paths):
        return None
    # The rating named as a metric, or said of the evaluation set or of what done means.
    named = list(metric_name_paths(plan))
    found = first_said(plan, (*named, "done.eval_set", "done.when_met"), MEAN_RATING)
    if found is None:
        return None
    path, words = found
    said = f"{words[0]}: an average of a proportional sample hides the rare answer that hurts"
    return Hint(words[:1], (quote(plan, path, said), severity_quote(plan)))
