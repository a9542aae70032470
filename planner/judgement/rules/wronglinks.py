"""Rules on how a matcher's success is counted: a share linked or matched, or one accuracy, that a wrong
link raises or leaves unseen beside no link at all.

A target on the share of inputs linked automatically rewards linking more: every forced link counts as
a success, right or wrong. One accuracy over all inputs counts a wrong link and a link not made alike,
though a wrong link is acted on and a missing one goes to a person. A lead asks for the wrong-link rate at
the automation rate the target names, and for a metric that keeps the two errors apart.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, monitor_paths, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# A metric that counts how many inputs are linked or matched without a person, right or wrong.
LINKED_SHARE = Lexicon("""
    linked automatically, matched automatically, automatically linked, automatically matched, auto-linked
    auto-matched, automatic links, automatic matches, auto-match rate, auto-link rate, automatch rate
    automation rate, automated share, share automated, straight-through rate, touchless rate, match rate
    link rate, linkage rate, matched share, share matched, share linked, linked share
""")
# A metric that counts one figure over all inputs: a wrong link and no link are both just misses.
ONE_FIGURE = Lexicon("""
    accuracy, accurate, top-1, top 1, f1, f1 score, f1-score, hit rate, correct match rate, correctly matched
    correctly linked, share correct, percent correct, exact match
""")
# A count of wrong links apart: a precision, a false-match rate, the links found wrong.
WRONG_COUNTED = Lexicon("""
    precision, wrong, wrongly, incorrect, incorrectly, false match, false matches, false link, false links
    false-match, false positive, false positives, false match rate, mismatch, mismatches, mislinked
    mis-linked, mislink, mislinks, misfiled, misattributed, error rate, errors, overturned, corrected later
""")


def _metric_texts(plan: Plan) -> list[str | None]:
    paths = [*metric_name_paths(plan), "done.worst_error_metric", "done.when_met", *monitor_paths(plan)]
    return [answer_at(plan, path) for path in paths]


@rule(
    "wrong-links-uncounted",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Count wrong links apart from links not made",
        "A share linked automatically rises with every forced link, right or wrong, and one accuracy counts "
        "a wrong link like a link not made: set the wrong-link rate (precision of the automatic links) at "
        "the automation rate you target, and report the share left to people apart",
        "warning",
    ),
    ask="what share of the automatic links is wrong at the automation rate the target names?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "done.metrics[0].name": "Share of invoice lines linked automatically",
                "done.worst_error_metric": None,
            },
            evidence=(
                'done.metrics[0].name: "Share of invoice lines linked automatically" (counts linked '
                "automatically: every forced link raises it, right or wrong)",
                "no metric, monitoring signal or worst-error metric counts the wrong links apart",
            ),
        ),
        Case(
            {
                "product.task": "matching",
                "done.metrics[0].name": "Top-1 accuracy of the linked address",
                "done.worst_error_metric": "Top-1 accuracy",
            },
            evidence=(
                'done.worst_error_metric: "Top-1 accuracy" (top-1, accuracy: one figure counts a wrong link '
                "and a link not made alike)",
                "no metric, monitoring signal or worst-error metric counts the wrong links apart",
            ),
        ),
    ),
    quiet=(
        Case(  # the wrong links are counted beside the automation rate
            {
                "product.task": "matching",
                "done.metrics[0].name": "Share of invoice lines linked automatically",
                "done.worst_error_metric": "Precision of the automatic links on an audited sample",
            }
        ),
        Case(  # not a matcher
            {
                "product.task": "classification",
                "done.metrics[0].name": "Share of claims handled automatically, the automation rate",
                "done.worst_error_metric": None,
            }
        ),
        Case(  # a share of wrong links named as the worst error's metric
            {
                "product.task": "matching",
                "done.metrics[0].name": "Accuracy of the linked release",
                "done.worst_error_metric": "Share of tracks filed under a wrong release",
            }
        ),
    ),
)
def wrong_links_uncounted(plan: Plan) -> Evidence:
    """A matcher's success is a share linked automatically, or one accuracy, with no count of wrong links.

    A target on the share linked automatically rises with every link the matcher forces, right or wrong;
    one accuracy over all inputs counts a wrong link and a link not made alike, though a wrong link is
    acted on unseen and a missing one goes to a person. Met, either says nothing of how many links are
    wrong.

    Mitigation: Set the wrong-link rate (precision of the automatic links, on an audited sample) at the
    automation rate you target, report the share left to people apart, and name the wrong-link rate as
    the metric of the worst error.
    """
    if plan.product.task is not TaskType.matching:
        return None
    if any(WRONG_COUNTED.find(text) for text in _metric_texts(plan)):
        return None  # the wrong links are counted apart
    linked = first_said(plan, ("product.success_metric", *metric_name_paths(plan)), LINKED_SHARE)
    if linked is not None:
        path, words = linked
        note = f"counts {', '.join(words)}: every forced link raises it, right or wrong"
    else:
        found = first_said(plan, ("done.worst_error_metric", *metric_name_paths(plan)), ONE_FIGURE)
        if found is None:
            return None
        path, words = found
        note = f"{', '.join(words)}: one figure counts a wrong link and a link not made alike"
    return Hint(
        words,
        (
            quote(plan, path, note),
            "no metric, monitoring signal or worst-error metric counts the wrong links apart",
        ),
    )
