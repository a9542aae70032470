"""The advice a plan calls for (a good lead's verdicts, with reasons).
Risks the team has decided (accepted, mitigated, not applicable) stay in the register but drive no advice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planner.core import formatting
from planner.judgement.figures import Figures
from planner.judgement.keys import questions_done
from planner.judgement.measured import (
    rules_source,
    rules_worth_shipping,
    source_of,
)
from planner.judgement.order import danger_leads, leads_first, low_notes, rank
from planner.judgement.rules import CATALOGUE
from planner.judgement.rules.base import LOW_AGREEMENT, RULES_WORTH_SHIPPING, TIGHT_P99_MS, Move, Risk
from planner.judgement.rules.done import adversarial_quote
from planner.judgement.rules.evidence import acting_shapes_labels
from planner.judgement.rules.harm import serious_harm, unattended_minor
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import HARMFUL
from planner.judgement.rules.rare import rare_metric_note
from planner.judgement.rules.units import quotes_metric, rewards_failure
from planner.judgement.rules.words import mentions
from planner.judgement.weighed import weighed_text
from planner.plan.choices import label
from planner.plan.fields import answered_at
from planner.plan.model import Mode, OnlineValidation, Plan, RulesVerdict, Serving, Status
from planner.plan.questions import Completeness

COMMITTED = (Status.approved, Status.building, Status.shipped)

NAMED_HIGH = 8  # the "settle the high risks" advice names this many by score, then counts the rest

# What an item of advice is, for the stage to keep, reword or drop it: first moves ("rules": plain rules or
# today's process may already do the job), the high-risk gate, open questions, go-ahead, follow-ups, sound.
Part = Literal["first", "rules", "gate", "questions", "go", "follow-up", "sound"]


@dataclass(frozen=True)
class Advice:
    """A verdict a good lead would give, with its reason."""

    title: str
    reason: str
    tone: Literal["success", "info", "warning", "danger"] = "info"
    risks: tuple[str, ...] = ()  # ids of the open risks behind it, so the site can name and link them
    part: Part = "follow-up"
    approves: str = ""  # "rules" advice: what a reviewer approves when it applies (the review's scope)


def unanswered_text(report: Completeness) -> str | None:
    parts = [(len(asked), key.replace("_", " ")) for key, asked in report.missing.items() if asked]
    if not parts:
        return None
    first, *rest = parts
    words = [f"{first[0]} question{'s' * (first[0] != 1)} in {first[1]}"]
    words += [f"{count} in {name}" for count, name in rest]
    return "not answered yet: " + ", ".join(words)


RULES_FIRST = frozenset({"rules-may-suffice", "baseline-already-meets-target"})


@dataclass(frozen=True)
class Blocking:
    """An essential question still unanswered: the team cannot start well without it."""

    field: str
    question: str
    why: str


def _rules_first(plan: Plan, ids: set[str], numbers: Figures) -> Advice:
    heuristics = plan.heuristics
    rules = heuristics.verdict in (RulesVerdict.rules_suffice, RulesVerdict.rules_baseline)
    metric = plan.done.metrics[0] if plan.done.metrics else None
    baseline, goal = (metric.baseline_figure, metric.goal()) if metric else (None, None)
    if metric and baseline is not None and goal is not None and "rules-may-suffice" not in ids and not rules:
        # What meets the target is today's process or another system, not rules: say that, not "ship the rules".
        what = f" ({metric.baseline_name})" if metric.baseline_name else ""
        return Advice(
            "Today's baseline already meets the target: use it, or set the target by what the product needs",
            f'"{metric.name}" is {baseline:g} today{what}, already at the target {goal:g}. '
            "Either what exists is enough, or the target is too easy: raise it to what the product needs "
            "and build only for that gap.",
            "warning",
            tuple(sorted(RULES_FIRST & ids)),
            "rules",
            "today's process, or a target set by what the product needs",
        )
    alone = unattended_minor(plan)  # an unattended batch job, errors not serious: no review is needed
    coverage = heuristics.coverage_figure
    if coverage is not None and heuristics.accuracy_figure is not None:
        found = f"Rules handle {formatting.share(coverage)} of cases, {formatting.share(heuristics.accuracy_figure)} of them right"
        left = f"; people take the other {formatting.share(1 - coverage)}"
        found += left if rules and not alone and coverage < 1 else ""  # never "the other 0%"
        source = source_of(plan, "heuristics.coverage")
        found += f" ({source})" if source else " (as typed; `planner measure` checks it on a sample)"
    elif "baseline-already-meets-target" in ids:
        found = "Today's baseline already meets the primary target"
    else:
        found = "The team found that rules are enough"
    how = "the rules as they run" if alone else "the rules with human review first"
    return Advice(
        f"{'Keep the rules as the yardstick' if alone else 'Ship ' + how}; a model must beat them by the margin you set",
        f"{found}. {'Measure them' if alone else 'Launch that, measure it'} on the done metric, and build a "
        "model only if it beats the rules by a margin worth its data, training and upkeep.",
        "warning",
        tuple(sorted(RULES_FIRST & ids)),
        "rules",
        f"{how}, a model only if it beats them by the margin set",
    )


def _rules_with_people(plan: Plan) -> Advice | None:
    """Measured rules that handle a real share: ship them with people, and model only what they leave."""
    measured = rules_worth_shipping(plan, RULES_WORTH_SHIPPING)
    if measured is None:
        return None
    coverage, accuracy = measured
    left = 1 - coverage
    share = plan.impact.addressed
    if share is not None and share <= left + 0.01:
        return None  # the model is already aimed at what the rules leave
    margin = ""
    metric = plan.done.metrics[0] if plan.done.metrics else None
    if metric is not None and metric.baseline_figure is not None:
        goal = metric.goal()
        said = metric.margin_words()
        if said is not None:  # as the team stated it: `1.5 below the baseline 12 = 10.5`
            margin = f' A model must beat that on "{metric.name}": {said}.'
        elif goal is not None:
            margin = f' A model must beat that on "{metric.name}": from {metric.baseline_said} to {goal:g}.'
    elif (
        metric is not None and metric.margin is not None and not metric.holds
    ):  # "beat the naive forecast by 10%", or by 0.3 days
        by = (
            formatting.share(metric.margin)
            if metric.relative_target is not None
            else formatting.number(metric.margin)
        )
        margin = f" A model must beat {metric.baseline_name or 'the baseline'} by {by}."
    else:
        margin = " Set the margin a model must beat them by (a baseline and a target) before modelling."
    if left <= 0:  # the rules decide every case: no remainder for people or a model, only their errors
        return Advice(
            "Ship the rules; a model must beat them on the cases they get wrong",
            f"Rules handle every case, {formatting.share(accuracy)} of them right{rules_source(plan)}. Ship them, "
            f"and build a model only if it gets more right than they do.{margin}",
            "warning",
            part="rules",
            approves="the rules first, a model only if it beats them",
        )
    return Advice(
        "Ship the rules with people for the rest; aim a model only at the remainder",
        f"Rules handle {formatting.share(coverage)} of cases, {formatting.share(accuracy)} of them right{rules_source(plan)}: "
        f"{formatting.share(coverage * accuracy)} "
        f"of all cases decided right with no model. Ship that with people taking the other {formatting.share(left)}, "
        f"and point the first model at those {formatting.share(left)} only.{margin}",
        "warning",
        part="rules",
        approves="the rules with people first, a model only for the rest",
    )


def blocking(plan: Plan) -> tuple[Blocking, ...]:
    """Unanswered essentials, most important first, each with why it blocks a good start."""
    product, done = plan.product, plan.done
    found: list[Blocking] = []
    if not answered_at(plan, "done.metrics"):
        why = (
            "Without a metric, today's value and a target nobody knows when the model is good enough, "
            "or when to stop; set them before any tuning." + rare_metric_note(plan)
        )
        found.append(Blocking("done.metrics", "Which metric, baseline and target define done?", why))
    has_baseline = (
        any(metric.baseline_figure is not None or metric.margin is not None for metric in done.metrics)
        or "baseline" in done.none
        or plan.heuristics.coverage_figure is not None
        or answered_at(plan, "product.current_performance")
    )
    if not has_baseline:
        where = "product.current_performance" if product.current_solution else "product.current_solution"
        found.append(
            Blocking(
                where,
                "How is it done today, and how well (the baseline)?",
                "Today's process (people, rules, the current system) measured on the done metric is the "
                "bar a model must beat by a stated margin; without it a target is a guess.",
            )
        )
    automating = product.mode is Mode.automate
    severe = serious_harm(plan) or bool(mentions(plan.impact.error_harm, HARMFUL))
    if not answered_at(plan, "after_launch.fallback") and (automating or severe):
        reason = "the model decides alone" if automating else "its errors hurt people"
        found.append(
            Blocking(
                "after_launch.fallback",
                "What happens when the model is wrong or down?",
                f"The plan says {reason}: name the fallback (people, the rules, an appeal) before building, "
                "since it shapes the product as much as the model.",
            )
        )
    if not answered_at(plan, "after_launch.owner"):
        found.append(
            Blocking(
                "after_launch.owner",
                "Who owns the model once it is live?",
                "Someone must watch it, retrain it and answer for it; unowned models decay quietly until a "
                "customer notices.",
            )
        )
    adversary = adversarial_quote(plan, note=False)
    if adversary and not answered_at(plan, "after_launch.monitoring"):
        found.append(
            Blocking(
                "after_launch.monitoring",
                "What do you monitor once it is live, and what triggers a retraining?",
                f"The plan is about an adversary ({adversary}): fraudsters, spammers and bots adapt to what "
                "the model stops, so name the signals (flag rate, caught rate on a reviewed sample, score "
                "distribution), their thresholds and the retraining trigger before launch.",
            )
        )
    latency = plan.constraints.latency
    if (
        latency.serving in (Serving.online, Serving.interactive)
        and latency.p99_ms is not None
        and latency.p99_ms <= TIGHT_P99_MS
        and latency.model_size is None
        and not answered_at(plan, "constraints.latency.measured_p99_ms")
        and not plan.constraints.compute.hosted
    ):
        found.append(
            Blocking(
                "constraints.latency.measured_p99_ms",
                "What p99 latency did a candidate measure on production hardware?",
                f"A {latency.p99_ms} ms budget rules out large models and network hops; measure a "
                "candidate's p99 (features included) before designing around it.",
            )
        )
    tried = plan.heuristics.verdict in (RulesVerdict.rules_suffice, RulesVerdict.rules_baseline)
    # Rules (or today's process) scored on the done metric answer the share question: that baseline.
    scored = any(metric.baseline_figure is not None for metric in done.metrics)
    if tried and plan.heuristics.coverage_figure is None and not scored:
        found.append(
            Blocking(
                "heuristics.coverage",
                "What share of cases do the rules handle, and how well?",
                "Measured on real cases, the rules' coverage and accuracy decide whether to ship them with "
                "people first, and what any model must beat.",
            )
        )
    if answered_at(plan, "done.metrics") and done.timebox_weeks is None:
        found.append(
            Blocking(
                "done.timebox_weeks",
                "How many weeks until the continue-or-fold decision, and what is the fold action?",
                "ML progress is nonlinear: a box of a few weeks with an agreed fold action stops a stalled "
                "project from running on.",
            )
        )
    return tuple(found)


def affirmations(plan: Plan, open_ids: set[str], metric_risks: frozenset[str] = frozenset()) -> list[Advice]:
    """What is sound in the plan, said plainly, so a good answer is seen as well as a gap; done criteria
    are not called well posed while an open risk (`metric_risks`) quotes the primary metric."""
    found: list[Advice] = []
    done = plan.done
    if done.metrics:
        metric = done.metrics[0]
        goal = metric.goal()
        if (
            metric.baseline_figure is not None
            and goal is not None
            and done.timebox_weeks
            and done.fold_action
            and not open_ids
            & {
                "no-done-criteria",
                "no-fold-action",
                "no-time-box",
                "baseline-already-meets-target",
                "no-worse-unsized",
            }
            and not open_ids & {"worst-error-uncounted", "metric-blind-to-harm", "straw-man-baseline"}
            and "baseline-unmeasured" not in open_ids  # a figure people tell, not measured
            and not metric_risks  # an open risk points at this metric: leaky, not comparable, rewards the failure
        ):
            found.append(
                Advice(
                    "Done criteria well posed: metric, baseline, target, time box, fold action",
                    f'"{metric.name}" from {metric.baseline_said} to {goal:g} within {done.timebox_weeks:g} '
                    f"weeks; if it falls short: {done.fold_action}",
                    "success",
                    part="sound",
                )
            )
    measured = rules_worth_shipping(plan, RULES_WORTH_SHIPPING)
    share = plan.impact.addressed
    if measured and share is not None and share <= 1 - measured[0] + 0.01:
        found.append(
            Advice(
                "Rules with people first, a model only for the rest",
                f"The rules handle {formatting.share(measured[0])} at {formatting.share(measured[1])}; the first model aims at "
                f"the {formatting.share(share)} they leave.",
                "success",
                part="sound",
            )
        )
    data, ended = (
        plan.constraints.data,
        "exploration-ends-with-the-test" in open_ids,
    )  # a share for the test only
    if acting_shapes_labels(plan) and data.exploration_share and kept_out(plan) and not ended:
        found.append(
            Advice(
                "Feedback loop handled",
                f"{formatting.share(data.exploration_share)} of traffic stays out of the model's hands, so its labels "
                "are not only its own choices.",
                "success",
                part="sound",
            )
        )
    live, shared = done.online_validation, "test-arms-share-supply" in open_ids  # arms that share supply
    if live and live not in (OnlineValidation.none, OnlineValidation.before_after) and not shared:
        found.append(
            Advice(
                "Judged live before it replaces today's process",
                f"Online validation: {label(live)}.",
                "success",
                part="sound",
            )
        )
    agreement, count = plan.by_hand.label_agreement, plan.by_hand.double_labelled
    # agreement a target sits at or above is no strength: the references keyed once hide the model's errors
    capped = {"target-above-agreement", "target-near-agreement"} & open_ids
    if isinstance(agreement, float) and agreement >= LOW_AGREEMENT and count and not capped:
        found.append(
            Advice(
                "Labels people agree on",
                f"Two people agree on {formatting.share(agreement)} of {count:,} double-labelled cases.",
                "success",
                part="sound",
            )
        )
    return found


def _moves(plan: Plan, risks: list[Risk]) -> tuple[list[Advice], list[Advice]]:
    """The moves that fit the plan of the open derived risks' rules, one per title: (first moves,
    follow-ups). A move the plan already makes (its `done`) is not given."""
    grouped: dict[str, tuple[Move, list[Risk]]] = {}
    for risk in risks:
        move = CATALOGUE[risk.id].fitting(plan).move
        if move is None or (move.done is not None and move.done(plan)):
            continue
        grouped.setdefault(move.title, (move, []))[1].append(risk)
    first: list[Advice] = []
    later: list[Advice] = []
    for move, hits in sorted(grouped.values(), key=rank):
        lead = sorted(hits, key=lambda risk: -risk.score)[0]
        evidence = f" ({'; '.join(lead.evidence[:2])})" if lead.evidence else ""
        leads = leads_first(move, hits)
        advice = Advice(
            move.title,
            f"{move.reason}{evidence}.",
            move.tone,
            tuple(r.id for r in hits),
            "first" if leads else "follow-up",
        )
        (first if leads else later).append(advice)
    return first, later


def advise(
    plan: Plan,
    risks: tuple[Risk, ...],
    numbers: Figures,
    report: Completeness,
    questions: tuple[Blocking, ...] = (),
    started: bool = False,
) -> tuple[Advice, ...]:
    """The lead's advice, the top-line verdict first: what to do before anything (the rules' first moves),
    the high risks, the blocking questions, whether to start; then follow-ups and what is sound. Once the
    work has `started`, nothing is said "before starting" and there is no go-ahead to give: the plan's
    stage (planner.judgement.stage) leads with its next move. Only open risks drive advice, except
    rules-first: it describes the plan's direction, so a decision on it does not retire it."""
    ids = {risk.id for risk in risks if risk.source == "derived"}
    open_derived = [risk for risk in risks if not risk.decided and risk.source == "derived"]
    advice = [_rules_first(plan, ids, numbers)] if RULES_FIRST & ids else []
    first, later = _moves(plan, open_derived)
    rules_with_people = None if advice else _rules_with_people(plan)
    # Danger on a high risk first, then rules with people, then the rest in the register's order.
    behind = {risk.id: risk for risk in open_derived}
    advice += (danger := [m for m in first if danger_leads(m.tone, map(behind.__getitem__, m.risks))])
    advice += [rules_with_people] if rules_with_people else []
    advice += [move for move in first if move not in danger]
    covered = set().union(*(move.risks for move in advice)) | RULES_FIRST
    open_risks = [risk for risk in risks if not risk.decided]
    high = [risk for risk in open_risks if risk.level == "high"]
    medium = [risk for risk in open_risks if risk.level == "medium"]
    unanswered = unanswered_text(report)
    if any(risk.id not in covered for risk in high):
        # Every high risk, those with a move above too: a partial list reads as the whole one.
        ranked = sorted(high, key=lambda risk: -risk.score)
        listed = ", ".join(risk.id for risk in ranked[:NAMED_HIGH])
        more = len(ranked) - NAMED_HIGH
        listed += f" and {more} more (see the register)" if more > 0 else ""
        advice.append(
            Advice(
                "Settle the high risks: the work started with them open"
                if started
                else "Settle the high risks before starting",
                f"Open: {listed}. Change the plan so they no longer apply, or record the team's decision "
                "(accepted, mitigated, not applicable) with a note.",
                "danger",
                tuple(risk.id for risk in ranked),
                "gate",
            )
        )
    committed = plan.status in COMMITTED
    if questions:
        named = "; ".join(f"{number}. {q.question} ({q.field})" for number, q in enumerate(questions, 1))
        plural = "s" * (len(questions) > 1)
        advice.append(
            Advice(
                f"Answer {len(questions)} blocking question{plural}: the work started without "
                f"{'them' if plural else 'it'}"
                if started
                else f"Answer {len(questions)} blocking question{plural} before starting",
                f"{named}. {questions[0].why}",
                "warning",
                part="questions",
            )
        )
        advice += [
            Advice(
                f"Answer {'now' if started else 'first'}: {q.question}",
                f"{q.why} ({q.field})",
                "warning",
                part="questions",
            )
            for q in questions[1:]
        ]
    elif unanswered:
        advice.append(
            Advice(
                "Answer the open questions",
                f"{unanswered[0].upper()}{unanswered[1:]}.{weighed_text(report)} Unanswered questions "
                "raise no risk here, but "
                f"each may hide one{f', and the plan is already {plan.status.value}' if committed else ''}.",
                "warning" if committed else "info",
                part="questions",
            )
        )
    elif not advice and medium:
        listed = ", ".join(risk.id for risk in medium)
        decide = f"Record a decision on {listed} (accepted, mitigated or not applicable, with a note)"
        advice.append(
            Advice(
                "Decide the open risks" if started else "Nearly ready: decide the open risks, then start",
                f"No high risk is open. {decide} so the review sees them weighed."
                if started
                else f"Every question is answered and no high risk is open. {decide} before the time box starts.",
                "info",
                tuple(risk.id for risk in medium),
                "go",
            )
        )
    elif not advice and not started:
        box = plan.done.timebox_weeks
        advice.append(
            Advice(
                "This plan is sound: start",
                "Every question is answered and no risk at medium or above is open"
                + low_notes(open_risks)
                + (f". Work within the {box:g}-week time box" if box else "")
                + "; when it ends, take the agreed decision: ship, continue or fold.",
                "success",
                part="go",
            )
        )
    on_metric = frozenset(  # an open risk points at the metric, or questions what done rests on
        r.id for r in open_derived if not r.heard and (quotes_metric(r.evidence) or questions_done(r))
    )
    if why := rewards_failure(plan, {r.id for r in open_derived}):  # praise withheld, said why
        later.append(Advice("Done criteria may reward the failure a risk names", why[1], "warning", why[:1]))
    on_metric |= frozenset(why[:1] if why else ())
    return tuple(advice + later + affirmations(plan, {risk.id for risk in open_derived}, on_metric))
