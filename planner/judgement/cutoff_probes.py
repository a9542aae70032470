"""The question a lead asks where a batch runs at a fixed time and people record its inputs by shift.

A nightly or morning run reads what is in the tables at that moment. Where the inputs are written
around the clock or at the end of each shift (a late shift's notes, the night's readings typed up at
handover), whatever is entered after the run waits a whole cycle: the case is scored a day late, or
scored without its latest note while the training rows, filled in later, always had it.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Serving
from planner.plan.model import Plan

# Records people write by shift: a shift's notes, its handover, entries at the end of each shift.
SHIFT_RECORDED = Lexicon("""
    shift notes, shift note, shift reports, shift report, shift logs, shift log, shift handover
    handover notes, handover note, handover, handovers, every shift, each shift, end of each shift
    end of every shift, end of the shift, end of shift
""")
# Work done in shifts or around the clock: it records inputs by shift where the inputs, today's way or the
# people are said so; in the decision, the shifts are when people act on the output, or what it staffs.
SHIFT_WORKED = Lexicon("""
    late shift, late shifts, night shift, night shifts, evening shift, evening shifts, early shift, early shifts
    two shifts, three shifts, shift pattern, shift patterns
    around the clock, round the clock, round-the-clock, around-the-clock, 24/7, day and night, night and day
""")
# A run timed after the last entries, or one that picks late entries up again.
LATE_ENTRIES_HANDLED = Lexicon("""
    after the night shift, after the last shift, after handover, after the handover, after each shift
    after every shift, rescored, re-scored, rescore, re-score, rerun, re-run, reruns, re-runs
    as each note is saved, as notes arrive, as entries arrive, as each entry arrives, late entries
""")
_WORKED_IN = ("product.inputs", "product.current_solution", "product.users", "heuristics.humans_handle")
_RECORDED_IN = (*_WORKED_IN, "product.decision", "product.decision_owner")
_HANDLED_IN = (*_RECORDED_IN, "product.output", "constraints.data.differences_note")


@probe("batch-misses-late-entries", "inputs-known-only-later")
def _batch_misses_late_entries(plan: Plan) -> Found:
    if plan.constraints.latency.serving is not Serving.batch:
        return None
    found = first_said(plan, _RECORDED_IN, SHIFT_RECORDED) or first_said(plan, _WORKED_IN, SHIFT_WORKED)
    if found is None or first_said(plan, _HANDLED_IN, LATE_ENTRIES_HANDLED):
        return None
    path, words = found
    said = ", ".join(repr(word) for word in words[:3])
    return (
        f"The predictions run as a batch while the inputs are recorded by shift or around the clock "
        f"({said}): at what time does the run read the tables, and what share of a day's entries are "
        "written after it? Whatever a late shift records after the cut-off waits a whole cycle, so the case "
        "is scored a day late or without its latest note, while the training rows, filled in later, always "
        "had it; count the entries made after the planned run time in a past month, and time the run after "
        "the last shift's handover or score again as late entries arrive.",
        (quote(plan, "constraints.latency.serving"), quote(plan, path)),
    )
