"""The key risks: the one to three open risks the plan's claim rests on, named above the register.

A lead reads a register for what would sink the plan, not for its length. Most risks are process and
hygiene (a pilot, alerts, an owner, a time box): worth a decision, rarely fatal. A few attack the claim
itself, in one of five ways:
- the evidence: the figure done rests on would be measured on data that flatter it (inputs known only
  later, a split that leaks, a truth the old process made, labels only the chosen cases get);
- the measure: the done metric can be met while the decision it serves goes wrong (the worst error
  pooled or uncounted, a volume counted instead of being right, calls across a limit unscored);
- the value: even a model that meets its target would not change the outcome (nobody acts, more flags
  than people, a forecast shorter than the lever's notice, an earlier stage that caps it);
- the task: people decide today from what the model will not see, so it may not get there at all;
- the harm: the worst error reaches people or the process with nothing to stop it.
Those are the key risks, whatever their score beside process items; the register keeps its order.
Among them the first three (is the model's figure real, can it do the task, does its metric score the
decision) lead the last two at the same level: they decide whether the model works at all. Arithmetic
that is not yet computable (a value per customer times a volume of invoices) is a fix to the estimate,
not a break in the value, and stays in the register.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from planner.core import formatting
from planner.judgement.order import VOIDS_EVIDENCE
from planner.judgement.rules.base import HIGH, MEDIUM, Hint, Risk, RiskKind, Tempered
from planner.judgement.rules.evidence import show
from planner.judgement.rules.harm import serious_harm
from planner.judgement.rules.volume import acts_alone
from planner.plan.model import MetricRole, Plan

Breaks = Literal["evidence", "measure", "value", "task", "harm"]

# The figure done rests on would flatter the model (beyond VOIDS_EVIDENCE, which also orders the advice).
_EVIDENCE = VOIDS_EVIDENCE | {
    "inputs-known-only-later",
    "inputs-set-after-the-decision",
    "input-counted-on-the-day",
    "inputs-read-as-they-are-now",
    "inputs-record-later-steps",
    "inputs-echo-the-decision",
    "lag-shorter-than-label-delay",
    "label-echoes-estimate",
    "label-copied-from-estimate",
    "label-from-old-process",
    "label-records-what-was-done",
    "outcome-under-old-assignment",
    "label-after-todays-fixes",
    "label-picked-by-an-input",
    "untried-labelled-as-failures",
    "test-set-not-like-product",
    "precision-at-eval-share",
    "precision-at-test-prevalence",
    "test-arms-share-supply",
    "tuned-on-the-test",
    "eval-items-share-a-parent",
    "duplicates-cross-the-split",
    "eval-negatives-at-random",
    "eval-items-seen-in-pretraining",
    "class-follows-the-source",
    "easy-slice-lifts-the-score",
    "target-above-agreement",
    "target-near-agreement",
    "target-within-label-error",
    "decision-hides-outcome",
    "action-prevents-the-label",
    "feedback-loop",
    "cleaning-drops-the-rare",
    "instrument-change-read-as-trend",
    "history-from-the-old-regime",
    "test-set-misses-newcomers",
    "target-finer-than-the-test",
    "source-missing-falls-back",
    "position-bias-in-logs",
    "attributes-from-a-current-snapshot",
    "live-test-too-few-sites",
    "popularity-feeds-itself",
    "picks-feed-the-inputs",
    "pair-balance-read-as-production",
    "negatives-mean-nobody-acted",
    "recent-negatives-not-yet-known",
}
# The done metric can be met while the decision it serves goes wrong.
_MEASURE = frozenset(
    {
        "worst-error-uncounted",
        "wrong-links-uncounted",
        "worst-error-scored-overall",
        "metric-blind-to-harm",
        "rare-class-judged-by-accuracy",
        "rare-class-no-metric",
        "decisions-scored-pooled",
        "metric-scores-parts",
        "limit-call-unscored",
        "capacity-sets-the-threshold",
        "target-counts-volume",
        "outcome-not-effect",
        "success-self-counted",
        "choice-scored-over-all",
        "amount-scored-in-aggregate",
        "amount-error-weighed-alike",
        "forecast-coarser-than-decision",
        "forecast-counts-other-than-decision",
        "objective-blind-to-cost",
        "label-broader-than-the-harm",
        "worse-error-unweighed",
        "raters-judge-presentation",
        "ranked-by-take-up",
        "top-match-when-none-exists",
    }
)
# Even a model that meets its target would not change the outcome.
_VALUE = frozenset(
    {
        "nobody-acts-on-output",
        "not-worth-it",
        "cost-exceeds-value",
        "flags-exceed-capacity",
        "horizon-shorter-than-lead-time",
        "earlier-stage-caps-recall",
        "whole-moves-by-step-share",
        "cut-beyond-reach",
        "delay-may-be-waiting",
        "impact-exceeds-the-problem",
        "saving-exceeds-step",
        "baseline-already-meets-target",
        "target-below-people",
        "measured-latency-over-budget",
        "predictions-set-controls",
        "action-needs-another-party",
        "lever-needs-longer-notice",
        "worklist-beyond-capacity",
        "backlog-outside-the-flow",
    }
)
# The model may not be able to do the task at all: people decide from what it will not see.
_TASK = frozenset({"expert-cannot-decide", "decisions-turn-on-unseen", "deciders-see-more-than-model"})
# The worst error reaches people or the process with nothing to stop it.
_HARM = frozenset(
    {
        "automated-harm-no-fallback",
        "adverse-decision-unchecked",
        "commits-unchecked",
        "setpoint-loop-unguarded",
        "later-phase-drops-the-check",
        "forbidden-output-unguarded",
        "generated-facts-unchecked",
        "statements-without-source",
        "data-leaves-organisation",
        "check-before-action-removed",
        "serious-news-read-alone",
        "hazardous-instructions",
        "reads-beyond-the-asker",
        "outside-text-steers-actions",
        "blank-fields-invented",
        "review-sized-for-speed",
    }
)
_ORDER: tuple[tuple[Breaks, frozenset[str]], ...] = (
    ("evidence", _EVIDENCE),
    ("value", _VALUE),
    ("task", _TASK),
    ("harm", _HARM),
    ("measure", _MEASURE),
)
MOST = 3  # a reader keeps three things from a kickoff, not ten


@dataclass(frozen=True)
class KeyRisks:
    """The risks of one kind of break, under the sentence that says what they break in this plan."""

    breaks: Breaks
    heading: str
    risks: tuple[Risk, ...]


def breaks(risk_id: str) -> Breaks | None:
    """Which part of the plan's claim a risk of this id attacks, or None for process and hygiene."""
    return next((kind for kind, ids in _ORDER if risk_id in ids), None)


def unchecked_stakes(plan: Plan) -> bool:
    """Whether the system acts alone on errors rated serious: what a flattering figure lets through goes
    out with nobody to catch it."""
    return acts_alone(plan) is not None and serious_harm(plan)


def weighed_by_stakes(kind: RiskKind, evidence: tuple[str, ...], unchecked: bool) -> RiskKind:
    """`kind` with one more step of impact where it voids the evidence or the measure and the stakes are
    `unchecked` (`unchecked_stakes`, read once per plan). Not where the rule weighed the facts itself
    (Tempered evidence) or only words raised it (a Hint)."""
    if not unchecked or isinstance(evidence, (Tempered, Hint)):
        return kind
    if breaks(kind.id) not in ("evidence", "measure") or kind.impact >= 5:
        return kind
    return dataclasses.replace(kind, impact=kind.impact + 1)


def _key_break(risk: Risk) -> Breaks | None:
    """What an open risk at medium or above breaks in the plan's claim, or None: not a key risk."""
    return breaks(risk.id) if not risk.decided and risk.score >= MEDIUM else None


def questions_done(risk: Risk) -> bool:
    """Whether an open risk at medium or above questions what done rests on: its evidence or its measure.
    Done criteria are not called well posed beside one."""
    return _key_break(risk) in ("evidence", "measure")


def key_risks(plan: Plan, risks: tuple[Risk, ...]) -> tuple[KeyRisks, ...]:
    """The open risks at medium or above that attack the plan's claim, at most `MOST`, grouped by what
    they break: those raised by structured answers first, by level, what decides whether the model works
    at all before whether it pays or harms, then by score; a risk only words raised (asked as a question)
    fills only a place the facts leave."""
    found = [(risk, kind) for risk in risks if (kind := _key_break(risk)) is not None]
    found.sort(key=lambda pair: _rank(*pair))
    facts = [pair for pair in found if not pair[0].heard]
    heard = [pair for pair in found if pair[0].heard]
    # A guess from words ranks below every fact: it takes only the places the facts leave.
    chosen = facts[:MOST] + heard[: MOST - len(facts)]
    groups = []
    for kind in dict.fromkeys(kind for _, kind in chosen):
        members = tuple(risk for risk, each in chosen if each == kind)
        groups.append(KeyRisks(kind, _heading(plan, kind, members), members))
    return tuple(groups)


# A flawed label, input timing, test or metric decides whether the model works at all; value and harm say
# whether it pays and what escapes. A lead names the first kind before the second at the same level,
# whatever the scores beside it (a medium 8 on the label before a medium 12 on the value's arithmetic),
# but a risk that is near certain and ends the project (4x5 and up: nobody acts, harm with no fallback)
# leads whatever its kind.
_WORKS: frozenset[Breaks] = frozenset({"evidence", "task", "measure"})
_ENDS_IT = 20


def _rank(risk: Risk, kind: Breaks) -> tuple[int, bool, int, int, int, str]:
    band = 0 if risk.score >= _ENDS_IT else 1 if risk.score >= HIGH else 2
    kinds = [each for each, _ in _ORDER]
    return (band, bool(risk.heard), kind not in _WORKS, -risk.score, kinds.index(kind), risk.id)


_CITED = re.compile(r"^done\.metrics\[(\d+)\]")


def _metric(plan: Plan, risks: tuple[Risk, ...]) -> str | None:
    """The done metric the claim rests on, with its goal: the one the risks compare (the first their
    evidence quotes), else the first that has a goal (a margin on the baseline included), a guardrail
    (held, not moved) only where no other has."""
    metrics = plan.done.metrics
    cited = (int(found.group(1)) for risk in risks for said in risk.evidence if (found := _CITED.match(said)))
    index = next((each for each in cited if each < len(metrics)), None)
    order = [metrics[index]] if index is not None else []
    order += sorted(metrics, key=lambda metric: metric.role is MetricRole.guardrail)
    for metric in order:
        if (goal := metric.goal()) is not None:
            return f"{show(metric.name)} reaching {formatting.number(goal)}"
    return None


def _heading(plan: Plan, kind: Breaks, risks: tuple[Risk, ...] = ()) -> str:
    """What the risks of `kind` break in this plan, if they hold: each is a hypothesis, not a finding."""
    metric = _metric(plan, risks)
    if kind == "evidence":
        figure = f"the figure done rests on ({metric}) flatters" if metric else "the plan's figures flatter"
        return f"The evidence: if these hold, {figure} the model, and a 'met' would not hold live"
    if kind == "measure":
        done = f"the done metric ({metric})" if metric else "the done criterion"
        return f"The measure: if these hold, {done} can be met while the decision it serves goes wrong"
    if kind == "value":
        goal = plan.product.success_metric or plan.product.goal
        moved = show(goal) if goal else "the outcome"
        return f"The value: if these hold, even a model that meets its target would not move {moved}"
    if kind == "task":
        return "The task: if these hold, the model cannot see what today's decisions turn on, and may never get there"
    return "The harm: if these hold, the worst error goes out with nothing to stop it"
