"""Rules on labels a person types in later from memory (`constraints.data.label_writer: from_memory`).

A lead asks when the label is written. Hours, counts and amounts typed in at the end of a shift or a
week are remembered, not recorded: they come rounded (to the half hour, to tens), they lean toward what
the day should have taken, and the short or odd cases are forgotten. A model trained on them learns the
rounding and the habit, and its error, read against the same labels, hides the part they share.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import handled, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, LabelWriter, Plan

# Words saying a share of the outcomes is recorded as it happens, so the memory error can be measured.
TIMESTAMPED = Lexicon("""
    timestamped, time-stamped, timestamps, time stamps, clocked in, clocked out, clock-in, clock-out
    clock-ins, recorded as it happens, logged as it happens, recorded on the spot, logged on the spot
    time-tracked, time tracked, timer, timers, stopwatch, sensor log, sensor logs, scanner log, scan times
""")


def _measured(plan: Plan) -> bool:
    """Whether the plan says a share is recorded as it happens: in its notes or its monitoring."""
    monitors = [monitor.signal for monitor in plan.after_launch.monitoring]
    return handled(plan, TIMESTAMPED) or any(TIMESTAMPED.find(text) for text in monitors)


def _typed_later(plan: Plan) -> str | None:
    """The answer saying how many days after the outcome it is typed in, when the team gave one."""
    after = plan.constraints.data.label_recorded_after_days
    if not isinstance(after, (int, float)) or after < 1:
        return None
    return quote(plan, "constraints.data.label_recorded_after_days", f"remembered up to {after:g} days on")


@rule(
    "label-written-from-memory",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Record a timestamped sample to measure how far remembered labels drift",
        "Hours, counts or amounts typed in later from memory come rounded and lean toward what the work "
        "should have taken: for a few weeks, record a random sample as it happens (a timer, a scan, a "
        "clock-in), compare it with what was typed at the end of the shift, and know the rounding and "
        "bias before judging the model against those labels",
        "warning",
        done=lambda plan: _measured(plan),
    ),
    fires=(
        Case(
            {"constraints.data.label_writer": "from_memory"},
            evidence=(
                'constraints.data.label_writer: "from_memory" (typed in later from memory: rounded, and leaning '
                "toward what the work should have taken)",
            ),
        ),
        Case(  # typed in on a weekly round
            {
                "constraints.data.label_writer": "from_memory",
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 6,
            },
            evidence=(
                'constraints.data.label_writer: "from_memory" (typed in later from memory: rounded, and leaning '
                "toward what the work should have taken)",
                "constraints.data.label_recorded_after_days: 6 (remembered up to 6 days on)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_writer": "event"}),
        Case({"constraints.data.label_writer": "blind"}),
        Case(  # a timestamped sample measures the memory error
            {
                "constraints.data.label_writer": "from_memory",
                "after_launch.monitoring[0].signal": "Timestamped sample of 50 jobs a month against the timesheets.",
            }
        ),
    ),
)
def label_written_from_memory(plan: Plan) -> Evidence:
    """The label is typed in later from memory.

    Times, counts and amounts entered at the end of a shift or a week are remembered, not recorded: they
    are rounded, lean toward what the work should have taken, and drop the short or odd cases. The model
    learns the rounding and the habit, and an error measured against the same labels cannot show it.

    Mitigation: Record a random sample as it happens (a timer, a scan, a clock-in) for a few weeks,
    measure the rounding and bias of the remembered labels against it, and judge the model on it.
    """
    data = plan.constraints.data
    if data.label_writer is not LabelWriter.from_memory or _measured(plan):
        return None
    note = "typed in later from memory: rounded, and leaning toward what the work should have taken"
    later = _typed_later(plan)
    found = quote(plan, "constraints.data.label_writer", note)
    return (found, later) if later else (found,)
