"""The plan's stage (its status, its clock, the experiment log's verdict) and the next move it calls for.

A lead's first sentence depends on where the plan stands: a draft needs its blocking questions and
its highest risk settled; a plan in review needs the reviewer's decision; an approved plan needs its
time box started; a plan at work needs what its experiment log says (take the fold, take the ship
decision, change the approach, keep going); a shipped plan needs watching live; a folded plan needs
its record. Nothing is said "before starting" once the work has started.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from planner.judgement.advice import Advice, Blocking
from planner.judgement.order import low_notes
from planner.judgement.rules.base import Risk
from planner.judgement.verdict import (
    CLOSED,
    FOLD_DUE,
    MET,
    NOT_STARTED,
    ON_TRACK,
    STALLED,
    PlanVerdict,
    clock_started,
    first_day,
    fmt,
    today_utc,
)
from planner.plan.model import Plan, Status

AT_WORK = (Status.building, Status.shipped, Status.folded)  # the status says the work has begun
BEFORE = ("gate", "questions", "go")  # advice about whether to start: replaced by the stage's own move


@dataclass(frozen=True)
class Stage:
    """Where a plan stands: its status, whether its time box has started, and what its log says."""

    status: Status
    started: bool
    progress: PlanVerdict | None = None  # the done criteria judged on the experiment log, when read
    log_error: str | None = None  # the log cannot be read: no verdict can be trusted

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def verdict(self) -> str | None:
        return self.progress.verdict if self.progress is not None else None


def stage_of(
    plan: Plan,
    progress: PlanVerdict | None = None,
    log_error: str | None = None,
    today: date | None = None,
    status: Status | None = None,
    published: date | None = None,
) -> Stage:
    """The stage of `plan`: with its log's verdict when it was read (`progress`), else from the plan
    alone (its status, and its clock's `first_day` against today: `done.started`, else the day its
    first version past review was `published`). `status` overrides the plan's own (a plan folded in
    its draft while its latest version says building)."""
    status = status or plan.status
    if progress is not None:
        first, today = progress.started, progress.today
    else:
        first, today = first_day(plan, published), today or today_utc()
    started = status in AT_WORK or clock_started(first, today)
    return Stage(status, started, progress, log_error)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return f"{text[:1].upper()}{text[1:]}."


def _decider(plan: Plan) -> str:
    """Who takes the decision, in words: the plan's `decider`, or a request to name one."""
    return plan.decider.strip().rstrip(".") if plan.decider else "the decider (name one: `decider`)"


def _gap(progress: PlanVerdict) -> str:
    """How far each unmet done metric is from its target: `recall (best 0.6 on validation, target 0.7)`."""
    parts = []
    for item in progress.metrics:
        if item.verdict is None or item.verdict == MET or item.metric.target is None:
            continue
        best = f"best {fmt(item.best.value)} on {item.best.split}" if item.best else "no run logged"
        parts.append(f"{item.name} ({best}, target {fmt(item.metric.target)})")
    return "; ".join(parts)


def _clause(text: str) -> str:
    """An answer inside a sentence: no final full stop, no capital unless it starts a name."""
    text = text.strip().rstrip(".")
    return text[0].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


def _watched(signal: str, threshold: str | None) -> str:
    """`share of invoices held (above 3%: alert the lead)`: a signal, its threshold beside it."""
    return f"{_clause(signal)} ({_clause(threshold)})" if threshold else _clause(signal)


def _watch(plan: Plan) -> str:
    """What the team watches once it is live: the monitoring signals, the owner, the retraining trigger."""
    after = plan.after_launch
    signals = [_watched(monitor.signal, monitor.threshold) for monitor in after.monitoring][:3]
    parts = [
        f"Watch {'; '.join(signals)}"
        if signals
        else "Name the signals that show it degrading, with thresholds (after_launch.monitoring)"
    ]
    parts.append(
        f"owner: {after.owner.strip().rstrip('.')}"
        if after.owner
        else "name who owns it live (after_launch.owner)"
    )
    trigger = plan.constraints.retraining.trigger
    parts.append(
        f"retrain when: {trigger.strip().rstrip('.')}"
        if trigger
        else "agree what triggers a retraining (retraining.trigger)"
    )
    return "; ".join(parts) + "."


def _folded(plan: Plan, stage: Stage) -> Advice:
    """Folded: decided, nothing to start; what is left is the record of what was learnt."""
    progress = stage.progress
    tried = []
    if progress is not None and progress.runs:
        gap = _gap(progress)
        tried.append(f"{progress.runs} run{'s' * (progress.runs != 1)} logged" + (f" ({gap})" if gap else ""))
    fold = plan.done.fold_action
    if fold:
        tried.append(f"the fold action: {_clause(fold)}")
    done = f"{_sentence('; '.join(tried))} " if tried else ""
    return Advice(
        "Folded: write down what was learnt",
        f"{done}Record what was tried, what it showed and why it stopped (the experiment log keeps the "
        "runs), keep what still works, and reuse the data and the evaluation set; another attempt is a "
        "new plan with its own time box.",
        "info",
        part="first",
    )


def _shipped(plan: Plan, stage: Stage) -> Advice:
    """Shipped: watch it live; the log's verdict says whether the offline target was met first."""
    progress = stage.progress
    if progress is not None and progress.verdict == MET and not stage.log_error:
        return Advice(
            "Shipped with its target met: watch it live",
            f"{_sentence(progress.reason)} {_watch(plan)} Compare the product metric with the figure "
            "before launch.",
            "success",
            part="first",
        )
    gap = _gap(progress) if progress is not None else ""
    why = f" ({gap})" if gap else ""
    return Advice(
        "Shipped: check it live against the done criteria",
        f"The experiment log does not show every done metric met on test{why}. Compare it live with "
        "today's process on the product metric, and fall back "
        + (
            f"({_clause(plan.after_launch.fallback)})"
            if plan.after_launch.fallback
            else "(after_launch.fallback)"
        )
        + f" if it does worse. {_watch(plan)}",
        "warning",
        part="first",
    )


def _live_risks(advice: Sequence[Advice]) -> list[Advice]:
    """Open high risks of a shipped plan: now they are watched in production, not settled first."""
    ids = sorted({risk for item in advice if item.part == "gate" for risk in item.risks})
    if not ids:
        return []
    return [
        Advice(
            "High risks still open, now live: watch them or record a decision",
            f"Open: {', '.join(ids)}. Add a monitoring signal for each, or record the team's decision "
            "(accepted, mitigated, not applicable) with a note.",
            "warning",
            tuple(ids),
        )
    ]


def _repair(stage: Stage) -> Advice:
    over = " The time box is over, so the fold may be due." if stage.verdict == FOLD_DUE else ""
    return Advice(
        "Repair the experiment log: no verdict can be read",
        f"Its runs cannot be read, so planner cannot tell whether the done criteria are met.{over} "
        "`planner check` names each bad line; fix them or restore the file from git.",
        "danger" if over else "warning",
        part="first",
    )


def _log_move(plan: Plan, stage: Stage) -> Advice | None:
    """What the experiment log says once the work has started: fold due, met, stalled, on track, or
    a clock that was never started."""
    progress = stage.progress
    if progress is None:
        return None
    reason = _sentence(progress.reason)
    if progress.verdict == FOLD_DUE:
        fold = plan.done.fold_action
        gap = _gap(progress)
        then = (
            f"The agreed fold action: {fold.strip().rstrip('.')}. Take it (then `status: folded`), or "
            "agree a longer time box in a reviewed change."
            if fold
            else "No fold action is written (done.fold_action): decide now to ship what works, stop "
            "(`status: folded`), or agree a longer time box in a reviewed change."
        )
        return Advice(
            "Fold due: take the agreed decision now",
            f"{reason}{f' Gap: {gap}.' if gap else ''} {_decider(plan)} decides. {then}",
            "danger",
            part="first",
        )
    if progress.verdict == MET:
        once = plan.done.when_met
        step = (
            f"The plan says, once met: {once.strip().rstrip('.')}."
            if once
            else "Confirm it live (a shadow run or an A/B test) before it replaces today's process."
        )
        return Advice(
            "Done criteria met: take the ship decision",
            f"{reason} {step} {_decider(plan)} decides; then `status: shipped`.",
            "success",
            part="first",
        )
    if progress.verdict == STALLED:
        return Advice(
            "Stalled: change the approach or fold early",
            f"{reason} Waiting for the time box to end will not move it: look at the errors, try a "
            "different idea or fix the data, or take the fold action now.",
            "warning",
            part="first",
        )
    if progress.verdict == ON_TRACK:
        return Advice(
            f"On track: {progress.clock}" if progress.ends is not None else "On track",
            f"{reason} Log every run (`planner log`) so the verdict stays current; "
            + (
                f"when the time box ends, {_decider(plan)} takes the agreed decision: ship, continue or fold."
                if progress.ends is not None
                else f"no time box is set, so no day is agreed for {_decider(plan)} to decide: ship, "
                "continue or fold (done.timebox_weeks)."
            ),
            "info",
            part="first",
        )
    if progress.verdict == NOT_STARTED and stage.status in AT_WORK:
        return Advice(
            "Start the clock: write the day the work began",
            "The work has begun but the time box has no first day, so no verdict can be given and no "
            "fold can fall due: write `started: YYYY-MM-DD` under done (or publish v1, whose day "
            "starts it).",
            "warning",
            part="first",
        )
    return None


def _blocked(questions: Sequence[Blocking]) -> str:
    return "; ".join(f"{q.question} ({q.field})" for q in questions)


TONES = ("danger", "warning", "info", "success")  # most pressing first


def _review(plan: Plan, risks: Sequence[Risk], questions: Sequence[Blocking], rules: Advice | None) -> Advice:
    """In review: what the reviewer must decide, with what plain rules already do when that applies."""
    decision = _decision(plan, risks, questions)
    if rules is None:
        return decision
    scope = rules.approves  # what the reviewer approves: what plain rules (or today's process) already do
    # Sent back, the questions come first; approved, what it approves.
    reason = f"{decision.reason} {rules.reason}" if questions else f"{rules.reason} {decision.reason}"
    if questions:
        title = f"{decision.title}, then approve {scope}"
    elif decision.risks:
        title = decision.title.replace("approve", f"approve {scope},", 1)
    else:
        title = f"In review: approve {scope}"
    return Advice(
        title,
        reason,
        min(decision.tone, rules.tone, key=TONES.index),
        tuple(dict.fromkeys((*decision.risks, *rules.risks))),
        "first",
    )


def _decision(plan: Plan, risks: Sequence[Risk], questions: Sequence[Blocking]) -> Advice:
    """In review: what the reviewer must decide, approve or send back, and on what."""
    high = [risk.id for risk in risks if not risk.decided and risk.level == "high"]
    medium = [risk.id for risk in risks if not risk.decided and risk.level == "medium"]
    if questions:
        return Advice(
            f"In review: send it back until {len(questions)} blocking question"
            f"{'s are' if len(questions) > 1 else ' is'} answered",
            f"{_blocked(questions)}. {questions[0].why}",
            "warning",
            part="first",
        )
    if high:
        return Advice(
            "In review: approve only with the high risks settled or accepted",
            f"Open: {', '.join(high)}. Ask the team to change the plan so they no longer apply, or to "
            "record a decision (accepted, mitigated, not applicable) with a note; `planner check "
            "--fail-on high` holds the merge until then.",
            "danger",
            tuple(high),
            "first",
        )
    if medium:
        return Advice(
            "In review: approve once the open risks are decided",
            f"No blocking question and no high risk. Ask for a recorded decision on {', '.join(medium)} "
            f"(accepted, mitigated or not applicable, with a note), then {_decider(plan)} approves.",
            "info",
            tuple(medium),
            "first",
        )
    box = plan.done.timebox_weeks
    return Advice(
        "In review: ready to approve",
        f"No blocking question and no open risk at medium or above{low_notes(risks)}. Check the target "
        f"and the fold action are ones {_decider(plan)} will hold the team to"
        + (f" when the {box:g}-week time box ends" if box else "")
        + "; then `status: approved` and start the clock.",
        "success",
        part="first",
    )


def _approved(plan: Plan, stage: Stage, risks: Sequence[Risk], questions: Sequence[Blocking]) -> Advice:
    """Approved, the clock not started yet: start the time box, with the high risks settled or accepted."""
    high = [risk.id for risk in risks if not risk.decided and risk.level == "high"]
    if high:
        return Advice(
            "Approved: settle or accept the high risks, then start the time box",
            f"Open: {', '.join(high)}. Change the plan so they no longer apply, or record the team's "
            "decision (accepted, mitigated, not applicable) with a note, before the clock starts.",
            "danger",
            tuple(high),
            "first",
        )
    if questions:
        return Advice(
            f"Approved: answer {len(questions)} blocking question{'s' * (len(questions) > 1)}, "
            "then start the time box",
            f"{_blocked(questions)}. {questions[0].why}",
            "warning",
            part="first",
        )
    first = stage.progress.started if stage.progress is not None else plan.done.started
    box = plan.done.timebox_weeks
    fold = plan.done.fold_action
    when = (
        f"The time box starts on {first:%Y-%m-%d}"
        if first is not None
        else "Write `started: YYYY-MM-DD` under done on the first day (or publish v1, whose day starts it)"
    )
    return Advice(
        f"Approved: start the {box:g}-week time box" if box else "Approved: start the time box",
        f"{when}, and log every run (`planner log`). When it ends, {_decider(plan)} takes the agreed "
        f"decision: ship, continue or fold" + (f" ({fold.strip().rstrip('.')})" if fold else "") + ".",
        "success",
        part="first",
    )


def _to_review(plan: Plan, item: Advice, risks: Sequence[Risk]) -> Advice:
    """A draft's go-ahead: its next move is the review, not the clock (that starts once approved)."""
    if item.part != "go":
        return item
    then = (
        f"set `status: in_review` and ask {_decider(plan)} to approve it in a pull request; the time box "
        "starts once it is approved"
    )
    if item.risks:
        return replace(
            item,
            title="Nearly ready: decide the open risks, then send it for review",
            reason=f"Every question is answered and no high risk is open. Record a decision on "
            f"{', '.join(item.risks)} (accepted, mitigated or not applicable, with a note), then {then}.",
        )
    return replace(
        item,
        title="This plan is sound: send it for review",
        reason=f"Every question is answered and no risk at medium or above is open{low_notes(risks)}: {then}.",
    )


def staged(
    plan: Plan,
    advice: Sequence[Advice],
    stage: Stage,
    risks: Sequence[Risk] = (),
    questions: Sequence[Blocking] = (),
) -> tuple[Advice, ...]:
    """The advice for the plan's stage, its next move first. `advice` is the plan's own (from
    `advise`, worded for `stage.started`); `risks` and `questions` are the register and the blocking
    questions it came from.

    Folded: the record only. Shipped: watch it live, and the high risks still open. A log that cannot
    be read: repair it first. At work (the clock started): the log's verdict leads once it decides
    (fold due, met, stalled), and for an approved or building plan while it is on track; no go-ahead
    follows. In review: the reviewer's decision. Approved, not started: start the time box. A draft:
    its own advice, its go-ahead turned into sending it for review."""
    if stage.status is Status.folded:
        return (_folded(plan, stage),)
    if stage.status is Status.shipped:
        return (_shipped(plan, stage), *_live_risks(advice))
    # Once started, there is no go-ahead to give, and what made the plan sound is behind it.
    rest = [item for item in advice if not (stage.started and item.part in ("go", "sound"))]
    if stage.log_error:
        return (_repair(stage), *rest)
    if stage.started:
        top = _log_move(plan, stage)
        deciding = stage.verdict in (FOLD_DUE, MET, STALLED)
        if top is not None and (deciding or stage.status in (Status.approved, Status.building)):
            return (top, *rest)
    if stage.status is Status.in_review:
        rules = next((item for item in rest if item.part == "rules"), None)
        kept = [item for item in rest if item.part not in BEFORE and item is not rules]
        return (_review(plan, risks, questions, rules), *kept)
    if stage.status is Status.approved and not stage.started:
        return (_approved(plan, stage, risks, questions), *[item for item in rest if item.part not in BEFORE])
    if stage.status is Status.draft and not stage.started:
        return tuple(_to_review(plan, item, risks) for item in rest)
    return tuple(rest)
