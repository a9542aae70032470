"""Rules on a check today's process makes that stops once the model runs (`done.later_phase`).

A morning phone round, a second reader, a visit or a look at every case catches some cases by ways the
model has no input for. A plan that retires it, at launch or in a later phase, loses those catches unless
someone has counted what the check finds that the model misses. A lead keeps the check running beside
the model until the model's misses on the cases the check catches are measured. A system that acts alone
where people approve each case today drops their approval too, and the approval's own job (a policy, a
budget) passes to nobody unless the plan names what does it.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, said_or_settled, says_nothing, ticked
from planner.judgement.rules.harm import effective_severity, serious_harm, severity_quote
from planner.judgement.rules.seenby import unseen_named
from planner.judgement.rules.setup import judged_alone, runs_once
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Severity
from planner.plan.model import Category, Circumstance, Mode, Plan
from planner.plan.stakes import LaterPhase

# Words saying today's check keeps running beside the model until its catches are compared.
KEPT_BESIDE = Lexicon("""
    in parallel, run in parallel, runs in parallel, running in parallel, parallel run, side by side
    kept running, keeps running, keep running, both run, run both, kept until, keep it until
    until the misses, misses measured, misses counted, what the round catches, what the check catches
    caught by the round, caught by the second reader, found by the round
""")
_KEPT_IN = ("done.when_met", "after_launch.fallback", "done.worst_error_metric", "done.eval_set")
_RETIRES = {"done.later_phase": ["retires_check"], "done.online_validation": "canary"}
# Asked where nobody has said who supplies what skips the check: skipped-check-gamed takes the answer.
_SUPPLIER_ASKED = (
    "done.skipped_from: not answered (where someone outside supplies the items that now skip the check, do "
    "they gain when one passes? the check tests the item itself, the model reads what is shown of it)"
)


@rule(
    "later-phase-retires-a-check",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep today's check running until the model's misses on its catches are measured",
        "A phone round, a second reader or a look at every case catches cases by ways the model cannot see; "
        "run it beside the model, count the cases it catches that the model did not flag, and retire it only "
        "once that count is known and acceptable",
        "warning",
    ),
    fires=(
        Case(
            _RETIRES,
            evidence=(
                'done.later_phase: ["retires_check"] (a check today\'s process makes on its own stops: what '
                "does it catch today that the model will not see?)",
                _SUPPLIER_ASKED,
            ),
        ),
        Case(  # a shadow run scored on a rating, with no count of the misses: it shows nothing the check caught
            {
                **_RETIRES,
                "impact.error_severity": "serious",
                "done.online_validation": "shadow",
                "done.eval_truth": "checked",
                "done.worst_error_metric": "none",
            },
            evidence=(
                'done.later_phase: ["retires_check"] (a check today\'s process makes on its own stops: what '
                "does it catch today that the model will not see?)",
                'done.worst_error_metric: "none" (the shadow run counts no misses: what the check caught that '
                "the model left out stays unknown)",
                _SUPPLIER_ASKED,
                'impact.error_severity: "serious" (a case only that check caught now goes unseen)',
            ),
        ),
        Case(  # harmful misses, and the check sees what the model cannot: high
            {
                **_RETIRES,
                "impact.error_severity": "severe",
                "product.unseen_by_model": "The nurse's morning phone call to each patient at home.",
            },
            evidence=(
                'done.later_phase: ["retires_check"] (a check today\'s process makes on its own stops: what '
                "does it catch today that the model will not see?)",
                _SUPPLIER_ASKED,
                'product.unseen_by_model: "The nurse\'s morning phone call to each patient at home." (what '
                "the people deciding see today that the model will not get)",
                'impact.error_severity: "severe" (a case only that check caught now goes unseen)',
            ),
        ),
    ),
    quiet=(
        Case({"done.later_phase": ["removes_check"], "done.online_validation": "canary"}),
        Case(
            {
                **_RETIRES,
                "done.when_met": "The phone round runs in parallel for three months; it stops only if it finds "
                "under 1 in 200 patients the model missed.",
            }
        ),
        Case(  # a shadow run judged on outcomes, with the worst error counted in it
            {
                **_RETIRES,
                "done.online_validation": "shadow",
                "done.eval_truth": "outcomes",
                "done.worst_error_metric": "Patients the model left off the list who were admitted within a week",
            }
        ),
    ),
)
def later_phase_retires_a_check(plan: Plan) -> Evidence:
    """A check today's process makes on its own stops once the model runs: what it catches goes unseen.

    A morning phone round, a second reader, a visit or a look at every case catches some cases by ways
    the model has no input for (a voice on the phone, a second pair of eyes). Retiring it at launch or in
    a later phase bets that the model catches those cases too, and nobody has counted whether it does.

    Mitigation: Keep the check running beside the model; count the cases it catches that the model did
    not flag, over enough weeks to see the rare ones; retire it (or thin it to a sample) only once that
    count is known and accepted, and keep a sampled check after.
    """
    if LaterPhase.retires_check not in plan.done.later_phase or runs_once(plan):
        return None
    if said_or_settled(plan, _KEPT_IN, KEPT_BESIDE):
        return None  # the check runs beside the model while its misses are counted
    uncounted = misses_uncounted(plan)
    if judged_alone(plan) and uncounted is None:
        return None  # a shadow run judged on real answers, with the worst error counted in it
    evidence = [
        quote(
            plan,
            "done.later_phase",
            "a check today's process makes on its own stops: what does it catch today that the model will not see?",
        )
    ]
    if judged_alone(plan) and uncounted:
        evidence.append(uncounted)
    if plan.done.skipped_from is None and not ticked(plan, Circumstance.party_gains):
        evidence.append(_SUPPLIER_ASKED)
    if unseen_named(plan):
        note = "what the people deciding see today that the model will not get"
        evidence.append(quote(plan, "product.unseen_by_model", note))
    if serious_harm(plan):
        evidence.append(severity_quote(plan, "a case only that check caught now goes unseen"))
        return tuple(evidence)
    return Tempered(3, evidence)


def misses_uncounted(plan: Plan) -> str | None:
    """The evidence that no done metric counts the worst error (`done.worst_error_metric` answered none),
    where errors are not minor: a shadow run then scores the outputs, yet never counts the cases the check
    caught that the model left out."""
    if effective_severity(plan) in (None, Severity.minor):
        return None
    if not says_nothing(plan.done.worst_error_metric):
        return None
    note = "the shadow run counts no misses: what the check caught that the model left out stays unknown"
    return quote(plan, "done.worst_error_metric", note)


_DROPS = {
    "product.mode": "automate",
    "done.later_phase": ["removes_check"],
    "done.online_validation": "canary",
}
_APPROVED_TODAY = "Staff claim in the app; a manager approves each claim."
_DROPS_NOTE = (
    "people's check of each output stops: what did that check decide that the model's output does not?"
)


@rule(
    "automation-drops-todays-check",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Name what the removed check decided, and what does that job now",
        "A person's approval of each case does more than the model's task (a policy, a budget, a fraud "
        "judgement); list what the check refuses today and why, count how many of those the model would pass, "
        "and keep the check, or a rule in its place, for what the model does not judge",
        "warning",
    ),
    fires=(
        Case(
            {**_DROPS, "product.current_solution": _APPROVED_TODAY},
            evidence=(
                f'done.later_phase: ["removes_check"] ({_DROPS_NOTE})',
                'product.mode: "automate" (the system acts alone)',
                f'product.current_solution: "{_APPROVED_TODAY}" (today\'s process, whose check stops)',
            ),
        ),
        Case(  # it approves or pays alone: what the check refused now goes through
            {
                **_DROPS,
                "product.current_solution": _APPROVED_TODAY,
                "product.circumstances": ["commits_alone"],
            },
            evidence=(
                f'done.later_phase: ["removes_check"] ({_DROPS_NOTE})',
                'product.mode: "automate" (the system acts alone)',
                f'product.current_solution: "{_APPROVED_TODAY}" (today\'s process, whose check stops)',
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked: what the check refused now goes through)",
            ),
        ),
    ),
    quiet=(
        Case(
            {"product.mode": "augment", "done.later_phase": ["removes_check"]}
        ),  # later-phase-drops-the-check
        Case({"product.mode": "automate", "done.later_phase": ["nothing"]}),
        Case(  # the check runs beside the model until its refusals are compared
            {
                **_DROPS,
                "done.when_met": "Managers keep approving in parallel for two months; the approval stops only "
                "where they refused under 1 in 500 of the claims the model passed.",
            }
        ),
    ),
)
def automation_drops_todays_check(plan: Plan) -> Evidence:
    """The system acts alone, and a check people make on each case today stops with it.

    A manager's approval of each claim, a second signature or a supervisor's sign-off does a job of its
    own (is this allowed, within budget, genuine?) beside the task the model learns (matching, reading,
    scoring). Once the system acts alone, that job passes to nobody unless the plan names what does it: a
    model that matches a receipt well says nothing about whether the expense was allowed.

    Mitigation: Write down what the check refuses today and why; count how many of those cases the model
    would pass; keep the check, a rule or a sampled review for what the model does not judge, and run the
    check beside the model until its refusals on the model's passes are counted.
    """
    phases = plan.done.later_phase
    if LaterPhase.removes_check not in phases or plan.product.mode is not Mode.automate:
        return None
    if LaterPhase.retires_check in phases or runs_once(plan):
        return None  # later-phase-retires-a-check asks the same of a check the team names as retired
    if said_or_settled(plan, _KEPT_IN, KEPT_BESIDE):
        return None  # the check runs beside the model while what it refuses is compared
    if judged_alone(plan) and misses_uncounted(plan) is None:
        return None  # a shadow run judged on real answers, with the worst error counted in it
    evidence = [
        quote(plan, "done.later_phase", _DROPS_NOTE),
        quote(plan, "product.mode", "the system acts alone"),
    ]
    if plan.product.current_solution:
        evidence.append(quote(plan, "product.current_solution", "today's process, whose check stops"))
    commits = ticked(plan, Circumstance.commits_alone)
    if commits:
        evidence.append(commits[:-1] + ": what the check refused now goes through)")
    if serious_harm(plan):
        evidence.append(severity_quote(plan, "a case only that check refused now goes through"))
        return tuple(evidence)
    return tuple(evidence) if commits else Tempered(3, evidence)
