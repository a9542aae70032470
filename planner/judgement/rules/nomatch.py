"""Rules on a matcher that always takes its best candidate: some queries have no true match at all.

A matcher scores the candidates for each query and takes the best; but a share of queries have no true
match among them (a new customer, a work never registered, a report of a bike nobody listed). Taking the
top candidate anyway turns each of them into a wrong match, and an evaluation built only from queries
that have a match never counts those errors. A lead asks what share has no match, whether the design
can say "none", and whether the test holds such queries.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import first_said, quote, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, Mode, Plan, TaskType
from planner.plan.workings import ActionShape

# Words saying the design can answer "no match": a threshold below which nothing is matched, an
# abstention, a new record created, queries with no match kept in the test.
NONE_POSSIBLE = Lexicon("""
    no match, no-match, no matches, none of the above, unmatched, left unmatched, stays unmatched
    no true match, without a match, without a true match, abstain, abstains, abstention, reject option
    match threshold, minimum score, minimum match score, score threshold, confidence threshold, cut-off score
    below the threshold, below threshold, new record, creates a new record, not in the register
    not in the catalogue, not in the database, nil return, no candidate, no suitable candidate
""")
# Words saying the output scores each pair, or links pairs above a level: no best is taken regardless.
PAIR_SCORED = Lexicon("""
    probability, probabilities, likelihood, score for each pair, scores for each pair, pair score
    pair scores, per pair, each pair, pairs of records, same person, same entity, same household
    same patient, same customer, link, links, linked, linkage
""")
_SAID = (
    "product.output",
    "product.decision",
    "product.label",
    "product.inputs",
    "done.eval_set",
    "done.when_met",
    "press_release.solution",
)


@rule(
    "top-match-when-none-exists",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Let the matcher say 'no match', and test it on queries that have none",
        "A share of queries have no true match among the candidates: taking the best anyway makes each a wrong "
        "match; count that share, add a threshold or a 'none' answer below which a person decides or a new "
        "record is made, and keep such queries in the test set",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "product.output": "The best matching supplier record for each invoice line.",
            },
            evidence=(
                'product.task: "matching"',
                'product.mode: "automate" (the best candidate is taken for each query: no answer says it can '
                "answer 'no match')",
            ),
        ),
    ),
    quiet=(
        Case(  # a score threshold below which nothing is matched
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.output": "The best matching registered work, or no match below a minimum score.",
            }
        ),
        Case({"product.task": "matching", "product.action_shape": "choose_among"}),  # a person picks, or none
        Case(  # a probability for each pair, linked above a level: not a best candidate taken regardless
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.output": "The probability that two records describe the same person.",
            }
        ),
        Case({"product.task": "matching", "product.action_shape": "threshold", "product.mode": "automate"}),
    ),
)
def top_match_when_none_exists(plan: Plan) -> Evidence:
    """A matcher takes its best candidate, with no answer for queries that have no true match.

    Some queries have no true match among the candidates. A matcher that always takes the best candidate
    turns each of them into a wrong match, acted on with nobody to catch it, and a test built only from
    queries that have a match never counts those errors.

    Mitigation: Count the share of queries with no true match; give the matcher a threshold or a 'none'
    answer (below it, a person decides or a new record is made); keep such queries in the test set and
    score wrong matches on them.
    """
    product = plan.product
    if product.task is not TaskType.matching:
        return None
    if product.action_shape in (
        ActionShape.threshold,
        ActionShape.choose_among,
        ActionShape.top_of_queue,
        ActionShape.up_to_capacity,
    ):
        return None  # a cut-off, a person choosing among suggestions, a queue worked by people
    alone = (
        quote(
            plan,
            "product.mode",
            "the best candidate is taken for each query: no answer says it can answer 'no match'",
        )
        if product.mode is Mode.automate
        else ticked(plan, Circumstance.commits_alone)
    )
    if alone is None or first_said(plan, _SAID, NONE_POSSIBLE):
        return None
    if any(NONE_POSSIBLE.find(metric.name) for metric in plan.done.metrics):
        return None
    if first_said(plan, ("product.output", "product.decision"), PAIR_SCORED):
        return None  # a score per pair or a link above a level: no single best is taken regardless
    return (quote(plan, "product.task"), alone)


@rule(
    "pair-balance-read-as-production",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure how rare true matches are among the pairs a query really meets",
        "Half of a matcher's pairs being true matches means the pairs were built balanced; among all the "
        "candidates a query meets, true matches are far rarer, and precision there is lower than on the "
        "built set: count the true share among real candidates and score precision at it",
        "info",
    ),
    fires=(
        Case(
            {
                "product.task": "matching",
                "constraints.data.rarest_class_share": 0.5,
                "done.eval_rare_share": 0.5,
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.5 (for a matcher, half its pairs true matches: a set "
                "built balanced, not the share among the candidates a query meets)",
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "matching", "constraints.data.rarest_class_share": 0.01}),
        Case({"product.task": "classification", "constraints.data.rarest_class_share": 0.5}),
    ),
)
def pair_balance_read_as_production(plan: Plan) -> Evidence:
    """A matcher's share of true pairs is given as one half, the share of a set built balanced.

    Among all the candidate pairs a query meets, true matches are rare (one among tens or thousands);
    half of the pairs being matches is how a labelled set is built, not what production holds. Read as
    the production share, it hides how many false matches a precision target means live.

    Mitigation: Count the share of true matches among the candidates a real query meets (after any
    blocking step); score precision at that share, and keep the balanced set for training only.
    """
    share = plan.constraints.data.rare_share
    if plan.product.task is not TaskType.matching or share is None or not 0.4 <= share <= 0.6:
        return None
    note = (
        "for a matcher, half its pairs true matches: a set built balanced, not the share among the candidates "
        "a query meets"
    )
    return (quote(plan, "constraints.data.rarest_class_share", note),)
