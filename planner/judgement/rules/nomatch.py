"""Rules on a matcher that always takes its best candidate: some queries have no true match at all.

A matcher scores the candidates for each query and takes the best; but a share of queries have no true
match among them (a new customer, a work never registered, a report of a bike nobody listed). Taking the
top candidate anyway turns each of them into a wrong match, and an evaluation built only from queries
that have a match never counts those errors. A lead asks what share has no match, whether the design
can say "none", and whether the test holds such queries.
"""

from __future__ import annotations

from planner.core.formatting import share as percent
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, quote, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Category, Circumstance, Mode, Newcomers, NoneFits, Plan, TaskType
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
_MANY_UNMATCHED = 0.1  # a tenth of inputs or more with no true match, each matched anyway
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
    likelihood=4,
    impact=4,
    move=Move(
        "Let the matcher say 'no match', and test it on queries that have none",
        "A share of queries have no true match among the candidates: taking the best anyway makes each a wrong "
        "match; count that share, add a threshold or a 'none' answer below which a person decides or a new "
        "record is made (for a shortlist sent on, a score floor below which nothing is sent), and keep such "
        "queries in the test set",
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
        Case(  # the answer says it always takes its best, and a measured share has no true match: high
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.none_fits": "best_anyway",
                "product.no_match_share": 0.12,
                "product.output": "The catalogue entry each new listing matches, with a confidence threshold.",
            },
            evidence=(
                'product.none_fits: "best_anyway" (it always gives its best candidate: each input whose true '
                "match is not among the candidates becomes a wrong match)",
                "product.no_match_share: 0.12 (12% of inputs have no true match: about 12 wrong matches in 100 "
                "before the model errs on any other)",
                'product.mode: "automate" (the wrong matches are acted on with nobody to catch them)',
            ),
        ),
        Case(  # a person confirms each suggestion, share not counted: medium, lower
            {"product.task": "matching", "product.mode": "augment", "product.none_fits": "best_anyway"},
        ),
        Case(  # the catalogue lags: many inputs concern things the data never saw
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "constraints.data.newcomers": "many",
                "product.output": "The catalogue entry of each new listing.",
            },
            evidence=(
                'product.task: "matching"',
                'product.mode: "automate" (the best candidate is taken for each query: no answer says it can '
                "answer 'no match')",
                'constraints.data.newcomers: "many" (1 in 10 or more inputs concern things the data never '
                "saw: the reference they should match may not hold them yet)",
            ),
        ),
        Case(  # a shortlist sent on to every candidate, uncounted share, many inputs new: high
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.action_shape": "choose_among",
                "product.none_fits": "best_anyway",
                "product.no_match_share": "not measured",
                "constraints.data.newcomers": "many",
            },
            evidence=(
                'product.none_fits: "best_anyway" (it always gives its best candidate: each input whose true '
                "match is not among the candidates becomes a wrong match)",
                'product.action_shape: "choose_among" (a shortlist acted on with nobody choosing among it: a '
                "query with no true match still fills it, and every candidate on it is a wrong action)",
                'product.no_match_share: "not measured" (nobody has counted the queries with no true match: how '
                "many wrong matches they make is not known)",
                'constraints.data.newcomers: "many" (1 in 10 or more inputs concern things the data never saw: '
                "the reference they should match may not hold them yet)",
                'product.mode: "automate" (the wrong matches are acted on with nobody to catch them)',
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
        Case(  # a person chooses among the shortlist, or none of it
            {
                "product.task": "matching",
                "product.mode": "augment",
                "product.action_shape": "choose_among",
                "product.none_fits": "best_anyway",
                "product.no_match_share": "not measured",
            }
        ),
        Case(  # a probability for each pair, linked above a level: not a best candidate taken regardless
            {
                "product.task": "matching",
                "product.mode": "automate",
                "product.output": "The probability that two records describe the same person.",
            }
        ),
        Case({"product.task": "matching", "product.action_shape": "threshold", "product.mode": "automate"}),
        Case(  # the answer says it can say 'no match'
            {"product.task": "matching", "product.mode": "automate", "product.none_fits": "says_none"}
        ),
        Case(  # the answer says a person takes the cases below a score
            {"product.task": "matching", "product.mode": "automate", "product.none_fits": "to_person"}
        ),
        Case(  # counted: every input has its true match among the candidates
            {"product.task": "matching", "product.mode": "automate", "product.no_match_share": 0}
        ),
    ),
)
def top_match_when_none_exists(plan: Plan) -> Evidence:
    """A matcher takes its best candidate, with no answer for queries that have no true match.

    Some queries have no true match among the candidates. A matcher that always takes the best candidate
    turns each of them into a wrong match, acted on with nobody to catch it, and a test built only from
    queries that have a match never counts those errors. A shortlist sent on with nobody choosing among it
    (each candidate contacted or acted on) fills up all the same: each such query makes a wrong action per
    candidate. A share 'not measured' leaves the question open, it does not close it.

    Mitigation: Count the share of queries with no true match; give the matcher a threshold or a 'none'
    answer (below it, a person decides or a new record is made; for a shortlist sent on, a score floor
    below which nothing is sent); keep such queries in the test set and score wrong matches on them.
    """
    product = plan.product
    if product.task is not TaskType.matching or product.none_fits in (NoneFits.says_none, NoneFits.to_person):
        return None  # not a matcher, or the answer says it can say 'none' or hand the case on
    if product.none_fits is NoneFits.best_anyway:
        return _best_anyway(plan)
    if product.no_match_share == 0:
        return None  # counted: every input has its true match among the candidates
    if product.action_shape in (
        ActionShape.threshold,
        ActionShape.choose_among,
        ActionShape.top_of_queue,
        ActionShape.up_to_capacity,
    ) and not _shortlist_sent(plan):
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
    return Tempered(3, (quote(plan, "product.task"), alone, *_shortlist(plan), *_none_share(plan)))


def _shortlist_sent(plan: Plan) -> bool:
    """Whether the output is a shortlist acted on with nobody choosing among it: each candidate on it is
    contacted, sent or acted on, so a query with no true match yields a wrong action per candidate."""
    product = plan.product
    if product.action_shape is not ActionShape.choose_among:
        return False
    return product.mode is Mode.automate or Circumstance.commits_alone in product.circumstances


def _shortlist(plan: Plan) -> tuple[str, ...]:
    """The answer that says a shortlist is sent on with nobody choosing, where it is."""
    if not _shortlist_sent(plan):
        return ()
    note = (
        "a shortlist acted on with nobody choosing among it: a query with no true match still fills it, "
        "and every candidate on it is a wrong action"
    )
    return (quote(plan, "product.action_shape", note),)


def _none_share(plan: Plan) -> tuple[str, ...]:
    """The answers that say how many inputs have no true match: the share counted, or the many newcomers
    a reference that lags behind does not hold yet."""
    share = plan.product.no_match_share
    if isinstance(share, float) and share > 0:
        note = (
            f"{percent(share)} of inputs have no true match: about {percent(share).rstrip('%')} wrong matches in "
            "100 before the model errs on any other"
        )
        return (quote(plan, "product.no_match_share", note),)
    found: tuple[str, ...] = ()
    if share == NOT_MEASURED:  # an honest 'not measured' asks the question, it does not settle it
        note = (
            "nobody has counted the queries with no true match: how many wrong matches they make is not known"
        )
        found = (quote(plan, "product.no_match_share", note),)
    newcomers = plan.constraints.data.newcomers
    if newcomers in (Newcomers.many, Newcomers.all_new) and share in (None, NOT_MEASURED):
        whose = "nearly all" if newcomers is Newcomers.all_new else "1 in 10 or more"
        note = f"{whose} inputs concern things the data never saw: the reference they should match may not hold them yet"
        found = (*found, quote(plan, "constraints.data.newcomers", note))
    return found


def _best_anyway(plan: Plan) -> Evidence:
    """The answer says the matcher always gives its best candidate: high where a tenth or more of the inputs
    has no true match (counted, or many inputs new to the data and nothing counted) and the match, or a
    shortlist, is acted on alone; lower where a person confirms each or chooses among the shortlist."""
    if plan.product.action_shape is ActionShape.choose_among and not _shortlist_sent(plan):
        return None  # a person chooses among the suggestions, or none of them
    said = quote(
        plan,
        "product.none_fits",
        "it always gives its best candidate: each input whose true match is not among the candidates becomes "
        "a wrong match",
    )
    shares = _none_share(plan)
    if not shares:
        shares = ("nothing says what share of inputs has no true match among the candidates",)
    alone = (
        quote(plan, "product.mode", "the wrong matches are acted on with nobody to catch them")
        if plan.product.mode is Mode.automate
        else ticked(plan, Circumstance.commits_alone)
    )
    if alone is None:
        return Tempered(2, (said, *shares))  # a person confirms each, anchored on the one suggestion
    share = plan.product.no_match_share
    counted = isinstance(share, float) and share >= _MANY_UNMATCHED
    uncounted_many = share in (None, NOT_MEASURED) and plan.constraints.data.newcomers in (
        Newcomers.many,
        Newcomers.all_new,
    )
    found = (said, *_shortlist(plan), *shares, alone)
    return found if counted or uncounted_many else Tempered(3, found)


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
