"""Rules on decisions made against people (refuse, ban, suspend, cut benefits): the harm of a wrong one.

A false positive here lands on a person who did nothing: their account closed, their claim refused. A
lead asks how often that happens (a false-positive metric with a limit), who looks at the decision
before or after it lands (a person, on each adverse decision or a sample), and how the person contests
it (an appeal). The words say what the decision does; the structured answers (automate mode, a serious
or severe error) say how much it weighs.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.lexicon import ABOUT_PEOPLE, ACTED_ON, ADVERSE, APPEAL, COUNTS_FALSE_ALARMS
from planner.plan.model import Category, Mode, Plan, Severity

_SAYS_WHAT_IT_DOES = ("product.decision", "product.output", "product.goal", "title", "product.label")

_WHO = ABOUT_PEOPLE + ACTED_ON


def _adverse(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer that says the decision does something adverse to people, with the words."""
    for path in _SAYS_WHAT_IT_DOES:
        text = answer_at(plan, path)
        acts, who = ADVERSE.find_all(text), _WHO.find_all(text)
        if acts and who:
            return path, (*who, *acts)
    return None


def _appeal_named(plan: Plan) -> bool:
    """Somewhere the team names a way to contest the decision or a person who checks it."""
    texts = [plan.after_launch.fallback, plan.product.decision, plan.product.decision_owner]
    texts += [plan.heuristics.humans_handle, plan.done.when_met]
    texts += [f"{entry.question} {entry.answer or ''}" for entry in plan.press_release.faq]
    texts += [risk.mitigation for risk in plan.risks] + [risk.title for risk in plan.risks]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    return any(APPEAL.find(text) for text in texts)


@rule(
    "adverse-decision-unchecked",
    Category.ethics,
    likelihood=3,
    impact=5,
    ask="does the model decide against people alone, with no appeal and no limit on wrong decisions?",
    move=Move(
        "Limit and check the wrong decisions against people: a false-positive limit, a review, an appeal",
        "Each false positive lands on someone who did nothing; set a false-positive rate the model may not "
        "exceed, have a person review each adverse decision (or a sample) before it lands, and give the "
        "person a way to appeal",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
                "product.decision_owner": None,
                "impact.error_severity": "serious",
                "impact.error_harm": "An honest seller loses a week of sales.",
            },
            evidence=(
                'product.mode: "automate"',
                'product.decision: "Suspend the accounts of sellers the model flags for fake reviews." '
                "(against people: accounts, sellers, suspend)",
                'impact.error_severity: "serious"',
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
            ),
        ),
        Case(  # no mode said: a question naming the words
            {
                "product.mode": None,
                "product.decision": "Which benefit claimants are refused a payment this month.",
                "product.decision_owner": None,
            },
            evidence=(
                'product.decision: "Which benefit claimants are refused a payment this month." (against '
                "people: claimants, refused)",
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
            ),
        ),
        Case(  # a fine to a car's keeper, automatic: medium until the severity is said
            {
                "product.mode": "automate",
                "product.decision": "A fine is posted to the registered keeper of each plate read unpaid.",
                "product.decision_owner": None,
            }
        ),
    ),
    quiet=(
        Case(  # a person decides
            {
                "product.mode": "augment",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
            }
        ),
        Case(  # an appeal is named
            {
                "product.mode": "automate",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
                "after_launch.fallback": "Sellers appeal in the app; a moderator decides within a day.",
            }
        ),
        Case(  # rejected invoices: not a person
            {"product.mode": "automate", "product.decision": "Reject duplicate invoices before payment."}
        ),
        Case(  # 'into account' is no account holder
            {
                "product.mode": "automate",
                "product.decision": "Reject batches, taking into account the supplier's certificates.",
            }
        ),
    ),
)
def adverse_decision_unchecked(plan: Plan) -> Evidence:
    """Decisions against people, with no human check and no appeal.

    The model refuses, bans, suspends or cuts something a person relies on, and nobody looks at the
    decision before it lands nor gives the person a way to contest it: each false positive hurts someone
    who did nothing, and nobody learns how often that happens.

    Mitigation: Set a false-positive metric with a limit (a share of adverse decisions that are wrong),
    have a person review each adverse decision or a random sample, and give people an appeal that can
    reverse it quickly; count appeals won as a monitored signal.
    """
    mode = plan.product.mode
    if mode in (Mode.augment, Mode.improve):
        return None  # a person decides on what the model says
    found = _adverse(plan)
    if found is None or _appeal_named(plan):
        return None
    path, words = found
    severity = plan.impact.error_severity
    serious = severity in (Severity.serious, Severity.severe)
    fallback = plan.after_launch.fallback
    if mode is Mode.automate and serious and fallback is not None and says_nothing(fallback):
        return None  # automated-harm-no-fallback asks for the person in the loop and the appeal
    evidence = [quote(plan, path, f"against people: {', '.join(words)}")]
    if serious:
        evidence.append(quote(plan, "impact.error_severity"))
    counted = [metric.name for metric in plan.done.metrics] + [plan.done.worst_error_metric]
    if plan.done.metrics and not any(COUNTS_FALSE_ALARMS.find(text) for text in counted):
        evidence.append(quote(plan, "done.metrics[0].name", "no metric counts the wrong adverse decisions"))
    evidence.append(
        "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
        "product.decision_owner)"
    )
    if mode is not Mode.automate:
        return Hint(words, evidence)
    evidence.insert(0, quote(plan, "product.mode"))
    return tuple(evidence) if serious else Tempered(2, evidence)
