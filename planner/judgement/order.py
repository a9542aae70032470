"""The order of a plan's moves: which lead (first moves), a danger at high first, then by level, a repair of
void evidence before a process move."""

from __future__ import annotations

from collections.abc import Iterable

from planner.judgement.rules.base import Move, Risk

TONES = ("danger", "warning", "info", "success")  # most pressing first
_LEVELS = {"high": 0, "medium": 1, "low": 2}

# Risks that void the evidence for going ahead: a model scored with inputs it will not have (the expert's own
# figure it replaces among them), on a split that puts the same thing on both sides, against a truth today's
# process made or picked, on labels only the chosen cases get, on outcomes a cap, an exit or a reserve cut
# short or the figure itself moved, or on questions whose own answers the index it retrieves from holds.
# Whatever else the plan does well, its figures do not say what they seem to; a move repairing one leads any
# process move (do it by hand, the sector's rules, a time box) at the same level, and at medium or above it is
# a first move.
VOIDS_EVIDENCE = frozenset(
    {
        "inputs-after-prediction",
        "future-inputs",
        "random-split-on-grouped-data",
        "random-split-on-time-data",
        "evaluation-truth-circular",
        "truth-from-old-process",
        "eval-set-picked",
        "selective-labels",
        "model-selects-cases",
        "capped-outcomes",
        "duration-of-one-exit",
        "default-marks-unlooked",
        "outcome-counts-reports",
        "outcome-ends-another-way",
        "outcome-missing-below-threshold",
        "figure-shapes-its-outcome",
        "input-is-todays-call",
        "eval-cases-written",
        "eval-by-simulator",
        "answers-in-the-index",
    }
)


def danger_leads(tone: str, risks: Iterable[Risk]) -> bool:
    """Whether a move leads all the advice: toned danger, on a risk that is high. A danger move at
    medium waits behind a high risk of any kind: the register's levels lead."""
    return tone == "danger" and any(risk.level == "high" for risk in risks)


def rank(item: tuple[Move, list[Risk]]) -> tuple[int, ...]:
    """A move's place: a danger whose risk is high first (`danger_leads`); then by its risks' level, a
    move the answers state before one only words raised, a repair of void evidence before a process move
    at the same level; then by tone and score."""
    move, hits = item
    top = min(hits, key=lambda risk: risk.standing)
    if danger_leads(move.tone, hits):
        return (0, 0, 0, 0, -top.score)
    voids = any(risk.id in VOIDS_EVIDENCE and risk.level == top.level for risk in hits)
    return (1, _LEVELS[top.level], int(bool(top.heard)), int(not voids), TONES.index(move.tone), -top.score)


def leads_first(move: Move, risks: Iterable[Risk]) -> bool:
    """Whether a move comes before the verdict, on the risks stated in the answers (a guess from words is
    not what the team does first): a `first` move at medium or above, or at low where it `reshapes` the
    plan (narrow the first model); a repair of void evidence from medium. A low note's other moves
    (guidelines, a document, a check) follow the stage's own next move: nothing there waits on them."""
    return any(
        (move.first and (risk.level != "low" or move.reshapes))
        or (risk.id in VOIDS_EVIDENCE and risk.level != "low")
        for risk in risks
        if not risk.heard
    )


def low_notes(risks: Iterable[Risk]) -> str:
    """For a go-ahead, why the low notes listed after it do not come first: ` (2 low notes below: ...)`."""
    count = sum(1 for risk in risks if not risk.decided and risk.level == "low")
    if not count:
        return ""
    return f" ({count} low note{'s' * (count != 1)} below: worth knowing, not a reason to wait)"
