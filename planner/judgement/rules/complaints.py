"""Rules on monitoring that hears only complaints: after launch, the only signal named is people
complaining, appealing or reporting an error, so every error nobody complains about stays unseen.

A wrong "yes" that lands on someone gets a complaint; a wrong "no" (a claim not flagged, a defect
passed, a customer never offered the discount) usually gets nothing, and a complaint count falls as
readily because people gave up as because the model improved. A lead asks for a random sample of the
outputs to be checked each period, blind to the model's answer, as the signal that sees silent errors.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Plan

# Signals that arrive only when someone objects or reports: complaints, appeals, disputes, error reports.
COMPLAINT_SIGNALS = Lexicon(
    """
    complaint, complaints, complaint count, complaint rate, complaints per week, complaints per month
    appeal, appeals, appeal rate, dispute, disputes, dispute rate, escalation, escalations
    reported errors, error reports, reported mistakes, user reports, customer reports, staff reports
    """
    + ", "
    + phrases(
        "customers, users, staff, people, members, patients, drivers, sellers, suppliers, clinicians",
        "report, reporting, flag, flagging, complain, complaining, raise, raising",
        "errors, mistakes, wrong answers, problems, issues",
    )
    + ", "
    + phrases(
        "errors, mistakes, problems",
        "reported by, flagged by, raised by",
        "customers, users, staff, people, members, patients, drivers, sellers, suppliers, clinicians",
    )
)

# Signals that see errors nobody reports: a checked sample, the recorded outcome, people's overrides, drift.
SEES_SILENT = AUDITED + Lexicon("""
    drift, distribution, distributions, override, overrides, overridden, override rate, flag rate
    share flagged, accuracy, precision, recall, error rate, ground truth, actuals, actual outcome
    actual outcomes, recorded outcome, recorded outcomes, labelled sample, labeled sample, checked sample
""")


@rule(
    "monitoring-hears-only-complaints",
    Category.operations,
    likelihood=3,
    impact=3,
    ask="is the only live signal people complaining or reporting errors, which cannot see the errors "
    "nobody complains about?",
    move=Move(
        "Check a random sample of outputs each period, not only complaints",
        "Complaints and appeals see only the errors someone notices and objects to: a wrong 'no' or a miss "
        "usually draws none, and complaints fall when people give up; check a random sample of the outputs "
        "each week or month, blind to the model's answer, count the errors of each kind, and alert on that "
        "rate",
        "warning",
    ),
    fires=(
        Case(
            {
                "after_launch.monitoring": [
                    {"signal": "Complaints per week", "threshold": "over 20: the owner"}
                ]
            },
            evidence=(
                'after_launch.monitoring[0].signal: "Complaints per week" (heard only when someone objects: '
                "complaints per week; who complains about a wrong no?)",
            ),
        ),
        Case(
            {
                "after_launch.monitoring": [
                    {"signal": "Appeals upheld per month"},
                    {"signal": "Errors reported by staff through the form"},
                ]
            }
        ),
    ),
    quiet=(
        Case(  # a sample checked beside the complaints sees what nobody reports
            {
                "after_launch.monitoring": [
                    {"signal": "Complaints per week", "threshold": "over 20"},
                    {
                        "signal": "Error rate on a random sample of 200 decisions a month",
                        "threshold": "over 5%",
                    },
                ]
            }
        ),
        Case(
            {
                "after_launch.monitoring": [
                    {"signal": "Share of orders flagged per day", "threshold": "over 8%"}
                ]
            }
        ),
        Case(  # the complaint itself is checked against a drift signal
            {
                "after_launch.monitoring": [
                    {"signal": "Complaints and input drift per week", "threshold": "x2"}
                ]
            }
        ),
    ),
)
def monitoring_hears_only_complaints(plan: Plan) -> Evidence:
    """Monitoring hears only complaints, appeals or reported errors.

    Every signal named for after launch arrives only when someone notices an error and objects. The
    errors nobody sees (a case wrongly passed, a customer wrongly left out, a defect shipped) draw no
    complaint, and a complaint count falls as well when people give up as when the model improves: the
    error rate can climb with every signal quiet.

    Mitigation: Check a random sample of the outputs each week or month, blind to the model's answer;
    count the errors of each kind on it (misses as well as false alarms), alert on that rate, and keep
    complaints as a second, faster signal.
    """
    monitors = plan.after_launch.monitoring
    if not monitors:
        return None
    heard: list[str] = []
    for monitor in monitors:
        text = f"{monitor.signal} {monitor.threshold or ''}"
        if SEES_SILENT.find(text):
            return None  # one signal sees beyond the complaints
        said = COMPLAINT_SIGNALS.find(monitor.signal)
        if not said:
            return None  # a signal of another kind: not complaints alone
        heard.append(said)
    words = tuple(dict.fromkeys(heard))
    note = f"heard only when someone objects: {', '.join(words)}; who complains about a wrong no?"
    return Hint(words, (quote(plan, "after_launch.monitoring[0].signal", note),))
