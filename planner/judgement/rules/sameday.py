"""Records written minutes or hours after a decision taken on the spot: a call-back's result, crews'
messages from the scene, closing notes, the disposition of the case.

The timing answers count in whole days (`lead_days`, `last_input_days`): a decision taken on the spot (a
call handler filtering calls, a nurse triaging at the door) from a log that keeps being written while the
case is handled passes them at 0 days, yet the log's later entries carry the outcome. A lead reads the
sources' own words for the records that come after the decision, and asks when each is written.
"""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, quote, read_paths, source_paths
from planner.judgement.rules.heard import said_in_use
from planner.judgement.rules.lexicon import AS_KNOWN
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Difference, Plan
from planner.plan.workings import InputsBuilt

# Records a case's log holds once it has been handled: what the handling found and how it ended.
AFTER_THE_DECISION = Lexicon("""
    call-back result, call-back results, callback result, callback results, call back result
    call-back outcome, call-back outcomes, callback outcome, callback outcomes, result of the call-back
    crew messages, crews messages, crew reports, crews reports, crew notes, messages from the scene
    notes from the scene, reports from the scene, report from the scene, scene reports, scene report
    on-scene notes, on-scene reports, on-scene findings, findings on scene, findings at the scene
    closing notes, closure notes, closing note, closure note, closing remarks, closing comments
    resolution notes, resolution note, wrap-up notes, wrap-up code, wrap-up codes
    disposition, dispositions, disposition code, disposition codes, outcome code, outcome codes
    closing code, closing codes, closure code, closure codes, resolution code, resolution codes
    stop code, stop codes, clearance code, clearance codes, final classification, final category
    follow-up notes, follow-up calls, after-action report, after-action reports, incident outcome
    time on scene, arrival on scene, arrival times, cleared time, time cleared, time closed
""")
# A decision said to be taken on the spot, where the lead in days is not answered.
ON_THE_SPOT = Lexicon("""
    on the spot, in real time, real-time, while the caller is on the line, during the call, as the call comes in
    as each call comes in, as the calls come in, at the door, at the counter, at the moment of the call
""")
# Words that say the log is read as it stood when the decision was taken: they settle it.
_AS_IT_STOOD = Lexicon("""
    as it stood, as they stood, as of the call, as of the decision, at the moment of the call, by timestamp
    by their timestamps, written before the decision, entries before the decision, before the decision
""")


def on_the_spot(plan: Plan) -> str | None:
    """The quote that says the decision is taken on the spot: a lead of 0 (or hours), else the decision's
    own words where no lead is answered."""
    lead = plan.product.lead_range()
    if lead is not None:
        if lead[0] >= 1:
            return None
        return f"product.lead_days: {lead[0]:g} (decided on the spot: anything written later that day counts as 0 days)"
    said = ON_THE_SPOT.find(plan.product.decision)
    return quote(plan, "product.decision", f"decided {said}") if said else None


def written_after_the_decision(plan: Plan) -> Evidence:
    """A decision taken on the spot from inputs or sources that name records written once the case is
    handled (a call-back's result, crews' messages, closing notes): a question naming the words. Quiet
    where the team marked late inputs, named these as known after, or built each row as it stood; a source
    whose records the label names (the closing code each alert's label is read from) holds the labels, not
    an input."""
    data = plan.constraints.data
    if Difference.later_inputs in data.differences or data.inputs_built is InputsBuilt.point_in_time:
        return None  # marked late (the rule quotes that), or every row rebuilt as it stood at the decision
    spot = on_the_spot(plan)
    if spot is None:
        return None
    if AFTER_THE_DECISION.find(" ; ".join(plan.product.inputs_after())):
        return None  # the team named them as known afterwards: the rule quotes that answer
    labels = {_one(word) for word in AFTER_THE_DECISION.find_all(plan.product.label)}
    sources = source_paths(plan)
    for path in (*read_paths(plan), "constraints.data.last_input"):
        text = answer_at(plan, path)
        if not isinstance(text, str) or AS_KNOWN.find(text) or _AS_IT_STOOD.find(text):
            continue
        words = said_in_use(AFTER_THE_DECISION, text)
        if path in sources and {_one(word) for word in words} <= labels:
            continue  # the label's own record: how each case was closed is what the model learns, not reads
        if words:
            note = (
                f"records written once the case is handled: {', '.join(words)}; when is each written: "
                "before the decision, or minutes or hours after it?"
            )
            return Hint(words, (quote(plan, path, note), spot))
    return None


def _one(words: str) -> str:
    """A record's name in the singular (`closing codes` -> `closing code`), to meet the label's wording."""
    return words.lower().removesuffix("s")
