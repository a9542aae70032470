"""Rules on success counted at the moment of acceptance: an offer taken, a recommendation accepted, a draft
approved, with nothing counting what later undoes it (a cancellation, a return, a reversal, a rewrite).

A yes at the moment of choice is easy to raise: a cheaper offer, a softer plan, a draft nobody reads
closely are all accepted more often, and some of them come back as cancellations, returns, broken plans,
reversed decisions or edits made later. A model trained and judged on acceptance learns what is accepted,
not what holds; a lead asks that success be counted after a fixed window, with the undo rate beside it.
"""

from __future__ import annotations

from planner.judgement.rules.anchoring import COUNTER_METRIC, rewards_acceptance
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, handled, metric_name_paths, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# Words counting a yes at the moment of choice: an offer taken, a recommendation accepted, a draft approved.
ACCEPTED = Lexicon("""
    offers taken, offer taken, took the offer, took the offered, takes the offer, take the offer, offers accepted
    offer accepted, accepted the offer, accepts the offer, accepted offers, take-up, take-up rate, take up rate
    uptake, uptake rate, recommendations accepted, recommendation accepted, accepted the recommendation
    accepted the recommended, accepts the recommended, accepted recommendations, suggestions accepted
    accepted the suggestion, accepted the suggested, accepted suggestions, drafts approved, draft approved
    approved drafts, approved the draft, quotes accepted, quote accepted, accepted quotes, accepted the quote
    plans accepted, plan accepted, accepted the plan, took the plan, took the payment plan, matches accepted
    accepted matches, accepted the match, placements accepted, accepted placements, accepted the placement
    agreed to the plan, signed up for the plan
""")
# Words counting what came after the yes: cancelled, returned, reversed, kept, completed, edited later.
UNDONE_COUNTED = COUNTER_METRIC + Lexicon("""
    cancelled, canceled, cancellation, cancellations, cancels, returned, returns, return rate, refund, refunds
    refunded, reversed, reversal, reversals, undone, rolled back, churn, churned, lapsed, defaulted, defaults
    kept for, still active, still in place, still enrolled, retained, retention, completed, completion
    repaid, kept up, broken, broke, fell through, withdrawn, dropped out, edited later, changed later
    rewritten, after # days, within # days, after # months, within # months, months later, weeks later
""")
_TAKEN = [{"name": "Share of offers taken", "baseline": 0.3, "target": 0.5}]


def _after_counted(plan: Plan) -> bool:
    """Whether a metric, a monitor, the label or the team's notes count what came after the yes."""
    texts: list[str | None] = [answer_at(plan, path) for path in metric_name_paths(plan)]
    texts += [metric.dataset for metric in plan.done.metrics]
    texts += [plan.product.success_metric, plan.product.label, plan.done.when_met, plan.done.eval_set]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    return any(UNDONE_COUNTED.find(text) for text in texts) or handled(plan, UNDONE_COUNTED)


@rule(
    "acceptance-counted-not-kept",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Count what still holds after acceptance, not the yes",
        "An offer taken, a recommendation accepted or a draft approved can be cancelled, returned, reversed "
        "or rewritten later: count success as what still holds after a fixed window (kept 90 days, not "
        "returned, not reversed), and watch the undo rate beside the acceptance rate",
        "warning",
    ),
    ask="is success counted at the yes, before cancellations, returns or reversals undo it?",
    fires=(
        Case(
            {"product.success_metric": None, "done.metrics": _TAKEN},
            evidence=(
                'done.metrics[0].name: "Share of offers taken" (counts offers taken: a yes at the moment of '
                "choice)",
                "no done metric, monitor or label counts what came after it (cancelled, returned, reversed, "
                "edited later)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.success_metric": None,
                "done.metrics": [*_TAKEN, {"name": "Share of plans still kept up after 90 days"}],
            }
        ),
        Case(  # an acceptance rate: anchoring-on-proposal asks for the counter-metric
            {"product.success_metric": None, "done.metrics": [{"name": "Acceptance rate of drafts"}]}
        ),
    ),
)
def acceptance_counted_not_kept(plan: Plan) -> Evidence:
    """Success is counted at acceptance, and nothing counts what later undoes it.

    The success measure counts an offer taken, a recommendation accepted or a draft
    approved: a yes at the moment of choice, which a cheaper offer or a draft nobody reads raises too.
    Cancellations, returns, broken plans, reversed decisions and later edits are not counted, so the model
    learns what is accepted, not what holds, and can succeed while the goal does not move.

    Mitigation: Count success after a fixed window (kept 90 days, not returned, not reversed, not
    rewritten), train on that where the delay allows, and watch the undo rate beside the acceptance rate.
    """
    if rewards_acceptance(plan) is not None:
        return None  # an acceptance rate with no counter-metric: anchoring-on-proposal asks for it
    paths = ["product.success_metric", *metric_name_paths(plan)]  # a label of acceptance may be the task
    found = first_said(plan, paths, ACCEPTED)
    if found is None or _after_counted(plan):
        return None
    path, words = found
    said = quote(plan, path, f"counts {', '.join(words)}: a yes at the moment of choice")
    return Hint(
        words,
        (
            said,
            "no done metric, monitor or label counts what came after it (cancelled, returned, reversed, "
            "edited later)",
        ),
    )
