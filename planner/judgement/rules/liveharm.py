"""The worst error once shipped: a launch judged on a live figure (traffic, conversion, enquiries), while
no metric counts the worst error and nothing watched after launch is the live outcome that shows it
(returns for that reason, chargebacks, complaints, re-work)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.errorwords import none_of_them
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.lexicon import REPORTED_ERRORS
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import OnlineValidation
from planner.plan.model import Category, ErrorCost, Plan, Severity

# Live judgements where the model's outputs act on real cases (a shadow run acts on none).
_ACTS_LIVE = frozenset(
    {
        OnlineValidation.a_b_test,
        OnlineValidation.holdout,
        OnlineValidation.canary,
        OnlineValidation.interleaving,
        OnlineValidation.before_after,
    }
)

# What a live outcome of an error is called once it reaches people: it comes back, is paid back, redone.
_COMES_BACK = Lexicon("""
    return, returns, returned, return rate, returns rate, refund, refunds, refunded, money back
    rework, re-work, reworked, redo, redone, re-clean, re-cleans, recleans, reopened, reopens
    callback, callbacks, call-backs, corrections, corrected, write-off, write-offs, claims, damage claims
""")


@rule(
    "live-harm-unwatched",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Name the live counter-metric of the worst error and watch it from day one",
        "A launch judged on a live figure (traffic, conversion, enquiries) can gain while the worst error "
        "ships: name the live outcome that shows it (returns for that reason, chargebacks, complaints, "
        "re-work), read today's level, and watch it from the first day with a limit that stops the launch",
        "warning",
    ),
    fires=(
        Case(
            {"done.online_validation": "a_b_test", "done.worst_error_metric": "none"},
            evidence=(
                'done.online_validation: "a_b_test" (judged live, on what the outputs do to real cases)',
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..." '
                "(the worst error, once shipped)",
                'done.worst_error_metric: "none" (no metric counts it)',
                'after_launch.monitoring[0].signal: "Share of invoices held per payment run" (what is watched '
                "after launch: not the live outcome of the worst error)",
            ),
            also=frozenset({"worst-error-uncounted"}),
        ),
    ),
    quiet=(
        Case({"done.worst_error_metric": "none"}),  # a shadow run: no output acts on a real case
        Case(  # the worst error's live outcome is watched after launch
            {
                "done.online_validation": "a_b_test",
                "done.worst_error_metric": "none",
                "after_launch.monitoring": [{"signal": "Refunds claimed from suppliers for duplicates paid"}],
            }
        ),
        Case(  # minor errors, alike both ways: no worst error to watch
            {
                "done.online_validation": "a_b_test",
                "done.worst_error_metric": "none",
                "impact.error_severity": "minor",
                "impact.costlier_error": "similar",
            }
        ),
    ),
)
def live_harm_unwatched(plan: Plan) -> Evidence:
    """Judged on a live figure, while nothing watches the worst error once shipped.

    The launch acts on real cases and is judged on what it brings (traffic, conversion, enquiries), but
    the team says no metric counts the worst error and nothing watched after launch is the live
    outcome that error causes. The figure can rise while the harm ships, unseen until it is large.

    Mitigation: Name the live counter-metric of the worst error (returns for that reason, chargebacks,
    complaints, re-work, claims), read its level today, and watch it from the first day of the launch
    with a limit that stops or rolls it back.
    """
    done, impact = plan.done, plan.impact
    if done.online_validation not in _ACTS_LIVE:
        return None
    said = done.worst_error_metric
    if said is None or not (says_nothing(said) or none_of_them(said)):
        return None  # a metric is named for the worst error (worst-error-uncounted reads what it counts)
    if effective_severity(plan) is Severity.minor and impact.costlier_error is ErrorCost.similar:
        return None  # minor errors, alike both ways: no error is worse than the rest to watch
    monitors = plan.after_launch.monitoring
    texts = [f"{monitor.signal} {monitor.threshold or ''}" for monitor in monitors]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in done.metrics]
    if any(REPORTED_ERRORS.find(text) or _COMES_BACK.find(text) for text in texts):
        return None  # its live outcome is counted or watched: returns, complaints, re-work
    found = [
        quote(plan, "done.online_validation", "judged live, on what the outputs do to real cases"),
    ]
    if impact.error_harm:
        found.append(quote(plan, "impact.error_harm", "the worst error, once shipped"))
    found.append(quote(plan, "done.worst_error_metric", "no metric counts it"))
    note = "what is watched after launch: not the live outcome of the worst error"
    found += [quote(plan, f"after_launch.monitoring[{i}].signal", note) for i in range(len(monitors))]
    if not monitors:
        found.append("after_launch.monitoring: nothing watched after launch")
    return tuple(found)
